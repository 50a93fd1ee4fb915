import Foundation
import FuzzChecks
import Testing
@testable import OrgKit

/// The fuzz targets' checks (Fuzz/Checks, the same code libFuzzer runs) over every seed
/// input, over the presets and the hostile names, and over each input that once made a
/// target fail — so a bug the fuzzer found stays fixed. See docs/fuzzing.md.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let targets = ["fuzz-org", "fuzz-csv", "fuzz-export"]

    static func check(for target: String) -> ([UInt8]) throws(CheckFailure) -> Void {
        switch target {
        case "fuzz-org": FuzzChecks.org
        case "fuzz-csv": FuzzChecks.csv
        default: FuzzChecks.export
        }
    }

    /// Runs a check and records its failure as a test issue (instead of trapping).
    static func expectPasses(_ target: String, _ bytes: [UInt8], _ label: String) {
        do {
            try check(for: target)(bytes)
        } catch {
            Issue.record("\(target) \(label): \(error)")
        }
    }

    @Test("every seed input passes its target's checks", arguments: targets)
    func seedCorpus(target: String) throws {
        let directory = repositoryRoot.appendingPathComponent("Fuzz/Corpus/\(target)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(files.count >= 10, "the seed corpus of \(target) is missing")
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(file)))
            Self.expectPasses(target, bytes, file)
        }
    }

    @Test("every export of the presets and of the hostile names passes the fuzz-export checks")
    func knownOrgs() throws {
        var orgs = try PresetCatalog.all.map { ($0.name, try $0.load()) }
        orgs.append(("hostile", try Hostile.org()))
        orgs.append(("international", try ExportFixtures.international()))
        for (name, org) in orgs {
            for ascii in [false, true] {
                do {
                    try FuzzChecks.exports(of: org, ascii: ascii)
                    try FuzzChecks.roundTrip(org, name)
                } catch {
                    Issue.record("\(name): \(error)")
                }
            }
        }
    }

    // MARK: - Inputs that once failed a check (each is also in the seed corpus)

    @Test("fuzz-org: unknown fields out of order read back equal after a save (extras kept in saved order)")
    func unknownFieldsOrder() throws {
        let bytes = Array(#"{"format":"hats","version":1,"zeta":1,"alpha":2}"#.utf8)
        Self.expectPasses("fuzz-org", bytes, "regression-extras-order.json")
        #expect(try OrgFile.decode(bytes).org.extra.map(\.key) == ["alpha", "zeta"])
    }

    @Test("fuzz-export: the org's name in the DOT graph label is on one line, without bidi controls")
    func dotOrgName() throws {
        // Texts in ExportInput order: boss, report, deep, external, boss title, e-mail,
        // role A, role B, duty, area, org name.
        let texts = ["A", "B", "C", "D", "", "", "R", "S", "T", "", "Org \u{202E}evil\u{202C}\r\nsecond line"]
        Self.expectPasses("fuzz-export", ExportInput.bytes(flags: 0, texts: texts), "regression-dot-org-name")
        let crash = repositoryRoot.appendingPathComponent("Fuzz/Corpus/fuzz-export/regression-dot-org-name")
        Self.expectPasses("fuzz-export", try [UInt8](Data(contentsOf: crash)), "regression-dot-org-name")
    }

    @Test("fuzz-csv: a name or role name of white space only is a row problem, skipped with --skip-bad-rows")
    func blankNames() throws {
        for (file, text) in [("regression-blank-name.csv", "id,name\n1,\"\t\"\n2,ok\n"), ("regression-blank-role.csv", "name,hats\nA,\"\t:3\"\n"),
                             ("regression-line-separator-name.csv", "name\n\"\u{2028}\"\n")] {
            Self.expectPasses("fuzz-csv", Array(text.utf8), file)
        }
        let outcome = CSVImport.run("id,name\n1,\"\t\"\n2,ok\n3,\"\u{A0}\"\n", options: CSVImport.Options(skipBadRows: true))
        #expect(outcome.org?.people.map(\.id) == ["2"])
        #expect(outcome.report.skippedLines == [2, 4])
        #expect(CSVImport.run("First Name,Last Name\n\"\t\",Park\n").org?.people.map(\.name) == ["Park"])
    }

    @Test("fuzz-csv: a tiny capacity is exported as a plain decimal that the import reads back")
    func tinyCapacity() throws {
        Self.expectPasses("fuzz-csv", Array("name,hours\nA,0.00001\n".utf8), "regression-tiny-capacity.csv")
        for value in [0.00001, 1.2345e-05, Double.leastNonzeroMagnitude, 0.1 + 0.2, 123.5, 40, 1e-7, 0.0001, 1.5e20] {
            let text = CSVExport.plainNumber(value)
            #expect(!text.contains("e"), "\(value) → \(text)")
            #expect(Double(text) == value, "\(value) → \(text)")
        }
        #expect(CSVExport.plainNumber(1e-05) == "0.00001")
        #expect(CSVExport.plainNumber(-2.5e-06) == "-0.0000025")
        #expect(CSVExport.plainNumber(1.5e20) == "150000000000000000000")
    }

    @Test("the checks catch what they are for")
    func checksCatch() throws {
        // Not well-formed: the XML reader must refuse each.
        for bad in ["<a><b></a></b>", "<a x=1/>", "<a>&nbsp;</a>", "<a>&#0;</a>", "<a x=\"1\" x=\"2\"/>", "<a>]]></a>", "<a/><b/>", "<a>\u{1}</a>"] {
            #expect(throws: CheckFailure.self, "\(bad)") { _ = try XMLWellFormed.check(bad, format: "test") }
        }
        let good = try XMLWellFormed.check("<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg a='&#39;&amp;'><!-- c --><t>x &lt; &#x1F600;</t></svg>\n", format: "test")
        #expect(good.root == "svg")
        #expect(good.texts.contains(Array("x < 😀".utf8)))
        #expect(good.texts.contains(Array("'&".utf8)))
        #expect(good.forbidden.isEmpty)
        let hostile = try XMLWellFormed.check("<svg><script/><a href='x' onload='y'/></svg>", format: "test")
        #expect(Set(hostile.forbidden) == ["<script>", "<a>", "href", "onload"])
        // The documented normalisation of the visual formats.
        #expect(Documented.oneLine("a\r\nb\u{202E}c\u{0}d\u{2028}e\tf") == "a bcd e f")
        #expect(Documented.terminal("a\u{1B}b\tc\u{2066}") == "a?b c")
    }
}
