import Glibc

/// A fresh folder under /tmp for one test's files.
func temporaryFolder() -> String {
    var template = Array("/tmp/finch-data-test-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
}

/// Writes `bytes` to a new file named `name` in a fresh temporary folder; returns its path.
func temporaryFile(_ name: String, bytes: [UInt8]) -> String {
    let path = temporaryFolder() + "/" + name
    let file = fopen(path, "wb")!
    fwrite(bytes, 1, bytes.count, file)
    fclose(file)
    return path
}

/// Writes `text` as UTF-8 to a new file named `name`; returns its path.
func temporaryFile(_ name: String, text: String) -> String {
    temporaryFile(name, bytes: Array(text.utf8))
}
