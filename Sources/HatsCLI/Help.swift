import OrgKit

/// The help texts and the README's command table, made from the command table and each
/// command's option declarations, so none of them can name an option the parser does not
/// take, or miss one it does.
enum Help {
    /// Accepted by every command and by `hats` itself.
    static let helpOption = OptionSpec(
        name: "--help", short: "-h",
        help: "help for hats, or for one command (also: hats help COMMAND)")

    /// Accepted by `hats` alone, as its only argument.
    static let versionOption = OptionSpec(
        name: "--version", short: "-V",
        help: "the version of hats and of its file format (also: hats version)")

    /// Lines are wrapped to fit an 80-column terminal.
    static let width = 80

    static func overview() -> String {
        var text = """
            hats \(HatsCLI.version) — org charts for small IT teams and MSPs, where everyone wears several hats

            Usage:

            """
        let open = Commands.open
        let usage = usageLines(for: open)
        let usageWidth = usage.map(\.count).max() ?? 0
        for (offset, line) in usage.enumerated() {
            text += "  " + (offset == 0 ? pad(line, to: usageWidth + 2) + open.summary : line) + "\n"
        }
        text += "\nCommands:\n"
        let width = Commands.all.map(\.name.count).max() ?? 0
        for command in Commands.all {
            text += "  " + pad(command.name, to: width + 2) + command.summary + "\n"
        }
        text += "\nOptions:\n"
        for line in optionLines([helpOption, versionOption]) { text += line + "\n" }
        text += """

            Exit codes: 0 success; 1 hats check found findings, hats plan leaves a critical
            finding, or hats diff found changes; 2 bad usage or invalid input (nothing is
            written on exit 2).

            """
        return text
    }

    static func text(for command: Command) -> String {
        var text = "\(command.invocation) — \(command.summary)\n\nUsage:\n"
        for line in usageLines(for: command) { text += "  \(line)\n" }
        if !command.about.isEmpty { text += "\n" + command.about + "\n" }
        text += "\nOptions:\n"
        for line in optionLines(command.options + [helpOption]) { text += line + "\n" }
        if !command.notes.isEmpty { text += "\n" + command.notes + "\n" }
        return text
    }

    // MARK: - Usage lines

    /// `hats export FILE --format FORMAT [-o OUT [--force]] [--ascii]`, and a second line
    /// with `--preset NAME` in the file's place when the command takes one.
    static func usageLines(for command: Command) -> [String] {
        let rest = command.options.filter { !$0.replacesOperand && $0.within == nil }
            .map { synopsis($0, among: command.options) }
        let head = command.invocation + (command.operands.isEmpty ? "" : " " + command.operands)
        var lines = [([head] + rest).joined(separator: " ")]
        for replacement in command.options where replacement.replacesOperand {
            lines.append(([command.invocation, spelled(replacement, short: false)] + rest).joined(separator: " "))
        }
        return lines
    }

    /// One option as the usage line shows it: in brackets unless required, with the
    /// options that go with it nested inside, and `...` when it may be repeated.
    static func synopsis(_ option: OptionSpec, among options: [OptionSpec]) -> String {
        var text = spelled(option, short: option.usageShowsShort)
        for inner in options where inner.within == option.name {
            text += " " + synopsis(inner, among: options)
        }
        if !option.required { text = "[\(text)]" }
        return option.repeatable ? text + "..." : text
    }

    static func spelled(_ option: OptionSpec, short: Bool) -> String {
        let name = short ? option.short ?? option.name : option.name
        return option.valueName.map { "\(name) \($0)" } ?? name
    }

    // MARK: - Option lists

    /// `  -f, --format text|json  text for people …`, the help wrapped into its column.
    static func optionLines(_ options: [OptionSpec]) -> [String] {
        let anyShort = options.contains { $0.short != nil }
        let left = options.map { option in
            let names = option.short.map { "\($0), \(option.name)" } ?? (anyShort ? "    " : "") + option.name
            return option.valueName.map { "\(names) \($0)" } ?? names
        }
        // A very long name gets its help on the next line rather than a narrow column.
        let column = min(left.map(\.count).max() ?? 0, 24) + 2
        var lines: [String] = []
        for (option, names) in zip(options, left) {
            let wrapped = wrap(option.help, width: width - 2 - column)
            if names.count + 2 > column {
                lines.append("  " + names)
            } else {
                lines.append("  " + pad(names, to: column) + (wrapped.first ?? ""))
            }
            for line in wrapped.dropFirst(names.count + 2 > column ? 0 : 1) {
                lines.append(String(repeating: " ", count: 2 + column) + line)
            }
        }
        return lines
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    static func pad(_ text: String, to width: Int) -> String {
        text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0)
    }

    // MARK: - README

    /// The README's command table (between its `<!-- commands -->` markers): every
    /// command's usage, so the README names exactly the options the parser takes.
    static func readmeCommands() -> String {
        func code(_ text: String) -> String { "`" + text.replacingOccurrences(of: "|", with: "\\|") + "`" }
        var text = """
            <!-- commands: generated from the option declarations in Sources/HatsCLI; do not edit.
                 RECORD_SNAPSHOTS=1 swift test --filter ReadmeTests rewrites it. -->
            | command | what it does |
            |---|---|

            """
        for command in [Commands.open] + Commands.all {
            let usage = usageLines(for: command).first ?? command.invocation
            text += "| \(code(usage)) | \(command.summary.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        let help = ["hats help COMMAND", "hats COMMAND \(helpOption.name)", "hats \(helpOption.name)", "hats \(versionOption.name)"]
        text += "| \(help.map(code).joined(separator: ", ")) | help and version |\n"
        // "`hats check` and `hats export` take `--preset NAME` in place of `FILE`."
        var groups: [(form: String, commands: [String])] = []
        for command in [Commands.open] + Commands.all {
            for option in command.options where option.replacesOperand {
                let form = "\(code(spelled(option, short: false))) in place of \(code(command.operands))"
                if let index = groups.firstIndex(where: { $0.form == form }) {
                    groups[index].commands.append(code(command.invocation))
                } else {
                    groups.append((form, [code(command.invocation)]))
                }
            }
        }
        var sentences = groups.map { group in
            let names = group.commands.count == 1 ? group.commands[0]
                : group.commands.dropLast().joined(separator: ", ") + " and " + (group.commands.last ?? "")
            return "\(names) \(group.commands.count == 1 ? "takes" : "take") \(group.form)."
        }
        sentences.append("`hats help COMMAND` describes each option.")
        text += "\n" + sentences.joined(separator: " ") + "\n"
        text += "<!-- /commands -->\n"
        return text
    }
}
