/// The release of Finch this language belongs to; runs record it beside their results.
public enum FinchRelease {
    /// The version, e.g. `0.1.0`.
    public static let version = "0.1.0"
}
