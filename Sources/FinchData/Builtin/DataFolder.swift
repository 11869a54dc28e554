internal import Glibc

/// The folder holding Finch's shipped data files: `$FINCH_DATA` when set and not empty,
/// otherwise the `data` folder at the root of the source tree this file was compiled from.
func dataFolder(environment: (String) -> String? = environmentVariable) -> String {
    if let folder = environment("FINCH_DATA"), !folder.isEmpty { return folder }
    // #filePath is <root>/Sources/FinchData/Builtin/DataFolder.swift.
    let components = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
    return (components.dropLast(4) + ["data"]).joined(separator: "/")
}

/// The value of the environment variable `name`, if set.
func environmentVariable(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}
