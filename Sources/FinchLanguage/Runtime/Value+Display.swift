import FinchDisplay

extension Value {
    /// The value as a MIME bundle for results and `display`: its text form.
    var bundle: MimeBundle { MimeBundle(plainText: text) }
}
