import Foundation
import Testing
@testable import OrgKit

/// The quick way through a clean org file (`FastOrgReader`) must give exactly what the
/// thorough way gives, or give up and leave the file to it.
@Suite("Reading an org file the quick way")
struct FastReaderTests {
    /// Reads `bytes` both ways; when the quick way reads it, the orgs are equal.
    /// Returns whether the quick way read it.
    @discardableResult
    static func expectSame(_ bytes: [UInt8], _ context: String) -> Bool {
        let thorough = try? OrgFile.decodeThoroughly(bytes)
        guard let quick = FastOrgReader.read(bytes) else { return false }
        if let thorough, thorough.warnings.isEmpty {
            #expect(quick == thorough.org, "\(context): the two ways read different orgs")
        } else {
            // The quick way read an org the thorough way refuses (or warns about): only
            // allowed when the validator then refuses it too, as decode does.
            #expect(!OrgValidator.problems(in: quick).isEmpty || thorough != nil, "\(context): read quickly but refused thoroughly")
            #expect(thorough == nil || !OrgValidator.problems(in: quick).isEmpty, "\(context): the thorough way warns; the quick way must give up")
        }
        return true
    }

    @Test("presets, fixtures and generated orgs read the same both ways, and take the quick way")
    func cleanFiles() throws {
        var orgs = try ExportFixtures.presets()
        orgs.append(("international", try ExportFixtures.international()))
        for seed in 1...40 {
            orgs.append(("random \(seed)", try SuggestionPropertyTests.randomOrg(seed: UInt64(seed))))
        }
        orgs.append(("1,000 people", try OrgGenerator.org(people: 1000, seed: 7)))
        for (name, org) in orgs {
            let bytes = Array(OrgFile.encode(org).utf8)
            #expect(Self.expectSame(bytes, name), "\(name): a file hats wrote should take the quick way")
            #expect(try OrgFile.decode(bytes).org == org, "\(name)")
        }
    }

    @Test("a large people array read on two cores gives the org one pass gives, wherever the guessed middle falls")
    func twoCores() throws {
        // Past the size where the array is split.
        let org = try OrgGenerator.org(people: 12_000, seed: 18)
        let bytes = Array(OrgFile.encode(org).utf8)
        #expect(bytes.count > 2 * FastOrgReader.twoCoreMinimum)
        #expect(Self.expectSame(bytes, "12,000 people"))
        #expect(FastOrgReader.read(bytes) == org)
        // Compact (no whitespace between elements): the boundary is `},{`.
        let compact = Array(JSONWriter.write(OrgEncoder.encode(org)).replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "  ", with: "").utf8)
        #expect(Self.expectSame(compact, "compact") && FastOrgReader.read(compact) == org)
        // A name that looks like a boundary everywhere (inside a string), and a person
        // with many hats (boundaries between hats): the guess is wrong, one pass reads it.
        var tricky = org
        for index in tricky.people.indices { tricky.updatePerson(at: index) { $0.name = "a}, {\"b\": 1}, {c \(index)" } }
        let trickyBytes = Array(OrgFile.encode(tricky).utf8)
        #expect(FastOrgReader.read(trickyBytes) == nil || FastOrgReader.read(trickyBytes) == tricky)
        Self.expectSame(trickyBytes, "boundaries inside names")
        var plain = org
        for index in plain.people.indices { plain.updatePerson(at: index) { $0.name = "a}, {b \(index)" } }
        let plainBytes = Array(OrgFile.encode(plain).utf8)
        #expect(Self.expectSame(plainBytes, "boundaries inside names, no escapes"))
        #expect(FastOrgReader.read(plainBytes) == plain)
        // A broken person in the second half: refused as one pass refuses it.
        var text = OrgFile.encode(org)
        let late = text.range(of: "\"hats\": [", options: .backwards)!
        text.replaceSubrange(late, with: "\"hats\": [{\"role\": 5}, ")
        #expect(FastOrgReader.read(Array(text.utf8)) == nil)
        Self.expectSame(Array(text.utf8), "a broken hat near the end")
    }

    @Test("what the quick way gives up on still reads the same, or is refused with the same problems")
    func unusualFiles() throws {
        let base = try #require(PresetCatalog.named("msp-10")).text
        let variants: [(String, String)] = [
            ("an escape in a name", base.replacingOccurrences(of: "\"name\": \"", with: "\"name\": \"\\u0041")),
            ("null fields", base.replacingOccurrences(of: "\"title\": \"", with: "\"title\": null, \"x-title\": \"")),
            ("an unknown field", base.replacingOccurrences(of: "\"hats\": [", with: "\"x-note\": 1, \"hats\": [")),
            ("a repeated key", base.replacingOccurrences(of: "\"hats\": [", with: "\"external\": false, \"external\": false, \"hats\": [")),
            ("a repeated top-level key", base.replacingOccurrences(of: "\"people\": [", with: "\"name\": \"again\", \"people\": [")),
            ("a number with an exponent", base.replacingOccurrences(of: "\"hoursPerWeek\": 40", with: "\"hoursPerWeek\": 4e1")),
            ("a huge number", base.replacingOccurrences(of: "\"hoursPerWeek\": 40", with: "\"hoursPerWeek\": 1e999")),
            ("a byte order mark", "\u{FEFF}" + base),
            ("compact", base.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "  ", with: "")),
            ("truncated", String(base.prefix(base.count / 2))),
            ("a wrong type", base.replacingOccurrences(of: "\"title\": \"Owner / CEO\"", with: "\"title\": 5")),
            ("an unknown manager", base.replacingOccurrences(of: "\"reportsTo\": \"", with: "\"reportsTo\": \"x-")),
        ]
        for (name, text) in variants {
            let bytes = Array(text.utf8)
            Self.expectSame(bytes, name)
            let thorough = Result { () throws(OrgProblems) in try OrgFile.decodeThoroughly(bytes) }
            let decoded = Result { () throws(OrgProblems) in try OrgFile.decode(bytes) }
            switch (thorough, decoded) {
            case (.success(let a), .success(let b)):
                #expect(a.org == b.org && a.warnings == b.warnings, "\(name)")
            case (.failure(let a), .failure(let b)):
                #expect(a.problems == b.problems, "\(name)")
            default:
                Issue.record("\(name): decode and the thorough way disagree on whether the file is valid")
            }
        }
    }
}
