import OrgKit

extension App {
    /// The current view's list as `ListState` sees it: how many lines it has, the lines
    /// that can be selected (nil: all of them), and the line of the selection.
    struct PaneLines {
        var count: Int
        var selectable: [Int]?
        var selected: Int?
    }

    static func paneLines(_ state: AppState, selectable wanted: Bool = false) -> PaneLines {
        let org = state.document.org
        switch state.tab {
        case .chart:
            let lines = chartLines(state)
            let selectable = wanted ? lines.indices.filter { if case .person = lines[$0] { return true }; return false } : nil
            return PaneLines(count: lines.count, selectable: selectable,
                             selected: lines.firstIndex { personId(on: $0, state) == state.selectedPerson })
        case .people:
            return PaneLines(count: state.peopleOrder.count, selected: state.peopleOrder.firstIndex { org.people[$0].id == state.selectedPerson })
        case .roles:
            return PaneLines(count: org.roles.count, selected: state.selectedRole.flatMap { org.position(ofRole: $0) })
        case .duties:
            let rows = state.matrix?.rows ?? []
            let selectable = wanted ? rows.indices.filter { if case .duty = rows[$0] { return true }; return false } : nil
            return PaneLines(count: rows.count, selectable: selectable,
                             selected: state.selectedDuty.flatMap { org.position(ofDuty: $0) }.flatMap { state.matrix?.row(ofDuty: $0) })
        case .findings:
            return PaneLines(count: state.findingsList.count, selected: state.findingsList.isEmpty ? nil : state.selectedFindingIndex)
        case .plan:
            let lines = state.planner.lines
            return PaneLines(count: lines.count, selectable: wanted ? lines.indices.filter { lines[$0].isSelectable } : nil,
                             selected: lines.isEmpty ? nil : state.lists[.plan]?.selected)
        }
    }

    /// The current view's list state.
    static func paneList(_ state: AppState) -> ListState { state.lists[state.tab, default: ListState()] }

    /// Moves the selection of the current view by `delta` selectable lines (clamped), and
    /// scrolls so it stays visible.
    static func moveSelection(by delta: Int, _ state: inout AppState) {
        let lines = paneLines(state, selectable: true)
        guard lines.count > 0, lines.selectable?.isEmpty != true else { return }
        var list = paneList(state)
        list.selected = lines.selected ?? 0
        list.move(by: delta, count: lines.count, rows: Layout(state).listRows(for: state.tab), among: lines.selectable)
        state.lists[state.tab] = list
        select(line: list.selected, &state)
    }

    /// Scrolls the current list so the selection shows, and so that it shows no empty
    /// rows below while lines above are hidden (after a resize, a fold, a delete).
    static func keepSelectionVisible(_ state: inout AppState) {
        let lines = paneLines(state)
        var list = paneList(state)
        list.select(lines.selected ?? list.selected, count: lines.count, rows: Layout(state).listRows(for: state.tab))
        state.lists[state.tab] = list
    }

    // MARK: - The details pane

    /// The details' lines and the rows that show them, or nil when the pane is hidden.
    static func detailsExtent(_ state: AppState) -> (lines: Int, rows: Int)? {
        guard let rect = Layout(state).detail else { return nil }
        let lines = DetailPane.content(state, width: max(0, rect.width - 4), compact: rect.height < 16).1.count
        return (lines, max(1, rect.height - 2))
    }

    /// Why J (down) or K (up) cannot scroll the details now, or nil.
    static func detailsScroll(_ state: AppState, down: Bool) -> String? {
        guard let extent = detailsExtent(state) else { return "the details are hidden (i shows them)" }
        if down { return state.detailScroll + extent.rows >= extent.lines ? "the rest of the details shows already" : nil }
        return state.detailScroll > 0 ? nil : "the details show from their top"
    }

    /// J and K: half a pane at a time, never past the end.
    static func scrollDetails(down: Bool, _ state: inout AppState) {
        guard let extent = detailsExtent(state) else { return }
        let step = max(1, extent.rows / 2)
        state.detailScroll = max(0, min(state.detailScroll + (down ? step : -step), extent.lines - extent.rows))
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
        state.detailScroll = 0
        guard !layout.isTooSmall, state.starting == nil, state.dialogs.isEmpty else { return }
        switch event.kind {
        case .wheelUp: moveSelection(by: -3, &state)
        case .wheelDown: moveSelection(by: 3, &state)
        case .release: break
        case .press:
            if event.y == 0 {
                for (tab, _, range) in Screens.tabPositions(state) where range.contains(event.x) {
                    switchTab(tab, &state)
                }
            } else {
                let top = layout.list.y + 1 + Layout.headingRows(state.tab)
                let rows = layout.listRows(for: state.tab)
                guard event.x >= layout.list.x, event.x < layout.list.maxX, event.y >= top, event.y < top + rows else { return }
                let first = paneList(state).window(count: paneLines(state).count, rows: rows).lowerBound
                select(line: first + event.y - top, &state)
            }
        }
        refreshSuggestion(&state)
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
        case .plan:
            let lines = state.planner.lines
            if lines.indices.contains(line), lines[line].isSelectable { state.lists[.plan, default: ListState()].selected = line }
        }
    }
}
