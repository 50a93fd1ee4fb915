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

/// One `hats` subcommand: its help and its behaviour.
struct Command: Sendable {
    var name: String
    /// One line for the command list.
    var summary: String
    var usage: [String]
    /// Paragraphs shown by `hats help NAME`, options and examples included.
    var details: String
    var options: [OptionSpec]
    var run: @Sendable (ParsedArguments, CommandContext) throws -> Int32
}

enum Commands {
    static let all: [Command] = [check, presets, new, export, `import`]
}
