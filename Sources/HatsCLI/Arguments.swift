import OrgKit

/// A command-line mistake: one line for the user, exit code 2.
struct UsageError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// An option a command accepts.
struct OptionSpec: Sendable {
    var name: String
    /// Another spelling (`-o` for `--output`).
    var short: String?
    var takesValue: Bool
    var repeatable = false
    var valueName = "VALUE"
}

/// Arguments split into options and positionals, checked against a command's options.
struct ParsedArguments {
    var positionals: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }
    func has(_ name: String) -> Bool { flags.contains(name) }

    /// Accepts `--name value`, `--name=value`, `-o value`, and `--` to end options.
    static func parse(_ arguments: [String], options: [OptionSpec], command: String) throws(UsageError) -> ParsedArguments {
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
            guard let spec = options.first(where: { $0.name == name || $0.short == name }) else {
                let spellings = options.flatMap { [$0.name] + ($0.short.map { [$0] } ?? []) } + ["--help"]
                if name == "--help" || name == "-h" {
                    parsed.flags.insert("--help")
                    continue
                }
                var message = "unknown option \(name) for hats \(command)"
                if let suggestion = NearestSpelling.suggest(for: name, among: spellings) {
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
                    throw UsageError("\(spec.name) needs a value (\(spec.name) \(spec.valueName))")
                }
                if value.isEmpty, spec.valueName == "OUT" {
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
