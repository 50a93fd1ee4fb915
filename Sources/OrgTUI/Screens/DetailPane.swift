import OrgKit

/// The details of the selection: for a person their hats and the load arithmetic, for a
/// role its holders and duties, for a duty who covers it; then the findings and the
/// checker's suggestion, which `f` applies.
enum DetailPane {
    /// Draws the details; returns how many of their lines are hidden above and below.
    @discardableResult
    static func draw(_ canvas: inout Canvas, _ state: AppState, _ rect: Rect) -> (above: Int, below: Int) {
        let (title, lines) = content(state, width: max(0, rect.width - 4), compact: rect.height < 16)
        Widgets.box(&canvas, rect, title: title, focused: false)
        let inner = rect.inset(1)
        let room = max(0, inner.width - 2)
        // From their top, or as far as J and K scrolled them.
        let list = ListState(selected: -1, offset: state.detailScroll)
        let shown = ListView.draw(&canvas, inner, list, count: lines.count, box: rect) { canvas, index, row, _ in
            let line = lines[index]
            let text = DisplayWidth.truncate(line.text, to: room)
            let used = canvas.put(text, x: row.x + 1, y: row.y, style: line.style, limit: room)
            if !line.tail.isEmpty {
                canvas.put(DisplayWidth.truncate(line.tail, to: room - used), x: row.x + 1 + used, y: row.y, style: line.tailStyle, limit: room - used)
            }
        }
        ListView.moreAbove(&canvas, rect, hidden: shown.lowerBound)
        return (shown.lowerBound, lines.count - shown.upperBound)
    }

    static func content(_ state: AppState, width: Int, compact: Bool = false) -> (String, [StyledLine]) {
        let org = state.document.org
        // A short pane (80×24) shows the suggestion whole and the findings first, then the
        // rest, which J and K scroll to.
        func advice(_ kind: Finding.Subject.Kind, _ id: String) -> [StyledLine] {
            var lines = suggestionLines(state, width: width) + findingLines(kind, id, state, width: width)
            if !lines.isEmpty { lines.append(StyledLine("")) }
            return lines
        }
        switch state.tab {
        case .chart, .people:
            guard let id = state.selectedPerson, let person = org.person(id) else { return ("Details", [StyledLine("Nobody selected.", .dim)]) }
            return (person.name, compact ? advice(.person, id) + personLines(person, state, width: width, findings: false) : personLines(person, state, width: width))
        case .roles:
            guard let id = state.selectedRole, let role = org.role(id) else { return ("Details", [StyledLine("No role selected.", .dim)]) }
            return (role.name, compact ? advice(.role, id) + roleLines(role, state, width: width, findings: false) : roleLines(role, state, width: width))
        case .duties:
            guard let id = state.selectedDuty, let duty = org.duty(id) else { return ("Details", [StyledLine("No duty selected.", .dim)]) }
            return ("Duty", compact ? advice(.duty, id) + dutyLines(duty, state, width: width, findings: false) : dutyLines(duty, state, width: width))
        case .findings:
            guard let finding = state.selectedFinding else { return ("Details", [StyledLine("No findings.", .dim)]) }
            var lines = Widgets.wrap(finding.message, width: width).map { StyledLine($0) }
            if compact { lines += suggestionLines(state, width: width) }
            lines.append(StyledLine(""))
            switch finding.subject.kind {
            case .person:
                if let person = org.person(finding.subject.id) { lines += personLines(person, state, width: width, findings: false) }
            case .role:
                if let role = org.role(finding.subject.id) { lines += roleLines(role, state, width: width, findings: false) }
            case .duty:
                if let duty = org.duty(finding.subject.id) { lines += dutyLines(duty, state, width: width, findings: false) }
            }
            if !compact { lines += suggestionLines(state, width: width) }
            return ("\(finding.rule.rawValue) · \(finding.subject.name)", lines)
        case .plan:
            return planDetails(state, width: width, compact: compact)
        }
    }

    // MARK: - Person

