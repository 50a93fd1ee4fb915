import Foundation
import OrgKit

extension Commands {
    enum NewOption {
        static let preset = OptionSpec(
            name: "--preset", valueName: "NAME",
            help: "write a copy of preset NAME instead of an empty org (hats presets lists them)")
    }

    static let new = Command(
        name: "new",
        summary: "write a new org file, empty or from a preset; never overwrites",
        operands: "FILE",
        about: """
            Writes FILE as a new org: empty, or a copy of a preset. Never overwrites: if FILE
            exists, nothing is written and the exit code is 2.
            """,
        options: [NewOption.preset],
        notes: """
            Examples:
              hats new acme.json
              hats new northwind.json --preset msp-10
            """,
        run: { arguments, context in
            guard arguments.positionals.count == 1, let file = arguments.positionals.first else {
                throw UsageError(arguments.positionals.isEmpty ? "which file? (hats new org.json)" : "expected one file, got \(arguments.positionals.count)")
            }
            if DiskFile.exists(file) {
                throw CommandFailure("hats new: \(file) already exists; nothing was written (open it with: hats \(file))")
            }
            let org: Org
            if let preset = arguments.value(NewOption.preset) {
                org = try OrgSource.loadPreset(preset)
            } else {
                org = .empty(name: Org.name(fromFile: file, fallback: "New org"))
            }
            do throws(DiskError) {
                try OrgFile.save(org, path: file)
            } catch {
                throw CommandFailure("hats new: cannot write \(file): \(error.message)")
            }
            context.console.line("Created \(file) (\(org.name): \(Counting.describe(org))).")
            return 0
        }
    )
}

enum Counting {
    static func describe(_ org: Org) -> String {
        "\(plural(org.people.count, "person", "people")), \(plural(org.roles.count, "role", "roles")), \(plural(org.duties.count, "duty", "duties"))"
    }

    static func plural(_ count: Int, _ one: String, _ many: String) -> String {
        "\(count) \(count == 1 ? one : many)"
    }
}
