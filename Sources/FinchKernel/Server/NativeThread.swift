internal import Glibc

/// A POSIX thread running one closure; `join()` waits for it to end.
final class NativeThread: @unchecked Sendable {
    private var thread = pthread_t()

    /// Starts `body` on a new thread.
    init(_ body: @escaping @Sendable () -> Void) {
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        let started = pthread_create(&thread, nil, { pointer in
            let box = Unmanaged<Box>.fromOpaque(pointer!).takeRetainedValue()
            box.body()
            return nil
        }, box)
        precondition(started == 0, "pthread_create failed with \(started)")
    }

    /// Waits until the closure returned.
    func join() { pthread_join(thread, nil) }

    private final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
}
