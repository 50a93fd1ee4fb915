import Foundation
import Testing
@testable import OrgKit

/// Open positions (`"open": true`): a planned hire or a vacancy, read, written, checked,
/// exported and edited like a person, but never taken for someone already there.
@Suite("Open positions")
struct OpenPositionTests {
    static let file = """
        {"format": "hats", "version": 1, "roles": [{"id": "sales", "name": "Sales", "critical": true, "hoursPerWeek": 20}],
         "people": [{"id": "a", "name": "Ann", "hats": []},
                    {"id": "o", "name": "Open: Seller", "title": "Account Executive", "reportsTo": "a", "open": true, "hats": [{"role": "sales"}]}]}
        """

    // MARK: - File format

    @Test("\"open\": true reads, and is written after external only when true")
    func roundTrip() throws {
        let org = try OrgFile.decode(Self.file).org
        #expect(org.person("o")?.open == true)
        #expect(org.person("a")?.open == false)
        let saved = OrgFile.encode(org)
        #expect(saved.contains(#"""
                  "reportsTo": "a",
                  "open": true,
                  "hats": [
            """#))
        #expect(saved.components(separatedBy: "\"open\"").count == 2, "only the open position carries the field")
        #expect(try OrgFile.decode(saved).org == org)
        #expect(OrgFile.encode(try OrgFile.decode(saved).org) == saved)

        let explicitFalse = Self.file.replacingOccurrences(of: #""name": "Ann","#, with: #""name": "Ann", "open": false,"#)
        #expect(!OrgFile.encode(try OrgFile.decode(explicitFalse).org).contains("\"open\": false"))
    }

    @Test("a preset without open positions saves byte for byte as before")
    func presetUnchanged() throws {
        let preset = try #require(PresetCatalog.named("msp-10"))
        #expect(OrgFile.encode(try OrgFile.decode(preset.text).org) == preset.text)
    }

    @Test("the quick and the thorough reader agree on open positions")
    func readersAgree() throws {
        let written = Array(OrgFile.encode(try ExportFixtures.withOpenPosition()).utf8)
        #expect(FastReaderTests.expectSame(written, "open position"))
        #expect(FastOrgReader.read(written)?.person("open-account-executive")?.open == true)
        for variant in [Self.file, Self.file.replacingOccurrences(of: "\"open\": true", with: "\"open\": false"),
                        Self.file.replacingOccurrences(of: "\"open\": true", with: "\"open\": null"),
                        Self.file.replacingOccurrences(of: "\"open\": true", with: "\"open\": \"yes\""),
                        Self.file.replacingOccurrences(of: "\"open\": true", with: "\"open\": true, \"open\": true")] {
            FastReaderTests.expectSame(Array(variant.utf8), variant)
        }
    }

    @Test("an open flag that is not a boolean is refused at its path")
    func refusesWrongType() {
        let text = Self.file.replacingOccurrences(of: "\"open\": true", with: "\"open\": \"yes\"")
        do {
            _ = try OrgFile.decode(text)
            Issue.record("accepted \"open\": \"yes\"")
        } catch {
            #expect(error.description.contains("people[1].open: expected true or false"), "\(error.description)")
        }
    }

    // MARK: - Checker

    @Test("an open position's hats are supply and its load is checked like a person's")
    func countsAsSupply() throws {
        var org = try OrgFile.decode(Self.file).org
        var report = LoadChecker.check(org)
        #expect(!report.findings.contains { $0.message.hasPrefix("Nobody wears Sales") })
        #expect(!report.findings.contains { $0.rule == .understaffedRole })
        #expect(report.load(of: "o")?.allocatedHours == 20)

        try org.apply(.setCapacity(person: "o", hours: 10))
        report = LoadChecker.check(org)
        #expect(report.findings.contains { $0.rule == .overload && $0.subject.id == "o" })
    }

    @Test("a critical role worn only by an open position is a finding; nobody is its single point of failure")
    func coveredOnlyByOpen() throws {
        let report = LoadChecker.check(try ExportFixtures.withOpenPosition())
        let sales = report.findings.filter { $0.subject.id == "sales-marketing" }
        #expect(sales.map(\.message) == ["Sales & Marketing, a critical role, is covered only by an open position (Open: Account Executive)"])
        #expect(sales.map(\.rule) == [.unfilledRole])
        #expect(sales.map(\.severity) == [.warning])
        #expect(sales.first?.suggestion == nil)
    }

    @Test("a critical duty of a role worn only by open positions is a finding")
    func dutyCoveredOnlyByOpen() throws {
        let org = try OrgFile.decode("""
            {"format": "hats", "version": 1, "roles": [{"id": "desk", "name": "Desk"}],
             "duties": [{"id": "d", "name": "Backups", "role": "desk", "hoursPerWeek": 2, "critical": true}],
             "people": [{"id": "o", "name": "Open: Tech", "open": true, "hats": [{"role": "desk"}]},
                        {"id": "p", "name": "Open: Tech 2", "open": true, "hats": [{"role": "desk"}]}]}
            """).org
        let messages = LoadChecker.check(org).findings.map(\.message)
        #expect(messages.contains("“Backups”, a critical duty of Desk, is covered only by open positions (Open: Tech, Open: Tech 2)"))
    }

    @Test("one person beside an open position is still the only one; the backup offered is a person")
    func openIsNoBackup() throws {
        var org = try #require(PresetCatalog.named("msp-10")).load()
        try org.apply(.addPerson(Person(id: "open-l3", name: "Open: Level 3 Engineer", reportsTo: "sam-ortiz", open: true,
                                        hats: [Hat(role: "level-3-engineer", hoursPerWeek: 4)])))
        let report = LoadChecker.check(org)
        let finding = try #require(report.findings.first { $0.rule == .singlePointOfFailure && $0.subject.id == "level-3-engineer" })
        #expect(finding.message.hasPrefix("Raj Patel is the only one wearing"))
        if let change = finding.suggestion?.change {
            #expect(change.to != "open-l3")
        }
    }

    @Test("marking an open position hired is one edit, undone by its inverse")
    func hired() throws {
        var org = try ExportFixtures.withOpenPosition()
        let before = org
        let edit = Edit.setOpen(person: "open-account-executive", open: false)
        #expect(edit.summary(in: org) == "mark Open: Account Executive as hired")
        let inverse = try org.apply(edit)
        #expect(org.person("open-account-executive")?.open == false)
        // Hired: the one wearer of a critical role is now a single point of failure.
        #expect(LoadChecker.check(org).findings.contains { $0.rule == .singlePointOfFailure && $0.subject.id == "sales-marketing" })
        _ = try org.apply(inverse)
        #expect(org == before)
    }

    // MARK: - Exports

    @Test("every export marks the open position")
    func exportsMarkIt() throws {
        let org = try ExportFixtures.withOpenPosition()
        let position = try #require(org.position(ofPerson: "open-account-executive"))
        let text = Exporter.export(org, as: .text)
        #expect(text.contains("Open: Account Executive (open position)"))
        #expect(text.components(separatedBy: "(open position)").count == 2)
        let markdown = Exporter.export(org, as: .markdown)
        #expect(markdown.contains("- **Open: Account Executive** (open position) — Account Executive"))
        #expect(markdown.contains("| Open: Account Executive (open position) | Account Executive |"))
        let dot = Exporter.export(org, as: .dot)
        #expect(dot.contains("p\(position) [label=\"Open: Account Executive\\nOpen position · Account Executive\\n"))
        #expect(dot.contains("style=\"rounded,filled,dashed\"];"))
        #expect(dot.components(separatedBy: "dashed\"];").count == 2)
        let mermaid = Exporter.export(org, as: .mermaid)
        #expect(mermaid.contains("  style p\(position) stroke-dasharray:5 3\n"))
        #expect(mermaid.contains("Open position · Account Executive"))
        let svg = Exporter.export(org, as: .svg)
        #expect(svg.components(separatedBy: "stroke-dasharray=\"5 3\"").count == 2, "one dashed box")
        #expect(svg.contains(">Open position · Account Executive</text>"))
        #expect(svg.contains(">open position</text>"), "the legend explains the dashed box")
        #expect(Exporter.export(org, as: .html).contains("<td>Open position · Account Executive</td>"))
        let csv = Exporter.export(org, as: .csv)
        #expect(csv.hasPrefix("\"id\",\"name\",\"title\",\"email\",\"reports_to\",\"dotted_to\",\"hats\",\"hours_per_week\",\"external\",\"open\"\r\n"))
        #expect(csv.contains("\"Open: Account Executive\",\"Account Executive\""))
        #expect(CSVImport.run(csv).org?.person("open-account-executive")?.open == true)
    }

    @Test("an org without open positions exports no open column and no open-position marks")
    func noMarksWithoutThem() throws {
        let org = try #require(PresetCatalog.named("msp-10")).load()
        #expect(!Exporter.export(org, as: .csv).contains("open"))
        for format in [ExportFormat.text, .markdown, .dot, .mermaid, .svg, .html] {
            #expect(!Exporter.export(org, as: format).lowercased().contains("open position"), "\(format)")
        }
    }

    // MARK: - CSV import

    @Test("Vacant and Open columns of HR tools import as open positions")
    func csvSpellings() throws {
        for header in ["Vacant", "Open", "Is Vacant", "open_position"] {
            let outcome = CSVImport.run("id,name,\(header)\r\na,Ann,no\r\nb,Bo,x\r\nc,Cy,1\r\nd,Di,Yes\r\ne,Ed,\r\n")
            let org = try #require(outcome.org, "\(header): \(outcome.report.problems)")
            #expect(org.people.map(\.open) == [false, true, true, true, false], "\(header)")
            #expect(outcome.report.unused.isEmpty, "\(header)")
        }
        let bad = CSVImport.run("id,name,Vacant\r\na,Ann,maybe\r\n")
        #expect(bad.report.problems.map(\.description).contains { $0.contains("Vacant \"maybe\" is not true or false") }, "\(bad.report.problems)")
    }
}
