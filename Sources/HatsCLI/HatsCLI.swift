import OrgKit

/// The `hats` command line. `run` never exits the process: it returns the exit code.
public enum HatsCLI {
    public static let version = "0.1.0"

    public static func run(_ arguments: [String], console: Console) -> Int32 {
        let context = CommandContext(console: console)
        guard let first = arguments.first else {
            return run(Commands.open, [], context)
        }
        if Help.versionOption.spellings.contains(first) || first == "version" {
            console.line("hats \(version) (org file format \(OrgFile.version))")
            return 0
        }
        if Help.helpOption.spellings.contains(first) {
            console.out(Help.overview())
            return 0
        }
        if first == "help" {
            return help(Array(arguments.dropFirst()), console: console)
        }
        if let command = Commands.all.first(where: { $0.name == first }) {
            return run(command, Array(arguments.dropFirst()), context)
        }
        if !first.hasPrefix("-"), !looksLikeAFile(first) {
            var message = "hats: unknown command \"\(first)\""
            if let suggestion = NearestSpelling.suggest(for: first, among: Commands.all.map(\.name)) {
                message += " (did you mean \"\(suggestion)\"?)"
            } else {
                message += " (run hats --help for the commands; an org file name ends in .json)"
            }
            console.errorLine(message)
            return 2
        }
        return run(Commands.open, arguments, context)
    }

    static func run(_ command: Command, _ arguments: [String], _ context: CommandContext) -> Int32 {
        do {
            let parsed = try ParsedArguments.parse(arguments, options: command.options, command: command.name)
            if parsed.has(Help.helpOption) {
                context.console.out(Help.text(for: command))
                return 0
            }
            return try command.run(parsed, context)
        } catch let failure as CommandFailure {
            for line in failure.lines { context.console.errorLine(line) }
            return 2
        } catch let usage as UsageError {
            context.console.errorLine("hats \(command.name): \(usage.message)")
            return 2
        } catch {
            context.console.errorLine("hats \(command.name): \(error)")
            return 2
        }
    }

    private static func help(_ arguments: [String], console: Console) -> Int32 {
        guard let name = arguments.first else {
            console.out(Help.overview())
            return 0
        }
        if let command = Commands.named(name) {
            console.out(Help.text(for: command))
            return 0
        }
        var message = "hats help: no command named \"\(name)\""
        if let suggestion = NearestSpelling.suggest(for: name, among: ([Commands.open] + Commands.all).map(\.name)) {
            message += " (did you mean \"\(suggestion)\"?)"
        }
        console.errorLine(message)
        return 2
    }

    /// An argument that is no command but could be an org file: it exists, or it has a
    /// path separator or a .json ending.
    static func looksLikeAFile(_ argument: String) -> Bool {
        argument.contains("/") || argument.hasSuffix(".json") || DiskFile.exists(argument)
    }
}
