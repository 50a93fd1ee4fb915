import Foundation
import Testing
@testable import OrgKit

@Suite("File format")
struct OrgFileTests {
    static let presetNames = ["msp-10", "msp-roles", "tech-roles", "helpdesk-tiers", "tech-team-matrix"]

    @Test("every preset file is canonical: load → save gives the same bytes", arguments: presetNames)
    func presetRoundTrip(name: String) throws {
        let text = try readRepositoryFile("Presets/\(name).json")
        let org = try OrgFile.decode(text).org
        #expect(OrgFile.encode(org) == text)
    }

    @Test("saving twice gives the same bytes, and a hand-formatted file becomes canonical once")
    func savingIsStable() throws {
        let messy = """
            {"version":1,"format":"hats","people":[{"hats":[],"name":"Ann","id":"a"}],"name":"X",
             "policy":{"warnAt":1.0,"criticalAt":1.5e0},"roles":[],"duties":[]}
            """
        let first = OrgFile.encode(try OrgFile.decode(messy).org)
        let second = OrgFile.encode(try OrgFile.decode(first).org)
        #expect(first == second)
        #expect(first.hasSuffix("}\n"))
        #expect(first.contains("\"criticalAt\": 1.5,"))
        #expect(first.hasPrefix("{\n  \"format\": \"hats\",\n  \"version\": 1,\n  \"name\": \"X\",\n"))
    }

    @Test("the canonical layout is one member and one array item per line")
    func layout() throws {
        let org = try Org(name: "L", roles: [Role(id: "r", name: "R", aliases: ["A", "B"])],
                          people: [Person(id: "p", name: "P", hats: [Hat(role: "r", hoursPerWeek: 2.5)])])
        let text = OrgFile.encode(org)
        #expect(text.contains("      \"aliases\": [\n        \"A\",\n        \"B\"\n      ]\n"))
        #expect(text.contains("      \"hats\": [\n        {\n          \"role\": \"r\",\n          \"hoursPerWeek\": 2.5\n        }\n      ]\n"))
        #expect(text.contains("\"duties\": [],"))
    }

