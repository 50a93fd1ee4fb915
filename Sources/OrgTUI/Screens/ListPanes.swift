import OrgKit

extension Screens {
    static func listPane(_ canvas: inout Canvas, _ state: AppState, _ rect: Rect) {
        let title: String
        switch state.tab {
        case .chart: title = "Reporting lines"
        case .people: title = "People · sorted by \(state.peopleSort.title)\(state.peopleSortDescending ? ", reversed" : "")"
        case .roles: title = "Roles"
        case .duties: title = "Duties · \(state.matrixByRole ? "roles" : "people") across"
        case .findings: title = "Findings"
        case .plan: title = planTitle(state)
        }
        Widgets.box(&canvas, rect, title: title)
        let inner = rect.inset(1)
        guard !inner.isEmpty else { return }
        switch state.tab {
        case .chart: chart(&canvas, state, inner, box: rect)
        case .people: peopleTable(&canvas, state, inner, box: rect)
        case .roles: rolesTable(&canvas, state, inner, box: rect)
        case .duties: dutiesMatrix(&canvas, state, inner, box: rect)
        case .findings: findingsList(&canvas, state, inner, box: rect)
        case .plan: planList(&canvas, state, inner, box: rect)
        }
    }

    /// The worst finding about a subject, for a row's symbol.
    static func worst(_ kind: Finding.Subject.Kind, _ id: String, _ state: AppState) -> Finding.Severity? {
        state.check.worst(about: kind, id, in: state.checkedOrg)
    }

    /// A message in an empty list, wrapped to the pane: the first paragraph plain, the rest
    /// (what to do) dim. Nothing instructional is ever cut.
    static func emptyMessage(_ canvas: inout Canvas, _ rect: Rect, _ texts: [String]) {
        var y = rect.y
        for (index, text) in texts.enumerated() {
            for line in Widgets.wrap(text, width: max(1, rect.width - 2)) where y < rect.maxY {
                canvas.put(line, x: rect.x + 1, y: y, style: index == 0 ? .plain : .dim, limit: rect.width - 1)
                y += 1
            }
        }
    }

    // MARK: - Chart

    static func chart(_ canvas: inout Canvas, _ state: AppState, _ rect: Rect, box: Rect) {
        let org = state.document.org
        let lines = App.chartLines(state)
        if lines.isEmpty {
            emptyMessage(&canvas, rect, ["Nobody here yet.", "a adds a person; 3 shows the roles; c there adds roles from a catalog."])
            return
        }
        // Columns: marker, tree + name, title, hat badges, gauge, percent, symbol.
        let fixed = 2 + 1 + 4 + 1 + 6 + 1 + 5 + 2
        let flexible = max(0, rect.width - fixed)
        var nameWidth = 0
        let list = App.paneList(state)
        let visible = list.window(count: lines.count, rows: rect.height)
        var cells: [Int: String] = [:]
        for index in visible {
            guard case .person(let row, let external) = lines[index] else { continue }
            let rows = external ? state.externalRows : state.chartRows
            let person = org.people[rows[row].person]
            var name = ReportingTree.guide(for: row, in: rows) + (external && rows[row].depth == 0 ? "◇ " : "") + (person.open ? "○ " : "") + person.name
            if state.collapsed.contains(person.id), rows[row].childCount > 0 { name += " [+\(descendants(rows[row].person, state))]" }
            if !person.dottedTo.isEmpty { name += " ┄" }
            cells[index] = name
            nameWidth = max(nameWidth, DisplayWidth.of(name))
        }
        let titleWidth = flexible - min(nameWidth, flexible * 3 / 5) - 1 >= 8 ? flexible - min(nameWidth, flexible * 3 / 5) - 1 : 0
        nameWidth = flexible - (titleWidth > 0 ? titleWidth + 1 : 0)

        ListView.draw(&canvas, rect, list, count: lines.count, box: box) { canvas, index, line, _ in
            switch lines[index] {
            case .blank: break
            case .heading(let text):
                canvas.put(text, x: line.x + 1, y: line.y, style: .bold)
            case .person(let row, let external):
                let rows = external ? state.externalRows : state.chartRows
                let person = org.people[rows[row].person]
                drawPersonRow(&canvas, state, person, name: cells[index] ?? person.name, x: line.x, y: line.y, width: line.width,
                              nameWidth: nameWidth, titleWidth: titleWidth)
            }
        }
    }

