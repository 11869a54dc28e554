internal import Glibc

/// Copies the kernelspec folder (kernel.json template and logos) into a Jupyter kernels folder,
/// with `{finch}` in kernel.json replaced by the absolute path of the binary.
struct KernelspecInstaller {
    /// `kernelspec/` at the root of the source tree this binary was built from.
    static let defaultSourceFolder: String = {
        let file = "\(#filePath)"
        guard let sources = file.firstRange(of: "/Sources/finch/") else { return "kernelspec" }
        return String(file[..<sources.lowerBound]) + "/kernelspec"
    }()

    static let files = ["kernel.json", "logo-32x32.png", "logo-64x64.png", "logo-svg.svg"]

    let sourceFolder: String
    let executable: String

    /// Installs into `folder` (made with its parents as needed) and returns it.
    func install(into folder: String) throws -> String {
        try makeDirectories(folder)
        for file in Self.files {
            let source = sourceFolder + "/" + file
            guard var bytes = readFileBytes(source) else {
                throw CommandFailure("cannot read \(source): \(systemError()); pass --kernelspec DIR")
            }
            if file == "kernel.json" {
                let template = String(decoding: bytes, as: UTF8.self)
                bytes = Array(template.replacing("{finch}", with: jsonEscaped(executable)).utf8)
            }
            guard writeFileBytes(bytes, to: folder + "/" + file) else {
                throw CommandFailure("cannot write \(folder)/\(file): \(systemError())")
            }
        }
        return folder
    }

    private func jsonEscaped(_ text: String) -> String {
        text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
    }

    private func makeDirectories(_ path: String) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw CommandFailure("cannot create \(current): \(systemError())")
            }
        }
    }
}
