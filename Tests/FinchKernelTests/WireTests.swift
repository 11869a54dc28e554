import FinchJSON
@testable import FinchKernel
import Testing

@Suite struct SignerTests {
    // RFC 4231, test case 2.
    @Test func hmacSHA256MatchesTheRFCVector() throws {
        let signer = try HMACSigner(key: Array("Jefe".utf8), scheme: "hmac-sha256")
        #expect(signer.signature(of: [Array("what do ya want ".utf8), Array("for nothing?".utf8)])
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func verifyRejectsATamperedSignature() throws {
        let signer = try HMACSigner(key: Array("secret".utf8), scheme: "hmac-sha256")
        let parts = [Array("{}".utf8)]
        let good = signer.signature(of: parts)
        #expect(signer.verify(good, of: parts))
        #expect(!signer.verify(String(good.dropLast()) + (good.hasSuffix("0") ? "1" : "0"), of: parts))
        #expect(!signer.verify("", of: parts))
        #expect(!signer.verify(good, of: [Array("{ }".utf8)]))
    }

    @Test func unknownSchemeIsAnError() {
        #expect(throws: SignerError.unsupportedScheme("hmac-nonsense")) {
            try HMACSigner(key: [1], scheme: "hmac-nonsense")
        }
        #expect(throws: SignerError.unsupportedScheme("sha256")) { try HMACSigner(key: [1], scheme: "sha256") }
    }

    @Test func emptyKeyMeansNoSigning() throws {
        let signer = try makeSigner(key: "", scheme: "hmac-sha256")
        #expect(signer.signature(of: [[1, 2]]) == "")
        #expect(signer.verify("anything", of: [[1, 2]]))
    }
}

@Suite struct WireCodecTests {
    let codec = WireCodec(signer: try! HMACSigner(key: Array("k".utf8), scheme: "hmac-sha256"))
    let headers = HeaderFactory()

    @Test func roundTripsAMessageWithIdentitiesAndBuffers() throws {
        var message = headers.message("execute_request", content: ["code": "1"], parent: nil)
        message.identities = [[0, 1, 2], Array("client".utf8)]
        message.buffers = [[9, 9]]
        let frames = codec.encode(message)
        #expect(frames[2] == WireCodec.delimiter)
        #expect(try codec.decode(frames) == message)
    }

    @Test func refusesABadSignature() {
        var frames = codec.encode(headers.message("execute_request", content: ["code": "1"], parent: nil))
        frames[5] = Array(#"{"code":"2"}"#.utf8)
        #expect(throws: WireError.badSignature) { try codec.decode(frames) }
    }

    @Test func refusesFramesWithoutDelimiter() {
        #expect(throws: WireError.missingDelimiter) { try codec.decode([[1], [2]]) }
    }

    @Test func refusesTooFewFrames() {
        #expect(throws: WireError.missingFrames(count: 2)) { try codec.decode([WireCodec.delimiter, [], []]) }
    }

    @Test func refusesAPartThatIsNotAnObject() {
        let unsigned = WireCodec(signer: UnsignedScheme())
        let frames = [WireCodec.delimiter, [], Array("[]".utf8), Array("{}".utf8), Array("{}".utf8), Array("{}".utf8)]
        #expect(throws: WireError.malformedPart(name: "header", reason: "not an object")) { try unsigned.decode(frames) }
    }

    @Test func headersCarryTheProtocolFields() throws {
        let header = headers.header(type: "status")
        #expect(header["version"] == "5.3")
        #expect(header["msg_type"] == "status")
        #expect(header["session"]?.stringValue == headers.session)
        let id = try #require(header["msg_id"]?.stringValue)
        #expect(id.count == 36 && id.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
        let date = try #require(header["date"]?.stringValue)
        #expect(date.count == "2026-11-24T03:04:05.123456Z".count && date.hasSuffix("Z"))
    }
}

@Suite struct ConnectionInfoTests {
    @Test func readsEveryField() throws {
        let json = try JSONValue.parse(#"{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "ip": "127.0.0.1", "key": "abc", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "finch"}"#)
        let info = try ConnectionInfo.parse(json, path: "c.json")
        #expect(info.endpoint(port: info.controlPort) == "tcp://127.0.0.1:4")
        #expect(info.key == "abc")
        #expect(info.heartbeatPort == 5)
    }

    @Test func namesIPCEndpointsAsJupyterClientDoes() throws {
        let json = try JSONValue.parse(#"{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "ip": "/tmp/k", "transport": "ipc"}"#)
        #expect(try ConnectionInfo.parse(json, path: "c.json").endpoint(port: 3) == "ipc:///tmp/k-3")
    }

    @Test func namesTheMissingField() throws {
        let json = try JSONValue.parse(#"{"shell_port": 1, "ip": "127.0.0.1"}"#)
        #expect(throws: ConnectionFileError.missingField(path: "c.json", field: "iopub_port")) {
            try ConnectionInfo.parse(json, path: "c.json")
        }
    }

    @Test func saysWhenTheFileIsNotJSON() {
        #expect(throws: ConnectionFileError.malformed(path: "c.json", reason: "invalid JSON at byte 0: unexpected character")) {
            try ConnectionInfo.parse(Array("port=1".utf8), path: "c.json")
        }
    }
}

@Suite struct GlobTests {
    @Test(arguments: [("1?2*", "1+2", true), ("1?2*", "1+2+3", true), ("1?2*", "12", false), ("*", "", true),
                      ("a*b*c", "aXbYc", true), ("a*b*c", "aXbY", false), ("[0-9]*", "7x", true), ("[!0-9]*", "7x", false),
                      ("print*", "print 1", true), ("?", "ab", false)])
    func matchesLikeFnmatch(pattern: String, text: String, expected: Bool) {
        #expect(Glob(pattern).matches(text) == expected)
    }
}