    static func descendants(_ position: Int, _ state: AppState) -> Int {
        var count = 0
        var stack = state.tree.children[position]
        while let next = stack.popLast() {
            count += 1
            stack += state.tree.children[next]
        }
        return count
    }

    static func drawPersonRow(_ canvas: inout Canvas, _ state: AppState, _ person: Person, name: String, x: Int, y: Int, width: Int, nameWidth: Int, titleWidth: Int) {
        let selected = person.id == state.selectedPerson
        let base: Style = selected ? .reverse : (state.away.contains(person.id) ? .dim : .plain)
        canvas.fill(Rect(x: x, y: y, width: width, height: 1), style: base)
        var column = x
        canvas.put(selected ? "▸ " : "  ", x: column, y: y, style: base)
        column += 2
        canvas.put(name, x: column, y: y, width: nameWidth, style: base)
        column += nameWidth + 1
        if titleWidth > 0 {
            canvas.put(person.title ?? "", x: column, y: y, width: titleWidth, style: base.with(dim: !selected))
            column += titleWidth + 1
        }
        canvas.put(Widgets.badges(person.hats.count), x: column, y: y, style: base)
        column += 5
        let load = state.load(of: person.id)
        let severity = worst(.person, person.id, state)
        if state.away.contains(person.id) {
            canvas.put("──────", x: column, y: y, style: base.with(dim: true))
            canvas.put(" away", x: column + 7, y: y, style: base)
        } else if person.external {
            canvas.put("  ──  ", x: column, y: y, style: base.with(dim: true))
            canvas.put("  ext", x: column + 7, y: y, style: base.with(dim: true))
        } else if let load {
            let loadSeverity = load.severity(under: state.document.org.policy)
            var gaugeStyle = Widgets.style(for: loadSeverity)
            gaugeStyle.reverse = selected
            canvas.put(Widgets.gauge(load.load, width: 6), x: column, y: y, style: gaugeStyle)
            canvas.put(Widgets.right(Format.percentNumber(load.load) + "%", 5), x: column + 7, y: y, style: base)
        }
        if let severity, !state.away.contains(person.id) {
            var style = Widgets.style(for: severity)
            style.reverse = selected
            canvas.put(Widgets.severitySymbol[severity] ?? "", x: column + 13, y: y, style: style)
        }
    }

    // MARK: - People

    /// A name as the People view shows it: an open position marked `○`, as in the chart.
    static func peopleName(_ person: Person) -> String {
        (person.open ? "○ " : "") + person.name
    }

