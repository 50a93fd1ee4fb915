import OrgKit

extension Commands {
    static let export = Command(
        name: "export",
        summary: "write the org as a chart, report or data file (text, dot, mermaid, svg, html, csv, markdown, json)",
        usage: ["hats export FILE --format FORMAT [-o OUT]", "hats export --preset NAME --format FORMAT [-o OUT]"],
        details: """
            Formats:
              text      the reporting tree with titles, load % and hats (--ascii for ASCII lines)
              dot       Graphviz: render with  dot -Tsvg chart.dot -o chart.svg
              mermaid   a Mermaid flowchart for wikis and Markdown files
              svg       the chart drawn by hats: a tidy tree, load bars, a legend
              html      one self-contained page: chart, findings, people, duties matrix
              csv       one row per person (id, manager id, hats, ...): hats import reads it
              markdown  a report for a wiki: chart as a list, people, findings, duties
              json      the canonical org file (what hats saves)

            Writes to standard output, or to OUT with -o (replaced in one step, so OUT is
            never left half-written). Names and other text are escaped for each format:
            nothing in them becomes markup, a link, a script or a spreadsheet formula.

            Examples:
              hats export northwind.json --format text
              hats export northwind.json --format html -o northwind.html
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
            if arguments.has("--ascii"), format != .text {
                throw UsageError("--ascii is for --format text only")
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
