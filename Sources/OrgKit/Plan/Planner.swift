/// Plans staffing for a whole org (docs/load-model.md, "The staffing plan"):
///
/// 1. **Moves.** The checker's own suggestions (the fit rule, verified changes), taken one
///    at a time against the org as the earlier steps left it, for the load findings:
///    overloads, understaffed roles and unfilled roles. A move is kept only when it leaves
///    fewer critical findings, or as many and fewer load findings, or as many of both and
///    fewer hours of overload and shortfall, and makes nothing else appear or get worse.
/// 2. **Hires**, only for what the moves leave: each an open position with a bundle of
///    work (`HireBundle`), kept by the same test.
///
/// It is greedy: each step is the first that helps in a fixed order, not the best of
/// every combination. Each hire takes as much as fits, so the hires are few; it does not
/// try every way to split the work among them.
public enum Planner {
    /// The plan for `org`, with at most `maxHires` hires (nil: as many as it takes).
    /// `progress` is told after each step.
    public static func plan(_ org: Org, maxHires: Int? = nil, progress: ((PlanProgress) -> Void)? = nil) -> Plan {
        var state = PlanState(org)
        let start = state.report
        let startHours = state.score.hours
        var steps: [Plan.Step] = []
        let tell: (PlanState, [Plan.Step]) -> Void = { state, steps in
            progress?(PlanProgress(steps: steps.count, hoursLeft: state.score.hours, hoursAtStart: startHours))
        }

        // 1. Moves that clear a finding on their own. A move that only eases one waits:
        // the hire that finding needs anyway may take it all, and one move fewer is better.
        moves(&state, clearingOnly: true, into: &steps, tell: tell)
        let lowerBound = state.lowerBound()

        // 2. Hires, for what the moves could not clear.
        var hires = 0
        var failures: [String: String] = [:]
        let existingOpen = org.people.filter(\.open).count
        while maxHires.map({ hires < $0 }) ?? true {
            let demands = HireBundle.demands(state)
            guard !demands.isEmpty else { break }
            var hired = false
            for seed in demands.prefix(12) {
                var reasons: [String] = []
                for bundle in HireBundle.options(seed: seed, demands: demands, state: state, number: existingOpen + hires + 1, reasons: &reasons) {
                    if let step = state.attempt(bundle.edit, kind: .hire, text: bundle.text(in: state.org), hire: bundle.hire) {
                        steps.append(step)
                        hired = true
                        break
                    }
                    reasons.append("a hire for it " + (state.refusal.map { "was refused: \($0)" } ?? "would not leave the org better"))
                }
                if hired { break }
                failures[seed.finding.key] = reasons.first ?? "no work here that a hire can take"
            }
            guard hired else { break }
            hires += 1
            tell(state, steps)
        }

        // 3. Moves that ease what the hires left (when hires are limited, or none fits).
        moves(&state, clearingOnly: false, into: &steps, tell: tell)

        // What is left: every critical finding, and the load findings, with why.
        let limitReached = maxHires.map { hires >= $0 } ?? false
        var unresolved: [Plan.Unresolved] = []
        for finding in state.report.findings where finding.severity == .critical || finding.isLoad {
            let reason: String
            if let known = failures[finding.key] {
                reason = known
            } else if finding.isLoad, limitReached {
                reason = maxHires == 0 ? "no hires allowed (--max-hires 0), and no move among the people there clears it"
                    : "the plan used its \(maxHires ?? 0) hire\(maxHires == 1 ? "" : "s") (--max-hires), and no move clears it"
            } else {
                reason = state.live.advice(for: finding, in: state.org).reason ?? "no move or hire the plan tries clears it"
            }
            unresolved.append(Plan.Unresolved(finding: finding, reason: reason))
        }
        return Plan(steps: steps, before: start, after: state.report, org: state.org, unresolved: unresolved,
                    lowerBound: lowerBound, maxHires: maxHires)
    }

