import Foundation

/// A value shared between threads, read and written only under a lock.
///
/// Behind `NSLock` (a pthread mutex) rather than the standard library's `Mutex`: on Linux
/// `Mutex` locks with raw futex calls, which ThreadSanitizer cannot see, so every access
/// under it was reported as a race (`swift test --sanitize=thread`, Advisor's pools).
/// Public for the CLI's own shared slots (`KeptUntilExit`).
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
