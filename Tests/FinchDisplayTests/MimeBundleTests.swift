@testable import FinchDisplay
import Testing

@Suite struct MimeBundleTests {
    @Test(arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("foobar", "Zm9vYmFy")])
    func base64MatchesRFC4648(_ text: String, _ encoded: String) {
        #expect(Base64.encode(Array(text.utf8)) == encoded)
    }

    @Test func aFigureShowsItsSVGAsAnImageThatUntrustedNotebooksKeep() {
        let figure = MimeBundle.figure(text: "~", svg: "<svg/>", title: "a < b")
        #expect(figure.plainText == "~")
        #expect(figure["image/svg+xml"] == "<svg/>")
        #expect(figure["text/html"] == #"<img src="data:image/svg+xml;base64,PHN2Zy8+" alt="a &lt; b">"#)
    }

    @Test func everyBundleHasPlainText() {
        let bundle = MimeBundle(plainText: "42")
        #expect(bundle.plainText == "42")
        #expect(bundle["text/html"] == nil)
    }

    @Test func addingARepresentationKeepsTheOthers() {
        let bundle = MimeBundle(plainText: "x").adding("text/html", "<b>x</b>")
        #expect(bundle["text/html"] == "<b>x</b>")
        #expect(bundle.plainText == "x")
        #expect(bundle.representations.count == 2)
    }
}
