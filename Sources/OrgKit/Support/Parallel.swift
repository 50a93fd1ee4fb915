import Dispatch
import Foundation

/// Work over many independent items, spread over the CPU's cores when there are enough
/// items to be worth it. Each result lands in its own slot, so the outcome is the same as
/// computing them one by one, in order.
public enum Parallel {
    /// `(0..<count).map(transform)`, in chunks on several threads when `count` is at least
    /// `minimum`. `transform` must only read shared state (value types, no caches).
    /// `chunksPerWorker`: how finely the items are dealt out; more, when items take very
    /// different times (one core otherwise waits for the other's last chunk).
    public static func map<T>(_ count: Int, minimum: Int = 512, chunksPerWorker: Int = 4, _ transform: (Int) -> T) -> [T] {
        guard count >= minimum else { return (0..<count).map(transform) }
        let workers = ProcessInfo.processInfo.activeProcessorCount
        guard workers > 1 else { return (0..<count).map(transform) }
        let chunks = min(count, workers * max(1, chunksPerWorker))
        // Each result made in its own slot of the final array: a list of optionals copied
        // into the result afterwards held every result twice.
        return withoutActuallyEscaping(transform) { transform in
            Array(unsafeUninitializedCapacity: count) { buffer, initialized in
                let work = Work(buffer: buffer, transform: transform)
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    for index in count * chunk / chunks..<count * (chunk + 1) / chunks {
                        (work.buffer.baseAddress! + index).initialize(to: work.transform(index))
                    }
                }
                initialized = count
            }
        }
    }

    /// The result slots, written by several threads, each slot by exactly one of them,
    /// and the transform, which only reads (the caller's promise).
    private struct Work<T>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<T>
        let transform: (Int) -> T
    }

    /// Lets go of `value` on another thread: freeing a large org's structures value by value
    /// takes tens of milliseconds that the caller need not wait for (`LoadChecker.check`
    /// frees its working state this way while the report is written).
    public static func release<T>(_ value: consuming T) {
        let box = Released(value)
        DispatchQueue.global(qos: .utility).async { box.drop() }
    }

    /// The only reference to a value being let go of: whichever thread drops it frees it.
    private final class Released: @unchecked Sendable {
        private var value: Any?

        init(_ value: consuming Any) {
            self.value = value
        }

        func drop() {
            value = nil
        }
    }
}