    static func personLines(_ person: Person, _ state: AppState, width: Int, findings: Bool = true) -> [StyledLine] {
        let org = state.document.org
        let hours = state.hours
        var lines: [StyledLine] = []
        let manager = person.reportsTo.flatMap { org.person($0)?.name } ?? "—"
        var facts = [person.title ?? "no title", "reports to\u{A0}\(manager)"]
        if let department = person.department { facts.insert("department\u{A0}\(department)", at: 1) }
        if person.open { facts.insert("Open position", at: 0) }
        if !person.dottedTo.isEmpty { facts.append("dotted to \(person.dottedTo.compactMap { org.person($0)?.name }.joined(separator: ", "))") }
        facts.append("\(Format.oneDecimal(hours.capacity(person)))\u{A0}h/week\(person.hoursPerWeek == nil ? "" : "\u{A0}(own)")")
        let reports = state.tree.children[org.position(ofPerson: person.id) ?? 0].count
        if reports > 0 { facts.append(Format.count(reports, "direct report").replacingOccurrences(of: " ", with: "\u{A0}")) }
        if person.external { facts.append("external") }
        lines += Widgets.wrap(facts.joined(separator: " · "), width: width).map { StyledLine($0) }
        if state.away.contains(person.id) {
            lines += Widgets.wrap("Away in this what-if: their hats are shared out among the others (w brings them back).", width: width)
                .map { StyledLine($0, Style(foreground: .yellow)) }
        } else if let load = state.load(of: person.id), !person.hats.isEmpty {
            let loss = load.switchLoss > 0 ? " · switching −\(Format.percent(load.switchLoss))" : ""
            let planned = load.availability < 1 ? " · \(Format.percent(load.availability)) plannable" : ""
            lines += Widgets.wrap("\(Format.hours(load.allocatedHours)) on \(Format.count(load.hats, "hat"))\(loss)\(planned) · effective \(Format.hours(load.effectiveHours))", width: width).map { StyledLine($0) }
            let checkedPerson = state.checkedOrg.person(person.id) ?? person
            let kinds = state.check.hours.contexts(of: checkedPerson)
            if kinds.count > 1, !person.external {
                let list = kinds.map { "\($0.name)\u{A0}\(Format.hours($0.hours))" }.joined(separator: ", ")
                lines += Widgets.wrap("\(kinds.count) kinds of work (\(Format.oneDecimal(load.contexts)) weighted by hours): \(list)", width: width).map { StyledLine($0, .dim) }
            }
            if person.external {
                lines.append(StyledLine("external: not load-checked", .dim))
            } else {
                let severity = load.severity(under: org.policy)
                let word = severity.map { "  \(Widgets.severitySymbol[$0] ?? "") \($0.name)" } ?? "  ok"
                lines.append(StyledLine("load \(Format.percent(load.load))", .bold, tail: word + " · room \(Format.hours(load.room))", tailStyle: Widgets.style(for: severity)))
            }
        }
        if findings { lines += findingLines(.person, person.id, state, width: width) + suggestionLines(state, width: width) }
        lines.append(StyledLine(""))
        let hatsWidth = max(10, width - 9)
        lines.append(StyledLine(DisplayWidth.pad("Hats", to: hatsWidth) + "   h/week", .bold))
        if person.hats.isEmpty {
            lines.append(StyledLine("  none yet — Enter gives hats", .dim))
        }
        for hat in person.hats {
            let role = org.role(hat.role)
            let share = hat.hoursPerWeek == nil ? " ≈" : "  "
            lines.append(StyledLine("  " + DisplayWidth.pad(role?.name ?? hat.role, to: hatsWidth - 2) + share + Widgets.right(Format.oneDecimal(hours.hours(of: hat)), 6)))
            // In a what-if, the hours taken over from the away, so that the totals add up.
            for taken in state.takenOver[person.id] ?? [] where taken.role == hat.role {
                let from = org.person(taken.from)?.name ?? taken.from
                lines.append(StyledLine("    " + DisplayWidth.pad("+ from \(from)", to: hatsWidth - 4) + "  " + Widgets.right(Format.oneDecimal(taken.hours), 6), Style(foreground: .yellow)))
            }
        }
        if person.hats.contains(where: { $0.hoursPerWeek == nil }) {
            lines.append(StyledLine("  ≈ an equal share of the role's hours", .dim))
        }
        let duties = org.duties.filter { duty in duty.role.map { person.wears($0) } ?? false }
        if !duties.isEmpty {
            lines.append(StyledLine(""))
            lines.append(StyledLine("Duties (\(duties.count))", .bold))
            lines += duties.prefix(12).map { StyledLine("  " + ($0.critical ? "! " : "") + $0.name) }
            if duties.count > 12 { lines.append(StyledLine("  and \(duties.count - 12) more", .dim)) }
        }
        return lines
    }

