/// Amounts of memory or disk as people read them: MiB with one decimal (`65.2 MiB`), or whole
/// KiB below a tenth of a MiB (`12 KiB`), in every estimate, budget and size Finch shows.
public enum ByteSize {
    /// `bytes` written in MiB, or in KiB when under a tenth of a MiB.
    public static func text(_ bytes: Int) -> String {
        let format = NumberFormat(significantDigits: 3)
        if bytes < 104_858 { return format.string((Double(bytes) / 1024).rounded()) + " KiB" }
        return format.string((Double(bytes) / 1_048_576 * 10).rounded() / 10) + " MiB"
    }
}