    static func peopleTable(_ canvas: inout Canvas, _ state: AppState, _ rect: Rect, box: Rect) {
        let org = state.document.org
        // Marker 2, name, space, title, then hats 5, hours 7, switch 7, effective 7, room 6,
        // load 7, symbol 2.
        // Short of room, the effective hours give way first (the details show them), then
        // the title, so names stay readable.
        let roomy = rect.width - 2 - 1 - 41 >= 28
        let effectiveWidth = roomy ? 7 : 0
        let flexible = max(10, rect.width - 2 - 1 - 34 - effectiveWidth)
        let list = App.paneList(state)
        let rows = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        let longest = state.peopleOrder[list.window(count: state.peopleOrder.count, rows: rows.height)].map { DisplayWidth.of(Self.peopleName(org.people[$0])) }.max() ?? 8
        let showTitle = flexible >= 20
        let nameWidth = showTitle ? min(max(8, longest), flexible / 2) : flexible
        let titleWidth = showTitle ? flexible - nameWidth : 0
        func sortMark(_ sort: PeopleSort) -> String { state.peopleSort == sort ? (state.peopleSortDescending ? "▴" : "▾") : "" }
        var heading = "  " + DisplayWidth.pad("Name" + sortMark(.name), to: nameWidth) + " " + (showTitle ? DisplayWidth.pad("Title", to: titleWidth) : "")
        heading += Widgets.right("Hats" + sortMark(.hats), 5) + Widgets.right("Hours" + sortMark(.hours), 7) + Widgets.right("Switch", 7)
        heading += (roomy ? Widgets.right("Eff.", 7) : "") + Widgets.right("Room", 6) + Widgets.right("Load" + sortMark(.load), 7)
        canvas.put(heading, x: rect.x, y: rect.y, style: .bold, limit: rect.width)
        if state.peopleOrder.isEmpty {
            emptyMessage(&canvas, Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1), ["Nobody here yet.", "a adds a person."])
            return
        }
        ListView.draw(&canvas, rows, list, count: state.peopleOrder.count, box: box) { canvas, index, line, _ in
            let y = line.y
            let person = org.people[state.peopleOrder[index]]
            let selected = person.id == state.selectedPerson
            let base: Style = selected ? .reverse : .plain
            canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: base)
            canvas.put(selected ? "▸ " : "  ", x: rect.x, y: y, style: base)
            canvas.put(Self.peopleName(person), x: rect.x + 2, y: y, width: nameWidth, style: base)
            if showTitle {
                canvas.put(person.title ?? "", x: rect.x + 3 + nameWidth, y: y, width: titleWidth, style: base.with(dim: !selected))
            }
            guard let load = state.load(of: person.id) else { return }
            var line = Widgets.right("\(load.hats)", 5) + Widgets.right(Format.oneDecimal(load.allocatedHours), 7)
            if person.external || state.away.contains(person.id) {
                line += Widgets.right("", 7) + (roomy ? Widgets.right("", 7) : "") + Widgets.right("", 6) + Widgets.right(person.external ? "ext" : "away", 7)
                canvas.put(line, x: rect.x + 3 + nameWidth + titleWidth, y: y, style: base)
                return
            }
            line += Widgets.right(load.switchLoss > 0 ? "−\(Format.percentNumber(load.switchLoss))%" : "0%", 7)
            if roomy { line += Widgets.right(Format.oneDecimal(load.effectiveHours), 7) }
            line += Widgets.right(Format.oneDecimal(load.room), 6)
            let x = rect.x + 3 + nameWidth + titleWidth
            canvas.put(line, x: x, y: y, style: base)
            let severity = load.severity(under: org.policy)
            var style = severity == nil ? base : Widgets.style(for: severity)
            style.reverse = selected
            canvas.put(Widgets.right(Format.percentNumber(load.load) + "%", 7), x: x + DisplayWidth.of(line), y: y, style: style)
            if let severity {
                canvas.put(" " + (Widgets.severitySymbol[severity] ?? ""), x: x + DisplayWidth.of(line) + 7, y: y, style: style)
            }
        }
    }

    // MARK: - Roles

    static func rolesTable(_ canvas: inout Canvas, _ state: AppState, _ rect: Rect, box: Rect) {
        let org = state.document.org
        let hours = state.hours
        // Marker 2, role, space, [category, space], holders, then h/week 7, duties 7, coverage 13.
        // Short of room, the duty count gives way first (the details list them), then the
        // category.
        let showDuties = rect.width - (2 + 1 + 1 + 7 + 7 + 13) >= 60
        let fixed = 2 + 1 + 1 + 7 + (showDuties ? 7 : 0) + 13
        let flexible = max(12, rect.width - fixed)
        let showCategory = flexible >= 30
        // Columns take the width their text needs, as far as the room goes: the role's
        // name first (with its " !"), then the category, the holders the rest.
        let longestCategory = org.roles.reduce(10) { max($0, DisplayWidth.of($1.category ?? "")) }
        let categoryWidth = showCategory ? min(longestCategory, max(10, flexible / 5)) : 0
        let longestName = org.roles.reduce(16) { max($0, DisplayWidth.of($1.name) + ($1.critical ? 2 : 0)) }
        let nameWidth = min(longestName, max((flexible - categoryWidth) / 2, flexible - categoryWidth - 16))
        let holdersWidth = flexible - categoryWidth - nameWidth
        var heading = "  " + DisplayWidth.pad("Role", to: nameWidth) + " "
        if showCategory { heading += DisplayWidth.pad("Category", to: categoryWidth) + " " }
        heading += DisplayWidth.pad("Holders", to: holdersWidth) + Widgets.right("h/week", 7) + (showDuties ? Widgets.right("Duties", 7) : "") + "  Coverage"
        canvas.put(heading, x: rect.x, y: rect.y, style: .bold, limit: rect.width)
        if org.roles.isEmpty {
            emptyMessage(&canvas, Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1),
                         ["No roles yet.", "a adds a role; c adds roles from a catalog (search names and aliases)."])
            return
        }
        Widgets.legend(&canvas, box, "! critical role · ? lists every symbol")
        var dutyCount: [String: Int] = [:]
        for duty in org.duties { if let role = duty.role { dutyCount[role, default: 0] += 1 } }
        let rows = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        ListView.draw(&canvas, rows, App.paneList(state), count: org.roles.count, box: box) { canvas, index, line, _ in
            let role = org.roles[index]
            let y = line.y
            let selected = role.id == state.selectedRole
            let base: Style = selected ? .reverse : .plain
            canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: base)
            var x = rect.x
            canvas.put(selected ? "▸ " : "  ", x: x, y: y, style: base)
            x += 2
            // A critical role's "!" stays when a long name is cut short.
            canvas.put(role.critical ? DisplayWidth.truncate(role.name, to: max(1, nameWidth - 2)) + " !" : role.name, x: x, y: y, width: nameWidth, style: base)
            x += nameWidth + 1
            if showCategory {
                canvas.put(role.category ?? "", x: x, y: y, width: categoryWidth, style: base.with(dim: !selected))
                x += categoryWidth + 1
            }
            // In a what-if, the people away do not hold the role.
            // By the positions the live check keeps (a role may have thousands of wearers: a
            // lookup and a copy of each whole Person is what took the time), reading only
            // the names shown; with nobody away, the counts are the role's summary's (each
            // wearer read was a cache miss: 6,000 a role, every frame, at 100,000 people).
            let allWearers = hours.wearers(ofRole: role.id)
            let positions = state.live.wearerPositions(ofRole: role.id)
            var wearers = 0
            var filled = 0
            var names: [String] = []
            if state.away.isEmpty {
                (wearers, filled) = state.live.holders(ofRole: role.id)
                names = positions.prefix(3).map { Self.peopleName(org.people[$0]) }
            } else {
                for (id, position) in zip(allWearers, positions) where !state.away.contains(id) {
                    wearers += 1
                    if names.count < 3 { names.append(Self.peopleName(org.people[position])) }
                    // Open positions are planned, not there: they are no holder of a critical role.
                    if !org.people[position].open { filled += 1 }
                }
            }
            var holders = wearers == 0 ? "—" : (wearers <= 3 ? names.joined(separator: ", ") : "\(names.prefix(2).joined(separator: ", ")) +\(wearers - 2)")
            if allWearers.count > wearers { holders += " (\(allWearers.count - wearers) away)" }
            canvas.put(holders, x: x, y: y, width: holdersWidth, style: base)
            x += holdersWidth
            let duties = dutyCount[role.id] ?? 0
            canvas.put(Widgets.right(Format.oneDecimal(hours.hours(ofRole: role.id)), 7) + (showDuties ? Widgets.right("\(duties)", 7) : ""), x: x, y: y, style: base)
            x += showDuties ? 14 : 7
            let coverage: String
            let severity = worst(.role, role.id, state)
            if wearers == 0 {
                coverage = hours.hours(ofRole: role.id) > 0 || duties > 0 || !allWearers.isEmpty ? "vacant" : "catalog"
            } else if filled == 0 {
                coverage = "open only"
            } else if role.critical, filled == 1 {
                coverage = "1 holder"
            } else if wearers == 1 {
                coverage = "1"
            } else {
                coverage = "\(wearers)"
            }
            var style = severity == nil ? base : Widgets.style(for: severity)
            style.reverse = selected
            let symbol = severity.flatMap { Widgets.severitySymbol[$0] }.map { "\($0) " } ?? "  "
            canvas.put("  " + symbol + coverage, x: x, y: y, style: style, limit: rect.maxX - x)
        }
    }

    // MARK: - Duties

    static let matrixColumnWidth = 7

    static func dutiesMatrix(_ canvas: inout Canvas, _ state: AppState, _ rect: Rect, box: Rect) {
        let org = state.document.org
        guard let matrix = state.matrix else { return }
        if matrix.rows.isEmpty {
            emptyMessage(&canvas, Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1),
                         ["No duties yet.", "a adds a duty; roles added from a catalog bring theirs."])
            return
        }
        Widgets.legend(&canvas, box, "! critical · $ special project · ● covers it")
        let labelWidth = min(44, max(20, rect.width * 2 / 5))
        let columnsRoom = max(0, (rect.width - labelWidth - 1) / Self.matrixColumnWidth)
        let columns = Array(matrix.columns.dropFirst(state.dutiesColumn).prefix(columnsRoom))
        let more = matrix.columns.count - state.dutiesColumn - columns.count
        var heading = DisplayWidth.pad(state.dutiesColumn > 0 ? "◂ \(state.dutiesColumn) more" : "", to: labelWidth) + " "
        for column in columns {
            heading += DisplayWidth.pad(DisplayWidth.truncate(firstName(column.name), to: Self.matrixColumnWidth - 1), to: Self.matrixColumnWidth)
        }
        if more > 0 { heading += "▸ \(more)" }
        canvas.put(heading, x: rect.x, y: rect.y, style: .bold, limit: rect.width)
        if matrix.columns.isEmpty {
            canvas.put("(nobody covers any duty yet)", x: rect.x + labelWidth + 1, y: rect.y, style: .dim, limit: rect.width - labelWidth - 1)
        }
        let rows = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        ListView.draw(&canvas, rows, App.paneList(state), count: matrix.rows.count, box: box) { canvas, index, line, _ in
            let y = line.y
            switch matrix.rows[index] {
            case .area(let name):
                canvas.put(name, x: rect.x, y: y, style: .bold, limit: labelWidth)
            case .duty(let position):
                let duty = org.duties[position]
                let selected = duty.id == state.selectedDuty
                let base: Style = selected ? .reverse : .plain
                canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: base)
                let marks = (duty.critical ? "!" : " ") + (duty.specialProject ? "$" : " ")
                canvas.put((selected ? "▸" : " ") + marks + duty.name, x: rect.x, y: y, width: labelWidth, style: base)
                if duty.role == nil {
                    var style = Widgets.style(for: duty.critical ? .critical : .warning)
                    style.reverse = selected
                    canvas.put("▲ unowned: no role has this duty", x: rect.x + labelWidth + 1, y: y, style: style, limit: rect.width - labelWidth - 1)
                    return
                }
                for (index, column) in columns.enumerated() where matrix.covers(duty, column: column) {
                    canvas.put("   ●", x: rect.x + labelWidth + 1 + index * Self.matrixColumnWidth, y: y, style: base)
                }
            }
        }
    }

    static func firstName(_ name: String) -> String {
        String(name.split(separator: " ").first ?? Substring(name))
    }

    // MARK: - Findings

    static func findingsList(_ canvas: inout Canvas, _ state: AppState, _ rect: Rect, box: Rect) {
        let findings = state.findingsList
        if App.isChecking(state) {
            emptyMessage(&canvas, rect, ["Checking the org… the findings appear here in a moment. Keys work meanwhile."])
            return
        }
        if findings.isEmpty {
            emptyMessage(&canvas, rect, ["No findings: nobody is over the line and every critical role is covered."])
            return
        }
        let ruleWidth = 24
        let subjectWidth = min(24, max(12, rect.width / 4))
        ListView.draw(&canvas, rect, App.paneList(state), count: findings.count, box: box) { canvas, index, line, selected in
            let finding = findings[index]
            let y = line.y
            let base: Style = selected ? .reverse : .plain
            canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: base)
            var symbolStyle = Widgets.style(for: finding.severity)
            symbolStyle.reverse = selected
            canvas.put(selected ? "▸" : " ", x: rect.x, y: y, style: base)
            canvas.put(Widgets.severitySymbol[finding.severity] ?? "", x: rect.x + 1, y: y, style: symbolStyle)
            let mark = state.whatIfMarks[finding.key]
            let isNew = mark != nil
            canvas.put((mark.map { "\($0) " } ?? "") + finding.rule.rawValue, x: rect.x + 3, y: y, width: ruleWidth, style: base.with(bold: isNew))
            canvas.put(finding.subject.name, x: rect.x + 4 + ruleWidth, y: y, width: subjectWidth, style: base)
            canvas.put(finding.message, x: rect.x + 5 + ruleWidth + subjectWidth, y: y, width: max(0, rect.width - 5 - ruleWidth - subjectWidth), style: base.with(dim: !selected))
        }
    }
}

