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
