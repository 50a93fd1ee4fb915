import Foundation
import OrgKit
import Testing

/// `-` as FILE is standard input, the Unix convention: `hats check -`, `hats export - …`,
/// `hats import -`; `-o -` is standard output. The real binary, with its input piped.
@Suite("Standard input and output: hats check -, hats export -, hats import -, -o -")
struct StandardInputTests {
    static func msp10() throws -> Data {
        Data(OrgFile.encode(try #require(PresetCatalog.named("msp-10")).load()).utf8)
    }

    @Test("hats check - reads the org from standard input and reports as for a file")
    func check() throws {
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let org = try Self.msp10()
        try org.write(to: directory.appendingPathComponent("org.json"))
        let fromFile = try HatsProcess.run(["check", "org.json"], in: directory)
        let piped = try HatsProcess.run(["check", "-"], in: directory, input: org)
        #expect(piped.status == fromFile.status)
        #expect(piped.status == 1, "msp-10 has a critical finding")
        #expect(piped.stdout == fromFile.stdout)
        #expect(piped.stdout.hasPrefix("Northwind MSP: 1 critical"))
        #expect(piped.stderr.isEmpty, "no hint: standard input is not a terminal")
        let json = try HatsProcess.run(["check", "-", "--format", "json", "--fail-on", "never"], in: directory, input: org)
        #expect(json.status == 0)
        #expect(json.stdout.hasPrefix("{"))
        let without = try HatsProcess.run(["check", "-", "--without", "nobody"], in: directory, input: org)
        #expect(without.status == 2)
        #expect(without.stderr.contains("--without nobody: standard input has no person with that id"))
    }

    @Test("a broken org on standard input is named \"standard input\", with the JSON path or line:column")
    func brokenOrg() throws {
        let reference = try HatsProcess.run(["check", "-"], input: Data(#"{"format": "hats", "version": 1, "people": [{"id": "a", "name": "A", "reportsTo": "zz"}]}"#.utf8))
        #expect(reference.status == 2)
        #expect(reference.stdout.isEmpty)
        #expect(reference.stderr == "standard input: people[0].reportsTo: no person has id \"zz\"\n")
        let syntax = try HatsProcess.run(["export", "-", "--format", "csv"], input: Data(#"{"format": "hats","#.utf8))
        #expect(syntax.status == 2)
        #expect(syntax.stdout.isEmpty)
        #expect(syntax.stderr == "standard input:1:19: invalid JSON: unexpected end of file; expected a quoted member name\n")
        let nothing = try HatsProcess.run(["check", "-"], input: Data())
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("standard input:1:1: invalid JSON: the file is empty"), "\(nothing.stderr)")
        let warned = try HatsProcess.run(["check", "-", "--fail-on", "never"],
                                         input: Data(#"{"format": "hats", "version": 1, "people": [{"id": "a", "name": "A", "reportTo": "b"}, {"id": "b", "name": "B"}]}"#.utf8))
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("standard input: people[0].reportTo: warning: unknown field"), "\(warned.stderr)")
    }

    @Test("hats export - writes what it writes for a file: to standard output, to -o -, and to -o FILE")
    func export() throws {
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let org = try Self.msp10()
        try org.write(to: directory.appendingPathComponent("org.json"))
        for format in ["text", "csv", "markdown", "svg", "json"] {
            let fromFile = try HatsProcess.run(["export", "org.json", "--format", format], in: directory)
            let piped = try HatsProcess.run(["export", "-", "--format", format], in: directory, input: org)
            #expect(piped.status == 0, "\(format): \(piped.stderr)")
            #expect(piped.stdout == fromFile.stdout, "\(format)")
            let dash = try HatsProcess.run(["export", "-", "--format", format, "-o", "-"], in: directory, input: org)
            #expect(dash.stdout == fromFile.stdout, "\(format)")
        }
        let toFile = try HatsProcess.run(["export", "-", "--format", "csv", "-o", "org.csv"], in: directory, input: org)
        #expect(toFile.status == 0)
        #expect(toFile.stdout.isEmpty)
        #expect(try String(contentsOf: directory.appendingPathComponent("org.csv"), encoding: .utf8).hasPrefix("\"id\",\"name\""))
        // Standard input is no file: -o org.json is replaced with --force as ever, never refused as "the input".
        let refused = try HatsProcess.run(["export", "-", "--format", "json", "-o", "org.json"], in: directory, input: org)
        #expect(refused.status == 2)
        #expect(refused.stderr == "hats export: org.json already exists; nothing was written (add --force to replace it)\n")
        let forced = try HatsProcess.run(["export", "-", "--format", "json", "-o", "org.json", "--force"], in: directory, input: org)
        #expect(forced.status == 0, "\(forced.stderr)")
    }

    @Test("hats import - reads the CSV from standard input; the report and its problems name \"standard input\" and the line")
    func importCSV() throws {
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = Data("Employee ID,First Name,Last Name,Manager ID,Email\n1,Ann,Lee,,ann@x.example\n2,Bo,Park,1,BPARK\n".utf8)
        let run = try HatsProcess.run(["import", "-"], in: directory, input: csv)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("{\n  \"format\": \"hats\""))
        #expect(run.stdout.contains("\"name\": \"Imported org\""))
        #expect(run.stderr.hasPrefix("standard input: columns used:\n"))
        #expect(run.stderr.contains("standard input:3: note: Email \"BPARK\" is not an e-mail address (it has no @); left out\n"))
        #expect(run.stderr.hasSuffix("hats import: 2 people, 0 roles from standard input\n"))
        // -o - is standard output too; -o FILE writes the file.
        let dash = try HatsProcess.run(["import", "-", "-o", "-"], in: directory, input: csv)
        #expect(dash.stdout == run.stdout)
        let toFile = try HatsProcess.run(["import", "-", "-o", "org.json"], in: directory, input: csv)
        #expect(toFile.status == 0)
        #expect(toFile.stdout.isEmpty)
        #expect(toFile.stderr.hasSuffix("hats import: 2 people, 0 roles from standard input → org.json\n"))
        // The imported org, piped on to hats check -.
        let org = try Data(contentsOf: directory.appendingPathComponent("org.json"))
        let check = try HatsProcess.run(["check", "-", "--fail-on", "never"], in: directory, input: org)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("Ann Lee"))

        let bad = try HatsProcess.run(["import", "-", "-o", "new.json"], in: directory, input: Data("id,name,boss id\n1,Ann,\n2,Bo,7\n".utf8))
        #expect(bad.status == 2)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("standard input:3: boss id \"7\" matches no id or e-mail in the file\n"))
        #expect(bad.stderr.hasSuffix("hats import: standard input was not imported: 1 problem; nothing was written\n"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("new.json").path))
    }

    @Test("a file named \"-\" is read as ./-")
    func fileNamedDash() throws {
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("name\nAnn\n".utf8).write(to: directory.appendingPathComponent("-"))
        let run = try HatsProcess.run(["import", "./-"], in: directory, input: Data("name\nNot this\n".utf8))
        #expect(run.status == 0)
        #expect(run.stdout.contains("\"name\": \"Ann\""))
        #expect(run.stderr.hasSuffix("from ./-\n"))
    }

    @Test("help names - for standard input")
    func help() throws {
        for command in ["check", "export", "import"] {
            let help = try HatsProcess.run(["help", command])
            #expect(help.stdout.contains("standard input"), "\(command)")
        }
    }
}
