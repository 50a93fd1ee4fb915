import OrgKit

/// One line of the chart pane.
enum ChartLine: Equatable {
    /// A row of `state.chartRows` (internal) or `state.externalRows`.
    case person(row: Int, external: Bool)
    case heading(String)
    case blank
}

extension App {
    /// Recomputes everything derived from the org after an edit or a what-if change, and
    /// keeps the selections pointing at things that still exist.
    static func refresh(_ state: inout AppState) {
        let org = state.document.org
        if state.away.isEmpty {
            state.report = LoadChecker.check(org, suggestions: false)
            state.comparison = nil
        } else {
            let before = LoadChecker.check(org, suggestions: false)
            let changed = WhatIf.without(Array(state.away).sorted(), in: org).org
            state.report = LoadChecker.check(changed, unavailable: state.away, suggestions: false)
            state.comparison = ReportComparison(before: before, after: state.report)
        }
        var bySubject: [String: [Int]] = [:]
        for (index, finding) in state.report.findings.enumerated() {
            bySubject[subjectKey(finding.subject.kind, finding.subject.id), default: []].append(index)
        }
        state.findingsBySubject = bySubject
        state.newFindingKeys = Set(state.comparison?.new.map(\.key) ?? [])
        state.tree = ReportingTree(org)
        state.hours = Hours(org)
        let collapsedPositions = Set(state.collapsed.compactMap { org.position(ofPerson: $0) })
        state.chartRows = state.tree.rows(from: state.tree.roots, collapsed: collapsedPositions)
        state.externalRows = state.tree.rows(from: state.tree.externalRoots, collapsed: collapsedPositions)
        state.peopleOrder = sortedPeople(state)
        state.matrix = DutyMatrix(org: org, byRole: state.matrixByRole)

        if let id = state.selectedPerson, org.person(id) == nil { state.selectedPerson = nil }
        if state.selectedPerson == nil { state.selectedPerson = chartLines(state).compactMap { personId(on: $0, state) }.first }
        if let id = state.selectedRole, org.role(id) == nil { state.selectedRole = org.roles.first?.id }
        if state.selectedRole == nil { state.selectedRole = org.roles.first?.id }
        if let id = state.selectedDuty, org.duty(id) == nil { state.selectedDuty = org.duties.first?.id }
        if state.selectedDuty == nil { state.selectedDuty = org.duties.first?.id }
        state.selectedFindingIndex = min(state.selectedFindingIndex, max(0, state.report.findings.count - 1))
        state.away = state.away.filter { org.person($0) != nil }
    }

    static func subjectKey(_ kind: Finding.Subject.Kind, _ id: String) -> String {
        "\(kind.rawValue):\(id)"
    }

    /// The findings about one subject, most severe first.
    static func findings(about kind: Finding.Subject.Kind, _ id: String, _ state: AppState) -> [Finding] {
        (state.findingsBySubject[subjectKey(kind, id)] ?? []).map { state.report.findings[$0] }
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
        let shown = Set(chartOrder)
        var order = chartOrder + org.people.indices.filter { !shown.contains($0) }
        let report = state.report
        func load(_ position: Int) -> Double { report.people.indices.contains(position) ? report.people[position].load : 0 }
        func hours(_ position: Int) -> Double { report.people.indices.contains(position) ? report.people[position].allocatedHours : 0 }
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
        }
        let worthAsking = candidates.filter { [.overload, .singlePointOfFailure, .unfilledRole].contains($0.rule) }
        let key = worthAsking.map(\.key).joined(separator: ",") + "@\(state.document.history.revision)/\(state.away.sorted())"
        guard key != state.suggestionKey else { return }
        state.suggestionKey = key
        state.currentSuggestion = nil
        guard !worthAsking.isEmpty else { return }
        let org = state.away.isEmpty ? state.document.org : WhatIf.without(Array(state.away).sorted(), in: state.document.org).org
        for finding in worthAsking {
            if let suggestion = LoadChecker.suggestion(for: finding, in: org, unavailable: state.away) {
                state.currentSuggestion = suggestion
                return
            }
        }
    }
}
