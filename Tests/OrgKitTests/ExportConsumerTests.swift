import Foundation
import Testing
@testable import OrgKit

/// The exports checked by the programs that read them: Graphviz renders every DOT file,
/// an XML parser reads every SVG and HTML file, Python's csv module reads every CSV file,
/// and every CSV file imports back to the same org.
@Suite("Exports read by their real consumers")
struct ExportConsumerTests {
    /// Every org the consumers are tried on: the presets, the test sample, accents and CJK,
    /// the hostile names, and a generated 300-person org.
    static func orgs() throws -> [(name: String, org: Org)] {
        try ExportFixtures.presets() + [
            ("sample", try sampleOrg()),
            ("international", try ExportFixtures.international()),
            ("open-position", try ExportFixtures.withOpenPosition()),
            ("hostile", try Hostile.org()),
            ("generated-300", try OrgGenerator.org(people: 300, seed: 7)),
        ]
    }

    /// Parses XML files with Python's ElementTree; for each: an error, or the element
    /// names, attributes that could run script or load something, and every text node.
    static let xmlReport = """
        import sys, json, xml.etree.ElementTree as ET
        out = {}
        for path in sys.argv[1:]:
            try:
                root = ET.parse(path).getroot()
            except Exception as e:
                out[path] = {"error": str(e)}
                continue
            tags, bad, texts = set(), [], []
            for el in root.iter():
                tag = el.tag.split('}')[-1]
                tags.add(tag)
                for key in el.attrib:
                    name = key.split('}')[-1].lower()
                    if name.startswith('on') or name in ('href', 'src', 'action', 'formaction', 'style', 'srcdoc'):
                        bad.append(tag + '@' + name)
                if el.text: texts.append(el.text)
                if el.tail: texts.append(el.tail)
            out[path] = {"tags": sorted(tags), "bad": bad, "text": "\\n".join(texts)}
        print(json.dumps(out))
        """

    struct XMLFacts {
        var error: String?
        var tags: Set<String> = []
        var bad: [String] = []
        var text = ""
    }

    static func parseXML(_ files: [URL]) throws -> [String: XMLFacts] {
        let result = OutsideTools.run(["python3", "-c", xmlReport] + files.map(\.path))
        #expect(result.status == 0, "\(result.output)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: [String: Any]])
        var facts: [String: XMLFacts] = [:]
        for (path, entry) in json {
            facts[path] = XMLFacts(error: entry["error"] as? String, tags: Set(entry["tags"] as? [String] ?? []),
                                   bad: entry["bad"] as? [String] ?? [], text: entry["text"] as? String ?? "")
        }
        return facts
    }

    static let svgTags: Set<String> = ["svg", "title", "defs", "marker", "path", "rect", "text", "g"]
    static let htmlTags: Set<String> = svgTags.union(["html", "head", "meta", "style", "body", "header", "h1", "h2", "p", "section", "div",
                                                      "ul", "li", "span", "strong", "code", "br", "table", "thead", "tbody", "tr", "th", "td", "em", "footer"])

    @Test("Graphviz renders every DOT export to SVG without error, and the SVG has no links or scripts",
          .enabled(if: OutsideTools.hasDot && OutsideTools.hasPython))
    func dotRenders() throws {
        let directory = try OutsideTools.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        var rendered: [URL] = []
        for (name, org) in try Self.orgs() {
            let dot = directory.appendingPathComponent("\(name).dot")
            let svg = directory.appendingPathComponent("\(name).dot.svg")
            try Exporter.export(org, as: .dot).write(to: dot, atomically: true, encoding: .utf8)
            let result = OutsideTools.run(["dot", "-Tsvg", dot.path, "-o", svg.path])
            #expect(result.status == 0, "dot failed on \(name): \(result.output)")
            #expect(result.output.isEmpty, "dot warned on \(name): \(result.output)")
            rendered.append(svg)
        }
        for (path, facts) in try Self.parseXML(rendered) {
            #expect(facts.error == nil, "\(path): \(facts.error ?? "")")
            #expect(facts.bad.isEmpty, "\(path): \(facts.bad)")
            #expect(!facts.tags.contains("a") && !facts.tags.contains("script"), "\(path): \(facts.tags)")
        }
    }

    @Test("every SVG and HTML export parses as XML and uses only the elements hats writes",
          .enabled(if: OutsideTools.hasPython))
    func svgAndHTMLParse() throws {
        let directory = try OutsideTools.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [URL] = []
        for (name, org) in try Self.orgs() {
            for format in [ExportFormat.svg, .html] {
                let url = directory.appendingPathComponent("\(name).\(format.rawValue)")
                try Exporter.export(org, as: format).write(to: url, atomically: true, encoding: .utf8)
                files.append(url)
            }
        }
        let report = try Self.parseXML(files)
        #expect(report.count == files.count)
        for (path, facts) in report {
            #expect(facts.error == nil, "\(path): \(facts.error ?? "")")
            #expect(facts.bad.isEmpty, "\(path): \(facts.bad)")
            let allowed = path.hasSuffix(".svg") ? Self.svgTags : Self.htmlTags
            #expect(facts.tags.isSubset(of: allowed), "\(path): unexpected elements \(facts.tags.subtracting(allowed))")
        }
    }

