import FinchDisplay

extension Value {
    /// The value as a MIME bundle for results and `display`: objects give their rich form
    /// (text plus HTML or SVG), every other value its text form.
    var bundle: MimeBundle {
        if case .object(let ref) = self { return ref.object.bundle }
        return MimeBundle(plainText: text)
    }
}