    @Test("unknown fields are kept on save, with a warning that suggests the known spelling")
    func unknownFieldsKept() throws {
        let text = """
            {"format": "hats", "version": 1, "name": "X", "x-team-colour": "teal",
             "people": [{"id": "a", "name": "A", "reportTo": "b", "hats": [{"role": "r", "note": "temp"}]},
                        {"id": "b", "name": "B"}],
             "roles": [{"id": "r", "name": "R"}]}
            """
        let loaded = try OrgFile.decode(text)
        #expect(loaded.warnings.map(\.description) == [
            "x-team-colour: unknown field, kept as it is but not used",
            "people[0].reportTo: unknown field, kept as it is but not used (did you mean \"reportsTo\"?)",
            "people[0].hats[0].note: unknown field, kept as it is but not used",
        ])
        let saved = OrgFile.encode(loaded.org)
        #expect(saved.contains("\"x-team-colour\": \"teal\""))
        #expect(saved.contains("\"reportTo\": \"b\""))
        #expect(saved.contains("\"note\": \"temp\""))
        #expect(OrgFile.encode(try OrgFile.decode(saved).org) == saved)
    }

    @Test("a person's department is read, checked, written after the e-mail and read the quick way too")
    func department() throws {
        let text = """
            {"format": "hats", "version": 1, "name": "X",
             "people": [{"id": "a", "name": "A", "department": "Service", "email": "a@x.example"}, {"id": "b", "name": "B"}]}
            """
        let loaded = try OrgFile.decode(text)
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.org.people.map(\.department) == ["Service", nil])
        let saved = OrgFile.encode(loaded.org)
        #expect(saved.contains("\"email\": \"a@x.example\",\n      \"department\": \"Service\",\n"))
        #expect(!saved.contains("\"department\": null"))
        #expect(try OrgFile.decode(saved).org == loaded.org)
        #expect(FastOrgReader.read(Array(saved.utf8)) == loaded.org, "the quick reader knows the field")
        #expect(problems(#"{"format": "hats", "version": 1, "people": [{"id": "a", "name": "A", "department": 7}]}"#)
            == ["people[0].department: expected a string, found the number 7"])
        let long = String(repeating: "d", count: 10_001)
        #expect(problems(#"{"format": "hats", "version": 1, "people": [{"id": "a", "name": "A", "department": "\#(long)"}]}"#)
            == ["people[0].department: is 10001 characters long; the most hats accepts is 10000"])
    }

    /// The problems reported for a file, as "path: message" lines.
    func problems(_ text: String) -> [String] {
        do {
            _ = try OrgFile.decode(text)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test("invalid JSON is refused with line and column")
    func syntaxErrors() {
        #expect(problems("") == ["1:1: invalid JSON: the file is empty; expected a JSON object"])
        #expect(problems("{\"format\": \"hats\",\n  \"version\": 1,\n  \"name\": \"x\"\n  \"people\": []}") ==
                ["4:3: invalid JSON: unexpected '\"'; expected ',' or '}' in an object"])
        #expect(problems("{\"format\": \"hats\", \"version\": 1, \"name\": \"Zoë\", \"people\": [") ==
                ["1:60: invalid JSON: unexpected end of file; expected a value"])
        #expect(problems("[1, 2,]") == ["1:7: invalid JSON: unexpected ']'; expected a value"])
        #expect(problems("{\"a\": 01}") == ["1:8: invalid JSON: numbers may not have leading zeros"])
        #expect(problems("{\"a\": \"tab\there\"}") == ["1:11: invalid JSON: a control character (U+0009) inside a string must be escaped"])
        #expect(problems("{\"a\": \"\\ud800\"}") == ["1:8: invalid JSON: a \\uD800 high surrogate must be followed by a low surrogate"])
        #expect(problems("{} {}") == ["1:4: invalid JSON: unexpected '{' after the end of the JSON value"])
        #expect(problems(String(repeating: "[", count: 10_000)) == ["1:257: invalid JSON: nesting deeper than 256 levels"])
        #expect(problems(#"{"a": "\x41"}"#) == [#"1:9: invalid JSON: unknown escape '\x'"#])
        #expect(problems("{\"a\": \"\\\u{1}\"}") == ["1:9: invalid JSON: a backslash followed by byte 0x01 is not an escape"])
        #expect(problems("\u{0}") == ["1:1: invalid JSON: unexpected byte 0x00; expected a value"])
        #expect(throws: OrgProblems([Problem("1:1", "invalid JSON: the file is UTF-16 text; hats reads UTF-8 (save it as UTF-8)")])) {
            _ = try OrgFile.decode([0xFF, 0xFE] + Array("{}".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        }
    }

    @Test("invalid UTF-8 and binary garbage are refused, not decoded into replacement characters")
    func invalidUTF8() throws {
        var bytes = Array("{\"format\": \"hats\", \"name\": \"".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\"}".utf8)
        #expect(throws: OrgProblems([Problem("1:29", "invalid JSON: the file is not valid UTF-8 text")])) {
            _ = try OrgFile.decode(bytes)
        }
        #expect(throws: OrgProblems.self) { _ = try OrgFile.decode([0x00, 0xFF, 0xFE, 0x7F]) }
    }

    @Test("a UTF-8 byte order mark is accepted")
    func byteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"format\": \"hats\", \"version\": 1, \"name\": \"BOM\"}".utf8)
        #expect(try OrgFile.decode(bytes).org.name == "BOM")
        // The mark is not a column: the place is where an editor puts the cursor.
        #expect(problems(String(decoding: [0xEF, 0xBB, 0xBF] + Array("{\"format\": ".utf8), as: UTF8.self)) ==
                ["1:12: invalid JSON: unexpected end of file; expected a value"])
    }

    @Test("a file that is not a hats file, or from a newer hats, is refused clearly")
    func formatAndVersion() {
        #expect(problems("[]") == ["expected a JSON object with \"format\": \"hats\", found an array"])
        #expect(problems("{\"name\": \"x\"}") == ["format: missing; a hats file starts with \"format\": \"hats\" (is this a hats org file?)"])
        #expect(problems("{\"format\": \"orgchart\", \"version\": 1}") == ["format: expected \"hats\", found the string \"orgchart\" (is this a hats org file?)"])
        #expect(problems("{\"format\": \"hats\"}") == ["version: missing; this hats reads version 1"])
        #expect(problems("{\"format\": \"hats\", \"version\": 2, \"people\": 5}") ==
                ["version: this file is format version 2, written by a newer hats; this hats reads version 1 — upgrade hats to open it"])
        #expect(problems("{\"format\": \"hats\", \"version\": 0}") == ["version: expected 1, found 0"])
        #expect(problems("{\"format\": \"hats\", \"version\": 1e400}") == ["version: expected 1, found a number too large to represent"])
    }

    @Test("wrong types are reported at their JSON paths, all at once")
    func wrongTypes() {
        let text = """
            {"format": "hats", "version": 1, "name": 7,
             "policy": {"hoursPerWeek": "40", "switching": "sometimes", "maxHats": 2.5},
             "roles": [{"id": "r", "name": "R", "critical": "yes", "aliases": "A"}],
             "duties": [{"name": "no id"}],
             "people": [{"id": "a", "name": "A", "hats": [{"role": 3}]}, 12, null]}
            """
        #expect(problems(text) == [
            "name: expected a string, found the number 7",
            "policy.hoursPerWeek: expected a number, found the string \"40\"",
            "policy.switching: expected one of \"weighted\", \"weinberg\", \"flat\", \"none\", found \"sometimes\"",
            "policy.maxHats: expected a whole number, found 2.5",
            "roles[0].critical: expected true or false, found the string \"yes\"",
            "roles[0].aliases: expected an array, found the string \"A\"",
            "duties[0].id: missing",
            "people[0].hats[0].role: expected a string, found the number 3",
            "people[1]: expected an object, found the number 12",
            "people[2]: expected a value, found null",
        ])
    }

    @Test("duplicate ids, unknown references and a reporting cycle are each named with their path")
    func referenceProblems() {
        let text = """
            {"format": "hats", "version": 1, "name": "Broken",
             "policy": {"conflicts": [{"roles": ["r", "ghost"]}]},
             "roles": [{"id": "r", "name": "R", "escalatesTo": "nowhere", "related": ["r"]}, {"id": "r", "name": "R again"}],
             "duties": [{"id": "d", "name": "D", "role": "gone"}],
             "people": [
               {"id": "a", "name": "A", "reportsTo": "c"},
               {"id": "b", "name": "B", "reportsTo": "a", "dottedTo": ["zz"]},
               {"id": "c", "name": "C", "reportsTo": "b", "hats": [{"role": "r"}, {"role": "r"}, {"role": "nope"}]},
               {"id": "d", "name": "D", "reportsTo": "p-99"},
               {"id": "a", "name": "A twin"}
             ]}
            """
        #expect(problems(text) == [
            "roles[1].id: duplicate role id \"r\" (first used at roles[0])",
            "people[4].id: duplicate person id \"a\" (first used at people[0])",
            "policy.conflicts[0].roles[1]: no role has id \"ghost\"",
            "roles[0].related[0]: a role cannot be related to itself",
            "roles[0].escalatesTo: no role has id \"nowhere\"",
            "duties[0].role: no role has id \"gone\"",
            "people[1].dottedTo[0]: no person has id \"zz\"",
            "people[2].hats[1].role: \"r\" is worn twice; a role is worn once",
            "people[2].hats[2].role: no role has id \"nope\"",
            "people[3].reportsTo: no person has id \"p-99\"",
            "people[0].reportsTo: reporting cycle: \"a\" → \"c\" → \"b\" → \"a\"",
        ])
    }

    @Test("negative, huge and non-finite numbers are refused")
    func badNumbers() {
        let text = """
            {"format": "hats", "version": 1, "name": "N",
             "policy": {"hoursPerWeek": 0, "warnAt": -1, "flatSwitchingLoss": 1},
             "roles": [{"id": "r", "name": "R", "hoursPerWeek": 1e999}],
             "duties": [{"id": "d", "name": "D", "hoursPerWeek": -2}],
             "people": [{"id": "a", "name": "A", "hoursPerWeek": 169, "yearsExperience": 1000,
                         "hats": [{"role": "r", "hoursPerWeek": -0.5}]}]}
            """
        #expect(problems(text) == [
            "roles[0].hoursPerWeek: this number is too large to represent",
            "policy.hoursPerWeek: must be more than 0 and at most 168 (the hours in a week), not 0",
            "policy.flatSwitchingLoss: must be a fraction from 0 up to (not including) 1, not 1",
            "policy.warnAt: must be a load above 0 (1.0 means 100 %), not -1",
            "duties[0].hoursPerWeek: must not be negative (-2)",
            "people[0].hoursPerWeek: 169 hours is more than the 168 allowed",
            "people[0].yearsExperience: 1000 years is more than the 100 allowed",
            "people[0].hats[0].hoursPerWeek: must not be negative (-0.5)",
        ])
    }

    @Test("a key given twice in one object is a problem, not a silent pick")
    func duplicateKeys() {
        #expect(problems("{\"format\": \"hats\", \"version\": 1, \"name\": \"a\", \"name\": \"b\"}") ==
                ["name: this key appears more than once in the same object"])
    }

    @Test("an object with 100,000 keys is read in linear time, and a key repeated among them is found")
    func manyKeys() throws {
        // Checking each key against all the keys before it took 161 s for 50,000 keys.
        let keys = (0..<100_000).map { "\"k\($0)\": 1" }.joined(separator: ", ")
        let text = "{\"format\": \"hats\", \"version\": 1, \(keys), \"k7\": 2}"
        let clock = ContinuousClock()
        let start = clock.now
        #expect(problems(text) == ["k7: this key appears more than once in the same object"])
        // A bound against a hang, not a speed target (about 3 s in a debug build).
        #expect(clock.now - start < .seconds(60))
    }

    @Test("a message quotes at most 80 characters of a value, so a 5 MB id gives a short line")
    func longValuesCutShort() {
        let long = String(repeating: "y", count: 5_000_000)
        let text = "{\"format\": \"hats\", \"version\": 1, \"people\": [{\"id\": \"a\", \"name\": \"A\", \"reportsTo\": \"\(long)\"}]}"
        #expect(problems(text) == ["people[0].reportsTo: no person has id \"\(String(repeating: "y", count: 80))…\""])
        #expect(OrgValidator.quoted(String(repeating: "z", count: 80)) == "\"\(String(repeating: "z", count: 80))\"")
        #expect(OrgValidator.quoted("\u{1B}[2J") == #""\u001b[2J""#)
    }

    @Test("saving to \".\" or \"./\" is refused as a directory (Foundation's deletingLastPathComponent traps on them)")
    func saveToDot() {
        #expect(DiskFile.splitPath(".") == ("", "."))
        #expect(DiskFile.splitPath("./") == ("", "."))
        #expect(DiskFile.splitPath("a/b.json") == ("a", "b.json"))
        #expect(DiskFile.splitPath("/b.json") == ("/", "b.json"))
        #expect(DiskFile.splitPath("a/b//") == ("a", "b"))
        #expect(DiskFile.splitPath("/") == ("/", ""))
        for path in [".", "./"] {
            #expect(throws: DiskError("is a directory")) { try DiskFile.writeAtomically(Array("x".utf8), to: path) }
        }
    }

    @Test("the Org initialiser refuses what the file reader refuses")
    func initialiserValidates() {
        #expect(throws: OrgProblems([Problem("people[0].reportsTo", "a person cannot report to themselves")])) {
            _ = try Org(name: "X", people: [Person(id: "a", name: "A", reportsTo: "a")])
        }
    }

    @Test("strings with escapes, quotes and combining marks survive a round trip")
    func stringEscapes() throws {
        let hostile = "\"\u{301} <b>\\ \n\t\u{0} ☃ 王芳 \u{202E}"
        let org = try Org(name: hostile, people: [Person(id: "p", name: hostile)])
        let text = OrgFile.encode(org)
        #expect(text.contains(#""name": "\"́ <b>\\ \n\t\u0000 ☃ 王芳 \#u{202E}""#))
        let back = try OrgFile.decode(text).org
        #expect(back == org)
        // Python's json module reads the same text.
        #expect(try JSONParser.parse(text) == (try JSONParser.parse(Array(text.utf8))))
    }
}