    @Test("every CSV export parses with Python's csv module, field for field",
          .enabled(if: OutsideTools.hasPython))
    func csvParses() throws {
        let directory = try OutsideTools.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = """
            import csv, json, sys
            print(json.dumps({p: list(csv.reader(open(p, newline='', encoding='utf-8'))) for p in sys.argv[1:]}))
            """
        var expected: [String: Org] = [:]
        for (name, org) in try Self.orgs() {
            let url = directory.appendingPathComponent("\(name).csv")
            try Exporter.export(org, as: .csv).write(to: url, atomically: true, encoding: .utf8)
            expected[url.path] = org
        }
        let result = OutsideTools.run(["python3", "-c", script] + expected.keys.sorted())
        #expect(result.status == 0, "\(result.output)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: [[String]]])
        for (path, org) in expected {
            let rows = try #require(parsed[path])
            let header = org.people.contains(where: \.open) ? CSVExport.header + ["open"] : CSVExport.header
            #expect(rows.first == header, "\(path)")
            #expect(rows.count == org.people.count + 1, "\(path)")
            for row in rows.dropFirst() {
                #expect(row.count == header.count)
                for field in row {
                    if let first = field.unicodeScalars.first {
                        #expect(!Escape.isFormulaTrigger(first), "\(path): a field starts a formula: \(field.debugDescription)")
                    }
                }
                let person = try #require(org.person(Escape.unguardFormula(row[0])))
                #expect(Escape.unguardFormula(row[1]) == person.name)
                #expect(Escape.unguardFormula(row[2]) == (person.title ?? ""))
                #expect(Escape.unguardFormula(row[3]) == (person.email ?? ""))
                #expect(Escape.unguardFormula(row[4]) == (person.reportsTo ?? ""))
            }
        }
    }

    @Test("every CSV export imports back to the same people, reporting lines, dotted lines and hats")
    func csvRoundTrip() throws {
        for (name, org) in try Self.orgs() {
            let csv = Exporter.export(org, as: .csv)
            let outcome = CSVImport.run(csv, options: CSVImport.Options(orgName: org.name))
            if org.people.isEmpty {
                // A catalog of roles exports a header line only: it imports as an org of nobody.
                #expect(outcome.report.problems.isEmpty, "\(name)")
                #expect(outcome.report.notes.map(\.description) == ["line 1: the header is the only line: the org has nobody in it"], "\(name)")
                #expect(outcome.org?.people.isEmpty == true, "\(name)")
                continue
            }
            #expect(outcome.report.problems.isEmpty, "\(name): \(outcome.report.problems)")
            #expect(outcome.report.unused.isEmpty, "\(name)")
            let imported = try #require(outcome.org, "\(name)")
            try Self.expectSamePeople(org, imported, context: name)
        }
    }

    /// Same ids, names, titles, e-mails (those with an @), departments, managers, dotted lines, capacity, external flag,
    /// and hats (by role name, with the hours the original gave each hat, to 0.01 h).
    static func expectSamePeople(_ original: Org, _ imported: Org, context: String) throws {
        let trim = { (text: String) in CSVImport.RowBuilder.trimSpaces(text) }
        #expect(imported.people.count == original.people.count, "\(context)")
        let hours = Hours(original)
        let importedHours = Hours(imported)
        for person in original.people {
            let copy = try #require(imported.person(person.id), "\(context): \(person.id) missing")
            #expect(copy.name == trim(person.name), "\(context): \(person.id)")
            #expect(copy.title == person.title.map(trim).flatMap { $0.isEmpty ? nil : $0 }, "\(context): \(person.id)")
            // An e-mail without @ is left out by the import (import.md).
            #expect(copy.email == person.email.map(trim).flatMap { $0.isEmpty || !$0.contains("@") ? nil : $0 }, "\(context): \(person.id)")
            #expect(copy.department == person.department.map(trim).flatMap { $0.isEmpty ? nil : $0 }, "\(context): \(person.id)")
            #expect(copy.reportsTo == person.reportsTo, "\(context): \(person.id)")
            #expect(copy.dottedTo == person.dottedTo, "\(context): \(person.id)")
            #expect(copy.external == person.external, "\(context): \(person.id)")
            #expect(copy.open == person.open, "\(context): \(person.id)")
            #expect(importedHours.capacity(copy) == hours.capacity(person), "\(context): \(person.id)")
            let want = person.hats.map { (trim(original.role($0.role)?.name ?? ""), hours.hours(of: $0)) }
            let got = copy.hats.map { (imported.role($0.role)?.name ?? "", importedHours.hours(of: $0)) }
            #expect(want.map(\.0) == got.map(\.0), "\(context): \(person.id)")
            for (a, b) in zip(want, got) { #expect(abs(a.1 - b.1) < 0.006, "\(context): \(person.id) \(a.0)") }
        }
    }
}
