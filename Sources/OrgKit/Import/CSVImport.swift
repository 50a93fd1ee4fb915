import Foundation

/// Builds an org from the adjacency-list CSV that HR systems and org-chart tools export
/// (and that `CSVExport` writes): one row per person, an id, and the id or e-mail of their
/// manager, blank at the top.
///
/// Columns are recognised by their header (`ImportField.spellings`, ignoring case, spaces,
/// `_` and `-`) or assigned by hand (`Options.mapping`, the CLI's `--map FIELD=HEADER`).
/// Every problem is reported with the line its row starts on; the org is built only when
/// the whole file is sound, or, with `skipBadRows`, from the rows without problems.
public enum CSVImport {
    public struct Options: Sendable {
        /// The new org's name.
        public var orgName: String
        /// Columns assigned by hand, in order: (field, header). An empty header means "do
        /// not import this field".
        public var mapping: [(field: ImportField, header: String)]
        public var skipBadRows: Bool

        public init(orgName: String = "Imported org", mapping: [(field: ImportField, header: String)] = [], skipBadRows: Bool = false) {
            self.orgName = orgName
            self.mapping = mapping
            self.skipBadRows = skipBadRows
        }
    }

    /// A problem (or a note) at a line of the file; `line` is nil for the file as a whole.
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        public var line: Int?
        public var message: String
        public init(line: Int?, _ message: String) {
            self.line = line
            self.message = message
        }
        public var description: String { line.map { "line \($0): \(message)" } ?? message }
    }

    public struct ColumnUse: Equatable, Sendable {
        public var header: String
        /// 1-based position in the header line.
        public var column: Int
        public var field: ImportField
        /// Assigned with `--map` rather than recognised.
        public var byHand: Bool
    }

    public struct UnusedColumn: Equatable, Sendable {
        public var header: String
        public var column: Int
        /// Why it was left out, when there is more to say than "not recognised".
        public var reason: String?
    }

    public struct Report: Sendable {
        public var delimiter: Unicode.Scalar = ","
        public var columns: [ColumnUse] = []
        public var unused: [UnusedColumn] = []
        /// What stops the import (or, with `skipBadRows`, the rows skipped).
        public var problems: [Problem] = []
        /// What the import did that the user should know, without stopping it.
        public var notes: [Problem] = []
        /// Lines of the rows left out with `skipBadRows`.
        public var skippedLines: [Int] = []
        /// Data rows read (not counting the header and blank lines).
        public var rows: Int = 0
    }

    public struct Outcome: Sendable {
        /// nil when nothing may be written.
        public var org: Org?
        public var report: Report
    }

    public static func run(_ text: String, options: Options = Options()) -> Outcome {
        run(Array(text.utf8), options: options)
    }

    public static func run(_ bytes: [UInt8], options: Options = Options()) -> Outcome {
        var report = Report()
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            // Excel's "Unicode Text" export: one clear line instead of a line per row.
            report.problems = [Problem(line: 1, "the file is UTF-16 text; hats reads UTF-8 (save the file as CSV UTF-8)")]
            return Outcome(org: nil, report: report)
        }
        let parsed = CSVReader.read(bytes)
        report.delimiter = parsed.delimiter
        var fileProblems = readerProblems(parsed.errors)
        // A header line that could not be read: the next line is no header, so say no more.
        guard let header = parsed.records.first, !parsed.errors.contains(where: { $0.line < header.line }) else {
            if fileProblems.isEmpty { fileProblems.append(Problem(line: 1, "the file has no header line (it is empty)")) }
            report.problems = fileProblems
            return Outcome(org: nil, report: report)
        }
        let headers = header.fields.map { Escape.unguardFormula($0) }
        let columnOf = mapColumns(headers, options: options, report: &report, problems: &fileProblems)
        let hasName = columnOf[.name] != nil || columnOf[.firstName] != nil || columnOf[.lastName] != nil
        let nameMappedByHand = options.mapping.contains { [.name, .firstName, .lastName].contains($0.field) && !$0.header.isEmpty }
        if !hasName, !nameMappedByHand {
            let list = headerList(headers)
            fileProblems.append(Problem(line: header.line, "no name column: expected Name, Full Name, or First Name and Last Name (the header has \(list)); assign one with --map name=HEADER"))
        }
        let records = Array(parsed.records.dropFirst())
        report.rows = records.count
        if records.isEmpty, fileProblems.isEmpty {
            // What exporting an org with nobody in it (a role catalog) gives: it imports back
            // as an org of nobody, with a note rather than an error.
            report.notes.append(Problem(line: header.line, "the header is the only line: the org has nobody in it"))
        }
        if !fileProblems.isEmpty || !hasName {
            report.problems = fileProblems
            return Outcome(org: nil, report: report)
        }
        var builder = RowBuilder(columnOf: columnOf, headers: headers, report: report)
        builder.read(records)
        builder.resolve()
        return builder.finish(options: options)
    }

    // MARK: - Columns

    /// Assigns columns by hand (`options.mapping`), then by header spelling; the first
    /// column that names a field wins and later ones are reported unused.
    static func mapColumns(_ headers: [String], options: Options, report: inout Report, problems: inout [Problem]) -> [ImportField: Int] {
        var columnOf: [ImportField: Int] = [:]
        var fieldOf: [Int: ImportField] = [:]
        var excluded: Set<ImportField> = []
        var byHand: Set<Int> = []
        let normalized = headers.map(ImportField.normalize)
        let list = headerList(headers)
        for (field, header) in options.mapping {
            if header.isEmpty {
                excluded.insert(field)
                columnOf[field] = nil
                continue
            }
            let column = headers.firstIndex(of: header) ?? normalized.firstIndex(of: ImportField.normalize(header))
            guard let column else {
                problems.append(Problem(line: nil, "--map \(field.rawValue)=\(header): no column \"\(header)\" in the header (the header has \(list))"))
                continue
            }
            if let other = fieldOf[column], other != field {
                problems.append(Problem(line: nil, "--map: column \"\(headers[column])\" is given to both \(other.rawValue) and \(field.rawValue)"))
                continue
            }
            if let previous = columnOf[field] { fieldOf[previous] = nil; byHand.remove(previous) }
            columnOf[field] = column
            fieldOf[column] = field
            byHand.insert(column)
        }
        // Spellings first, then fallback spellings for the fields still without a column.
        for fallback in [false, true] {
            for (column, key) in normalized.enumerated() where fieldOf[column] == nil {
                guard let (field, isFallback) = ImportField.recognised(key), isFallback == fallback else { continue }
                if excluded.contains(field) { continue }
                if columnOf[field] == nil {
                    columnOf[field] = column
                    fieldOf[column] = field
                }
            }
        }
        // A bare "Name" beside a last-name column and no first-name column is the first
        // name (d3-org-chart's name + lastName): the person's name is both.
        if columnOf[.lastName] != nil, columnOf[.firstName] == nil, let name = columnOf[.name],
            !byHand.contains(name), normalized[name] == "name", !excluded.contains(.firstName) {
            columnOf[.name] = nil
            columnOf[.firstName] = name
            fieldOf[name] = .firstName
        }
        for column in headers.indices {
            if let field = fieldOf[column] {
                report.columns.append(ColumnUse(header: headers[column], column: column + 1, field: field, byHand: byHand.contains(column)))
                continue
            }
            var reason: String?
            if let field = ImportField.recognised(normalized[column])?.field {
                if excluded.contains(field) {
                    reason = "--map \(field.rawValue)= leaves \(field.rawValue) out"
                } else if let used = columnOf[field] {
                    reason = "\(field.rawValue) comes from column \"\(headers[used])\""
                }
            }
            report.unused.append(UnusedColumn(header: headers[column], column: column + 1, reason: reason))
        }
        return columnOf
    }

    /// The reader's problems; after the first 10 lines that are not UTF-8, one line says
    /// how many more there are (a Latin-1 file of 5,000 rows is one mistake, not 5,000).
    static func readerProblems(_ errors: [CSVReader.SyntaxError]) -> [Problem] {
        let notUTF8 = errors.filter { $0.message.hasPrefix("not valid UTF-8") }
        guard notUTF8.count > 10 else { return errors.map { Problem(line: $0.line, $0.message) } }
        let eleventh = notUTF8[10].line
        var problems: [Problem] = []
        for error in errors where !error.message.hasPrefix("not valid UTF-8") || error.line < eleventh {
            problems.append(Problem(line: error.line, error.message))
        }
        let more = notUTF8.count - 10
        problems.append(Problem(line: eleventh, "this line and \(more - 1) more below are not valid UTF-8 text either"))
        problems.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        return problems
    }

    /// The headers for a message: the first 20, each cut short if long, so a header line
    /// with a million columns or a megabyte-long header gives a message of one short line.
    static func headerList(_ headers: [String]) -> String {
        var list = headers.prefix(20).map { OrgValidator.quoted($0, limit: 40) }.joined(separator: ", ")
        if headers.count > 20 { list += " and \(headers.count - 20) more" }
        return list
    }
}

