import Foundation
import OrgKit
import OrgTUI

/// Works out staffing plans for the builder on a thread of its own, one at a time, so the
/// run loop never waits for one (a plan for 10,000 people takes seconds). A request made
/// while a plan is being worked out waits for it, replacing any older request still
/// waiting; the loop collects progress and plans with `take()`.
final class PlanWorker: @unchecked Sendable {
    typealias Planning = @Sendable (Org, _ progress: @escaping (PlanProgress) -> Void) -> Plan

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var waiting: Org?
    private var running = false
    private var results: [Msg] = []
    private var progress: PlanProgress?
    private let planning: Planning

    init(planning: @escaping Planning = { org, progress in Planner.plan(org, progress: progress) }) {
        self.planning = planning
    }

    /// A plan is being worked out or waits to be, or one is ready to be taken.
    var isBusy: Bool {
        condition.lock()
        defer { condition.unlock() }
        return running || waiting != nil || !results.isEmpty
    }

    /// Asks for the plan of `org`.
    func request(_ org: Org) {
        condition.lock()
        waiting = org
        let start = !running
        running = true
        condition.unlock()
        guard start else { return }
        let thread = Thread { [self] in work() }
        // The planner's data is on the heap; the stack is generous all the same.
        thread.stackSize = 16 << 20
        thread.start()
    }

    private func work() {
        while true {
            condition.lock()
            guard let org = waiting else {
                running = false
                condition.broadcast()
                condition.unlock()
                return
            }
            waiting = nil
            condition.unlock()
            let plan = planning(org) { [self] step in
                condition.lock()
                progress = step
                condition.unlock()
            }
            condition.lock()
            results.append(.planned(for: org, plan))
            progress = nil
            condition.unlock()
        }
    }

    /// The progress and the plans since the last call, as messages for the app.
    func take() -> [Msg] {
        condition.lock()
        defer { condition.unlock() }
        var messages = progress.map { [Msg.planProgress($0)] } ?? []
        messages += results
        progress = nil
        results = []
        return messages
    }

    /// Waits until no plan is being worked out or waiting (tests use it before they look).
    func waitUntilIdle() {
        condition.lock()
        while running { condition.wait() }
        condition.unlock()
    }
}
