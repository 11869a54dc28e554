import FinchDisplay

extension Value {
    /// The value as results and `display` show it: objects give their rich form (text plus HTML
    /// or SVG) and their charts, every other value its text form.
    var presentation: Presentation {
        if case .object(let ref) = self { return ref.object.presentation }
        return Presentation(MimeBundle(plainText: text))
    }
}
