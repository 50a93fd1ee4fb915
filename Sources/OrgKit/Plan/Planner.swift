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
        plan(org, maxHires: maxHires, progress: progress, checkEveryStepFully: false)
    }

    /// The plan's first `maxSteps` steps, in the order the whole plan takes them (the whole
    /// plan when it is shorter): for `hats-bench`, which times applying a step at 100,000
    /// people, where the whole plan is far too slow to wait for. Every finding the steps
    /// leave is listed as left, "the plan stopped after N steps".
    package static func plan(_ org: Org, maxSteps: Int) -> Plan {
        plan(org, maxHires: nil, progress: nil, checkEveryStepFully: false, maxSteps: maxSteps)
    }

    /// `plan`; with `checkEveryStepFully`, every step is judged on a full report of the org
    /// after it (the slow way, which the tests compare the quick one with); with `maxSteps`,
    /// it stops after that many steps.
    static func plan(_ org: Org, maxHires: Int?, progress: ((PlanProgress) -> Void)?, checkEveryStepFully: Bool, maxSteps: Int? = nil) -> Plan {
        var state = PlanState(org)
        state.checkEveryStepFully = checkEveryStepFully
        let start = state.report
        let startHours = state.score.hours
        var steps: [Plan.Step] = []
        let tell: (PlanState, [Plan.Step]) -> Void = { state, steps in
            progress?(PlanProgress(steps: steps.count, hoursLeft: state.score.hours, hoursAtStart: startHours))
        }

        // 1. Moves that clear a finding on their own. A move that only eases one waits:
        // the hire that finding needs anyway may take it all, and one move fewer is better.
        moves(&state, clearingOnly: true, into: &steps, maxSteps: maxSteps, tell: tell)
        state.refreshReport()
        let lowerBound = state.lowerBound()

        // 2. Hires, for what the moves could not clear.
        var hires = 0
        var failures: [String: String] = [:]
        let existingOpen = org.people.filter(\.open).count
        let stopped = { maxSteps.map { steps.count >= $0 } ?? false }
        while maxHires.map({ hires < $0 }) ?? true, !stopped() {
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
        moves(&state, clearingOnly: false, into: &steps, maxSteps: maxSteps, tell: tell)

        // What is left: every critical finding, and the load findings, with why.
        state.refreshReport()
        let limitReached = maxHires.map { hires >= $0 } ?? false
        var unresolved: [Plan.Unresolved] = []
        for finding in state.report.findings where finding.severity == .critical || finding.isLoad {
            let reason: String
            if stopped(), let maxSteps {
                reason = "the plan stopped after \(Format.count(maxSteps, "step"))"
            } else if let known = failures[finding.key] {
                reason = known
            } else if finding.isLoad, limitReached {
                reason = maxHires == 0 ? "no hires allowed (--max-hires 0), and no move among the people there clears it"
                    : "the plan used its \(maxHires ?? 0) hire\(maxHires == 1 ? "" : "s") (--max-hires), and no move clears it"
            } else {
                reason = state.advice(for: finding).reason ?? "no move or hire the plan tries clears it"
            }
            unresolved.append(Plan.Unresolved(finding: finding, reason: reason))
        }
        return Plan(steps: steps, before: start, after: state.report, org: state.org, unresolved: unresolved,
                    lowerBound: lowerBound, maxHires: maxHires)
    }

    /// Takes the checker's suggestions for the load findings, one at a time, each checked
    /// against the org as the earlier ones left it, for up to four passes over them.
    static func moves(_ state: inout PlanState, clearingOnly: Bool, into steps: inout [Plan.Step], maxSteps: Int? = nil,
                      tell: (PlanState, [Plan.Step]) -> Void) {
        var pass = 0
        var moved = true
        while moved, pass < 4 {
            moved = false
            pass += 1
            for finding in state.loadFindings {
                if let maxSteps, steps.count >= maxSteps { return }
                // An earlier move this pass may have cleared or changed it.
                guard let current = state.live.findings(about: finding.subject.kind, finding.subject.id, in: state.org)
                    .first(where: { $0.key == finding.key }) else { continue }
                guard let suggestion = state.advice(for: current).suggestion else { continue }
                let text = moveText(suggestion, in: state.org, hours: state.live.hours)
                guard let step = state.attempt(suggestion.edit, kind: .move, text: text, hire: nil,
                                               clearing: clearingOnly ? current : nil) else { continue }
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
            // Cover for a leadership role is a deputy, with no hours of it (Advisor.backup).
            if org.role(change.role).map(Kinship.isLeadership) == true { return "Name \(toName) deputy for \(role)" }
            return "Cross-train \(toName) as a backup for \(role)"
        }
    }
}

/// The org as the plan has left it so far, kept checked.
///
/// A plan of a large org is thousands of steps, and most steps tried are kept. So a step
/// that touches a few people is judged on what it changes alone — the findings of the
/// subjects the live check re-ran, before and after — and applied in place (undone if it
/// is not kept), never by copying the org or re-sorting every finding. The result is the
/// same as judging it on a full report (`checkEveryStepFully`, which the tests compare it
/// with): the findings no rule re-ran are the same before and after, so they add nothing
/// to a comparison, and the score's hours are summed in report order all the same.
struct PlanState {
    var org: Org
    var live: LiveCheck
    var score: Score
    /// Ids of the open positions this plan created.
    var hireIDs: Set<String> = []
    /// Why the last refused attempt was refused, when something it brought was the reason.
    var refusal: String?
    /// Judge every step on a full report of the org after it (slow; for the tests).
    var checkEveryStepFully = false
    /// The org's kinship of roles: a plan changes people, never roles.
    let kinship: Kinship
    /// The load findings in report order, each with its hours of overload or shortfall:
    /// what `Score` adds up, kept up to date step by step.
    private var loadTerms: [LoadTerm]
    /// The full report, as of the last `refreshReport()` (a step leaves it out of date).
    private var fullReport: LoadReport
    private var reportIsCurrent = true

    struct LoadTerm {
        var finding: Finding
        var hours: Double
    }

    init(_ org: Org) {
        self.org = org
        kinship = Kinship(org)
        live = LiveCheck(org)
        fullReport = live.report()
        score = Score(fullReport, policy: org.policy)
        loadTerms = []
        loadTerms = terms(of: fullReport)
    }

    /// The org's full report. Call `refreshReport()` after the last step first.
    var report: LoadReport {
        precondition(reportIsCurrent, "the plan's report is out of date: refreshReport() first")
        return fullReport
    }

    /// The roles' roomiest wearers, for the checker's suggestions: what a step changes is
    /// forgotten when the step is kept.
    let roomiest = RoomiestCache()

    /// The checker's suggestion for a finding of the org as it is, or why there is none.
    func advice(for finding: Finding) -> Advice {
        // The slow way works everything out again, as `hats check` does.
        if checkEveryStepFully { return live.advice(for: finding, in: org) }
        return live.advice(for: finding, in: org, kinship: kinship, roomiest: roomiest)
    }

    /// The load findings, in report order (always up to date).
    var loadFindings: [Finding] { loadTerms.map(\.finding) }

    /// Brings `report` up to date with the steps taken since it was last made.
    mutating func refreshReport() {
        guard !reportIsCurrent else { return }
        fullReport = live.report()
        reportIsCurrent = true
    }

    /// Applies `edit` if it makes the org better (`Score`) and makes no other finding appear
    /// or get worse; returns the step, or nil and leaves the state as it was.
    /// With `clearing`, the step must also clear that finding.
    mutating func attempt(_ edit: Edit, kind: Plan.Step.Kind, text: String, hire: Plan.Hire?, clearing: Finding? = nil) -> Plan.Step? {
        refusal = nil
        if !checkEveryStepFully {
            // In place: when the edit's reach is local (hats and hours of a few people).
            guard let inverse = Self.apply(edit, to: &org) else { return nil }
            if live.isLocal(edit, inverse: inverse, in: org) {
                return attemptLocal(edit, inverse: inverse, kind: kind, text: text, hire: hire, clearing: clearing)
            }
            Self.undo(inverse, in: &org)
        }
        refreshReport()
        return attemptFully(edit, kind: kind, text: text, hire: hire, clearing: clearing)
    }

    /// `attempt` for an edit already applied to `org`, whose reach is local.
    private mutating func attemptLocal(_ edit: Edit, inverse: Edit, kind: Plan.Step.Kind, text: String, hire: Plan.Hire?, clearing: Finding?) -> Plan.Step? {
        var found: LiveCheck.Change?
        live.update(to: org, edit: edit, inverse: inverse, change: &found)
        guard let change = found else {
            preconditionFailure("a local edit was checked in full")
        }
        func undo() {
            Self.undo(inverse, in: &org)
            var ignored: LiveCheck.Change?
            live.update(to: org, edit: inverse, inverse: edit, change: &ignored)
        }
        // The findings of the subjects re-checked, in report order: the rest are unchanged.
        let before = LoadReport(findings: change.before, people: [])
        let after = LoadReport(findings: change.after, people: [])
        let merge = loadTermsMerge(removing: before.findings.filter(\.isLoad), adding: after.findings.filter(\.isLoad))
        var score = Score(critical: live.count(.critical), targets: loadTerms.count - merge.removed.count + merge.added.count, hours: 0)
        score.hours = merge.hours(loadTerms)
        guard score < self.score else { undo(); return nil }
        if let clearing, live.findings.about(clearing.subject.kind, clearing.subject.id, in: org).contains(where: { $0.key == clearing.key }) {
            undo()
            return nil
        }
        let comparison = ReportComparison(before: before, after: after)
        // A finding new or worse is about a subject re-checked, so whether that subject had
        // a load finding before is in `before`.
        let working = Set(before.findings.filter(\.isLoad).map(\.subject))
        var hires = hireIDs
        if let hire { hires.insert(hire.id) }
        if let reason = Self.untolerated(comparison, working: working, hires: hires, live: live, org: org) {
            undo()
            refusal = reason
            return nil
        }

        var loads: [Plan.LoadChange] = []
        for (position, was) in change.loads.sorted(by: { $0.position < $1.position }) {
            let now = live.loads[position]
            guard !now.external else { continue }
            if let was {
                if let change = Self.loadChange(was, now, name: org.people[position].name) { loads.append(change) }
            } else {
                loads.append(Plan.LoadChange(id: now.id, name: org.people[position].name, before: nil, after: now.load))
            }
        }
        let step = Self.step(kind: kind, text: text, edit: edit, loads: loads, comparison: comparison, hire: hire,
                             counts: Plan.Counts(critical: live.count(.critical), warning: live.count(.warning), info: live.count(.info)), org: org, live: live)
        merge.apply(to: &loadTerms)
        // The roomiest wearers of every role whose wearers, or the room of one, changed.
        roomiest.forget(change.wearersChanged)
        for (position, _) in change.loads { roomiest.forget(org.people[position].hats.lazy.map(\.role)) }
        roomiest.changed(change.loads.map(\.position), loads: live.loads)
        self.score = score
        reportIsCurrent = false
        hireIDs = hires
        return step
    }

    /// A kept step: what it changes and clears, and a hire's hats' hours as the check counts them.
    private static func step(kind: Plan.Step.Kind, text: String, edit: Edit, loads: [Plan.LoadChange], comparison: ReportComparison,
                             hire: Plan.Hire?, counts: Plan.Counts, org: Org, live: LiveCheck) -> Plan.Step {
        var step = Plan.Step(kind: kind, text: text, edit: edit, loads: loads,
                             cleared: comparison.resolved, eased: comparison.better.map(\.after),
                             brings: comparison.new + comparison.worse.map(\.after), hire: hire, findingsAfter: counts)
        if let hire, let position = org.position(ofPerson: hire.id) {
            step.hire?.hatHours = org.people[position].hats.map { live.hours.hours(of: $0) }
        }
        return step
    }

    /// `attempt` on a full report of the org after the edit (any edit; `report` is current).
    private mutating func attemptFully(_ edit: Edit, kind: Plan.Step.Kind, text: String, hire: Plan.Hire?, clearing: Finding?) -> Plan.Step? {
        var org = self.org
        guard let inverse = try? org.apply(edit) else { return nil }
        var live = self.live
        live.update(to: org, edit: edit, inverse: inverse)
        let report = live.report()
        let score = Score(report, policy: org.policy)
        guard score < self.score else { return nil }
        if let clearing, report.findings.contains(where: { $0.key == clearing.key }) { return nil }
        let comparison = ReportComparison(before: self.report, after: report)
        // Subjects the step is working on: a fill turns "unfilled" into "short", which is
        // progress, not a new problem.
        let working = Set(self.report.findings.filter(\.isLoad).map(\.subject))
        var hires = hireIDs
        if let hire { hires.insert(hire.id) }
        if let reason = Self.untolerated(comparison, working: working, hires: hires, live: live, org: org) {
            refusal = reason
            return nil
        }

        var loads: [Plan.LoadChange] = []
        for (position, after) in live.loads.enumerated() where !after.external {
            if let before = self.report.load(of: after.id) {
                if let change = Self.loadChange(before, after, name: org.people[position].name) { loads.append(change) }
            } else {
                loads.append(Plan.LoadChange(id: after.id, name: org.people[position].name, before: nil, after: after.load))
            }
        }
        let step = Self.step(kind: kind, text: text, edit: edit, loads: loads, comparison: comparison, hire: hire,
                             counts: Plan.Counts(report), org: org, live: live)
        self.org = org
        self.live = live
        roomiest.forgetAll()
        fullReport = report
        reportIsCurrent = true
        self.score = score
        loadTerms = terms(of: report)
        hireIDs = hires
        return step
    }

    /// One person's load before and after a step, or nil when it did not change. `==`
    /// too: an infinite load (a week of 0 hours) that stays infinite is no change.
    static func loadChange(_ before: PersonLoad, _ after: PersonLoad, name: String) -> Plan.LoadChange? {
        if before.load == after.load || abs(before.load - after.load) < 1e-9, before.allocatedHours == after.allocatedHours { return nil }
        return Plan.LoadChange(id: after.id, name: name, before: before.load, after: after.load)
    }

    /// Why a step is refused for what it would bring, or nil when everything new or worse
    /// is what the step is working on (`working`: subjects with a load finding before).
    static func untolerated(_ comparison: ReportComparison, working: Set<Finding.Subject>, hires: Set<String>, live: LiveCheck, org: Org) -> String? {
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
        guard !untolerated.isEmpty else { return nil }
        return "it would bring " + untolerated.prefix(3).map { "\($0.rule.rawValue) · \($0.subject.name)" }.joined(separator: ", ")
    }

    /// Applies `edit` to `org` in place and returns its inverse, or nil (and `org` as it
    /// was) when it does not apply. Unlike `Org.apply`, a batch is not applied to a copy of
    /// the org (a copy of every person, each time): on a failure part-way, the parts
    /// applied are undone.
    static func apply(_ edit: Edit, to org: inout Org) -> Edit? {
        guard case .batch(let edits, let label) = edit else { return try? org.apply(edit) }
        var inverses: [Edit] = []
        inverses.reserveCapacity(edits.count)
        for part in edits {
            guard let inverse = apply(part, to: &org) else {
                for done in inverses.reversed() { undo(done, in: &org) }
                return nil
            }
            inverses.append(inverse)
        }
        return .batch(inverses.reversed(), label: label)
    }

    /// Applies the inverse of an edit just applied.
    static func undo(_ inverse: Edit, in org: inout Org) {
        guard apply(inverse, to: &org) != nil else { preconditionFailure("the inverse of an edit just applied does not apply: \(inverse)") }
    }

    // MARK: The score's terms

    /// The load findings of `report` in its order, with their hours.
    func terms(of report: LoadReport) -> [LoadTerm] {
        report.findings.filter(\.isLoad).map { LoadTerm(finding: $0, hours: Score.hours(of: $0, load: report.load(of: $0.subject.id), policy: org.policy)) }
    }

    /// How a step changes `loadTerms`: which go (by index) and which come (in report
    /// order, each before the index it goes in front of).
    struct TermsMerge {
        var removed: [Int]
        var added: [(index: Int, term: LoadTerm)]

        /// The terms' hours added up in report order, as `Score` adds them, after the change.
        func hours(_ terms: [LoadTerm]) -> Double {
            var hours = 0.0
            var next = 0
            var gone = 0
            for index in terms.indices {
                while next < added.count, added[next].index <= index {
                    hours += added[next].term.hours
                    next += 1
                }
                if gone < removed.count, removed[gone] == index {
                    gone += 1
                    continue
                }
                hours += terms[index].hours
            }
            while next < added.count {
                hours += added[next].term.hours
                next += 1
            }
            return hours
        }

        /// In place (an array moves its elements without copying them): each added term
        /// goes before the term that was at its index, after the added ones before it.
        func apply(to terms: inout [LoadTerm]) {
            for index in removed.reversed() { terms.remove(at: index) }
            var gone = 0
            for (inserted, item) in added.enumerated() {
                while gone < removed.count, removed[gone] < item.index { gone += 1 }
                terms.insert(item.term, at: item.index - gone + inserted)
            }
        }
    }

    /// Where the load findings that go (`removing`) and come (`adding`, both in report
    /// order) are in `loadTerms`.
    func loadTermsMerge(removing: [Finding], adding: [Finding]) -> TermsMerge {
        func lowerBound(_ finding: Finding) -> Int {
            var low = 0
            var high = loadTerms.count
            while low < high {
                let middle = (low + high) / 2
                if LoadReport.order(loadTerms[middle].finding, finding) { low = middle + 1 } else { high = middle }
            }
            return low
        }
        var removed: [Int] = []
        removed.reserveCapacity(removing.count)
        for finding in removing {
            var index = lowerBound(finding)
            if !(loadTerms.indices.contains(index) && loadTerms[index].finding.key == finding.key) {
                // Not where the order puts it (it cannot be elsewhere, but be sure).
                guard let found = loadTerms.firstIndex(where: { $0.finding.key == finding.key }) else { continue }
                index = found
            }
            removed.append(index)
        }
        removed.sort()
        let added = adding.map { finding in
            (index: lowerBound(finding), term: LoadTerm(finding: finding, hours: Score.hours(of: finding, load: live.load(of: finding.subject.id, in: org), policy: org.policy)))
        }
        return TermsMerge(removed: removed, added: added)
    }

    /// The least the load findings left need, whoever does the work.
    func lowerBound() -> Plan.LowerBound {
        let report = self.report
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

    init(critical: Int, targets: Int, hours: Double) {
        self.critical = critical
        self.targets = targets
        self.hours = hours
    }

    init(_ report: LoadReport, policy: Policy) {
        critical = report.count(.critical)
        var targets = 0
        var hours = 0.0
        for finding in report.findings where finding.isLoad {
            targets += 1
            hours += Self.hours(of: finding, load: report.load(of: finding.subject.id), policy: policy)
        }
        self.targets = targets
        self.hours = hours
    }

    /// A load finding's hours of overload (over the warning line; `load` is the person's)
    /// or shortfall; 0 for any other finding.
    static func hours(of finding: Finding, load: PersonLoad?, policy: Policy) -> Double {
        switch finding.explanation {
        case .overload:
            guard let load else { return 0 }
            return max(0, load.allocatedHours - policy.warnAt * load.effectiveHours)
        case .understaffedRole(_, _, let needs, let given, _, _): return max(0, needs - given)
        case .unfilledRole(_, _, let roleHours, _): return roleHours
        default: return 0
        }
    }

    static func < (a: Score, b: Score) -> Bool {
        if a.critical != b.critical { return a.critical < b.critical }
        if a.targets != b.targets { return a.targets < b.targets }
        return a.hours < b.hours - 0.25
    }

    static func == (a: Score, b: Score) -> Bool { !(a < b) && !(b < a) }
}
