import OrgKit
import OrgTUI

extension Commands {
    enum OpenOption {
        static let preset = OptionSpec(
            name: "--preset", valueName: "NAME",
            help: "start from a copy of preset NAME (hats presets lists them); FILE, which must not exist yet, is where it is saved")
    }

    /// `hats`, `hats FILE`, `hats --preset NAME [FILE]`: the interactive builder.
    static let open = Command(
        name: "open",
        summary: "open the interactive builder (the default command)",
        invocation: "hats",
        operands: "[FILE]",
        about: """
            Opens the builder full-screen: the chart, people, roles, duties and the live
            load check, with every edit undoable. ? in the builder lists every key.

              hats                       a start screen: a preset, an empty org, or a file
              hats FILE                  FILE (a new org, created on the first save, if it
                                         does not exist yet)
              hats --preset NAME [FILE]  a copy of a preset, saved to FILE (which must not
                                         exist yet; without FILE, Ctrl-S asks where)
            """,
        options: [OpenOption.preset],
        notes: """
            Needs a terminal. To print an org instead, use hats export FILE --format text;
            to check it, hats check FILE.

            Examples:
              hats --preset msp-10
              hats northwind.json
            """,
        run: { arguments, context in
            guard arguments.positionals.count <= 1 else {
                throw UsageError("expected at most one file, got \(arguments.positionals.count): \(arguments.positionals.joined(separator: " "))")
            }
            let file = arguments.positionals.first
            let size = Size(width: 80, height: 24)
            let recovery = RecoveryStore.standard(environment: context.console.environment)
            var state: AppState
            if let preset = arguments.value(OpenOption.preset) {
                let org = try OrgSource.loadPreset(preset)
                if let file, DiskFile.exists(file) {
                    throw CommandFailure("hats: \(file) already exists; open it with: hats \(file) (a preset never replaces a file)")
                }
                state = App.start(Document(org: org, path: file, isNew: file != nil, origin: "preset \(preset)"), size: size, checkOffLoopFrom: App.checkOffLoopFrom)
                App.offerRecovery(&state, recovery.offer(for: state.document.recoveryKey, file: nil, current: org))
            } else if let file {
                if DiskFile.exists(file) {
                    let loaded = try OrgSource.loadFileWithFingerprint(file, regularOnly: true, console: context.console)
                    state = App.start(Document(org: loaded.org, path: file, fingerprint: loaded.fingerprint), size: size, checkOffLoopFrom: App.checkOffLoopFrom)
                    App.offerRecovery(&state, recovery.offer(for: state.document.recoveryKey, file: file, current: loaded.org))
                } else {
                    var opening = App.start(Document(org: .empty(name: Org.name(fromFile: file, fallback: "New org")), path: file, isNew: true), size: size, checkOffLoopFrom: App.checkOffLoopFrom)
                    opening.status = StatusMessage(text: "New org: Ctrl-S creates \(file)", kind: .info)
                    App.offerRecovery(&opening, recovery.offer(for: opening.document.recoveryKey, file: nil, current: opening.document.org))
                    state = opening
                }
            } else {
                state = App.startScreen(size: size, checkOffLoopFrom: App.checkOffLoopFrom)
            }
            return Builder.run(state, console: context.console)
        }
    )
}
