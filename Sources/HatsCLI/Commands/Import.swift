import Foundation
import OrgKit

extension Commands {
    enum ImportOption {
        static let map = OptionSpec(
            name: "--map", valueName: "FIELD=HEADER", repeatable: true,
            help: "use the column HEADER for FIELD (repeatable); FIELD= leaves FIELD out")
        static let skipBadRows = OptionSpec(
            name: "--skip-bad-rows",
            help: "import the sound rows and skip the rows with problems")
    }

    static let `import` = Command(
        name: "import",
        summary: "make an org file from a CSV export of an HR system or org-chart tool",
        operands: "CSV",
        about: """
            Reads an adjacency-list CSV, one row per person: an id, a name, and the id or
            e-mail of their manager (blank at the top). CSV - reads standard input.
            Headers are recognised in the spellings org tools use, ignoring case, spaces
            and "_" (docs/import.md lists them all):
              id          ID, Person ID, Unique ID, Employee ID
              name        Name, Full Name, or a first and a last name: "First Last"
                          (First Name, Given Name, Forename; Last Name, Surname, lastName)
              title       Title, Job Title, Position, positionName, Job, Designation
                          (a job code, JOB_ID, only when there is no title column)
              email       Email, Work Email: a value without @ is left out, with a note
              department  Department, department_name, Dept, Team (else DEPARTMENT_ID)
              reports-to  Reports To, Manager ID, Boss ID, Supervisor ID, Manager
                          (an id or an e-mail), pid, parentId
              dotted-to   Dottedids (":"-separated), AltReportsTo (";"-separated)
              hats ("Role Name:hours;..."), hours-per-week, external, open
            The columns used and the columns left unused are listed on standard error.
            """,
        options: [Output.outputOption, Output.forceOption, ImportOption.map, ImportOption.skipBadRows],
        notes: """
            Every problem is reported with its line number (a name missing, a manager that
            matches nobody, a duplicate id, a reporting cycle, a bad number of hours), and
            nothing is written unless the whole file is sound or --skip-bad-rows is given.

            Examples:
              hats import staff.csv -o northwind.json
              hats import export.csv --map reports-to="Line Manager" --map title=Position
              curl -s https://hr.example/export.csv | hats import - -o org.json
            """,
        run: { arguments, context in
            guard arguments.positionals.count == 1, let file = arguments.positionals.first else {
                throw UsageError(arguments.positionals.isEmpty ? "which CSV file? (hats import staff.csv -o org.json; - reads standard input)" : "expected one CSV file, got \(arguments.positionals.count)")
            }
            var mapping: [(field: ImportField, header: String)] = []
            for item in arguments.all(ImportOption.map) {
                guard let equals = item.firstIndex(of: "=") else {
                    throw UsageError("--map \(item): expected FIELD=HEADER (for example --map reports-to=\"Line Manager\")")
                }
                let name = String(item[..<equals])
                guard let field = ImportField.named(name) else {
                    let fields = ImportField.allCases.map(\.rawValue)
                    var message = "--map: unknown field \"\(name)\" (fields: \(fields.joined(separator: ", "))"
                    if let suggestion = NearestSpelling.suggest(for: name, among: fields) { message += "; did you mean \"\(suggestion)\"?" }
                    throw UsageError(message + ")")
                }
                mapping.append((field, String(item[item.index(after: equals)...])))
            }
            // CSV `-` is standard input (the Unix convention), named "standard input" in messages.
            let fromStandardInput = file == OrgSource.standardInput
            let label = fromStandardInput ? OrgSource.standardInputLabel : file
            let bytes: [UInt8]
            do throws(DiskError) {
                if fromStandardInput {
                    OrgSource.hintWhenTyping("the CSV", console: context.console)
                    bytes = try DiskFile.readStandardInput(limit: OrgFile.maxFileBytes)
                } else {
                    bytes = try DiskFile.read(path: file, limit: OrgFile.maxFileBytes, kind: "a CSV file")
                }
            } catch {
                throw CommandFailure("hats import: \(label): \(error.message)")
            }
            // After the input, so a broken input is named first; before any output.
            let output = try Output.from(arguments, command: "import", inputs: fromStandardInput ? [] : [file])
            let orgName = fromStandardInput ? "Imported org" : Org.name(fromFile: file, fallback: "Imported org")
            let options = CSVImport.Options(orgName: orgName, mapping: mapping, skipBadRows: arguments.has(ImportOption.skipBadRows))
            let outcome = CSVImport.run(bytes, options: options)
            for line in ImportReportText.lines(outcome.report, file: label) { context.console.errorLine(line) }
            guard let org = outcome.org else {
                let count = outcome.report.problems.count
                throw CommandFailure("hats import: \(label) was not imported: \(Counting.plural(count, "problem", "problems")); nothing was written")
            }
            try output.write(OrgFile.encode(org), command: "import", console: context.console)
            var summary = "hats import: \(Counting.plural(org.people.count, "person", "people")), \(Counting.plural(org.roles.count, "role", "roles")) from \(label)"
            if let path = output.path { summary += " → \(path)" }
            let skipped = outcome.report.skippedLines
            if !skipped.isEmpty {
                summary += "; skipped \(Counting.plural(skipped.count, "row", "rows")) (line\(skipped.count == 1 ? "" : "s") \(skipped.map(String.init).joined(separator: ", ")))"
            }
            context.console.errorLine(summary)
            return 0
        }
    )
}

/// The column report and the problems of an import, one line each, for standard error.
enum ImportReportText {
    static func lines(_ report: CSVImport.Report, file: String) -> [String] {
        var lines: [String] = []
        if !report.columns.isEmpty {
            var heading = "\(file): columns used"
            if report.delimiter != "," { heading += " (separated by \(report.delimiter == "\t" ? "tabs" : "\"\(report.delimiter)\""))" }
            lines.append(heading + ":")
            let width = report.columns.map { DisplayWidth.of(shown($0.header)) + 2 }.max() ?? 0
            for use in report.columns {
                var line = "  " + DisplayWidth.pad("\"\(shown(use.header))\"", to: width) + "  → " + use.field.meaning
                if use.byHand { line += " (--map)" }
                lines.append(line)
            }
        }
        if !report.unused.isEmpty {
            // At most 20 named, so a header line with a million columns gives one short line.
            var items = report.unused.prefix(20).map { column in
                "\"\(shown(column.header))\"" + (column.reason.map { " (\($0))" } ?? "")
            }
            if report.unused.count > 20 { items.append("and \(report.unused.count - 20) more") }
            lines.append("\(file): columns not used: \(items.joined(separator: ", "))")
        }
        for problem in report.problems {
            lines.append(located(problem, file: file, prefix: report.skippedLines.isEmpty ? "" : "skipped: "))
        }
        for note in report.notes {
            lines.append(located(note, file: file, prefix: "note: "))
        }
        return lines
    }

    /// A header as the report shows it: printable, and cut short past 40 characters.
    static func shown(_ header: String) -> String {
        let text = TextSafety.printable(header)
        let scalars = text.unicodeScalars
        guard let end = scalars.index(scalars.startIndex, offsetBy: 40, limitedBy: scalars.endIndex), end < scalars.endIndex else { return text }
        return String(scalars[..<end]) + "…"
    }

    static func located(_ problem: CSVImport.Problem, file: String, prefix: String) -> String {
        let place = problem.line.map { "\(file):\($0)" } ?? file
        return "\(place): \(prefix)\(TextSafety.printable(problem.message))"
    }
}
