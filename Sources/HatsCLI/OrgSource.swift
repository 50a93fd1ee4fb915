import OrgKit

/// Where a command's org comes from: a file, or `--preset NAME` in its place.
struct OrgSource {
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
            throw UsageError("which org? give a file (hats \(command) org.json) or a preset (hats \(command) --preset msp-10)")
        }
        return OrgSource(org: try loadFile(file, console: console), label: file, path: file)
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
        try loadFileWithFingerprint(path, console: console).org
    }

    /// The same, keeping what the file held, so a later save can tell if it changed.
    /// `regularOnly`: refuse a FIFO or a device without opening it (the builder).
    static func loadFileWithFingerprint(_ path: String, regularOnly: Bool = false, console: Console) throws -> OrgFile.Loaded {
        do {
            let loaded = try OrgFile.load(path: path, regularOnly: regularOnly)
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
