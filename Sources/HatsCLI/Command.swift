import OrgKit

/// What every command gets besides its arguments.
struct CommandContext: Sendable {
    var console: Console
}

/// A failure already worded for the user: each line goes to stderr, exit code 2.
struct CommandFailure: Error {
    var lines: [String]
    init(_ lines: [String]) { self.lines = lines }
    init(_ line: String) { self.lines = [line] }
}

/// One `hats` subcommand: its help and its behaviour. The usage lines and the option
/// list of its help are made from `options` (see `Help`).
struct Command: Sendable {
    var name: String
    /// One line for the command list.
    var summary: String
    /// How it is typed before the operands: `hats check`, or `hats` for the builder.
    var invocation: String
    /// What follows the command in the usage line: `FILE`, `CSV`, `[FILE]` or nothing.
    var operands: String
    /// Paragraphs shown by `hats help NAME` before the options.
    var about: String
    var options: [OptionSpec]
    /// Paragraphs shown after the options: what else to know, exit codes, examples.
    var notes: String
    var run: @Sendable (ParsedArguments, CommandContext) throws -> Int32

    init(name: String, summary: String, invocation: String? = nil, operands: String, about: String = "",
         options: [OptionSpec], notes: String, run: @escaping @Sendable (ParsedArguments, CommandContext) throws -> Int32) {
        self.name = name
        self.summary = summary
        self.invocation = invocation ?? "hats \(name)"
        self.operands = operands
        self.about = about
        self.options = options
        self.notes = notes
        self.run = run
    }
}

enum Commands {
    /// The commands `hats --help` lists, in its order.
    static let all: [Command] = [check, plan, diff, presets, new, export, `import`]

    /// A command by name, the builder (`open`, which `hats --help` shows as the first usage
    /// line) included, so `hats help open` works as the hint for its options says.
    static func named(_ name: String) -> Command? {
        ([open] + all).first { $0.name == name }
    }
}
