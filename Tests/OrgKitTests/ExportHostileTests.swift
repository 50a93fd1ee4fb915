import Foundation
import Testing
@testable import OrgKit

/// Hostile names (quotes followed by combining marks, `<script>`, `</text>`, `javascript:`
/// links, CR/LF, tabs, NUL and other controls, bidi overrides, `=HYPERLINK(…)`,
/// `%%{init}%%`, Markdown pipes and links) through every format: the output parses, carries
/// the text faithfully (after each format's documented normalisation), and nothing in it
/// becomes markup, script, a link or a formula.
@Suite("Hostile names in every export")
struct ExportHostileTests {
    let org: Org
    init() throws { org = try Hostile.org() }

    /// What a visual format shows of `text`: one line, no controls or bidi overrides,
    /// nothing XML forbids.
    static func visible(_ text: String) -> String {
        String(String.UnicodeScalarView(Escape.oneLine(text).unicodeScalars.filter { Escape.isXMLChar($0) && !$0.properties.isNoncharacterCodePoint }))
    }

    @Test("text: no control characters or bidi overrides reach the terminal")
    func text() {
        for ascii in [false, true] {
            let output = Exporter.export(org, as: .text, options: ExportOptions(ascii: ascii))
            for scalar in output.unicodeScalars {
                #expect(scalar == "\n" || !TextSafety.isUnsafe(scalar), "unsafe scalar U+\(String(scalar.value, radix: 16))")
            }
            for name in Hostile.names {
                let shown = TextSafety.printable(name)
                #expect(output.contains(String(shown.prefix(12))), "\(name.debugDescription)")
            }
        }
    }

    @Test("json: the canonical file reads back to the same org")
    func json() throws {
        #expect(try OrgFile.decode(Exporter.export(org, as: .json)).org == org)
    }

