import Glibc

/// The processor features this build of the engine was compiled to use, checked against the
/// processor it runs on, so that a fast build on an older CPU stops with a clear message instead
/// of an illegal instruction.
public enum CPUFeatures {
    /// The features the build's instructions need (`/proc/cpuinfo` flag names).
    public static var required: [String] {
        #if FINCH_HASWELL
        ["avx2", "fma"]
        #else
        []
        #endif
    }

    /// The features of `needed` this processor lacks; empty when it has them all, or when the
    /// processor's flags cannot be read (nothing to compare with).
    public static func missing(of needed: [String] = required, cpuinfo path: String = "/proc/cpuinfo") -> [String] {
        guard !needed.isEmpty, let flags = processorFlags(path) else { return [] }
        return needed.filter { !flags.contains($0) }
    }

    /// The message for a processor that lacks `missing`, or nil if nothing is missing.
    public static func problem(missing: [String]) -> String? {
        guard !missing.isEmpty else { return nil }
        return "this build of Finch uses \(missing.joined(separator: " and ")) instructions, which this processor lacks; "
            + "rebuild it with FINCH_PORTABLE=1 set (make does so by itself on such a processor)"
    }

    /// The words of the first `flags` line of a cpuinfo file.
    static func processorFlags(_ path: String) -> Set<String>? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0, let line {
            let text = String(cString: line)
            guard text.hasPrefix("flags") || text.hasPrefix("Features"), let colon = text.firstIndex(of: ":") else { continue }
            return Set(text[text.index(after: colon)...].split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init))
        }
        return nil
    }
}