// MARK: - Rows

extension CSVImport {
    struct Row {
        var line: Int
        var explicitID: String?
        var id = ""
        var name = ""
        var title: String?
        var email: String?
        var department: String?
        var hoursPerWeek: Double?
        var external = false
        var open = false
        var hats: [(role: String, hours: Double?)] = []
        var managerRef: String?
        var dottedRefs: [String] = []
        var manager: Int?
        var dotted: [Int] = []
        var bad = false
    }

    struct RowBuilder {
        let columnOf: [ImportField: Int]
        let headers: [String]
        var report: Report
        var rows: [Row] = []
        var problems: [Problem] = []

        init(columnOf: [ImportField: Int], headers: [String], report: Report) {
            self.columnOf = columnOf
            self.headers = headers
            self.report = report
        }

        func header(_ field: ImportField) -> String {
            columnOf[field].map { headers[$0] } ?? field.rawValue
        }

        mutating func problem(_ row: Int, _ message: String) {
            problems.append(Problem(line: rows[row].line, message))
            rows[row].bad = true
        }

        mutating func read(_ records: [CSVReader.Record]) {
            rows.reserveCapacity(records.count)
            var emailValues = 0
            var notEmails: [(line: Int, text: String)] = []
            // A first-name column headed plain "Name" may hold the whole name already.
            let firstMayBeWhole = columnOf[.firstName].map { ImportField.normalize(headers[$0]) == "name" } ?? false
            for record in records {
                func value(_ field: ImportField) -> String? {
                    guard let column = columnOf[field], column < record.fields.count else { return nil }
                    let text = Escape.unguardFormula(record.fields[column])
                    return text.isEmpty ? nil : text
                }
                rows.append(Row(line: record.line))
                let index = rows.count - 1
                if record.fields.count > headers.count, record.fields[headers.count...].contains(where: { !$0.isEmpty }) {
                    problem(index, "\(record.fields.count) values but the header has \(headers.count) columns (a comma inside a value needs quotes)")
                }
                // A name of white space only (a tab, a no-break space…) is no name: the org's
                // rules refuse it, so it must be a problem of its row here.
                func text(_ field: ImportField) -> String? {
                    value(field).flatMap { OrgValidator.isBlank($0) ? nil : $0 }
                }
                if let name = text(.name) {
                    rows[index].name = name
                } else {
                    rows[index].name = Self.joinName(first: text(.firstName), last: text(.lastName), firstMayBeWhole: firstMayBeWhole)
                }
                if rows[index].name.isEmpty {
                    let columns = [ImportField.name, .firstName, .lastName].compactMap { columnOf[$0] }.map { "\"\(headers[$0])\"" }
                    problem(index, "no name (\(columns.joined(separator: " and ")) \(columns.count == 1 ? "is" : "are") empty)")
                }
                if let id = value(.id) {
                    if let reason = OrgValidator.idProblem(id) {
                        problem(index, "\(header(.id)) \(quoted(id)): \(reason)")
                    }
                    rows[index].explicitID = id
                }
                rows[index].title = value(.title)
                rows[index].department = value(.department)
                if let email = value(.email) {
                    emailValues += 1
                    if Self.isEmail(email) {
                        rows[index].email = email
                    } else {
                        notEmails.append((rows[index].line, email))
                    }
                }
                for (field, text) in [(ImportField.name, rows[index].name), (.title, rows[index].title ?? ""), (.email, rows[index].email ?? ""),
                                      (.department, rows[index].department ?? "")]
                    where text.unicodeScalars.count > OrgValidator.maxTextLength {
                    problem(index, "\(header(field)) is \(text.unicodeScalars.count) characters long; the most hats accepts is \(OrgValidator.maxTextLength)")
                }
                if let text = value(.hoursPerWeek) {
                    if let hours = Self.hours(text) {
                        rows[index].hoursPerWeek = hours
                    } else {
                        problem(index, "\(header(.hoursPerWeek)) \(quoted(text)) is not a number of hours from 0 to 168")
                    }
                }
                if let text = value(.external) {
                    switch text.lowercased() {
                    case "true", "yes", "y", "1", "x": rows[index].external = true
                    case "false", "no", "n", "0": rows[index].external = false
                    default: problem(index, "\(header(.external)) \(quoted(text)) is not true or false")
                    }
                }
                if let text = value(.open) {
                    switch text.lowercased() {
                    case "true", "yes", "y", "1", "x": rows[index].open = true
                    case "false", "no", "n", "0": rows[index].open = false
                    default: problem(index, "\(header(.open)) \(quoted(text)) is not true or false")
                    }
                }
                if let text = value(.hats) { readHats(text, row: index) }
                rows[index].managerRef = value(.reportsTo)
                if let text = value(.dottedTo) {
                    let separator: Unicode.Scalar = ImportField.normalize(header(.dottedTo)) == "dottedids" ? ":" : ";"
                    rows[index].dottedRefs = Self.splitList(text, separator: separator, escapes: separator == ";").filter { !$0.isEmpty }
                }
            }
            noteValuesThatAreNotEmails(notEmails, of: emailValues)
        }

