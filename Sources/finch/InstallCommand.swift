import ArgumentParser
internal import Glibc

/// `finch install`: writes the kernelspec so Jupyter can start Finch.
struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install", abstract: "Install the Finch kernelspec for Jupyter.",
        discussion: "With no location flag the kernelspec goes to the user's Jupyter data directory.")

    @Flag(name: .long, help: "Install for the current user (the default).")
    var user = false

    @Flag(name: .long, help: "Install into the active virtual environment ($VIRTUAL_ENV or $CONDA_PREFIX).")
    var sysPrefix = false

    @Option(name: .long, help: "Install under this prefix (PREFIX/share/jupyter/kernels).")
    var prefix: String?

    @Option(name: .long, help: "The kernel's name in Jupyter.")
    var name = "finch"

    func validate() throws {
        if [user, sysPrefix, prefix != nil].filter({ $0 }).count > 1 {
            throw ValidationError("choose one of --user, --sys-prefix and --prefix")
        }
        if name.isEmpty || !name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) {
            throw ValidationError("kernel name '\(name)' may hold only letters, digits, '-', '_' and '.'")
        }
    }

    func run() throws {
        let environment = ProcessEnvironment()
        let base: String
        if sysPrefix {
            guard let prefix = environment["VIRTUAL_ENV"] ?? environment["CONDA_PREFIX"] else {
                throw ValidationError("--sys-prefix needs an active virtual environment ($VIRTUAL_ENV or $CONDA_PREFIX)")
            }
            base = prefix + "/share/jupyter"
        } else if let prefix {
            base = prefix + "/share/jupyter"
        } else {
            base = environment["JUPYTER_DATA_DIR"]
                ?? (environment["XDG_DATA_HOME"] ?? ((environment["HOME"] ?? "/root") + "/.local/share")) + "/jupyter"
        }
        let installer = KernelspecInstaller(executable: kernelProgram(beside: try currentExecutablePath()))
        let folder = try installer.install(into: base + "/kernels/" + name)
        print("Installed kernelspec \(name) in \(folder)")
    }
}

/// The environment variables of this process.
struct ProcessEnvironment {
    subscript(name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}

/// What a kernelspec starts for the `finch` binary at `executable`: the `finch-launch` beside it
/// when there is one (it opens the sockets before finch loads, so the kernel is ready sooner),
/// else the binary itself.
func kernelProgram(beside executable: String) -> String {
    let launcher = executable.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/") + "/finch-launch"
    return access(launcher, X_OK) == 0 ? launcher : executable
}

/// The absolute path of the running `finch` binary.
func currentExecutablePath() throws -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard length > 0 else { throw CommandFailure("cannot find the path of the finch binary (/proc/self/exe)") }
    return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
