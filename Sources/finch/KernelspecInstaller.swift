internal import Glibc

/// Writes the kernelspec (kernel.json and logos, built into the binary: see `KernelspecFiles.swift`)
/// into a Jupyter kernels folder, with `{finch}` in kernel.json replaced by the absolute path of the
/// program that starts the kernel (`finch-launch` or `finch`, see `kernelProgram(beside:)`).
/// Files are written 0644 and folders made 0755 whatever the umask, so every user's Jupyter can read
/// them and none can change them.
struct KernelspecInstaller {
    let executable: String

    /// Installs into `folder` (made with its parents as needed) and returns it.
    func install(into folder: String) throws -> String {
        try makeDirectories(folder)
        for (name, bytes) in Self.files {
            let contents = name == "kernel.json"
                ? Array(String(decoding: bytes, as: UTF8.self).replacing("{finch}", with: jsonEscaped(executable)).utf8)
                : bytes
            let path = folder + "/" + name
            guard writeFileBytes(contents, to: path), chmod(path, 0o644) == 0 else {
                throw CommandFailure("cannot write \(path): \(systemError())")
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
            if mkdir(current, 0o755) == 0 {
                guard chmod(current, 0o755) == 0 else { throw CommandFailure("cannot set the mode of \(current): \(systemError())") }
            } else if errno != EEXIST {
                throw CommandFailure("cannot create \(current): \(systemError())")
            }
        }
    }
}