    /// Takes the checker's suggestions for the load findings, one at a time, each checked
    /// against the org as the earlier ones left it, for up to four passes over them.
    static func moves(_ state: inout PlanState, clearingOnly: Bool, into steps: inout [Plan.Step], tell: (PlanState, [Plan.Step]) -> Void) {
        var pass = 0
        var moved = true
        while moved, pass < 4 {
            moved = false
            pass += 1
            for finding in state.report.findings where finding.isLoad {
                // An earlier move this pass may have cleared or changed it.
                guard let current = state.live.findings(about: finding.subject.kind, finding.subject.id, in: state.org)
                    .first(where: { $0.key == finding.key }) else { continue }
                guard let suggestion = state.live.advice(for: current, in: state.org).suggestion else { continue }
                let text = moveText(suggestion, in: state.org, hours: state.live.hours)
                guard let step = state.attempt(suggestion.edit, kind: .move, text: text, hire: nil,
                                               clearing: clearingOnly ? current.key : nil) else { continue }
                steps.append(step)
                moved = true
                tell(state, steps)
            }
        }
    }

    /// "Move Sales & Marketing (15.0 h) from Dana Reyes to 王芳", from a suggestion's change.
    static func moveText(_ suggestion: Suggestion, in org: Org, hours: Hours) -> String {
        guard let change = suggestion.change else { return suggestion.text }
        let role = org.role(change.role)?.name ?? change.role
        let to = org.person(change.to)
        let toName = to?.name ?? change.to
        let amount = Format.hours(change.hours)
        switch change.kind {
        case .move:
            let from = change.from.flatMap(org.person)
            let fromName = from?.name ?? change.from ?? ""
            let whole = from?.hat(for: change.role).map { abs(hours.hours(of: $0) - change.hours) < 1e-9 } ?? false
            let what = whole ? "\(role) (\(amount))" : "\(amount) of \(role)"
            if to?.external == true { return "Ask \(toName) to take on \(what) from \(fromName)" }
            return "Move \(what) from \(fromName) to \(toName)"
        case .give:
            if to?.external == true { return "Ask \(toName) for \(amount) more of \(role)" }
            return to?.wears(change.role) == true ? "Have \(toName) give \(role) \(amount) more" : "Give \(toName) \(amount) of \(role)"
        case .backup:
            return "Cross-train \(toName) as a backup for \(role)"
        }
    }
}

/// The org as the plan has left it so far, kept checked.
struct PlanState {
    var org: Org
    var live: LiveCheck
    var report: LoadReport
    var score: Score
    /// Ids of the open positions this plan created.
    var hireIDs: Set<String> = []
    /// Why the last refused attempt was refused, when something it brought was the reason.
    var refusal: String?

    init(_ org: Org) {
        self.org = org
        live = LiveCheck(org)
        report = live.report()
        score = Score(report, policy: org.policy)
    }

