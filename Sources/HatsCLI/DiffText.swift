import OrgKit

/// The text form of `hats diff`: people, roles and duties that changed, then the findings
/// compared as `hats check --without` compares them, with the same symbols.
struct DiffText {
    var report: ReportText

    func render(_ diff: OrgDiff, old: String, new: String) -> String {
        var lines = ["\(TextSafety.printable(old)) → \(TextSafety.printable(new))"]
        if diff.same {
            lines.append("No changes: both files hold the same org.")
            return lines.joined(separator: "\n") + "\n"
        }
        if diff.isEmpty {
            lines.append("Only the order of entries changed.")
            return lines.joined(separator: "\n") + "\n"
        }
        if !diff.org.isEmpty {
            lines += ["", "Org"] + diff.org.map { "  " + field($0) }
        }
        if !diff.people.isEmpty {
            lines += ["", "People"]
            for person in diff.people { lines += self.person(person) }
        }
        for (heading, items) in [("Roles", diff.roles), ("Duties", diff.duties)] where !items.isEmpty {
            lines += ["", heading]
            for item in items {
                lines.append("  \(Self.mark(item.change)) \(TextSafety.printable(item.name)) (\(TextSafety.printable(item.id)))\(Self.word(item.change))")
                lines += item.fields.map { "      " + field($0) }
            }
        }
        lines += ["", "Findings: \(ReportText.comparisonSummary(diff.findings))"]
        lines += report.comparisonLines(diff.findings)
        return lines.joined(separator: "\n") + "\n"
    }

    static func mark(_ change: OrgDiff.Change) -> String {
        switch change {
        case .added: "+"
        case .removed: "−"
        case .changed: "~"
        }
    }

    static func word(_ change: OrgDiff.Change) -> String {
        switch change {
        case .added: ": added"
        case .removed: ": removed"
        case .changed: ""
        }
    }

    private func person(_ person: OrgDiff.PersonChange) -> [String] {
        var lines = ["  \(Self.mark(person.change)) \(TextSafety.printable(person.name)) (\(TextSafety.printable(person.id)))\(Self.word(person.change))"]
        // Someone added or removed has one side only: "title: Technician", not "none → …".
        lines += person.fields.map { "      " + (person.change == .changed ? field($0) : "\($0.name): \(TextSafety.printable($0.after ?? $0.before ?? ""))") }
        for hat in person.hats {
            let role = TextSafety.printable(hat.roleName)
            switch hat.change {
            case .added: lines.append("      hat given: \(role) (\(Self.hours(hat.hoursAfter)))")
            case .removed: lines.append("      hat taken: \(role) (\(Self.hours(hat.hoursBefore)))")
            case .changed: lines.append("      hat re-houred: \(role) \(Self.hours(hat.hoursBefore)) → \(Self.hours(hat.hoursAfter))")
            }
        }
        switch (person.loadBefore, person.loadAfter) {
        case let (before?, after?) where before.load != after.load || before.allocatedHours != after.allocatedHours:
            lines.append("      load \(Self.load(before)) → \(Self.load(after))")
        case let (nil, after?):
            lines.append("      load \(Self.load(after))")
        case let (before?, nil):
            lines.append("      load was \(Self.load(before))")
        default:
            break
        }
        return lines
    }

    private func field(_ field: OrgDiff.Field) -> String {
        let before = field.before.map(TextSafety.printable) ?? "none"
        let after = field.after.map(TextSafety.printable) ?? "none"
        return "\(field.name): \(before) → \(after)"
    }

    static func hours(_ value: Double?) -> String {
        value.map { Format.oneDecimal($0) + " h" } ?? "the role's hours"
    }

    /// "166 % (45.0 h)"; an outside provider has hours but no load.
    static func load(_ load: PersonLoad) -> String {
        load.external ? "\(Format.oneDecimal(load.allocatedHours)) h (external)" : "\(Format.percent(load.load)) (\(Format.oneDecimal(load.allocatedHours)) h)"
    }
}