        /// E-mails without @ (Oracle HR's EMAIL holds the user name: SKING) are left out,
        /// with a note each, up to 10, then one counting the rest; a column in which no
        /// value has an @ is left out as a whole, with one note.
        mutating func noteValuesThatAreNotEmails(_ values: [(line: Int, text: String)], of count: Int) {
            guard let first = values.first, let column = columnOf[.email] else { return }
            let name = headers[column]
            if values.count == count, count > 1 {
                report.notes.append(Problem(line: first.line, "\(name) holds no e-mail address (no value has an @, like \(quoted(first.text)) here); the column is left out"))
                report.columns.removeAll { $0.field == .email }
                report.unused.append(UnusedColumn(header: name, column: column + 1, reason: "no value has an @"))
                report.unused.sort { $0.column < $1.column }
                return
            }
            for value in values.prefix(10) {
                report.notes.append(Problem(line: value.line, "\(name) \(quoted(value.text)) is not an e-mail address (it has no @); left out"))
            }
            if values.count > 10 {
                report.notes.append(Problem(line: values[10].line, "\(name): this row and \(values.count - 11) more below have no @ either; left out"))
            }
        }

        mutating func readHats(_ text: String, row: Int) {
            var seen: Set<String> = []
            for entry in Self.splitList(text, separator: ";", escapes: true, keepEscapes: true) where !entry.isEmpty {
                // The hours follow the last unescaped ":".
                let scalars = Array(entry.unicodeScalars)
                var colon: Int?
                var escaped = false
                for (offset, scalar) in scalars.enumerated() {
                    if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == ":" { colon = offset }
                }
                var name = Self.unescape(entry)
                var hours: Double?
                if let colon {
                    name = Self.unescape(String(String.UnicodeScalarView(scalars[..<colon])))
                    let hoursText = Self.trimSpaces(String(String.UnicodeScalarView(scalars[(colon + 1)...])))
                    guard let value = Self.hours(hoursText) else {
                        problem(row, "\(header(.hats)): \(quoted(Self.unescape(entry))): the hours \(quoted(hoursText)) are not a number from 0 to 168")
                        continue
                    }
                    hours = value
                }
                name = Self.trimSpaces(name)
                if OrgValidator.isBlank(name) {
                    problem(row, "\(header(.hats)): \(quoted(Self.unescape(entry))) has no role name")
                    continue
                }
                if name.unicodeScalars.count > OrgValidator.maxTextLength {
                    problem(row, "\(header(.hats)): a role name is longer than \(OrgValidator.maxTextLength) characters")
                    continue
                }
                if !seen.insert(name).inserted {
                    problem(row, "\(header(.hats)): \(quoted(name)) is listed twice; a role is worn once")
                    continue
                }
                rows[row].hats.append((name, hours))
            }
        }