    // MARK: - Role

    static func roleLines(_ role: Role, _ state: AppState, width: Int, findings: Bool = true) -> [StyledLine] {
        let org = state.document.org
        let hours = state.hours
        var lines: [StyledLine] = []
        var facts = [role.category ?? "no category", "\(Format.hours(hours.hours(ofRole: role.id)))/week"]
        if role.critical { facts.append("critical") }
        if let tier = role.tier { facts.append("tier \(tier)") }
        lines += Widgets.wrap(facts.joined(separator: " · "), width: width).map { StyledLine($0) }
        if let summary = role.summary { lines += Widgets.wrap(summary, width: width).map { StyledLine($0, .dim) } }
        if !role.aliases.isEmpty { lines += Widgets.wrap("Also called: " + role.aliases.joined(separator: ", "), width: width).map { StyledLine($0, .dim) } }
        if let target = role.escalatesTo { lines.append(StyledLine("Escalates to \(org.role(target)?.name ?? target)", .dim)) }
        if let requires = role.requires {
            var needs: [String] = requires.certifications
            if !requires.anyCertification.isEmpty { needs.append("one of " + requires.anyCertification.joined(separator: " / ")) }
            if let years = requires.minYears { needs.append("\(Format.years(years)) of experience") }
            lines += Widgets.wrap("Requires: " + needs.joined(separator: "; "), width: width).map { StyledLine($0, .dim) }
        }
        lines.append(StyledLine(""))
        let wearers = hours.wearers(ofRole: role.id)
        lines.append(StyledLine("Holders (\(wearers.count))", .bold))
        if wearers.isEmpty { lines.append(StyledLine("  nobody — a vacancy", Style(foreground: .yellow))) }
        for id in wearers.prefix(10) {
            guard let person = org.person(id), let hat = person.hat(for: role.id) else { continue }
            lines.append(StyledLine("  " + DisplayWidth.pad(Screens.peopleName(person), to: max(8, width - 11)) + Widgets.right(Format.oneDecimal(hours.hours(of: hat)), 7)))
        }
        if wearers.count > 10 { lines.append(StyledLine("  and \(wearers.count - 10) more", .dim)) }
        if findings { lines += findingLines(.role, role.id, state, width: width) + suggestionLines(state, width: width) }
        let duties = org.duties.filter { $0.role == role.id }
        if !duties.isEmpty {
            lines.append(StyledLine(""))
            lines.append(StyledLine("Duties (\(duties.count))", .bold))
            lines += duties.prefix(12).map { StyledLine("  " + ($0.critical ? "! " : "") + $0.name + ($0.hoursPerWeek.map { " · \(Format.hours($0))" } ?? "")) }
        }
        return lines
    }

    // MARK: - Duty

    static func dutyLines(_ duty: Duty, _ state: AppState, width: Int, findings: Bool = true) -> [StyledLine] {
        let org = state.document.org
        var lines = Widgets.wrap(duty.name, width: width).map { StyledLine($0, .bold) }
        var facts = [duty.area ?? "no area", duty.role.flatMap { org.role($0)?.name }.map { "role: \($0)" } ?? "no role"]
        if let hours = duty.hoursPerWeek { facts.append("\(Format.hours(hours))/week") }
        if duty.critical { facts.append("critical") }
        if duty.specialProject { facts.append("special project") }
        lines += Widgets.wrap(facts.joined(separator: " · "), width: width).map { StyledLine($0) }
        lines.append(StyledLine(""))
        let holders = duty.role.map { state.hours.wearers(ofRole: $0) } ?? []
        lines.append(StyledLine("Covered by (\(holders.count))", .bold))
        if holders.isEmpty { lines.append(StyledLine("  nobody", Style(foreground: .yellow))) }
        lines += holders.prefix(10).compactMap { org.person($0) }.map { StyledLine("  \($0.name)") }
        if findings { lines += findingLines(.duty, duty.id, state, width: width) + suggestionLines(state, width: width) }
        return lines
    }

