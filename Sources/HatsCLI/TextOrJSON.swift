import OrgKit

/// The `--format text|json` of the commands that report (`check`, `plan`, `diff`): one
/// option declaration, one check of its value, one rule for colour.
enum TextOrJSON {
    /// `--format` for a command whose json is described in `doc`.
    static func option(doc: String? = nil) -> OptionSpec {
        OptionSpec(name: "--format", short: "-f", valueName: "text|json",
                   help: "text for people (the default), json for scripts" + (doc.map { " (see \($0))" } ?? ""))
    }

    /// Whether the command was asked for json; a usage error for any other value.
    static func wantsJSON(_ arguments: ParsedArguments, _ option: OptionSpec) throws -> Bool {
        let format = arguments.value(option) ?? "text"
        guard format == "text" || format == "json" else {
            var message = "unknown format \"\(format)\" (formats: text, json"
            if let suggestion = NearestSpelling.suggest(for: format, among: ["text", "json"]) { message += "; did you mean \"\(suggestion)\"?" }
            throw UsageError(message + ")")
        }
        return format == "json"
    }

    /// The text report's writer: colour only on a terminal, never with NO_COLOR or a dumb one.
    static func reportText(_ console: Console) -> ReportText {
        let environment = console.environment
        return ReportText(colour: console.stdoutIsTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb")
    }
}
