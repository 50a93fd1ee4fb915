import OrgKit

extension Commands {
    /// `hats [FILE]` and `hats --preset NAME [FILE]`: until the interactive builder lands,
    /// prints the reporting tree with everyone's hats.
    static let open = Command(
        name: "open",
        summary: "show an org (the default command)",
        usage: ["hats FILE", "hats --preset NAME"],
        details: """
            Shows the org's reporting tree with each person's title and hats.

            Examples:
              hats --preset msp-10
              hats northwind.json
            """,
        options: [OrgSource.presetOption],
        run: { arguments, context in
            if arguments.positionals.isEmpty, arguments.value("--preset") == nil {
                context.console.out(Help.overview())
                return 0
            }
            var arguments = arguments
            if arguments.value("--preset") != nil, arguments.positionals.count == 1 {
                // `hats --preset NAME FILE`: the file is where the builder will save.
                arguments.positionals = []
            }
            let source = try OrgSource.from(arguments, command: "open", console: context.console)
            context.console.out(TextChart.render(source.org))
            return 0
        }
    )
}
