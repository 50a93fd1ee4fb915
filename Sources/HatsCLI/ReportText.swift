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
        var text = ""
        write(report, org: org, whatIf: whatIf) { text += $0 }
        return text
    }

    /// Rows (findings or people) turned into text at a time: a large org's report goes out
    /// in pieces of this many, never held whole (100,000 people make 26 MB of text, and the
    /// lines it is made of as much again).
    static let piece = 4_096

    /// The report in pieces, in order, each a run of whole lines with their newlines:
    /// `render` is all of them joined. A large org's report is never held whole.
    func write(_ report: LoadReport, org: Org, whatIf: (without: [String], comparison: ReportComparison)?, to emit: (String) -> Void) {
        var lines: [String] = []
        func flush() {
            guard !lines.isEmpty else { return }
            var text = ""
            text.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
            for index in lines.indices {
                text += lines[index]
                text += "\n"
            }
            lines.removeAll(keepingCapacity: true)
            emit(text)
        }
        let title = org.name.isEmpty ? "Untitled org" : TextSafety.printable(org.name)
        lines.append(bold("\(title): \(summary(report))"))
        if let whatIf {
            let names = whatIf.without.map { org.person($0)?.name ?? $0 }.map(TextSafety.printable)
            lines.append("What if \(list(names)) \(names.count == 1 ? "were" : names.count == 2 ? "were both" : "were all") away: their hats are gone and shared work falls to the others.")
        }
        // Positions, not copies: a finding is a large value, and a large org has tens of
        // thousands of them.
        let findings = report.findings
        for severity in Finding.Severity.allCases.reversed() {
            let group = findings.indices.filter { findings[$0].severity == severity }
            guard !group.isEmpty else { continue }
            lines.append("")
            lines.append(paint(Self.headings[severity] ?? "", severity, bold: true))
            flush()
            Self.inPieces(group.count, emit: emit) { index, text in describe(findings, group[index], into: &text) }
        }
        if report.findings.isEmpty {
            lines.append("")
            lines.append("No findings: nobody is over the line and every critical role is covered.")
        }
        // By position: `reduce` hands each finding (a large value) to its closure by copy.
        var needPlan = 0
        for index in findings.indices where findings[index].isLoad && (findings[index].suggestion == nil || findings[index].suggestion?.partial == true) {
            needPlan += 1
        }
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
        flush()
        peopleTable(report, org: org, away: Set(whatIf?.without ?? []), emit: emit)
    }

    /// Parts of runs of items made into text on every core, each part's lines joined
    /// where it was made (joining them on one thread afterwards was most of the serial
    /// time), handed to `emit` in order a piece at a time.
    static func inPieces(_ count: Int, emit: (String) -> Void, _ text: (Int, inout String) -> Void) {
        let part = 256
        for start in stride(from: 0, to: count, by: piece) {
            let end = min(count, start + piece)
            let parts = Parallel.map((end - start + part - 1) / part, minimum: 2) { index in
                var out = ""
                for item in start + index * part..<min(end, start + (index + 1) * part) { text(item, &out) }
                return out
            }
            for index in parts.indices { emit(parts[index]) }
        }
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

    /// The finding at `index`, read in place (a copy of a whole finding is costly).
    private func describe(_ findings: [Finding], _ index: Int, into text: inout String) {
        let severity = findings[index].severity
        text += "  "
        text += paint(Self.symbols[severity] ?? "", severity)
        text += " "
        text += findings[index].rule.rawValue
        text += " · "
        text += TextSafety.printable(findings[index].subject.name)
        text += "\n      "
        text += TextSafety.printable(findings[index].explanation.text)
        text += "\n"
        if let suggestion = findings[index].suggestion?.text {
            text += "      → "
            text += TextSafety.printable(suggestion)
            text += "\n"
        } else if let reason = findings[index].noSuggestion {
            text += "      · no suggestion: "
            text += TextSafety.printable(reason)
            text += "\n"
        }
    }

    /// The table of everyone, handed to `emit` a piece of rows at a time (the header first).
    private func peopleTable(_ report: LoadReport, org: Org, away: Set<String>, emit: (String) -> Void) {
        guard !report.people.isEmpty else { return emit("People: none yet.\n") }
        // The report's people are the org's, in file order: by position, not by id.
        let people = org.people
        // Names and their widths on every core.
        let names = Parallel.map(report.people.count, minimum: 4_096) { index in
            let load = report.people[index]
            let open = index < people.count && people[index].id == load.id ? people[index].open : org.person(load.id)?.open == true
            let name = TextSafety.printable(load.name) + (open ? " (open position)" : "")
            return (name: name, width: DisplayWidth.of(name))
        }
        var widest = 0
        for index in names.indices { widest = max(widest, names[index].width) }
        let nameWidth = min(32, max(6, widest))
        let header = bold(DisplayWidth.pad("Person", to: nameWidth) + "  hats  kinds   hours  switching  effective    load   room")
        // Rows are independent: a large org's are built on all cores.
        let policy = org.policy
        emit(header + "\n")
        Self.inPieces(report.people.count, emit: emit) { index, text in
            // Appended in place: 100,000 rows of small concatenations were a tenth of the
            // command's time.
            let load = report.people[index]
            var line = DisplayWidth.pad(names[index].name, to: nameWidth)
            line.reserveCapacity(line.utf8.count + 72)
            Self.append(&line, "\(load.hats)", right: 4)
            Self.append(&line, load.hats > 1 && !load.external ? Format.oneDecimal(load.contexts) : "", right: 5)
            Self.append(&line, Format.oneDecimal(load.allocatedHours), right: 6)
            if load.external || (!away.isEmpty && away.contains(load.id)) {
                Self.append(&line, "", right: 9)
                Self.append(&line, "", right: 9)
                Self.append(&line, load.external ? "external" : "away", right: 8)
            } else {
                Self.append(&line, load.switchLoss > 0 ? "−\(Format.percent(load.switchLoss))" : "0 %", right: 9)
                Self.append(&line, Format.oneDecimal(load.effectiveHours), right: 9)
                let severity = load.severity(under: policy)
                let mark = severity.map { " " + (Self.symbols[$0] ?? "") } ?? ""
                let text = right(Format.percent(load.load), 6) + mark
                line += "  "
                line += severity.map { paint(text, $0) } ?? text
                Self.append(&line, Format.oneDecimal(load.room), right: 5, after: String(repeating: " ", count: max(0, 8 - DisplayWidth.of(text))))
            }
            text += line
            text += "\n"
        }
    }

    /// `line` + `after` + `text` right-aligned in `width` columns.
    private static func append(_ line: inout String, _ text: String, right width: Int, after gap: String = "  ") {
        line += gap
        let missing = width - DisplayWidth.of(text)
        if missing > 0 { line += String(repeating: " ", count: missing) }
        line += text
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
