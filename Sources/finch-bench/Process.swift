import Glibc

/// Peak resident set size of this process in MiB (VmHWM), or 0 if unknown.
func peakResidentMiB() -> Double {
    guard let file = fopen("/proc/self/status", "r") else { return 0 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, Int32(line.count), file) != nil {
        let bytes = line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("VmHWM:") {
            let digits = text.filter(\.isNumber)
            return (Double(digits) ?? 0) / 1024
        }
    }
    return 0
}

/// Prints `name: value` with `value` to 4 decimals.
func figure(_ name: String, _ value: Double) {
    let rounded = (value * 10_000).rounded() / 10_000
    print("\(name): \(rounded)")
}
