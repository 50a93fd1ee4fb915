/// A ready-made org shipped inside the binary: a sample MSP or a catalog of roles.
public struct Preset: Sendable {
    /// The name used on the command line (`hats --preset msp-10`).
    public let name: String
    /// One line for `hats presets`.
    public let summary: String
    /// The canonical file text.
    public let text: String

    /// The preset as an org. Presets are checked by the test suite, so this only fails if
    /// the binary was built from a broken preset.
    public func load() throws(OrgProblems) -> Org {
        try OrgFile.decode(text).org
    }
}

/// The presets shipped with hats, compiled in from `Presets/*.json`.
public enum PresetCatalog {
    /// Display order: the sample org first, then the catalogs.
    static let order = ["msp-10", "msp-roles", "tech-roles", "helpdesk-tiers", "tech-team-matrix"]

    public static let all: [Preset] = {
        let names = order.filter { files[$0] != nil } + files.keys.filter { !order.contains($0) }.sorted()
        return names.compactMap { name in
            guard let body = files[name] else { return nil }
            let text = body + "\n"
            let summary: String
            if let org = try? OrgFile.decode(text).org {
                summary = org.description ?? org.name
            } else {
                summary = "(this preset does not load: the build is broken)"
            }
            return Preset(name: name, summary: summary, text: text)
        }
    }()

    public static var names: [String] { all.map(\.name) }

    public static func named(_ name: String) -> Preset? {
        all.first { $0.name == name }
    }
}
