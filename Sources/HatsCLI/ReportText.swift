import OrgKit

/// The text form of a load report for `hats check`: a summary line, the findings grouped
/// by severity (each with its suggestion), and a table of everyone's numbers.
/// Colour is added only when asked (a terminal without NO_COLOR); the symbols and words
/// carry the same meaning without it.
struct ReportText {
    var colour: Bool

    /// A severity's mark: a switch, not a table looked up (hashed) at every finding and row.
    static func mark(_ severity: Finding.Severity) -> String {
        switch severity {
        case .critical: "✖"
        case .warning: "▲"
        case .info: "·"
        }
    }
    static let headings: [Finding.Severity: String] = [.critical: "Critical", .warning: "Warnings", .info: "Info"]

    func render(_ report: LoadReport, org: Org, whatIf: (without: [String], comparison: ReportComparison)?) -> String {
        var bytes: [UInt8] = []
        write(report, org: org, whatIf: whatIf) { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Rows (findings or people) turned into text at a time: a large org's report goes out
    /// in pieces of this many, never held whole (100,000 people make 26 MB of text, and the
    /// lines it is made of as much again).
    static let piece = 4_096

    /// The report in pieces of UTF-8, in order, each a run of whole lines with their
    /// newlines: `render` is all of them joined. A large org's report is never held whole,
    /// and its findings and table are written as bytes (as strings, formatting and joining
    /// the 100,000 rows was a fifth of the command's time).
    func write(_ report: LoadReport, org: Org, whatIf: (without: [String], comparison: ReportComparison)?, to emit: ([UInt8]) -> Void) {
        var lines: [String] = []
        func flush() {
            guard !lines.isEmpty else { return }
            var text: [UInt8] = []
            text.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
            for index in lines.indices {
                text += lines[index].utf8
                text.append(UInt8(ascii: "\n"))
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
    static func inPieces(_ count: Int, emit: ([UInt8]) -> Void, _ text: (Int, inout [UInt8]) -> Void) {
        let part = 256
        for start in stride(from: 0, to: count, by: piece) {
            let end = min(count, start + piece)
            let parts = Parallel.map((end - start + part - 1) / part, minimum: 2) { index in
                var out: [UInt8] = []
                out.reserveCapacity(part * 128)
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
            lines.append("  + \(symbol(finding.severity)) \(finding.rule.rawValue) · \(TextSafety.printable(finding.subject.name))")
        }
        for change in comparison.worse {
            lines.append("  ↑ \(symbol(change.after.severity)) \(TextSafety.printable(change.after.subject.name)): \(Self.transition(change))")
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
    private func describe(_ findings: [Finding], _ index: Int, into text: inout [UInt8]) {
        let severity = findings[index].severity
        text += "  ".utf8
        appendPainted(Self.mark(severity), severity, to: &text)
        text.append(UInt8(ascii: " "))
        text += findings[index].rule.rawValue.utf8
        text += " · ".utf8
        TextSafety.appendPrintable(findings[index].subject.name, to: &text)
        text += "\n      ".utf8
        // The explanation's words straight into bytes, then made safe to print.
        var words: [UInt8] = []
        findings[index].explanation.appendText(to: &words)
        TextSafety.appendPrintable(bytes: words, to: &text)
        text.append(UInt8(ascii: "\n"))
        if let suggestion = findings[index].suggestion?.text {
            text += "      → ".utf8
            TextSafety.appendPrintable(suggestion, to: &text)
            text.append(UInt8(ascii: "\n"))
        } else if let reason = findings[index].noSuggestion {
            text += "      · no suggestion: ".utf8
            TextSafety.appendPrintable(reason, to: &text)
            text.append(UInt8(ascii: "\n"))
        }
    }

    /// The table of everyone, handed to `emit` a piece of rows at a time (the header first).
    private func peopleTable(_ report: LoadReport, org: Org, away: Set<String>, emit: ([UInt8]) -> Void) {
        guard !report.people.isEmpty else { return emit(Array("People: none yet.\n".utf8)) }
        // The report's people are the org's, in file order: by position, not by id.
        let people = org.people
        // Names and their widths on every core.
        let names = Parallel.map(report.people.count, minimum: 4_096) { index in
            let load = report.people[index]
            let open = index < people.count && people[index].id == load.id ? people[index].open : org.person(load.id)?.open == true
            let printable = TextSafety.printable(load.name)
            let name = open ? printable + " (open position)" : printable
            return (name: name, width: DisplayWidth.of(name))
        }
        var widest = 0
        for index in names.indices { widest = max(widest, names[index].width) }
        let nameWidth = min(32, max(6, widest))
        let header = bold(DisplayWidth.pad("Person", to: nameWidth) + "  hats  kinds   hours  switching  effective    load   room")
        // Rows are independent: a large org's are built on all cores, as bytes.
        let policy = org.policy
        emit(Array((header + "\n").utf8))
        Self.inPieces(report.people.count, emit: emit) { index, line in
            let load = report.people[index]
            let name = names[index]
            if name.width <= nameWidth {
                line += name.name.utf8
                Self.spaces(nameWidth - name.width, to: &line)
            } else {
                line += DisplayWidth.pad(name.name, to: nameWidth).utf8
            }
            // Each cell composed on the stack (ShortText), then written right-aligned.
            var cell = ShortText()
            cell.append(integer: load.hats)
            Self.write(cell, right: 4, to: &line)
            Self.write(load.hats > 1 && !load.external ? Format.oneDecimalText(load.contexts) : ShortText(), right: 5, to: &line)
            Self.write(Format.oneDecimalText(load.allocatedHours), right: 6, to: &line)
            if load.external || (!away.isEmpty && away.contains(load.id)) {
                Self.write(ShortText(), right: 9, to: &line)
                Self.write(ShortText(), right: 9, to: &line)
                cell = ShortText()
                cell.append(load.external ? "external" : "away")
                Self.write(cell, right: 8, to: &line)
            } else {
                cell = ShortText()
                if load.switchLoss > 0 {
                    cell.append("−")
                    Format.percentText(load.switchLoss).write(to: &cell)
                } else {
                    cell.append("0 %")
                }
                Self.write(cell, right: 9, to: &line)
                Self.write(Format.oneDecimalText(load.effectiveHours), right: 9, to: &line)
                // The load, right-aligned in 6 columns, then its mark (" ✖"), painted
                // together; the room follows 8 columns after the load's start.
                let severity = load.severity(under: policy)
                let percent = Format.percentText(load.load)
                let columns = max(6, percent.columns) + (severity == nil ? 0 : 2)
                line += "  ".utf8
                if let severity, colour { line += Self.colourCode(severity, bold: false).utf8 }
                Self.spaces(6 - percent.columns, to: &line)
                percent.write(to: &line)
                if let severity {
                    line.append(UInt8(ascii: " "))
                    line += Self.mark(severity).utf8
                    if colour { line += "\u{1B}[0m".utf8 }
                }
                Self.spaces(8 - columns, to: &line)
                Self.write(Format.oneDecimalText(load.room), right: 5, gap: 0, to: &line)
            }
            line.append(UInt8(ascii: "\n"))
        }
    }

    /// `gap` spaces, then `cell` right-aligned in `width` columns: padded on the stack and
    /// written out at once.
    private static func write(_ cell: ShortText, right width: Int, gap: Int = 2, to line: inout [UInt8]) {
        var padded = ShortText()
        padded.appendSpaces(gap + width - cell.columns)
        cell.write(to: &padded)
        padded.write(to: &line)
    }

    /// `count` spaces (none when `count` is 0 or less).
    private static func spaces(_ count: Int, to line: inout [UInt8]) {
        // Byte by byte: appending a slice of a shared row of blanks retained and released
        // that one array from both cores at every row (its count bounced between them).
        guard count > 0 else { return }
        for _ in 0..<count { line.append(UInt8(ascii: " ")) }
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
        return "\(Self.colourCode(severity, bold: bold))\(text)\u{1B}[0m"
    }

    private func appendPainted(_ text: String, _ severity: Finding.Severity, to out: inout [UInt8]) {
        if colour { out += Self.colourCode(severity, bold: false).utf8 }
        out += text.utf8
        if colour { out += "\u{1B}[0m".utf8 }
    }

    private static func colourCode(_ severity: Finding.Severity, bold: Bool) -> String {
        let code: String
        switch severity {
        case .critical: code = "31"
        case .warning: code = "33"
        case .info: code = "36"
        }
        return "\u{1B}[\(bold ? "1;" : "")\(code)m"
    }

    /// A severity's mark, painted.
    func symbol(_ severity: Finding.Severity) -> String { paint(Self.mark(severity), severity) }

    func bold(_ text: String) -> String {
        colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}
