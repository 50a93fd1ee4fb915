import Synchronization

/// Holds a command's last large result (the org and its report) until the process ends.
/// At 100,000 people, freeing them value by value on the way out took a tenth of
/// `hats check`'s time, for memory the process gives back anyway when it exits.
/// Only the last one is kept, so a caller that runs many commands in one process (the
/// tests) holds one result, not all of them.
enum KeepUntilExit {
    private struct Kept: @unchecked Sendable { var value: Any? }
    private static let slot = Mutex(Kept(value: nil))

    static func keep(_ value: Any) {
        let previous = slot.withLock { kept in
            let previous = kept.value
            kept.value = value
            return Kept(value: previous)
        }
        _ = previous  // released here, outside the lock
    }
}
