import OrgKit

/// The help texts, built from the command table so they cannot drift from it.
enum Help {
    static func overview() -> String {
        var text = """
            hats \(HatsCLI.version) — org charts for small IT teams and MSPs, where everyone wears several hats

            Usage:
              hats [FILE]                    open the interactive builder on FILE
              hats --preset NAME [FILE]      open it on a copy of a preset (hats presets lists them)

            Commands:

            """
        let width = Commands.all.map(\.name.count).max() ?? 0
        for command in Commands.all {
            text += "  " + command.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + command.summary + "\n"
        }
        text += """

            Options everywhere:
              --help, -h       help for hats or for one command (also: hats help COMMAND)
              --version        the version of hats and of its file format

            Exit codes: 0 success; 1 hats check found findings; 2 bad usage or invalid input
            (nothing is written on exit 2).

            """
        return text
    }

    static func text(for command: Command) -> String {
        var text = "hats \(command.name) — \(command.summary)\n\nUsage:\n"
        for line in command.usage { text += "  \(line)\n" }
        text += "\n" + command.details + "\n"
        return text
    }
}
