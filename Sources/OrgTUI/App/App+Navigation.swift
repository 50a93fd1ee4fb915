import OrgKit

extension App {
    /// Moves the selection of the current view by `delta` rows (clamped), then scrolls so
    /// it stays visible.
    static func moveSelection(by delta: Int, _ state: inout AppState) {
        let org = state.document.org
        switch state.tab {
        case .chart:
            let lines = chartLines(state)
            let selectable = lines.indices.filter { if case .person = lines[$0] { return true }; return false }
            guard !selectable.isEmpty else { return }
            let current = selectable.firstIndex { personId(on: lines[$0], state) == state.selectedPerson } ?? 0
            let next = clamp(current, delta, selectable.count)
            state.selectedPerson = personId(on: lines[selectable[next]], state)
        case .people:
            guard !state.peopleOrder.isEmpty else { return }
            let current = state.peopleOrder.firstIndex { org.people[$0].id == state.selectedPerson } ?? 0
            state.selectedPerson = org.people[state.peopleOrder[clamp(current, delta, state.peopleOrder.count)]].id
        case .roles:
            guard !org.roles.isEmpty else { return }
            let current = state.selectedRole.flatMap { org.position(ofRole: $0) } ?? 0
            state.selectedRole = org.roles[clamp(current, delta, org.roles.count)].id
        case .duties:
            let dutyRows = (state.matrix?.rows ?? []).compactMap { row -> Int? in
                if case .duty(let position) = row { return position }
                return nil
            }
            guard !dutyRows.isEmpty else { return }
            let current = dutyRows.firstIndex { org.duties[$0].id == state.selectedDuty } ?? 0
            state.selectedDuty = org.duties[dutyRows[clamp(current, delta, dutyRows.count)]].id
        case .findings:
            guard !state.findingsList.isEmpty else { return }
            state.selectedFindingIndex = clamp(state.selectedFindingIndex, delta, state.findingsList.count)
        }
        keepSelectionVisible(&state)
    }

    private static func clamp(_ current: Int, _ delta: Int, _ count: Int) -> Int {
        let target = delta > 0 ? (current > Int.max - delta ? Int.max : current + delta) : (current < Int.min - delta ? Int.min : current + delta)
        return min(max(0, target), count - 1)
    }

    /// How many lines the current view's list has.
    static func lineCount(_ state: AppState) -> Int {
        switch state.tab {
        case .chart: chartLines(state).count
        case .people: state.peopleOrder.count
        case .roles: state.document.org.roles.count
        case .duties: state.matrix?.rows.count ?? 0
        case .findings: state.findingsList.count
        }
    }

    /// The line (in the current view's list) that holds the selection.
    static func selectedLine(_ state: AppState) -> Int? {
        let org = state.document.org
        switch state.tab {
        case .chart:
            return chartLines(state).firstIndex { personId(on: $0, state) == state.selectedPerson }
        case .people:
            return state.peopleOrder.firstIndex { org.people[$0].id == state.selectedPerson }
        case .roles:
            return state.selectedRole.flatMap { org.position(ofRole: $0) }
        case .duties:
            return state.selectedDuty.flatMap { org.position(ofDuty: $0) }.flatMap { state.matrix?.row(ofDuty: $0) }
        case .findings:
            return state.findingsList.isEmpty ? nil : state.selectedFindingIndex
        }
    }

    /// Scrolls the current list so the selection shows. With `fill` (after a resize), also
    /// so that the list shows no empty rows below while there are lines above to show.
    static func keepSelectionVisible(_ state: inout AppState, fill: Bool = false) {
        let rows = Layout(state).listRows(for: state.tab)
        guard let line = selectedLine(state) else { return }
        let count = fill ? lineCount(state) : 0
        func adjust(_ scroll: inout Int) {
            if line < scroll { scroll = line }
            if line >= scroll + rows { scroll = line - rows + 1 }
            if fill { scroll = min(scroll, max(0, count - rows)) }
            scroll = max(0, scroll)
        }
        switch state.tab {
        case .chart: adjust(&state.chartScroll)
        case .people: adjust(&state.peopleScroll)
        case .roles: adjust(&state.rolesScroll)
        case .duties: adjust(&state.dutiesScroll)
        case .findings: adjust(&state.findingsScroll)
        }
    }

    // MARK: - Chart folding

