/// A Markdown report for a wiki (CommonMark with GitHub's tables): the chart as a nested
/// list, the people table with loads, the findings, and the duties matrix (duties grouped
/// by area down, people across). Every piece of user text goes through
/// `Escape.markdownCell`, so nothing in it becomes a link, markup, HTML or a table break.
public enum MarkdownExport {
    /// Deeper levels of the chart are listed at this depth, with their level written out,
    /// so the report stays linear in size however deep a reporting chain goes.
    static let maxListDepth = 12

    public static func render(_ org: Org) -> String {
        let facts = ExportFacts(org)
        let cell = Escape.markdownCell
        var out = "# \(cell(org.name.isEmpty ? "Org chart" : org.name))\n\n"
        if let description = org.description, !description.isEmpty {
            out += cell(description) + "\n\n"
        }
        out += "\(facts.report.count(.critical)) critical, \(facts.report.count(.warning)) warnings, \(facts.report.count(.info)) info · "
        out += "\(org.people.count) people, \(org.roles.count) roles, \(org.duties.count) duties\n\n"

        // Chart
        out += "## Chart\n\n"
        func listItems(_ rows: [ReportingTree.Row]) {
            for row in rows {
                let person = org.people[row.person]
                let depth = min(row.depth, maxListDepth)
                out += String(repeating: "  ", count: depth) + "- "
                if row.depth > maxListDepth { out += "(level \(row.depth + 1)) " }
                out += "**\(cell(person.name))**"
                if person.open { out += " (open position)" }
                if let title = person.title, !title.isEmpty { out += " — \(cell(title))" }
                let hats = facts.hatTexts(person)
                if !hats.isEmpty { out += " · " + hats.map(cell).joined(separator: ", ") }
                if !person.external {
                    out += " · \(facts.loadText(person))"
                    if let severity = facts.load(person)?.severity(under: org.policy) { out += " " + ExportFacts.severitySymbol(severity) }
                }
                let dotted = person.dottedTo.compactMap(org.person).map { cell($0.name) }
                if !dotted.isEmpty { out += " · dotted line to " + dotted.joined(separator: ", ") }
                out += "\n"
            }
        }
        let internalRows = facts.tree.rows(from: facts.tree.roots)
        if internalRows.isEmpty { out += "Nobody yet.\n" } else { listItems(internalRows) }
        let externalRows = facts.tree.rows(from: facts.tree.externalRoots)
        if !externalRows.isEmpty {
            out += "\n### External providers\n\n"
            listItems(externalRows)
        }

        // People
        out += "\n## People\n\n"
        if org.people.isEmpty {
            out += "Nobody yet.\n"
        } else {
            // A Department column only when someone has one.
            let departments = org.people.contains { $0.department != nil }
            out += "| Person | Title |\(departments ? " Department |" : "") Hats | Hours | Capacity | Switching | Effective | Load |\n"
            out += "|---|---|\(departments ? "---|" : "")---|--:|--:|--:|--:|--:|\n"
            for person in org.people {
                guard let load = facts.load(person) else { continue }
                let hats = facts.hatTexts(person).map(cell).joined(separator: ", ")
                var loadCell = person.external ? "external" : Format.percent(load.load)
                if let severity = load.severity(under: org.policy) { loadCell += " " + ExportFacts.severitySymbol(severity) }
                let department = departments ? " \(cell(person.department ?? "")) |" : ""
                out += "| \(cell(person.name))\(person.open ? " (open position)" : "") | \(cell(person.title ?? "")) |\(department) \(hats) | \(Format.oneDecimal(load.allocatedHours)) | \(Format.oneDecimal(load.capacityHours)) | "
                out += person.external ? "| | " : "\(Format.percentNumber(load.switchLoss)) % | \(Format.oneDecimal(load.effectiveHours)) | "
                out += "\(loadCell) |\n"
            }
        }

        // Findings
        out += "\n## Findings\n\n"
        if facts.report.findings.isEmpty {
            out += "No findings.\n"
        }
        for finding in facts.report.findings {
            out += "- \(ExportFacts.severitySymbol(finding.severity)) **\(finding.severity.name)** `\(finding.rule.rawValue)` · \(cell(finding.subject.name)) — \(cell(finding.message))"
            out += "\n"
            if let suggestion = finding.suggestion {
                out += "  - → \(cell(suggestion.text))\n"
            } else if let reason = finding.noSuggestion {
                out += "  - no suggestion: \(cell(reason))\n"
            }
        }

        // Duties
        out += "\n## Duties\n\n"
        let groups = facts.dutiesByArea()
        if groups.isEmpty {
            out += "No duties.\n"
            return out
        }
        let people = facts.dutyPeople()
        let across = people.count <= ExportFacts.matrixMaxPeople
        var head = "| Duty | Role | h/week |"
        var rule = "|---|---|--:|"
        if across {
            for person in people {
                head += " \(cell(person.name)) |"
                rule += ":-:|"
            }
        } else {
            head += " Who |"
            rule += "---|"
        }
        var wearers: [String: [Person]] = [:]
        for person in org.people { for hat in person.hats { wearers[hat.role, default: []].append(person) } }
        for group in groups {
            out += "### \(cell(group.area))\n\n\(head)\n\(rule)\n"
            for duty in group.duties {
                let roleName = duty.role.flatMap(org.role).map { cell($0.name) } ?? "*unowned*"
                var line = "| \(cell(duty.name))\(duty.critical ? " (critical)" : "") | \(roleName) | \(facts.staffedHours(duty).map(Format.oneDecimal) ?? "") |"
                if across {
                    for person in people {
                        line += (duty.role.map(person.wears) ?? false) ? " ● |" : " |"
                    }
                } else {
                    let names = duty.role.map { wearers[$0] ?? [] } ?? []
                    line += " \(names.map { cell($0.name) }.joined(separator: ", ")) |"
                }
                out += line + "\n"
            }
            out += "\n"
        }
        if across { out += "● wears the role that owns the duty.\n" }
        return out
    }
}
