/// CSV for spreadsheets and other org tools: an adjacency list, one row per person.
///
/// `id,name,title,email,reports_to,dotted_to,hats,hours_per_week,external`
///
/// - `reports_to` is the manager's id, blank at the top; `dotted_to` the dotted-line
///   managers' ids separated by `;`.
/// - `hats` is `Role Name:hours;Role Name:hours`, with each hat's hours a week (its own,
///   or its share of the role); a `\`, `;` or `:` inside a role name is written `\\`,
///   `\;`, `\:` (likewise `\` and `;` inside an id in `dotted_to`).
/// - `hours_per_week` is the person's capacity (their own, or the policy's).
/// - `external` is `true` or `false`.
/// - `department` follows, only when some person has a department, and then `open` (`true`
///   or `false`), only when some person is an open position: an org without them exports
///   exactly as before.
///
/// Rows are in reporting order (each manager before their reports; external providers
/// last), lines end in CR LF (RFC 4180), and every field goes through `Escape.csvField`:
/// quoted, `"` doubled, and guarded against formulas.
public enum CSVExport {
    public static let header = ["id", "name", "title", "email", "reports_to", "dotted_to", "hats", "hours_per_week", "external"]

    public static func render(_ org: Org) -> String {
        let hours = Hours(org)
        let tree = ReportingTree(org)
        let hasOpen = org.people.contains(where: \.open)
        let hasDepartment = org.people.contains { $0.department != nil }
        var out = columns(department: hasDepartment, open: hasOpen).map(Escape.csvField).joined(separator: ",") + "\r\n"
        let order = tree.rows(from: tree.roots).map(\.person) + tree.rows(from: tree.externalRoots).map(\.person)
        for position in order {
            let person = org.people[position]
            let hats = person.hats.map { hat in
                let name = org.role(hat.role)?.name ?? hat.role
                return Escape.listItem(name, separators: [";", ":"]) + ":" + formatHours(hours.hours(of: hat))
            }
            var fields = [
                person.id,
                person.name,
                person.title ?? "",
                person.email ?? "",
                person.reportsTo ?? "",
                person.dottedTo.map { Escape.listItem($0, separators: [";"]) }.joined(separator: ";"),
                hats.joined(separator: ";"),
                plainNumber(hours.capacity(person)),
                person.external ? "true" : "false",
            ]
            if hasDepartment { fields.append(person.department ?? "") }
            if hasOpen { fields.append(person.open ? "true" : "false") }
            out += fields.map(Escape.csvField).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// The header: `department` follows when someone has a department, then `open` when
    /// someone is an open position.
    public static func columns(department: Bool, open: Bool) -> [String] {
        header + (department ? ["department"] : []) + (open ? ["open"] : [])
    }

    /// Hours with at most two decimals ("22", "7.5", "13.33").
    static func formatHours(_ value: Double) -> String {
        plainNumber((value * 100).rounded() / 100)
    }

    /// The shortest text that reads back as `value` (as in JSON), but never in exponent
    /// notation: "0.00001", not "1e-05", which spreadsheets and `hats import` do not read
    /// as hours.
    static func plainNumber(_ value: Double) -> String {
        let text = JSONWriter.formatNumber(value)
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...]) else {
            return text
        }
        var mantissa = text[..<e]
        let sign = mantissa.first == "-" ? "-" : ""
        if !sign.isEmpty { mantissa = mantissa.dropFirst() }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = String(parts[0])
        let digits = whole + (parts.count > 1 ? String(parts[1]) : "")
        let point = whole.count + exponent
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) }
        return sign + String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
    }
}
