import Dispatch

/// Lets go of a large structure of objects on a background thread, so that work stopped by an
/// interrupt answers at once instead of after freeing what it had built (a model of 40,000
/// blocks is about a million objects and most of a second of `free`).
///
/// Give it the last reference: `BackgroundRelease.drop(consume layers)`. What it holds must not
/// be shared with anything that goes on running. It lives in FinchJSON, the lowest target, so
/// that the JSON parser (a stopped parse of a checkpoint's header) and the engine share it.
public enum BackgroundRelease {
    /// Releases `value` on a background queue.
    public static func drop<Value>(_ value: consuming Value) {
        let held = Held(value)
        DispatchQueue.global(qos: .utility).async { held.clear() }
    }
}

/// The one owner of a value on its way to the background queue.
private final class Held<Value>: @unchecked Sendable {
    private var value: Value?

    init(_ value: consuming Value) { self.value = value }

    func clear() { value = nil }
}
