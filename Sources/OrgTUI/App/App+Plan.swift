import OrgKit

/// One line of the Plan view's list.
enum PlanLine: Equatable {
    /// A step of the plan (its index in `plan.steps`).
    case step(Int)
    /// A finding the plan leaves (its index in `plan.unresolved`).
    case unresolved(Int)
    case heading(String)
    case note(String)
    case blank

    var isSelectable: Bool {
        switch self {
        case .step, .unresolved: true
        case .heading, .note, .blank: false
        }
    }
}

/// The staffing plan the Plan view shows. The plan is worked out off the main loop (the
/// `.plan` effect) for the org as it is whenever the view is shown and the org has changed,
/// so keys never wait for it; until the answer comes the view says it is working.
public struct PlanPane: Sendable {
    /// The plan shown, and the revision of the org it was worked out for.
    public internal(set) var plan: Plan?
    var planRevision: Int?
    /// The revision a `.plan` effect is out for, nil when none is.
    var requested: Int?
    /// How far the planner has got with the request that is out.
    public internal(set) var progress: PlanProgress?
    /// The view's lines, built from `plan`.
    var lines: [PlanLine] = []

    public init() {}
}

extension App {
    /// Whether the plan shown is the plan for the org as it is now.
    static func planIsCurrent(_ state: AppState) -> Bool {
        state.planner.plan != nil && state.planner.planRevision == state.document.history.revision
    }

    /// Asks for a plan when the Plan view is shown and has none for the org as it is.
    static func requestPlan(_ state: inout AppState) -> [Effect] {
        guard state.tab == .plan, state.starting == nil, !state.quitting else { return [] }
        let revision = state.document.history.revision
        guard state.planner.planRevision != revision || state.planner.plan == nil, state.planner.requested != revision else { return [] }
        state.planner.requested = revision
        state.planner.progress = nil
        return [.plan(state.document.org)]
    }

    /// A plan arrived: shown if it is for the org as it is now, else dropped (the view has
    /// asked again since).
    static func receive(_ plan: Plan, for org: Org, _ state: inout AppState) {
        guard org == state.document.org else { return }
        let revision = state.document.history.revision
        let changed = state.planner.plan != plan
        state.planner.plan = plan
        state.planner.planRevision = revision
        if state.planner.requested == revision { state.planner.requested = nil }
        state.planner.progress = nil
        state.planner.lines = planLines(plan)
        if changed { state.lists[.plan] = ListState() }
        fitPlanSelection(&state)
    }

    /// The steps; then the hires' hours and the lower bound; then what the plan leaves —
    /// each group apart by a blank line.
    static func planLines(_ plan: Plan) -> [PlanLine] {
        var notes: [PlanLine] = []
        if !plan.hires.isEmpty {
            let hours = plan.hires.reduce(0) { $0 + $1.hoursPerWeek }
            notes.append(.note("Hires: \(plan.hires.count), \(Format.hours(hours)) a week in all"))
        }
        let bound = plan.lowerBound
        if bound.hours > 0 {
            notes.append(.note(bound.people > 0
                ? "Lower bound: at least \(Format.oneDecimal(bound.people)) of a new full-time person"
                : "Lower bound: the room is there, but not for this work"))
        }
        var left: [PlanLine] = []
        if !plan.unresolved.isEmpty {
            left = [.heading("Left as they are (\(plan.unresolved.count))")] + plan.unresolved.indices.map(PlanLine.unresolved)
        }
        let groups = [plan.steps.indices.map(PlanLine.step), notes, left].filter { !$0.isEmpty }
        return Array(groups.joined(separator: [PlanLine.blank]))
    }

    /// Keeps the Plan view's selection on a step or a finding left.
    static func fitPlanSelection(_ state: inout AppState) {
        let lines = state.planner.lines
        var list = state.lists[.plan, default: ListState()]
        if !(lines.indices.contains(list.selected) && lines[list.selected].isSelectable) {
            list.selected = lines.firstIndex(where: \.isSelectable) ?? 0
        }
        list.fit(count: lines.count, rows: Layout(state).listRows(for: .plan))
        state.lists[.plan] = list
    }

    /// The step selected in the Plan view, with its number (from 1).
    static func selectedPlanStep(_ state: AppState) -> (number: Int, step: Plan.Step)? {
        guard let plan = state.planner.plan, let line = selectedPlanLine(state), case .step(let index) = line else { return nil }
        return (index + 1, plan.steps[index])
    }

    static func selectedPlanLine(_ state: AppState) -> PlanLine? {
        let lines = state.planner.lines
        let selected = state.lists[.plan]?.selected ?? 0
        return lines.indices.contains(selected) ? lines[selected] : nil
    }

    /// Why `f` (a step) or `F` (the whole plan) cannot be used now, or nil.
    static func planUnavailable(_ state: AppState, step: Bool) -> String? {
        guard let plan = state.planner.plan else { return "the plan is still being worked out" }
        guard planIsCurrent(state) else { return "the plan is being worked out again for the org as it is now" }
        if plan.steps.isEmpty { return plan.unresolved.isEmpty ? "no plan is needed" : "no step of the plan helps here" }
        if step, selectedPlanStep(state) == nil { return "select a step (↑ ↓)" }
        return nil
    }

    /// `f` in the Plan view: the selected step, as one undo step.
    static func applyPlanStep(_ state: inout AppState) {
        guard let (number, step) = selectedPlanStep(state) else { return }
        guard commit(step.edit, &state) else {
            let reason = state.status?.text ?? "refused"
            state.status = StatusMessage(text: number > 1
                ? "Step \(number) was refused: \(reason) (it was planned after the steps before it; F applies them in order)"
                : "Step \(number) was refused: \(reason)", kind: .error)
            return
        }
        state.status = StatusMessage(text: "Applied step \(number): \(step.text) — u undoes it", kind: .success)
    }

    /// `F` in the Plan view: every step in order, each its own undo step.
    static func applyWholePlan(_ state: inout AppState) {
        guard let plan = state.planner.plan else { return }
        var applied = 0
        for step in plan.steps {
            guard commit(step.edit, &state) else {
                let reason = state.status?.text ?? "refused"
                state.status = StatusMessage(text: "Applied \(applied) of \(Format.count(plan.steps.count, "step")); step \(applied + 1) was refused: \(reason)", kind: .error)
                return
            }
            applied += 1
        }
        let undo = applied == 1 ? "u undoes it" : "u undoes each"
        state.status = StatusMessage(text: "Applied the whole plan: \(Format.count(applied, "step")) (\(Format.count(plan.moves.count, "move")), \(Format.count(plan.hires.count, "hire"))); \(undo)", kind: .success)
    }
}
