import OrgKit

extension Commands {
    static let export = Command(
        name: "export",
        summary: "write the org in another format (json, text)",
        usage: ["hats export FILE --format FORMAT [-o OUT]", "hats export --preset NAME --format FORMAT [-o OUT]"],
        details: """
            Formats:
              json   the canonical org file (what hats saves)
              text   the reporting tree with titles and hats (--ascii for ASCII lines)

            Writes to standard output, or to OUT with -o (replaced in one step, so OUT is
            never left half-written).

            Examples:
              hats export northwind.json --format text
              hats export --preset msp-10 --format json -o northwind.json
            """,
        options: [
            OrgSource.presetOption,
            OptionSpec(name: "--format", short: "-f", takesValue: true, valueName: "FORMAT"),
            OptionSpec(name: "--output", short: "-o", takesValue: true, valueName: "OUT"),
            OptionSpec(name: "--ascii", takesValue: false),
        ],
        run: { arguments, context in
            guard let formatName = arguments.value("--format") else {
                throw UsageError("which format? --format \(ExportFormat.allCases.map(\.rawValue).joined(separator: "|"))")
            }
            guard let format = ExportFormat(rawValue: formatName) else {
                var message = "unknown format \"\(formatName)\" (formats: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))"
                if let suggestion = NearestSpelling.suggest(for: formatName, among: ExportFormat.allCases.map(\.rawValue)) {
                    message += "; did you mean \"\(suggestion)\"?"
                }
                throw UsageError(message + ")")
            }
            let source = try OrgSource.from(arguments, command: "export", console: context.console)
            let text = Exporter.export(source.org, as: format, options: ExportOptions(ascii: arguments.has("--ascii")))
            if let output = arguments.value("--output") {
                do throws(DiskError) {
                    try DiskFile.writeAtomically(Array(text.utf8), to: output)
                } catch {
                    throw CommandFailure("hats export: cannot write \(output): \(error.message)")
                }
            } else {
                context.console.out(text)
            }
            return 0
        }
    )
}
