import OrgKit

/// Where a command's org comes from: a file, standard input (`-`, the Unix convention), or
/// `--preset NAME` in its place.
struct OrgSource {
    /// FILE `-` is standard input; a file named "-" is `./-`.
    static let standardInput = "-"
    /// How messages name standard input, in place of a file name.
    static let standardInputLabel = "standard input"

    /// `--preset NAME` for a command that reads an org: the preset instead of FILE.
    static let presetOption = OptionSpec(
        name: "--preset", valueName: "NAME", replacesOperand: true,
        help: "read a copy of preset NAME instead of FILE (hats presets lists them)")

    var org: Org
    /// How to name the source in messages: the file path, or "preset msp-10".
    var label: String
    var path: String?

    /// Reads the org named by the single FILE positional or by `--preset`.
    static func from(_ arguments: ParsedArguments, command: String, console: Console) throws -> OrgSource {
        let preset = arguments.value(presetOption)
        let files = arguments.positionals
        if files.count > 1 {
            throw UsageError("expected one org file, got \(files.count): \(files.joined(separator: " "))")
        }
        if let preset {
            if let file = files.first {
                throw UsageError("give an org file or --preset, not both (got \(file) and --preset \(preset))")
            }
            return OrgSource(org: try loadPreset(preset), label: "preset \(preset)", path: nil)
        }
        guard let file = files.first else {
            throw UsageError("which org? give a file (hats \(command) org.json), - for standard input, or a preset (hats \(command) --preset msp-10)")
        }
        if file == standardInput {
            return OrgSource(org: try loadStandardInput(console: console), label: standardInputLabel, path: nil)
        }
        return OrgSource(org: try loadFile(file, console: console), label: file, path: file)
    }

    /// Reads and checks an org from standard input; messages name "standard input" where
    /// they would name the file (`standard input:3:7: invalid JSON: …`,
    /// `standard input: people[2].reportsTo: …`).
    static func loadStandardInput(console: Console) throws -> Org {
        hintWhenTyping("the org file", console: console)
        do {
            let loaded = try OrgFile.loadStandardInput()
            for warning in loaded.warnings {
                console.errorLine(TextSafety.printable("\(standardInputLabel): \(warning.path): warning: \(warning.message)"))
            }
            return loaded.org
        } catch {
            var lines = error.lines(file: standardInputLabel)
            let count = error.problems.count
            if count > 1 {
                lines.append("hats: \(standardInputLabel) was not read: \(count) problems; nothing was written")
            }
            throw CommandFailure(lines.map(TextSafety.printable))
        }
    }

    /// On a terminal, standard input is what the person types: say so, or `hats check -`
    /// looks like a hang.
    static func hintWhenTyping(_ what: String, console: Console) {
        if DiskFile.standardInputIsTerminal {
            console.errorLine("hats: reading \(what) from standard input (end it with Ctrl-D; give a file name instead of - to read a file)")
        }
    }

    static func loadPreset(_ name: String) throws -> Org {
        guard let preset = PresetCatalog.named(name) else {
            var message = "no preset named \"\(name)\""
            if let suggestion = NearestSpelling.suggest(for: name, among: PresetCatalog.names) {
                message += " (did you mean \"\(suggestion)\"?)"
            } else {
                message += " (hats presets lists them)"
            }
            throw UsageError(message)
        }
        do {
            return try preset.load()
        } catch {
            throw CommandFailure(error.lines(file: "preset \(name)"))
        }
    }

    /// Reads and checks an org file; every problem becomes one line naming the file.
    /// Lines go through `TextSafety.printable`: a path holds the file's own member names,
    /// which may carry terminal escapes or bidi controls.
    static func loadFile(_ path: String, console: Console) throws -> Org {
        try loadFileWithFingerprint(path, console: console, fingerprint: false).org
    }

    /// The same, keeping what the file held, so a later save can tell if it changed.
    /// `regularOnly`: refuse a FIFO or a device without opening it (the builder).
    static func loadFileWithFingerprint(_ path: String, regularOnly: Bool = false, console: Console, fingerprint: Bool = true) throws -> OrgFile.Loaded {
        do {
            let loaded = try OrgFile.load(path: path, regularOnly: regularOnly, fingerprint: fingerprint)
            for warning in loaded.warnings {
                console.errorLine(TextSafety.printable("\(path): \(warning.path): warning: \(warning.message)"))
            }
            return loaded
        } catch {
            var lines = error.lines(file: path)
            let count = error.problems.count
            if count > 1 {
                lines.append("hats: \(path) was not read: \(count) problems; nothing was written")
            }
            throw CommandFailure(lines.map(TextSafety.printable))
        }
    }
}
