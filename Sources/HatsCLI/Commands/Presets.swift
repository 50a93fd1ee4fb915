import Foundation
import OrgKit

extension Commands {
    static let presets = Command(
        name: "presets",
        summary: "list the presets, one line each",
        operands: "",
        about: """
            Presets are ready-made orgs built into hats: a 10-person MSP to start from and
            catalogs of roles to pick from. Use one with --preset NAME in any command that
            reads an org, or copy one into a file with hats new FILE --preset NAME.
            """,
        options: [],
        notes: """
            Examples:
              hats presets
              hats new northwind.json --preset msp-10
            """,
        run: { arguments, context in
            if let extra = arguments.positionals.first { throw UsageError("takes no arguments (got \(extra))") }
            let width = PresetCatalog.names.map(\.count).max() ?? 0
            for preset in PresetCatalog.all {
                context.console.line(preset.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + preset.summary)
            }
            return 0
        }
    )
}
