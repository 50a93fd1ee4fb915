import Foundation
import Testing
@testable import OrgKit

/// The text exports are compared with reviewed files in Tests/OrgKitTests/Golden/.
/// `HATS_UPDATE_GOLDEN=1 swift test` rewrites them; review every change by eye.
@Suite("Export golden files")
struct ExportGoldenTests {
    func check(_ actual: String, _ file: String) throws {
        let url = repositoryRoot.appendingPathComponent("Tests/OrgKitTests/Golden/\(file)")
        if ProcessInfo.processInfo.environment["HATS_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "export differs from Golden/\(file)")
    }

    func preset(_ name: String) throws -> Org {
        try #require(PresetCatalog.named(name)).load()
    }

    @Test("msp-10 as text, with box drawing and with ASCII guides")
    func mspText() throws {
        let org = try preset("msp-10")
        try check(Exporter.export(org, as: .text), "msp-10.txt")
        try check(Exporter.export(org, as: .text, options: ExportOptions(ascii: true)), "msp-10-ascii.txt")
    }

    @Test("accents, CJK and emoji line up by display width")
    func internationalText() throws {
        let org = try ExportFixtures.international()
        try check(Exporter.export(org, as: .text), "international.txt")
        try check(Exporter.export(org, as: .text, options: ExportOptions(ascii: true)), "international-ascii.txt")
    }

    @Test("msp-10 as CSV, DOT, Mermaid and Markdown")
    func mspFormats() throws {
        let org = try preset("msp-10")
        try check(Exporter.export(org, as: .csv), "msp-10.csv")
        try check(Exporter.export(org, as: .dot), "msp-10.dot")
        try check(Exporter.export(org, as: .mermaid), "msp-10.mmd")
        try check(Exporter.export(org, as: .markdown), "msp-10.md")
    }

    @Test("msp-10 and a seven-person MSP as SVG (reviewed by rendering them to PNG and looking; docs/exports.md says how)")
    func svgCharts() throws {
        // A fixed date, as SOURCE_DATE_EPOCH gives a build: the golden files do not age.
        let day = ExportOptions(asOf: Date(timeIntervalSince1970: 1_764_892_800))
        try check(Exporter.export(try preset("msp-10"), as: .svg, options: day), "msp-10.svg")
        try check(Exporter.export(try ExportFixtures.sevenPerson(), as: .svg, options: day), "seven-person.svg")
    }

    @Test("text exports keep columns aligned in display width")
    func aligned() throws {
        let text = Exporter.export(try ExportFixtures.international(), as: .text)
        let rows = text.split(separator: "\n").dropFirst(2).filter { !$0.isEmpty && $0 != "External" }
        // The title column starts at the same display column on every row.
        let starts = rows.compactMap { row -> Int? in
            let line = String(row)
            for title in ["Directeur général", "運用マネージャー", "엔지니어", "Technician", "Stagiaire", "Ekstern drift"] {
                if let range = line.range(of: title) { return DisplayWidth.of(String(line[..<range.lowerBound])) }
            }
            return nil
        }
        #expect(starts.count == 6)
        #expect(Set(starts).count == 1)
    }
}
