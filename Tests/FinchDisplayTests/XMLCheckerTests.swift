import Testing

@Suite struct XMLCheckerTests {
    @Test func acceptsWellFormedDocuments() {
        #expect(xmlProblem("<a><b x=\"1 &amp; 2\">t &lt; u</b><c/></a>") == nil)
        #expect(xmlProblem("<?xml version=\"1.0\"?>\n<svg><!-- note --><text>&#8730;</text></svg>") == nil)
    }

    @Test func rejectsMalformedDocuments() {
        #expect(xmlProblem("<a><b></a></b>") == "</a> closes <b> at 10")
        #expect(xmlProblem("<a>1 < 2</a>") == "bad tag at 6")
        #expect(xmlProblem("<a>R&D</a>") == "bad entity at 4")
        #expect(xmlProblem("<a x=1></a>") == "unquoted attribute x in <a>")
        #expect(xmlProblem("<a></a><b></b>") == "2 root elements")
        #expect(xmlProblem("<a>") == "<a> not closed")
        #expect(xmlProblem("<a x=\"1\" x=\"2\"/>") != nil)
    }
}