    // MARK: - Findings and the suggestion

    static func findingLines(_ kind: Finding.Subject.Kind, _ id: String, _ state: AppState, width: Int) -> [StyledLine] {
        // Short panes (80×24) get one line per finding; the Findings view has them whole.
        let compact = Layout(state).detail.map { $0.height < 16 } ?? false
        if App.isChecking(state) {
            return (compact ? [] : [StyledLine("")]) + [StyledLine("Findings", .bold, tail: "  checking…", tailStyle: .dim)]
        }
        let findings = App.findings(about: kind, id, state)
        guard !findings.isEmpty else { return [] }
        var lines = compact ? [] : [StyledLine(""), StyledLine("Findings", .bold)]
        for finding in findings {
            let symbol = Widgets.severitySymbol[finding.severity] ?? ""
            let isNew = state.whatIfMarks[finding.key].map { "\($0) " } ?? ""
            let text = "\(isNew)\(finding.rule.rawValue): \(finding.message)"
            let wrapped = compact ? [DisplayWidth.truncate(text, to: max(1, width - 2))] : Widgets.wrap(text, width: max(1, width - 2))
            for (offset, line) in wrapped.enumerated() {
                lines.append(StyledLine(offset == 0 ? "" : "  ", tail: (offset == 0 ? "\(symbol) " : "") + line,
                                        tailStyle: offset == 0 ? Widgets.style(for: finding.severity) : .plain))
            }
        }
        return lines
    }

    static func suggestionLines(_ state: AppState, width: Int) -> [StyledLine] {
        let compact = Layout(state).detail.map { $0.height < 16 } ?? false
        let planPointer = Widgets.wrap(state.currentSuggestion == nil ? "No single move helps: see the Plan (6)" : "Not enough on its own: see the Plan (6)", width: max(1, width - 2))
            .map { StyledLine("  " + $0, Style(foreground: .cyan, bold: true)) }
        guard let suggestion = state.currentSuggestion else {
            guard let reason = state.noSuggestionReason else { return [] }
            var lines = compact ? [] : [StyledLine("")]
            lines.append(StyledLine("No suggestion", .bold))
            if state.needsPlan { lines += planPointer }
            lines += Widgets.wrap(reason, width: max(1, width - 2)).map { StyledLine("  " + $0, .dim) }
            return lines
        }
        var lines = compact ? [] : [StyledLine("")]
        lines.append(StyledLine("Suggestion", .bold, tail: "  (f applies, u undoes)", tailStyle: .dim))
        lines += Widgets.wrap(suggestion.text, width: max(1, width - 2)).map { StyledLine("  " + $0, Style(foreground: .cyan)) }
        if state.needsPlan { lines += planPointer }
        return lines
    }
}

// MARK: - Plan