        /// Ids, then managers and dotted lines, then cycles.
        mutating func resolve() {
            var byID: [String: Int] = [:]
            for index in rows.indices {
                guard let id = rows[index].explicitID else { continue }
                if let first = byID[id] {
                    problem(index, "duplicate id \(quoted(id)) (first used on line \(rows[first].line))")
                } else {
                    byID[id] = index
                    rows[index].id = id
                }
            }
            var taken = OrgID.UniqueIDs(taken: Set(byID.keys))
            for index in rows.indices where rows[index].id.isEmpty {
                var base = rows[index].email?.lowercased() ?? ""
                if base.isEmpty || OrgValidator.idProblem(base) != nil {
                    base = OrgID.slug(rows[index].name, fallback: "person")
                }
                let candidate = taken.claim(base)
                rows[index].id = candidate
                if rows[index].explicitID == nil, byID[candidate] == nil { byID[candidate] = index }
            }
            var byEmail: [String: [Int]] = [:]
            for index in rows.indices {
                if let email = rows[index].email?.lowercased() { byEmail[email, default: []].append(index) }
            }
            func find(_ reference: String, for index: Int, column: ImportField) -> Int? {
                if let match = byID[reference] { return match }
                let matches = byEmail[reference.lowercased()] ?? []
                if matches.count == 1 { return matches[0] }
                if matches.count > 1 {
                    // At most a few lines named: every row pointing at an e-mail shared by
                    // 20,000 rows must not list all 20,000 (that was gigabytes of output).
                    var lines = matches.prefix(5).map { String(rows[$0].line) }.joined(separator: ", ")
                    if matches.count > 5 { lines += " and \(matches.count - 5) more" }
                    problem(index, "\(header(column)) \(quoted(reference)) matches \(matches.count) people by e-mail (lines \(lines))")
                } else {
                    problem(index, "\(header(column)) \(quoted(reference)) matches no id or e-mail in the file")
                }
                return nil
            }
            for index in rows.indices {
                if let reference = rows[index].managerRef, let manager = find(reference, for: index, column: .reportsTo) {
                    if manager == index {
                        report.notes.append(Problem(line: rows[index].line, "\(rows[index].name) reports to themselves; taken as the top of the tree"))
                    } else {
                        rows[index].manager = manager
                    }
                }
                var seen: Set<Int> = []
                for reference in rows[index].dottedRefs {
                    guard let manager = find(reference, for: index, column: .dottedTo) else { continue }
                    if manager == index {
                        report.notes.append(Problem(line: rows[index].line, "\(rows[index].name) has a dotted line to themselves; left out"))
                    } else if seen.insert(manager).inserted {
                        rows[index].dotted.append(manager)
                    }
                }
            }
            findCycles()
        }

