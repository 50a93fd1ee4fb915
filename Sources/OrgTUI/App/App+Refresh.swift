import OrgKit

/// One line of the chart pane.
enum ChartLine: Equatable {
    /// A row of `state.chartRows` (internal) or `state.externalRows`.
    case person(row: Int, external: Bool)
    case heading(String)
    case blank
}

extension App {
    /// What changed, so `refresh` rebuilds only what that can affect.
    enum Change {
        /// The whole org (opened, recovered): everything.
        case everything
        /// An edit (or an undo or redo of one), undone by `inverse`.
        case edit(Edit, inverse: Edit)
        /// Who is away changed.
        case whatIf
        /// Only which teams are folded.
        case chart
    }

    /// Recomputes what is derived from the org after `change`, and keeps the selections
    /// pointing at things that still exist.
    static func refresh(_ state: inout AppState, _ change: Change) {
        let org = state.document.org
        var treeChanged = true
        var loadsChanged = true
        switch change {
        case .everything:
            startCheck(&state, org)
        case .edit(let edit, let inverse):
            treeChanged = changesTree(edit)
            // The tree shares the live check's report lists: let go of it first, so the
            // update changes them in place instead of copying 100,000 of them.
            if treeChanged { state.tree = ReportingTree(.empty()) }
            state.live.update(to: org, edit: edit, inverse: inverse)
            noteEditWhileChecking(edit, inverse: inverse, &state)
        case .whatIf:
            treeChanged = false
        case .chart:
            treeChanged = false
            loadsChanged = false
        }
        state.away = state.away.filter { org.person($0) != nil }
        if loadsChanged {
            let arrived = state.arrivedWhatIf
            state.arrivedWhatIf = nil
            // The what-if shown so far is let go of off the loop (`.release`).
            if let check = state.whatIfCheck { state.retired.append(check) }
            if let whatIfOrg = state.whatIfOrg { state.retired.append(whatIfOrg) }
            if let comparison = state.comparison { state.retired.append(comparison) }
            if !state.whatIfMarks.isEmpty { state.retired.append(state.whatIfMarks) }
            if !state.takenOver.isEmpty { state.retired.append(state.takenOver) }
            if state.away.isEmpty {
                state.whatIfCheck = nil
                state.whatIfOrg = nil
                state.comparison = nil
                state.whatIfMarks = [:]
                state.takenOver = [:]
                state.pendingWhatIf = nil
            } else if whatIfOffLoop(state, org) {
                if let arrived {
                    // The one awaited (`receive(whatIf:)`), for the org and the people away as they are.
                    state.whatIfCheck = arrived.check
                    state.whatIfOrg = arrived.org
                    state.takenOver = arrived.takenOver
                    state.comparison = arrived.comparison
                    state.whatIfMarks = arrived.comparison.marks
                    state.pendingWhatIf = nil
                } else {
                    // Off the loop: until it comes, the org's own numbers and "checking…";
                    // nothing of an earlier what-if (it is of other people away, or of the
                    // org before this edit).
                    state.whatIfCheck = nil
                    state.whatIfOrg = nil
                    state.comparison = nil
                    state.whatIfMarks = [:]
                    state.takenOver = [:]
                    state.checkRequests += 1
                    state.pendingWhatIf = (state.checkRequests, false)
                }
            } else {
                // From the org's own check, re-running only what the absence changes.
                let whatIf = state.live.whatIf(without: state.away, in: org)
                state.whatIfCheck = whatIf.check
                state.whatIfOrg = whatIf.org
                state.takenOver = whatIf.takenOver
                state.comparison = whatIf.comparison
                state.whatIfMarks = whatIf.comparison.marks
            }
        }
        // From the reports the live check keeps by position: no id looked up.
        if treeChanged { state.tree = ReportingTree(org, reports: state.live.reports) }
        if treeChanged || change.isChart {
            let collapsedPositions = Set(state.collapsed.compactMap { org.position(ofPerson: $0) })
            state.chartRows = state.tree.rows(from: state.tree.roots, collapsed: collapsedPositions, reservingCapacity: org.people.count)
            state.externalRows = state.tree.rows(from: state.tree.externalRoots, collapsed: collapsedPositions)
        }
        if treeChanged || change.isChart || (loadsChanged && state.peopleSort != .file && state.peopleSort != .name) {
            state.peopleOrder = sortedPeople(state)
        }
        state.matrix = state.tab == .duties ? DutyMatrix(org: org, byRole: state.matrixByRole) : nil
        state.findingsList = state.tab == .findings ? state.check.report().findings : []

        if let id = state.selectedPerson, org.person(id) == nil { state.selectedPerson = nil }
        if state.selectedPerson == nil {
            let snapshot = state
            state.selectedPerson = chartLines(snapshot).lazy.compactMap { personId(on: $0, snapshot) }.first
        }
        if let id = state.selectedRole, org.role(id) == nil { state.selectedRole = org.roles.first?.id }
        if state.selectedRole == nil { state.selectedRole = org.roles.first?.id }
        if let id = state.selectedDuty, org.duty(id) == nil { state.selectedDuty = org.duties.first?.id }
        if state.selectedDuty == nil { state.selectedDuty = org.duties.first?.id }
        fitFindings(&state)
    }

