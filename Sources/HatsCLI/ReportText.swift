import OrgKit

/// The text form of a load report for `hats check`: a summary line, the findings grouped
/// by severity (each with its suggestion), and a table of everyone's numbers.
/// Colour is added only when asked (a terminal without NO_COLOR); the symbols and words
/// carry the same meaning without it.
struct ReportText {
    var colour: Bool

    static let symbols: [Finding.Severity: String] = [.critical: "✖", .warning: "▲", .info: "·"]
    static let headings: [Finding.Severity: String] = [.critical: "Critical", .warning: "Warnings", .info: "Info"]

    func render(_ report: LoadReport, org: Org, whatIf: (without: [String], comparison: ReportComparison)?) -> String {
        var lines: [String] = []
        let title = org.name.isEmpty ? "Untitled org" : TextSafety.printable(org.name)
        lines.append(bold("\(title): \(summary(report))"))
        if let whatIf {
            let names = whatIf.without.map { org.person($0)?.name ?? $0 }.map(TextSafety.printable)
            lines.append("What if \(list(names)) \(names.count == 1 ? "were" : names.count == 2 ? "were both" : "were all") away: their hats are gone and shared work falls to the others.")
        }
        for severity in Finding.Severity.allCases.reversed() {
            let group = report.findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            lines.append("")
            lines.append(paint(Self.headings[severity] ?? "", severity, bold: true))
            for described in Parallel.map(group.count, { describe(group[$0]) }) { lines += described }
        }
        if report.findings.isEmpty {
            lines.append("")
            lines.append("No findings: nobody is over the line and every critical role is covered.")
        }
        let needPlan = report.findings.filter { $0.isLoad && ($0.suggestion == nil || $0.suggestion?.partial == true) }.count
        if needPlan > 0, whatIf == nil {
            lines.append("")
            lines.append("\(needPlan == 1 ? "1 load finding needs" : "\(needPlan) load findings need") more than one change, or a hire: hats plan plans the moves and hires (docs/plan.md).")
        }
        if let whatIf {
            let comparison = whatIf.comparison
            lines.append("")
            lines.append(bold("Compared with the org as it is: \(Self.comparisonSummary(comparison))"))
            lines += comparisonLines(comparison)
        }
        lines.append("")
        lines += peopleTable(report, org: org, away: Set(whatIf?.without ?? []))
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per finding that is new (+), worse (↑), better (↓) or resolved (−); also
    /// what `hats diff` lists.
    func comparisonLines(_ comparison: ReportComparison) -> [String] {
        var lines: [String] = []
        for finding in comparison.new {
            lines.append("  + \(paint(Self.symbols[finding.severity] ?? "", finding.severity)) \(finding.rule.rawValue) · \(TextSafety.printable(finding.subject.name))")
        }
        for change in comparison.worse {
            lines.append("  ↑ \(paint(Self.symbols[change.after.severity] ?? "", change.after.severity)) \(TextSafety.printable(change.after.subject.name)): \(Self.transition(change))")
        }
        for change in comparison.better {
            lines.append("  ↓ \(TextSafety.printable(change.after.subject.name)): \(Self.transition(change))")
        }
        for finding in comparison.resolved {
            lines.append("  − \(finding.rule.rawValue) · \(TextSafety.printable(finding.subject.name))")
        }
        return lines
    }

    /// "2 new, 1 worse, 0 better, 1 resolved"
    static func comparisonSummary(_ comparison: ReportComparison) -> String {
        "\(comparison.new.count) new, \(comparison.worse.count) worse, \(comparison.better.count) better, \(comparison.resolved.count) resolved"
    }

    /// "single-point-of-failure ▲ → unfilled-role ✖" or "overload 167 % → 275 %"
    static func transition(_ change: ReportComparison.Change) -> String {
        if change.before.rule == change.after.rule, let was = change.before.load, let now = change.after.load {
            return "\(change.after.rule.rawValue) \(Format.percent(was)) → \(Format.percent(now))"
        }
        let before = "\(change.before.rule.rawValue) (\(change.before.severity.name))"
        let after = "\(change.after.rule.rawValue) (\(change.after.severity.name))"
        return "\(before) → \(after)"
    }

    func summary(_ report: LoadReport) -> String {
        "\(Format.grouped(report.count(.critical))) critical, \(Format.count(report.count(.warning), "warning")), \(Format.grouped(report.count(.info))) info"
    }

    private func describe(_ finding: Finding) -> [String] {
        let symbol = paint(Self.symbols[finding.severity] ?? "", finding.severity)
        var lines = ["  \(symbol) \(finding.rule.rawValue) · \(TextSafety.printable(finding.subject.name))",
                     "      \(TextSafety.printable(finding.message))"]
        if let suggestion = finding.suggestion {
            lines.append("      → \(TextSafety.printable(suggestion.text))")
        } else if let reason = finding.noSuggestion {
            lines.append("      · no suggestion: \(TextSafety.printable(reason))")
        }
        return lines
    }

    private func peopleTable(_ report: LoadReport, org: Org, away: Set<String>) -> [String] {
        guard !report.people.isEmpty else { return ["People: none yet."] }
        let names = report.people.map { load in
            TextSafety.printable(load.name) + (org.person(load.id)?.open == true ? " (open position)" : "")
        }
        let nameWidth = min(32, max(6, names.map(DisplayWidth.of).max() ?? 0))
        let header = bold(DisplayWidth.pad("Person", to: nameWidth) + "  hats  kinds   hours  switching  effective    load   room")
        // Rows are independent: a large org's are built on all cores.
        return [header] + Parallel.map(report.people.count) { index in
            let load = report.people[index]
            var line = DisplayWidth.pad(names[index], to: nameWidth)
            line += "  " + right("\(load.hats)", 4)
            line += "  " + right(load.hats > 1 && !load.external ? Format.oneDecimal(load.contexts) : "", 5)
            line += "  " + right(Format.oneDecimal(load.allocatedHours), 6)
            if load.external || away.contains(load.id) {
                line += "  " + right("", 9) + "  " + right("", 9) + "  " + right(load.external ? "external" : "away", 8)
            } else {
                line += "  " + right(load.switchLoss > 0 ? "−\(Format.percent(load.switchLoss))" : "0 %", 9)
                line += "  " + right(Format.oneDecimal(load.effectiveHours), 9)
                let severity = load.severity(under: org.policy)
                let mark = severity.map { " " + (Self.symbols[$0] ?? "") } ?? ""
                let text = right(Format.percent(load.load), 6) + mark
                line += "  " + (severity.map { paint(text, $0) } ?? text)
                line += String(repeating: " ", count: max(0, 8 - DisplayWidth.of(text))) + right(Format.oneDecimal(load.room), 5)
            }
            return line
        }
    }

    private func right(_ text: String, _ width: Int) -> String {
        let missing = width - DisplayWidth.of(text)
        return missing > 0 ? String(repeating: " ", count: missing) + text : text
    }

    private func list(_ names: [String]) -> String {
        switch names.count {
        case 0: return "nobody"
        case 1: return names[0]
        default: return names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
        }
    }

    private func paint(_ text: String, _ severity: Finding.Severity, bold: Bool = false) -> String {
        guard colour else { return text }
        let code: String
        switch severity {
        case .critical: code = "31"
        case .warning: code = "33"
        case .info: code = "36"
        }
        return "\u{1B}[\(bold ? "1;" : "")\(code)m\(text)\u{1B}[0m"
    }

    func symbol(_ severity: Finding.Severity) -> String { paint(Self.symbols[severity] ?? "", severity) }

    func bold(_ text: String) -> String {
        colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}