    static func collapseOrParent(_ state: inout AppState) {
        let org = state.document.org
        guard let id = state.selectedPerson, let position = org.position(ofPerson: id) else { return }
        if !state.tree.children[position].isEmpty, !state.collapsed.contains(id) {
            state.collapsed.insert(id)
            refresh(&state, .chart)
        } else if let manager = org.people[position].reportsTo {
            state.selectedPerson = manager
        }
        keepSelectionVisible(&state)
    }

    static func expandOrChild(_ state: inout AppState) {
        let org = state.document.org
        guard let id = state.selectedPerson, let position = org.position(ofPerson: id) else { return }
        if state.collapsed.contains(id) {
            state.collapsed.remove(id)
            refresh(&state, .chart)
        } else if let first = state.tree.children[position].first {
            state.selectedPerson = org.people[first].id
        }
        keepSelectionVisible(&state)
    }

    static func toggleCollapse(_ state: inout AppState) {
        guard let id = state.selectedPerson, let position = state.document.org.position(ofPerson: id),
            !state.tree.children[position].isEmpty else {
            state.status = StatusMessage(text: "Can't fold: nobody reports to this person", kind: .error)
            return
        }
        if state.collapsed.contains(id) { state.collapsed.remove(id) } else { state.collapsed.insert(id) }
        refresh(&state, .chart)
        keepSelectionVisible(&state)
    }

    /// Selects `id` in the chart, unfolding its managers so it can be seen.
    static func reveal(person id: String, _ state: inout AppState) {
        var manager = state.document.org.person(id)?.reportsTo
        var steps = 0
        var changed = false
        while let current = manager, steps <= state.document.org.people.count {
            if state.collapsed.remove(current) != nil { changed = true }
            manager = state.document.org.person(current)?.reportsTo
            steps += 1
        }
        if changed { refresh(&state, .chart) }
        state.selectedPerson = id
        keepSelectionVisible(&state)
    }

    static func jumpToSelectedFinding(_ state: inout AppState) {
        guard let finding = state.selectedFinding else { return }
        jump(to: finding.subject.kind, finding.subject.id, &state)
    }

    static func jump(to kind: Finding.Subject.Kind, _ id: String, _ state: inout AppState) {
        switch kind {
        case .person:
            reveal(person: id, &state)
            state.tab = .chart
        case .role:
            state.selectedRole = id
            state.tab = .roles
        case .duty:
            state.selectedDuty = id
            state.tab = .duties
        }
        keepSelectionVisible(&state)
    }

    // MARK: - Mouse

    static func handleMouse(_ event: MouseEvent, _ state: inout AppState) {
        let layout = Layout(state)
        guard !layout.isTooSmall, state.starting == nil, state.dialogs.isEmpty else { return }
        switch event.kind {
        case .wheelUp: moveSelection(by: -3, &state)
        case .wheelDown: moveSelection(by: 3, &state)
        case .release: break
        case .press:
            if event.y == 0 {
                for (tab, range) in Screens.tabPositions(width: state.size.width) where range.contains(event.x) {
                    switchTab(tab, &state)
                }
            } else {
                let top = layout.list.y + 1 + Layout.headingRows(state.tab)
                let rows = layout.listRows(for: state.tab)
                guard event.x >= layout.list.x, event.x < layout.list.maxX, event.y >= top, event.y < top + rows else { return }
                select(line: scroll(state) + event.y - top, &state)
            }
        }
        refreshSuggestion(&state)
    }

    static func scroll(_ state: AppState) -> Int {
        switch state.tab {
        case .chart: state.chartScroll
        case .people: state.peopleScroll
        case .roles: state.rolesScroll
        case .duties: state.dutiesScroll
        case .findings: state.findingsScroll
        }
    }

    /// Selects what is on `line` of the current list, if it is selectable.
    static func select(line: Int, _ state: inout AppState) {
        let org = state.document.org
        switch state.tab {
        case .chart:
            let lines = chartLines(state)
            if lines.indices.contains(line), let id = personId(on: lines[line], state) { state.selectedPerson = id }
        case .people:
            if state.peopleOrder.indices.contains(line) { state.selectedPerson = org.people[state.peopleOrder[line]].id }
        case .roles:
            if org.roles.indices.contains(line) { state.selectedRole = org.roles[line].id }
        case .duties:
            if let rows = state.matrix?.rows, rows.indices.contains(line), case .duty(let position) = rows[line] {
                state.selectedDuty = org.duties[position].id
            }
        case .findings:
            if state.findingsList.indices.contains(line) { state.selectedFindingIndex = line }
        }
    }
}
