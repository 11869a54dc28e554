internal import Glibc

/// The folder holding Finch's shipped data files, the first of:
/// - `$FINCH_DATA`, when set and not empty;
/// - `share/finch/data` under the parent of the binary's folder, when it exists: an installed
///   `<prefix>/bin/finch` reads `<prefix>/share/finch/data`, as the pip wheel lays them out;
/// - the `data` folder at the root of the source tree this file was compiled from.
func dataFolder(environment: (String) -> String? = environmentVariable,
                executable: String? = runningExecutable(),
                isFolder: (String) -> Bool = folderExists) -> String {
    if let folder = environment("FINCH_DATA"), !folder.isEmpty { return folder }
    if let executable {
        let installed = (executable.split(separator: "/", omittingEmptySubsequences: false).dropLast(2)
                         + ["share", "finch", "data"]).joined(separator: "/")
        if isFolder(installed) { return installed }
    }
    // #filePath is <root>/Sources/FinchData/Builtin/DataFolder.swift.
    let components = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
    return (components.dropLast(4) + ["data"]).joined(separator: "/")
}

/// The value of the environment variable `name`, if set.
func environmentVariable(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}

/// The absolute path of the running binary (`/proc/self/exe`), if the system tells it.
func runningExecutable() -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    return length > 0 ? String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self) : nil
}

/// Whether `path` names a folder.
func folderExists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
}
