import OrgKit

/// The org the `fuzz-export` target exports: a small fixed shape (a manager, reports, a
/// dotted line, shared and explicit hats, a duty, optionally an external provider, an open
/// position and more people) whose text — names, titles, e-mail, role, duty and area names (the
/// area is the report's department too), the org's name
/// and description — comes from the fuzzer's input, so the fuzzer explores the escapers.
///
/// Input layout: byte 0 holds flags; the rest is split at 0xFF bytes (which never occur in
/// UTF-8, so every other character can reach a name) into the texts below, in order.
/// Missing texts take a default; a required name that is blank or too long takes its
/// default too, so the org is always valid.
public struct ExportInput: Sendable {
    public var org: Org
    public var ascii: Bool

    /// The texts, in input order (after byte 0).
    enum Slot: Int, CaseIterable {
        case bossName, reportName, deepName, externalName, bossTitle, reportEmail
        case roleA, roleB, dutyName, dutyArea, orgName, orgDescription
    }

    static let defaults: [Slot: String] = [
        .bossName: "Ann Boss", .reportName: "Bo Report", .deepName: "Cy Deep", .externalName: "Ext Co",
        .bossTitle: "Chief", .reportEmail: "bo@example.com", .roleA: "Lead", .roleB: "Operations",
        .dutyName: "Patch the servers", .dutyArea: "Ops", .orgName: "Fuzz org",
    ]

    /// More people (reporting to the report, or to the deep one) after the fixed texts.
    static let maxExtraPeople = 8
    static let maxTextLength = 10_000

    public init(_ bytes: [UInt8]) throws(CheckFailure) {
        let flags = bytes.first ?? 0
        var pieces: [String] = []
        if bytes.count > 1 {
            pieces = bytes[1...].split(separator: 0xFF, omittingEmptySubsequences: false)
                .prefix(Slot.allCases.count + Self.maxExtraPeople)
                .map { String(decoding: $0, as: UTF8.self) }
        }
        func text(_ slot: Slot) -> String? {
            slot.rawValue < pieces.count ? pieces[slot.rawValue] : Self.defaults[slot]
        }
        /// A required name: not blank, not too long.
        func name(_ slot: Slot) -> String {
            Self.usableName(text(slot)) ?? Self.defaults[slot] ?? "x"
        }
        /// Optional text: nil when empty, the default when too long.
        func optional(_ slot: Slot) -> String? {
            guard let value = text(slot), !value.isEmpty else { return nil }
            return value.unicodeScalars.count <= Self.maxTextLength ? value : Self.defaults[slot]
        }

        let external = flags & 0x01 != 0
        let overloaded = flags & 0x02 != 0
        let deepExtras = flags & 0x04 != 0
        let conflict = flags & 0x08 != 0
        let leadCritical = flags & 0x10 != 0
        let externalHats = flags & 0x20 != 0
        ascii = flags & 0x40 != 0
        let openPosition = flags & 0x80 != 0

        let roles = [
            Role(id: "a", name: name(.roleA), hoursPerWeek: 20, critical: leadCritical),
            Role(id: "b", name: name(.roleB), aliases: ["B"], related: ["a"], escalatesTo: "a"),
        ]
        let duties = [
            Duty(id: "d0", name: name(.dutyName), area: optional(.dutyArea), role: "b", hoursPerWeek: 30, critical: true),
            Duty(id: "d1", name: "Weekly review", role: "a", hoursPerWeek: 4),
        ]
        var people = [
            Person(id: "p0", name: name(.bossName), title: optional(.bossTitle), hats: [Hat(role: "a")] + (conflict ? [Hat(role: "b", hoursPerWeek: 5)] : [])),
            // The duty's area text is the report's department too (a slot of its own would
            // move the extra people's texts of every saved input).
            Person(id: "p1", name: name(.reportName), title: "Report", email: optional(.reportEmail), department: optional(.dutyArea), reportsTo: "p0",
                   hats: [Hat(role: "b", hoursPerWeek: overloaded ? 60 : nil)]),
            Person(id: "p2", name: name(.deepName), reportsTo: "p1", dottedTo: ["p0"], hoursPerWeek: 30, open: openPosition, hats: [Hat(role: "b")]),
        ]
        if external {
            people.append(Person(id: "p3", name: name(.externalName), external: true, hats: externalHats ? [Hat(role: "b", hoursPerWeek: 3)] : []))
        }
        for (offset, piece) in pieces.dropFirst(Slot.allCases.count).enumerated() {
            people.append(Person(id: "x\(offset)", name: Self.usableName(piece) ?? "Extra \(offset)", reportsTo: deepExtras ? "p2" : "p1",
                                 dottedTo: offset % 2 == 1 ? ["x\(offset - 1)"] : [], hats: offset % 3 == 0 ? [Hat(role: "b")] : []))
        }
        let policy = conflict ? Policy(conflicts: [RoleConflict(roles: ["a", "b"], reason: name(.roleA) + " and " + name(.roleB))]) : .standard
        do {
            org = try Org(name: optional(.orgName) ?? "", description: optional(.orgDescription), policy: policy,
                          roles: roles, duties: duties, people: people)
        } catch {
            // Every text was made valid above; an org that is still refused is a bug in
            // this builder or in the validator, and must not pass silently.
            throw CheckFailure("export input", "the org was refused: \(error)")
        }
    }

    /// A name hats accepts: not only white space, at most 10,000 characters.
    static func usableName(_ text: String?) -> String? {
        guard let text, !text.unicodeScalars.allSatisfy(\.properties.isWhitespace),
            text.unicodeScalars.count <= maxTextLength else { return nil }
        return text
    }

    /// The input bytes for these texts (for the seed corpus and the tests).
    public static func bytes(flags: UInt8, texts: [String]) -> [UInt8] {
        var out: [UInt8] = [flags]
        for (offset, text) in texts.enumerated() {
            if offset > 0 { out.append(0xFF) }
            out += Array(text.utf8)
        }
        return out
    }
}