extension DetailPane {
    static func planDetails(_ state: AppState, width: Int, compact: Bool) -> (String, [StyledLine]) {
        guard let plan = state.planner.plan else {
            return ("Plan", Widgets.wrap("The plan is being worked out for the org as it is. It never holds up your keys.", width: width).map { StyledLine($0, .dim) })
        }
        let org = state.document.org
        let wrapped: (String, Style) -> [StyledLine] = { text, style in Widgets.wrap(text, width: max(1, width - 2)).map { StyledLine("  " + $0, style) } }
        var lines: [StyledLine] = []
        if !App.planIsCurrent(state) {
            lines += Widgets.wrap("Worked out before your last edit: a new plan is on its way.", width: width).map { StyledLine($0, Style(foreground: .yellow)) }
            lines.append(StyledLine(""))
        }
        switch App.selectedPlanLine(state) {
        case .step(let index):
            let step = plan.steps[index]
            lines += Widgets.wrap(step.text, width: width).map { StyledLine($0, Style(foreground: .cyan)) }
            lines += findingList("Clears", step.cleared, width: width, withLoad: false)
            lines += findingList("Eases", step.eased, width: width, withLoad: true)
            lines += findingList("Brings (expected)", step.brings, width: width, withLoad: false)
            if !step.loads.isEmpty {
                lines.append(StyledLine(""))
                lines.append(StyledLine("Load, before → after", .bold))
                let nameWidth = max(8, width - 18)
                for change in step.loads {
                    let before = change.before.map { Format.percent($0) } ?? "new"
                    let policy = plan.org.policy
                    let severity: Finding.Severity? = change.after > policy.criticalAt ? .critical : (change.after > policy.warnAt ? .warning : nil)
                    lines.append(StyledLine("  " + DisplayWidth.pad(change.name, to: nameWidth) + Widgets.right(before, 6) + " → ",
                                            tail: Widgets.right(Format.percent(change.after), 6), tailStyle: Widgets.style(for: severity)))
                }
            }
            // The step's text already says all of it; short panes (80×24) leave the list out.
            if let hire = step.hire, !compact {
                lines.append(StyledLine(""))
                lines.append(StyledLine("Open position", .bold))
                var facts = ["\(hire.name) · \(hire.title)", hire.fullTime ? "full-time, \(Format.hours(hire.hoursPerWeek)) a week" : "part-time, \(Format.hours(hire.hoursPerWeek)) a week"]
                if let manager = hire.manager.flatMap({ plan.org.person($0) ?? org.person($0) }) { facts.append("reports to\u{A0}\(manager.name)") }
                lines += wrapped(facts.joined(separator: " · "), .plain)
                for (hat, hours) in zip(hire.hats, hire.hatHours) {
                    let name = plan.org.role(hat.role)?.name ?? hat.role
                    lines.append(StyledLine("    " + DisplayWidth.pad(name, to: max(8, width - 12)) + Widgets.right(Format.oneDecimal(hours), 6)))
                }
                if !hire.needs.isEmpty { lines += wrapped("Hire for: \(hire.needs)", .plain) }
            }
            lines.append(StyledLine(""))
            lines.append(StyledLine("After this step: \(Screens.countsText(step.findingsAfter))", .dim))
            if index > 0 {
                lines += Widgets.wrap("Planned for the org after step\(index == 1 ? " 1" : "s 1–\(index)"): F applies the steps in order.", width: width).map { StyledLine($0, .dim) }
            }
            return ("Step \(Format.grouped(index + 1)) of \(Format.grouped(plan.steps.count)) · \(step.kind == .hire ? "hire" : "move")", lines)
        case .unresolved(let index):
            let item = plan.unresolved[index]
            lines += Widgets.wrap(item.finding.message, width: width).map { StyledLine($0, Widgets.style(for: item.finding.severity)) }
            lines.append(StyledLine(""))
            lines.append(StyledLine("Why the plan leaves it", .bold))
            lines += wrapped(item.reason, .plain)
            return ("Left · \(item.finding.rule.rawValue)", lines)
        default:
            lines += Widgets.wrap(plan.steps.isEmpty && plan.unresolved.isEmpty
                ? "Nothing to plan: the org carries its work. Edits elsewhere bring the plan up to date here."
                : "Select a step to see what it changes.", width: width).map { StyledLine($0, .dim) }
            return ("Plan", lines)
        }
    }

    /// "Clears" and a line per finding: symbol, rule, subject (and the load it is at now).
    static func findingList(_ title: String, _ findings: [Finding], width: Int, withLoad: Bool) -> [StyledLine] {
        guard !findings.isEmpty else { return [] }
        var lines = [StyledLine(""), StyledLine(title, .bold)]
        for finding in findings {
            // Spelled out: Swift 6.3.1's optimizer crashed (an ownership error) on
            // `finding.load.map { … }` here in a release build.
            var load = ""
            if withLoad, case .overload(_, let numbers, _) = finding.explanation { load = " (now \(Format.percent(numbers.load)))" }
            let text = "\(finding.rule.rawValue) · \(finding.subject.name)\(load)"
            for (offset, line) in Widgets.wrap(text, width: max(1, width - 4)).enumerated() {
                lines.append(StyledLine(offset == 0 ? "  " : "    ", tail: (offset == 0 ? "\(Widgets.severitySymbol[finding.severity] ?? "") " : "") + line,
                                        tailStyle: offset == 0 ? Widgets.style(for: finding.severity) : .plain))
            }
        }
        return lines
    }
}