    /// Applies `edit` if it makes the org better (`Score`) and makes no other finding appear
    /// or get worse; returns the step, or nil and leaves the state as it was.
    /// With `clearing`, the step must also clear the finding of that key.
    mutating func attempt(_ edit: Edit, kind: Plan.Step.Kind, text: String, hire: Plan.Hire?, clearing: String? = nil) -> Plan.Step? {
        var org = self.org
        refusal = nil
        guard let inverse = try? org.apply(edit) else { return nil }
        var live = self.live
        live.update(to: org, edit: edit, inverse: inverse)
        let report = live.report()
        let score = Score(report, policy: org.policy)
        guard score < self.score else { return nil }
        if let clearing, report.findings.contains(where: { $0.key == clearing }) { return nil }
        let comparison = ReportComparison(before: self.report, after: report)
        // Subjects the step is working on: a fill turns "unfilled" into "short", which is
        // progress, not a new problem.
        let working = Set(self.report.findings.filter(\.isLoad).map(\.subject))
        var hires = hireIDs
        if let hire { hires.insert(hire.id) }
        func tolerated(_ finding: Finding) -> Bool {
            if working.contains(finding.subject), finding.isLoad || finding.rule == .singlePointOfFailure { return true }
            // A role covered only by the plan's own open positions: hiring them clears it.
            if case .coveredOnlyByOpen = finding.explanation, !hires.isEmpty {
                return live.hours.wearers(ofRole: finding.subject.kind == .role ? finding.subject.id : (org.duty(finding.subject.id)?.role ?? ""))
                    .filter { org.person($0)?.open == true }.allSatisfy(hires.contains)
            }
            return false
        }
        let untolerated = comparison.new.filter { !tolerated($0) } + comparison.worse.map(\.after).filter { !tolerated($0) }
        guard untolerated.isEmpty else {
            refusal = "it would bring " + untolerated.prefix(3).map { "\($0.rule.rawValue) · \($0.subject.name)" }.joined(separator: ", ")
            return nil
        }

        var loads: [Plan.LoadChange] = []
        for (position, after) in live.loads.enumerated() where !after.external {
            let before = self.report.load(of: after.id)
            // `==` too: an infinite load (a week of 0 hours) that stays infinite is no change.
            if let before, before.load == after.load || abs(before.load - after.load) < 1e-9, before.allocatedHours == after.allocatedHours { continue }
            loads.append(Plan.LoadChange(id: after.id, name: org.people[position].name, before: before?.load, after: after.load))
        }
        var step = Plan.Step(kind: kind, text: text, edit: edit, loads: loads,
                             cleared: comparison.resolved, eased: comparison.better.map(\.after),
                             brings: comparison.new + comparison.worse.map(\.after), hire: hire,
                             findingsAfter: Plan.Counts(report))
        if let hire, let position = org.position(ofPerson: hire.id) {
            // The hats' hours as the check counts them.
            step.hire?.hatHours = org.people[position].hats.map { live.hours.hours(of: $0) }
        }
        self.org = org
        self.live = live
        self.report = report
        self.score = score
        hireIDs = hires
        return step
    }

    /// The least the load findings left need, whoever does the work.
    func lowerBound() -> Plan.LowerBound {
        let policy = org.policy
        var hours = 0.0
        var overloaded: Set<String> = []
        for finding in report.findings where finding.isLoad {
            switch finding.explanation {
            case .overload:
                guard let load = report.load(of: finding.subject.id) else { continue }
                overloaded.insert(load.id)
                // Had they no switching left, this much would still be over the line.
                hours += max(0, load.allocatedHours - policy.warnAt * load.capacityHours * load.availability)
            case .understaffedRole(_, _, let needs, let given, _, _): hours += max(0, needs - given)
            case .unfilledRole(_, _, let roleHours, _): hours += roleHours
            default: break
            }
        }
        var room = 0.0
        for load in live.loads where !load.external && !overloaded.contains(load.id) {
            room += max(0, policy.warnAt * load.capacityHours * load.availability - load.allocatedHours)
        }
        let personHours = policy.warnAt * policy.hoursPerWeek * policy.availability
        return Plan.LowerBound(hours: hours, roomElsewhere: room,
                               people: personHours > 0 ? max(0, hours - room) / personHours : 0, personHours: personHours)
    }
}

/// How bad an org is, for the plan: fewer critical findings first, then fewer load
/// findings, then fewer hours of overload and shortfall (by at least a quarter hour).
struct Score: Comparable {
    var critical: Int
    var targets: Int
    var hours: Double

    init(_ report: LoadReport, policy: Policy) {
        critical = report.count(.critical)
        var targets = 0
        var hours = 0.0
        for finding in report.findings where finding.isLoad {
            targets += 1
            switch finding.explanation {
            case .overload:
                if let load = report.load(of: finding.subject.id) {
                    hours += max(0, load.allocatedHours - policy.warnAt * load.effectiveHours)
                }
            case .understaffedRole(_, _, let needs, let given, _, _): hours += max(0, needs - given)
            case .unfilledRole(_, _, let roleHours, _): hours += roleHours
            default: break
            }
        }
        self.targets = targets
        self.hours = hours
    }

    static func < (a: Score, b: Score) -> Bool {
        if a.critical != b.critical { return a.critical < b.critical }
        if a.targets != b.targets { return a.targets < b.targets }
        return a.hours < b.hours - 0.25
    }

    static func == (a: Score, b: Score) -> Bool { !(a < b) && !(b < a) }
}
