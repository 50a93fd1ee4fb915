import OrgKit

extension Commands {
    enum ExportOption {
        static let format = OptionSpec(
            name: "--format", short: "-f", valueName: "FORMAT", required: true,
            help: "one of the formats above")
        static let ascii = OptionSpec(
            name: "--ascii",
            help: "ASCII lines for --format text")
    }

    static let export = Command(
        name: "export",
        summary: "write the org as a chart, report or data file (text, dot, mermaid, svg, html, csv, markdown, json, png, pdf)",
        operands: "FILE",
        about: """
            Formats:
              text      the reporting tree with titles, load % and hats (--ascii for ASCII lines)
              dot       Graphviz: render with  dot -Tsvg chart.dot -o chart.svg
              mermaid   a Mermaid flowchart for wikis and Markdown files
              svg       the chart drawn by hats: a tidy tree, load bars, a legend
              html      one self-contained page: chart, findings, people, duties matrix
              csv       one row per person (id, manager id, hats, ...): hats import reads it
              markdown  a report for a wiki: chart as a list, people, findings, duties
              json      the canonical org file (what hats saves)
              png       the svg chart as a picture, for e-mail (needs rsvg-convert)
              pdf       the svg chart on one PDF page (needs rsvg-convert)

            FILE - reads the org from standard input ("standard input" in messages).
            """,
        options: [OrgSource.presetOption, ExportOption.format, Output.outputOption, Output.forceOption, ExportOption.ascii],
        notes: """
            A file is replaced in one step, so OUT is never left half-written. A device
            (-o /dev/null), a named pipe and /dev/stdout are written into, never replaced;
            a directory, a disk device, a socket and the input file itself are refused.
            On a terminal, control characters in names are shown as "?"; into a file or a
            pipe the output is exact. Names and other text are escaped for each format:
            nothing in them becomes markup, a link, a script or a spreadsheet formula.

            png and pdf are rendered by rsvg-convert (Debian/Ubuntu: apt install
            librsvg2-bin; macOS: brew install librsvg). They are binary: with standard
            output on a terminal, give -o FILE or pipe them (-o - writes them anyway).

            Examples:
              hats export northwind.json --format text
              hats export northwind.json --format html -o northwind.html
              hats export --preset msp-10 --format json -o northwind.json
              hats export northwind.json --format svg -o chart.svg --force
              hats import staff.csv | hats export - --format markdown
              hats export northwind.json --format png -o chart.png
            """,
        run: { arguments, context in
            guard let formatName = arguments.value(ExportOption.format) else {
                throw UsageError("which format? --format \(ExportTarget.names.joined(separator: "|"))")
            }
            guard let target = ExportTarget(formatName) else {
                var message = "unknown format \"\(formatName)\" (formats: \(ExportTarget.names.joined(separator: ", "))"
                if let suggestion = NearestSpelling.suggest(for: formatName, among: ExportTarget.names) {
                    message += "; did you mean \"\(suggestion)\"?"
                }
                throw UsageError(message + ")")
            }
            if arguments.has(ExportOption.ascii), target != .text(.text) {
                throw UsageError("--ascii is for --format text only")
            }
            let source = try OrgSource.from(arguments, command: "export", console: context.console)
            let format: ExportFormat
            switch target {
            case .picture(let picture):
                try exportPicture(source.org, as: picture, arguments, context)
                return 0
            case .text(let textFormat):
                format = textFormat
            }
            // After the input, so a broken input is named first; before any output.
            let output = try Output.from(arguments, command: "export", inputs: arguments.positionals.filter { $0 != OrgSource.standardInput })
            let text = Exporter.export(source.org, as: format, options: ExportOptions(ascii: arguments.has(ExportOption.ascii)))
            try output.write(text, command: "export", console: context.console)
            return 0
        }
    )

    /// `--format png|pdf`: the SVG chart rendered by rsvg-convert. Checked in this order,
    /// each refusal before anything is written: the tool is there, OUT may be written,
    /// binary output is not about to land on a terminal unasked.
    static func exportPicture(_ org: Org, as format: PictureFormat, _ arguments: ParsedArguments, _ context: CommandContext) throws {
        let environment = context.console.environment
        guard let tool = ChartPicture.find(environment: environment) else {
            throw CommandFailure(ChartPicture.missingTool(format))
        }
        let output = try Output.from(arguments, command: "export", inputs: arguments.positionals.filter { $0 != OrgSource.standardInput })
        if case .standardOutput = output, arguments.value(Output.outputOption) == nil, context.console.stdoutIsTerminal {
            throw CommandFailure("hats export: binary output: give -o FILE or pipe it (-o - writes the \(format.label) here anyway)")
        }
        let svg = Exporter.export(org, as: .svg)
        let bytes = try ChartPicture.render(svg, as: format, toolPath: tool, environment: environment)
        try output.writeBytes(bytes, command: "export", console: context.console)
    }
}
