#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FinchLanguage
import Testing

/// Runs each `.finch` file in `Samples/` as one cell (jlox style): what it prints must match
/// its `# expect: TEXT` comments in order, and a `# error: NAME: MESSAGE` comment names the
/// error that must stop it.
@Suite struct SampleTests {
    /// The directory holding the samples, found beside this file.
    static let directory: String = {
        let path = #filePath
        return String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) + "/Samples"
    }()

    /// The sample file names, sorted.
    static let files: [String] = {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasSuffix(".finch") { names.append(name) }
        }
        return names.sorted()
    }()

    @Test func samplesExist() { #expect(SampleTests.files.count >= 4) }

    @Test(arguments: files) func sample(_ name: String) throws {
        let source = try #require(readTextFile(SampleTests.directory + "/" + name))
        var expectedOutput: [String] = []
        var expectedError: String?
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if let range = line.firstRange(of: "# expect: ") { expectedOutput.append(String(line[range.upperBound...])) }
            if let range = line.firstRange(of: "# error: ") { expectedError = String(line[range.upperBound...]) }
        }
        let sink = RecordingSink()
        let outcome = FinchSession(output: sink, isInterrupted: { false }).execute(source)
        var output = sink.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if output.last == "" { output.removeLast() }
        #expect(output == expectedOutput)
        switch outcome {
        case .success:
            #expect(expectedError == nil, "expected \(expectedError ?? "")")
        case .failure(let error):
            #expect("\(error.name): \(error.message)" == expectedError)
        }
    }
}
