import Foundation
import OrgKit
import OrgTUI

/// Works things out for the builder on a thread of its own, one at a time, so the run loop
/// never waits for them: the Plan view's staffing plans (seconds at 10,000 people) and the
/// findings of a large org just opened. A request made while one is being worked out waits
/// for it, replacing any older request still waiting; the loop collects progress and
/// answers with `take()`.
final class OffLoopWorker: @unchecked Sendable {
    /// A piece of work: reports progress as it goes (only the latest is kept) and returns
    /// the answer, both as messages for the app.
    typealias Job = @Sendable (_ progress: @escaping @Sendable (Msg) -> Void) -> Msg

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var waiting: Job?
    private var running = false
    private var results: [Msg] = []
    private var progress: Msg?

    init() {}

    /// Work is being done or waits to be, or an answer is ready to be taken.
    var isBusy: Bool {
        condition.lock()
        defer { condition.unlock() }
        return running || waiting != nil || !results.isEmpty
    }

    /// Asks for `job` to be done.
    func request(_ job: @escaping Job) {
        condition.lock()
        waiting = job
        let start = !running
        running = true
        condition.unlock()
        guard start else { return }
        let thread = Thread { [self] in work() }
        // The work's data is on the heap; the stack is generous all the same.
        thread.stackSize = 16 << 20
        thread.start()
    }

    private func work() {
        while true {
            condition.lock()
            guard let job = waiting else {
                running = false
                condition.broadcast()
                condition.unlock()
                return
            }
            waiting = nil
            condition.unlock()
            let answer = job { [self] message in
                condition.lock()
                progress = message
                condition.unlock()
            }
            condition.lock()
            results.append(answer)
            progress = nil
            condition.unlock()
        }
    }

    /// The progress and the answers since the last call.
    func take() -> [Msg] {
        condition.lock()
        defer { condition.unlock() }
        let messages = (progress.map { [$0] } ?? []) + results
        progress = nil
        results = []
        return messages
    }

    /// Waits until no work is being done or waiting (tests use it before they look).
    func waitUntilIdle() {
        condition.lock()
        while running { condition.wait() }
        condition.unlock()
    }
}