// MARK: - Plan

extension Screens {
    static func planTitle(_ state: AppState) -> String {
        let pane = state.planner
        guard pane.requested != nil || !App.planIsCurrent(state) else {
            guard let plan = pane.plan, !plan.steps.isEmpty else { return "Plan" }
            return "Plan · \(Format.count(plan.steps.count, "step")): \(Format.count(plan.moves.count, "move")), \(Format.count(plan.hires.count, "hire"))"
        }
        let percent = pane.progress.map { " \(Format.percentNumber($0.fraction)) %" } ?? ""
        return pane.plan == nil ? "Plan · working it out…\(percent)" : "Plan · working it out again for your last edit…\(percent)"
    }

    /// "✖ 1 ▲ 5" for a plan's counts.
    static func countsText(_ counts: Plan.Counts) -> String {
        "\(Widgets.severitySymbol[.critical] ?? "") \(Format.grouped(counts.critical))  \(Widgets.severitySymbol[.warning] ?? "") \(Format.grouped(counts.warning))"
    }

    static func planList(_ canvas: inout Canvas, _ state: AppState, _ rect: Rect, box: Rect) {
        guard let plan = state.planner.plan else {
            let progress = state.planner.progress
            var lines = ["Working out the plan: moves among the people you have, then hires."]
            if let progress {
                lines.append(Widgets.gauge(progress.fraction, width: 20) + " \(Format.percentNumber(progress.fraction)) % · \(Format.count(progress.steps, "step")) so far")
            }
            lines.append("Keys still work meanwhile; 1–5 show the other views.")
            emptyMessage(&canvas, rect, lines)
            return
        }
        let current = App.planIsCurrent(state)
        if plan.steps.isEmpty, plan.unresolved.isEmpty {
            emptyMessage(&canvas, rect, ["No plan needed: nobody is over the line and no role is short or unfilled.",
                                       "The plan is worked out again after each edit."])
            return
        }
        // The heading: the findings now and after the plan.
        let heading = plan.steps.isEmpty
            ? "No step helps: what is left, and why, is below"
            : "Findings now \(countsText(plan.countsBefore))  →  after the plan \(countsText(plan.countsAfter))"
        canvas.put(DisplayWidth.truncate(heading, to: rect.width - 1), x: rect.x + 1, y: rect.y, style: .bold, limit: rect.width - 1)
        let rows = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        let lines = state.planner.lines
        let numberWidth = plan.steps.count >= 10 ? 3 : 2
        ListView.draw(&canvas, rows, App.paneList(state), count: lines.count, box: box) { canvas, index, line, selected in
            let y = line.y
            let base: Style = selected ? .reverse : (current ? .plain : .dim)
            switch lines[index] {
            case .blank: break
            case .heading(let text):
                canvas.put(text, x: line.x + 1, y: y, style: .bold, limit: line.width - 1)
            case .note(let text):
                canvas.put(DisplayWidth.truncate(text, to: line.width - 1), x: line.x + 1, y: y, style: .dim, limit: line.width - 1)
            case .step(let number):
                canvas.fill(line, style: base)
                let step = plan.steps[number]
                let cleared = step.cleared.count
                let tail = cleared > 0 ? " clears \(cleared)" : (step.eased.isEmpty ? "" : " eases")
                let textWidth = max(0, line.width - 3 - numberWidth - DisplayWidth.of(tail))
                canvas.put((selected ? "▸" : " ") + Widgets.right("\(number + 1).", numberWidth) + " ", x: line.x, y: y, style: base)
                canvas.put(planStepSummary(step, in: plan), x: line.x + 2 + numberWidth, y: y, width: textWidth, style: base)
                canvas.put(tail, x: line.maxX - DisplayWidth.of(tail) - 1, y: y, style: base.with(dim: !selected))
            case .unresolved(let number):
                canvas.fill(line, style: base)
                let finding = plan.unresolved[number].finding
                var symbolStyle = Widgets.style(for: finding.severity)
                symbolStyle.reverse = selected
                canvas.put(selected ? "▸ " : "  ", x: line.x, y: y, style: base)
                canvas.put(Widgets.severitySymbol[finding.severity] ?? "", x: line.x + 2, y: y, style: symbolStyle)
                canvas.put("\(finding.rule.rawValue) · \(finding.subject.name)", x: line.x + 4, y: y, width: max(0, line.width - 5), style: base)
            }
        }
    }

    /// A step in one line: a move as the plan words it, a hire by its name and title.
    static func planStepSummary(_ step: Plan.Step, in plan: Plan) -> String {
        guard let hire = step.hire else { return step.text }
        let time = hire.fullTime ? "full-time" : Format.hours(hire.hoursPerWeek)
        return "Hire: \(hire.title), \(time)"
    }
}