    /// Whether an edit can change the reporting tree (who is where, who is external).
    static func changesTree(_ edit: Edit) -> Bool {
        switch edit {
        case .addPerson, .removePerson, .setManager, .setExternal: true
        case .batch(let edits, _): edits.contains(where: changesTree)
        default: false
        }
    }

    /// The findings list, built now that the Findings view shows it.
    static func ensureFindingsList(_ state: inout AppState) {
        state.findingsList = state.check.report().findings
        fitFindings(&state)
    }

    /// Keeps the selected finding in the findings list, which was just rebuilt.
    static func fitFindings(_ state: inout AppState) {
        state.lists[.findings, default: ListState()].fit(count: state.findingsList.count, rows: Layout(state).listRows(for: .findings))
    }

    /// The duties matrix, built now if the Duties view needs it.
    static func ensureMatrix(_ state: inout AppState) {
        if state.matrix == nil || state.matrix?.byRole != state.matrixByRole {
            state.matrix = DutyMatrix(org: state.document.org, byRole: state.matrixByRole)
        }
    }

    /// The findings about one subject, most severe first.
    static func findings(about kind: Finding.Subject.Kind, _ id: String, _ state: AppState) -> [Finding] {
        state.check.findings(about: kind, id, in: state.checkedOrg)
    }

    /// The lines of the chart pane: the tree, then the external providers apart.
    static func chartLines(_ state: AppState) -> [ChartLine] {
        var lines = state.chartRows.indices.map { ChartLine.person(row: $0, external: false) }
        if !state.externalRows.isEmpty {
            if !lines.isEmpty { lines.append(.blank) }
            lines.append(.heading("External"))
            lines += state.externalRows.indices.map { ChartLine.person(row: $0, external: true) }
        }
        return lines
    }

    static func personId(on line: ChartLine, _ state: AppState) -> String? {
        guard case .person(let row, let external) = line else { return nil }
        let rows = external ? state.externalRows : state.chartRows
        return state.document.org.people[rows[row].person].id
    }

    static func sortedPeople(_ state: AppState) -> [Int] {
        let org = state.document.org
        // Chart order: the tree, then external providers.
        let chartOrder = (state.chartRows + state.externalRows).map(\.person)
        // By position, not a set: hashing 100,000 positions took milliseconds.
        var shown = [Bool](repeating: false, count: org.people.count)
        for position in chartOrder { shown[position] = true }
        var order = chartOrder + org.people.indices.filter { !shown[$0] }
        let loads = state.check.loads
        func load(_ position: Int) -> Double { loads.indices.contains(position) ? loads[position].load : 0 }
        func hours(_ position: Int) -> Double { loads.indices.contains(position) ? loads[position].allocatedHours : 0 }
        switch state.peopleSort {
        case .file: break
        case .name: order.sort { org.people[$0].name.utf8.lexicographicallyPrecedes(org.people[$1].name.utf8) }
        case .load: order.sort { load($0) > load($1) }
        case .hours: order.sort { hours($0) > hours($1) }
        case .hats: order.sort { org.people[$0].hats.count > org.people[$1].hats.count }
        }
        if state.peopleSortDescending { order.reverse() }
        return order
    }

    /// The suggestion for whatever the details pane shows: the selected finding in the
    /// Findings view, else the most severe finding (with a suggestion) about the selection.
    static func refreshSuggestion(_ state: inout AppState) {
        let candidates: [Finding]
        switch state.tab {
        case .findings:
            candidates = state.selectedFinding.map { [$0] } ?? []
        case .chart, .people:
            candidates = state.selectedPerson.map { findings(about: .person, $0, state) } ?? []
        case .roles:
            candidates = state.selectedRole.map { findings(about: .role, $0, state) } ?? []
        case .duties:
            candidates = state.selectedDuty.map { findings(about: .duty, $0, state) } ?? []
        case .plan:
            candidates = []
        }
        let key = candidates.map(\.key).joined(separator: ",") + "@\(state.document.history.revision)/\(state.away.sorted())"
        guard key != state.suggestionKey else { return }
        state.suggestionKey = key
        state.currentSuggestion = nil
        state.noSuggestionReason = nil
        state.needsPlan = false
        // The most severe finding with a suggestion; else why the most severe has none.
        for finding in candidates {
            let advice = state.check.advice(for: finding, in: state.checkedOrg)
            if let suggestion = advice.suggestion {
                state.currentSuggestion = suggestion
                // Not enough on its own: the plan combines moves and hires.
                state.needsPlan = suggestion.partial && finding.isLoad
                return
            }
            if state.noSuggestionReason == nil {
                state.noSuggestionReason = advice.reason.map { "\(finding.rule.rawValue): \($0)" }
                state.needsPlan = finding.isLoad
            }
        }
    }
}

extension App.Change {
    var isChart: Bool {
        if case .chart = self { return true }
        return false
    }
}