        /// Each reporting cycle once, at its first line; every row in it is bad.
        mutating func findCycles() {
            for cycle in OrgValidator.reportingCycles(count: rows.count, manager: { rows[$0].manager }) {
                let path = (cycle + [cycle[0]]).map { "\(quoted(rows[$0].id)) (line \(rows[$0].line))" }.joined(separator: " → ")
                problems.append(Problem(line: rows[cycle[0]].line, "reporting cycle: \(path)"))
                for member in cycle { rows[member].bad = true }
            }
        }

        mutating func finish(options: Options) -> Outcome {
            problems.sort { ($0.line ?? 0) < ($1.line ?? 0) }
            report.problems = problems
            if !problems.isEmpty, !options.skipBadRows { return Outcome(org: nil, report: report) }
            var kept: [Int] = []
            for index in rows.indices {
                if rows[index].bad { report.skippedLines.append(rows[index].line) } else { kept.append(index) }
            }
            var roles: [Role] = []
            var roleID: [String: String] = [:]
            var roleIDs = OrgID.UniqueIDs()
            var people: [Person] = []
            people.reserveCapacity(kept.count)
            for index in kept {
                let row = rows[index]
                var manager: String?
                if let target = row.manager {
                    if rows[target].bad {
                        report.notes.append(Problem(line: row.line, "\(row.name)'s manager (line \(rows[target].line)) was skipped; placed at the top"))
                    } else {
                        manager = rows[target].id
                    }
                }
                var dotted: [String] = []
                for target in row.dotted {
                    if rows[target].bad {
                        report.notes.append(Problem(line: row.line, "\(row.name)'s dotted line to line \(rows[target].line) was skipped"))
                    } else {
                        dotted.append(rows[target].id)
                    }
                }
                var hats: [Hat] = []
                for (name, hours) in row.hats {
                    let id: String
                    if let known = roleID[name] {
                        id = known
                    } else {
                        let candidate = roleIDs.claim(OrgID.slug(name, fallback: "role"))
                        roleID[name] = candidate
                        roles.append(Role(id: candidate, name: name))
                        id = candidate
                    }
                    hats.append(Hat(role: id, hoursPerWeek: hours))
                }
                people.append(Person(id: row.id, name: row.name, title: row.title, email: row.email, department: row.department, reportsTo: manager,
                                     dottedTo: dotted, hoursPerWeek: row.hoursPerWeek, external: row.external, open: row.open, hats: hats))
            }
            do {
                let org = try Org(name: options.orgName, roles: roles, people: people)
                return Outcome(org: org, report: report)
            } catch {
                // Not expected (every rule was checked above), but never write an invalid org.
                for problem in error.problems {
                    var line: Int?
                    if problem.path.hasPrefix("people["), let close = problem.path.firstIndex(of: "]"),
                        let position = Int(problem.path[problem.path.index(problem.path.startIndex, offsetBy: 7)..<close]),
                        position < kept.count {
                        line = rows[kept[position]].line
                    }
                    report.problems.append(Problem(line: line, "\(problem.path): \(problem.message)"))
                }
                return Outcome(org: nil, report: report)
            }
        }

