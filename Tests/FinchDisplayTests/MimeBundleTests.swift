import FinchDisplay
import Testing

@Suite struct MimeBundleTests {
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