    @Test("csv: every field quoted, no formula, every name back exactly", .enabled(if: OutsideTools.hasPython))
    func csv() throws {
        let directory = try OutsideTools.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("hostile.csv")
        try Exporter.export(org, as: .csv).write(to: url, atomically: true, encoding: .utf8)
        let result = OutsideTools.run(["python3", "-c", "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))", url.path])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String]])
        let names = Set(rows.dropFirst().map { Escape.unguardFormula($0[1]) })
        #expect(names == Set(Hostile.names))
        for row in rows { for field in row { #expect(field.unicodeScalars.first.map(Escape.isFormulaTrigger) != true, "\(field.debugDescription)") } }
        // "=HYPERLINK(…)" is written with its guard.
        #expect(rows.contains { $0[1] == "'=HYPERLINK(\"http://evil.example\",\"click\")" })
        let outcome = CSVImport.run(try String(contentsOf: url, encoding: .utf8))
        try ExportConsumerTests.expectSamePeople(org, try #require(outcome.org), context: "hostile")
    }

    @Test("svg and html: parse as XML, only hats's own elements, every name as text", .enabled(if: OutsideTools.hasPython))
    func svgAndHTML() throws {
        let directory = try OutsideTools.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let svg = directory.appendingPathComponent("hostile.svg")
        let html = directory.appendingPathComponent("hostile.html")
        try Exporter.export(org, as: .svg).write(to: svg, atomically: true, encoding: .utf8)
        try Exporter.export(org, as: .html).write(to: html, atomically: true, encoding: .utf8)
        let report = try ExportConsumerTests.parseXML([svg, html])
        for (url, allowed) in [(svg, ExportConsumerTests.svgTags), (html, ExportConsumerTests.htmlTags)] {
            let facts = try #require(report[url.path])
            #expect(facts.error == nil, "\(facts.error ?? "")")
            #expect(facts.bad.isEmpty, "\(facts.bad)")
            #expect(facts.tags.isSubset(of: allowed), "\(facts.tags.subtracting(allowed))")
            for name in Hostile.names {
                #expect(facts.text.contains(Self.visible(name)), "\(url.lastPathComponent): \(name.debugDescription)")
            }
        }
        let text = try String(contentsOf: html, encoding: .utf8)
        #expect(!text.contains("<script"))
        #expect(!text.contains("javascript:alert(3)\""))
    }

    @Test("dot: Graphviz renders it, draws every name as text, and makes no link", .enabled(if: OutsideTools.hasDot && OutsideTools.hasPython))
    func dot() throws {
        let directory = try OutsideTools.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dot = directory.appendingPathComponent("hostile.dot")
        let svg = directory.appendingPathComponent("hostile.dot.svg")
        let source = Exporter.export(org, as: .dot)
        try source.write(to: dot, atomically: true, encoding: .utf8)
        for line in source.split(separator: "\n") {
            #expect(!line.lowercased().contains("url=") && !line.lowercased().contains("href"), "\(line)")
        }
        let result = OutsideTools.run(["dot", "-Tsvg", dot.path, "-o", svg.path])
        #expect(result.status == 0, "\(result.output)")
        let facts = try #require(try ExportConsumerTests.parseXML([svg])[svg.path])
        #expect(facts.error == nil, "\(facts.error ?? "")")
        #expect(facts.bad.isEmpty, "\(facts.bad)")
        #expect(!facts.tags.contains("a") && !facts.tags.contains("script"))
        // Graphviz itself trims and collapses runs of spaces when it draws text.
        let collapse = { (text: String) in text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        let drawn = collapse(facts.text)
        for name in Hostile.names {
            #expect(drawn.contains(collapse(Self.visible(name))), "\(name.debugDescription)")
        }
    }

    @Test("mermaid: only hats's own statements, labels without quotes or %, every name decoded back")
    func mermaid() throws {
        let output = Exporter.export(org, as: .mermaid)
        let patterns = [
            #"^flowchart TD$"#,
            #"^ {2,4}p\d+\["[^"%`<>]*"\]$"#,
            #"^  subgraph external\["External providers"\]$"#,
            #"^  end$"#,
            #"^  p\d+ (-->|-\.->) p\d+$"#,
            #"^  classDef [a-z]+ fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6},color:#000$"#,
            #"^  class (p\d+,)*p\d+ [a-z]+$"#,
        ].map { try! Regex($0) }
        var labels = ""
        for line in output.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            // hats's own markup inside labels, removed before the check.
            let plain = String(line).replacingOccurrences(of: "<b>", with: "").replacingOccurrences(of: "</b>", with: "").replacingOccurrences(of: "<br/>", with: "\n")
            #expect(patterns.contains { plain.wholeMatch(of: $0) != nil }, "unexpected line: \(line)")
            labels += plain + "\n"
        }
        #expect(!output.contains("%%"))
        #expect(!output.lowercased().contains("\nclick") && !output.lowercased().contains("  click"))
        let decoded = Self.decodeMermaid(labels)
        for name in Hostile.names {
            #expect(decoded.contains(Escape.oneLine(name)), "\(name.debugDescription)")
        }
    }

    /// Undoes `Escape.mermaidLabel`, over scalars (a `;` followed by a combining mark is
    /// one Character).
    static func decodeMermaid(_ text: String) -> String {
        let codes = ["quot": "\"", "35": "#", "37": "%", "amp": "&", "lt": "<", "gt": ">", "96": "`"]
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "#", let end = scalars[index...].firstIndex(of: ";"),
                let value = codes[String(String.UnicodeScalarView(scalars[(index + 1)..<end]))] {
                out.append(contentsOf: value.unicodeScalars)
                index = end + 1
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return String(out)
    }

    @Test("markdown: GitHub's renderer makes no link, image, HTML or emphasis of it, and shows every name",
          .enabled(if: OutsideTools.hasCmarkGFM && OutsideTools.hasPython))
    func markdown() throws {
        let directory = try OutsideTools.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let markdown = directory.appendingPathComponent("hostile.md")
        let rendered = directory.appendingPathComponent("hostile.html")
        try Exporter.export(org, as: .markdown).write(to: markdown, atomically: true, encoding: .utf8)
        let render = OutsideTools.run(["sh", "-c", "cmark-gfm -e table -e autolink -e strikethrough -e tagfilter \"$1\" > \"$2\"", "sh", markdown.path, rendered.path])
        #expect(render.status == 0, "\(render.output)")
        let script = """
            import json, sys
            from html.parser import HTMLParser
            class P(HTMLParser):
                def __init__(self):
                    super().__init__(convert_charrefs=True)
                    self.tags, self.attrs, self.text = set(), [], []
                def handle_starttag(self, tag, attrs):
                    self.tags.add(tag)
                    self.attrs += [tag + '@' + k for k, v in attrs if k != 'align']
                def handle_data(self, data):
                    self.text.append(data)
            p = P()
            p.feed(open(sys.argv[1], encoding='utf-8').read())
            print(json.dumps({"tags": sorted(p.tags), "attrs": p.attrs, "text": "".join(p.text)}))
            """
        let result = OutsideTools.run(["python3", "-c", script, rendered.path])
        let facts = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let tags = Set(facts["tags"] as? [String] ?? [])
        let allowed: Set<String> = ["h1", "h2", "h3", "p", "ul", "li", "strong", "code", "table", "thead", "tbody", "tr", "th", "td"]
        #expect(tags.isSubset(of: allowed), "markup made from user text: \(tags.subtracting(allowed))")
        #expect((facts["attrs"] as? [String] ?? []).isEmpty, "\(facts["attrs"] ?? "")")
        let text = facts["text"] as? String ?? ""
        for name in Hostile.names {
            #expect(text.contains(Escape.oneLine(name)), "\(name.debugDescription)")
        }
    }
}