        // MARK: - Values

        /// "First Last". When the first-name column is headed "Name" and already ends with
        /// the last name ("Steven King" beside "King"), the last name is not added again.
        static func joinName(first: String?, last: String?, firstMayBeWhole: Bool) -> String {
            guard let first else { return last ?? "" }
            guard let last else { return first }
            if firstMayBeWhole {
                let lowerFirst = first.lowercased()
                let lowerLast = last.lowercased()
                if lowerFirst == lowerLast || lowerFirst.hasSuffix(" " + lowerLast) { return first }
            }
            return first + " " + last
        }

        /// What the import takes for an e-mail address: a value with an @ in it.
        static func isEmail(_ text: String) -> Bool {
            text.unicodeScalars.contains("@")
        }

        /// Hours a week: a number from 0 to 168; a decimal comma is accepted.
        static func hours(_ text: String) -> Double? {
            var cleaned = trimSpaces(text)
            if !cleaned.contains("."), cleaned.filter({ $0 == "," }).count == 1 {
                cleaned = cleaned.replacingOccurrences(of: ",", with: ".")
            }
            guard !cleaned.isEmpty, cleaned.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "." }),
                let value = Double(cleaned), value.isFinite, value >= 0, value <= OrgValidator.hoursInWeek else { return nil }
            return value
        }

        /// Splits on `separator`; with `escapes`, a `\` makes the next character literal
        /// (removed unless `keepEscapes`, for a second split).
        static func splitList(_ text: String, separator: Unicode.Scalar, escapes: Bool, keepEscapes: Bool = false) -> [String] {
            var parts: [String] = []
            var current = String.UnicodeScalarView()
            var escaped = false
            for scalar in text.unicodeScalars {
                if escaped {
                    if keepEscapes { current.append("\\") }
                    current.append(scalar)
                    escaped = false
                } else if escapes, scalar == "\\" {
                    escaped = true
                } else if scalar == separator {
                    parts.append(trimSpaces(String(current)))
                    current = String.UnicodeScalarView()
                } else {
                    current.append(scalar)
                }
            }
            if escaped { current.append("\\") }
            parts.append(trimSpaces(String(current)))
            return parts
        }

        static func unescape(_ text: String) -> String {
            var out = String.UnicodeScalarView()
            var escaped = false
            for scalar in text.unicodeScalars {
                if escaped {
                    out.append(scalar)
                    escaped = false
                } else if scalar == "\\" {
                    escaped = true
                } else {
                    out.append(scalar)
                }
            }
            if escaped { out.append("\\") }
            return String(out)
        }

        static func trimSpaces(_ text: String) -> String {
            var scalars = Substring(text).unicodeScalars
            while scalars.first == " " { scalars.removeFirst() }
            while scalars.last == " " { scalars.removeLast() }
            return String(scalars)
        }

        func quoted(_ text: String) -> String { OrgValidator.quoted(text) }
    }
}
