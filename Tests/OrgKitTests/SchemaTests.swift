import Foundation
import Testing
@testable import OrgKit

/// Outside tools some tests need. A test that cannot find one is skipped with the reason
/// printed; `.ci/run` installs all of them so CI never skips.
enum OutsideTools {
    static func run(_ arguments: [String], input: String? = nil) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let inputPipe = Pipe()
        process.standardInput = inputPipe
        do {
            try process.run()
        } catch {
            return (127, "\(error)")
        }
        if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try? inputPipe.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static let hasJSONSchema: Bool = {
        let found = run(["python3", "-c", "import jsonschema"]).status == 0
        if !found { print("SKIP: python3 jsonschema is not installed; schema validation tests are skipped (pip install jsonschema)") }
        return found
    }()
}

@Suite("JSON Schema", .enabled(if: OutsideTools.hasJSONSchema, "python3 jsonschema is not installed"))
struct SchemaTests {
    /// Validates each file with python3 jsonschema (draft 2020-12); returns the errors.
    func validate(_ files: [URL]) -> String {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            bad = 0
            for path in sys.argv[2:]:
                for error in validator.iter_errors(json.load(open(path, encoding="utf-8"))):
                    bad += 1
                    print(path, "/".join(map(str, error.absolute_path)), error.message)
            sys.exit(1 if bad else 0)
            """
        let schema = repositoryRoot.appendingPathComponent("docs/hats.schema.json").path
        let result = OutsideTools.run(["python3", "-c", script, schema] + files.map(\.path))
        return result.status == 0 ? "" : result.output
    }

    @Test("every shipped preset validates against docs/hats.schema.json")
    func presetsValidate() {
        let files = PresetCatalog.names.map { repositoryRoot.appendingPathComponent("Presets/\($0).json") }
        #expect(validate(files) == "")
    }

    @Test("files the program writes validate, including every optional field and an edited org")
    func writtenFilesValidate() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hats-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var full = try sampleOrg()
        full.description = "Every field"
        try full.apply(.setEmail(person: "ann", email: "ann@example.com"))
        try full.apply(.setQualifications(person: "bo", certifications: ["CPA"], yearsExperience: 4))
        try full.apply(.setOpen(person: "cy", open: true))
        try full.apply(.addPerson(Person(id: "dee", name: "Dee", department: "Finance", reportsTo: "ann")))
        try full.apply(.updateRole(Role(id: "books", name: "Bookkeeping", category: "Finance", summary: "Books",
                                        aliases: ["Accounts"], related: ["lead"], hoursPerWeek: 6, critical: true,
                                        tier: 2, escalatesTo: "lead",
                                        requires: Requirements(certifications: ["CPA"], anyCertification: ["ACCA", "CIMA"], minYears: 1))))
        try full.apply(.updateDuty(Duty(id: "d3", name: "Orphan duty", area: "Misc", hoursPerWeek: 1, critical: true, specialProject: true)))
        let orgs: [(String, Org)] = [("full", full), ("empty", .empty())] +
            (try PresetCatalog.all.map { ($0.name, try $0.load()) })
        var files: [URL] = []
        for (name, org) in orgs {
            let url = directory.appendingPathComponent("\(name).json")
            try OrgFile.save(org, path: url.path)
            files.append(url)
        }
        #expect(validate(files) == "")
    }

    @Test("the schema rejects what hats rejects for types and versions (it is not vacuous)")
    func schemaRejects() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hats-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = [
            #"{"format": "hats", "version": 2}"#,
            #"{"format": "hats", "version": 1, "people": [{"id": "a", "name": "A", "hoursPerWeek": -1}]}"#,
            #"{"format": "hats", "version": 1, "people": [{"id": "a", "name": "A", "open": "yes"}]}"#,
            #"{"format": "hats", "version": 1, "people": [{"id": "a", "name": "A", "department": 7}]}"#,
            #"{"format": "hats", "version": 1, "roles": [{"id": "", "name": "R"}]}"#,
            #"{"format": "hats", "version": 1, "policy": {"switching": "often"}}"#,
        ]
        for (offset, text) in bad.enumerated() {
            let url = directory.appendingPathComponent("bad\(offset).json")
            try text.write(to: url, atomically: true, encoding: .utf8)
            #expect(validate([url]) != "", "the schema accepted \(text)")
        }
    }
}
