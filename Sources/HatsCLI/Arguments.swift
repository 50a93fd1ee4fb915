import OrgKit

/// A command-line mistake: one line for the user, exit code 2.
struct UsageError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// An option a command accepts, declared once with its help: the parser, `hats --help`,
/// `hats help COMMAND`, the README's command table and the "did you mean" hints all read
/// the declaration, so they cannot disagree.
struct OptionSpec: Sendable, Equatable {
    /// The long spelling (`--output`); a command reads the value by it.
    var name: String
    /// Another spelling (`-o` for `--output`).
    var short: String?
    /// What the value is (`OUT`, `text|json`); nil for a flag, which takes no value.
    var valueName: String?
    var repeatable = false
    /// The command cannot run without it (`hats export --format`).
    var required = false
    /// Given instead of the command's file (`--preset NAME`): the usage shows it on a line
    /// of its own, in the file's place.
    var replacesOperand = false
    /// The option this one only makes sense with, which the usage nests it in
    /// (`[-o OUT [--force]]`).
    var within: String?
    /// The usage line shows the short spelling, the one people type (`-o OUT`).
    var usageShowsShort = false
    /// The value names a file, so an empty one is refused.
    var namesAFile = false
    /// One sentence or two for the option list; wrapped by `Help`.
    var help: String

    var takesValue: Bool { valueName != nil }
    var spellings: [String] { [name] + (short.map { [$0] } ?? []) }
}

/// Arguments split into options and positionals, checked against a command's options.
struct ParsedArguments {
    var positionals: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    func value(_ option: OptionSpec) -> String? { values[option.name]?.last }
    func all(_ option: OptionSpec) -> [String] { values[option.name] ?? [] }
    func has(_ option: OptionSpec) -> Bool { flags.contains(option.name) }

    /// Accepts `--name value`, `--name=value`, `-o value`, and `--` to end options; the
    /// options are the command's declared ones and `--help`, nothing else.
    static func parse(_ arguments: [String], options declared: [OptionSpec], command: String) throws(UsageError) -> ParsedArguments {
        let options = declared + [Help.helpOption]
        var parsed = ParsedArguments()
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
                // Every positional is a file name; an empty one would give messages that
                // start with ": ..." and name nothing.
                if argument.isEmpty { throw UsageError("a file name is empty (\"\")") }
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let spec = options.first(where: { $0.spellings.contains(name) }) else {
                var message = "unknown option \(name) for hats \(command)"
                if let suggestion = NearestSpelling.suggest(for: name, among: options.flatMap(\.spellings)) {
                    message += " (did you mean \(suggestion)?)"
                } else {
                    message += " (see hats help \(command))"
                }
                throw UsageError(message)
            }
            if spec.takesValue {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else if index < arguments.count {
                    value = arguments[index]
                    index += 1
                } else {
                    throw UsageError("\(spec.name) needs a value (\(spec.name) \(spec.valueName ?? ""))")
                }
                if value.isEmpty, spec.namesAFile {
                    throw UsageError("\(spec.name) needs a file name, not an empty one")
                }
                if !spec.repeatable, parsed.values[spec.name] != nil {
                    throw UsageError("\(spec.name) is given twice")
                }
                parsed.values[spec.name, default: []].append(value)
            } else {
                if inlineValue != nil { throw UsageError("\(spec.name) takes no value") }
                parsed.flags.insert(spec.name)
            }
        }
        return parsed
    }
}
