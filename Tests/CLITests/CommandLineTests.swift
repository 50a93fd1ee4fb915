import Foundation
import Testing

@Suite("hats command line")
struct CommandLineTests {
    func preset(_ name: String) throws -> String {
        try String(contentsOf: HatsProcess.repositoryRoot.appendingPathComponent("Presets/\(name).json"), encoding: .utf8)
    }

    @Test("hats presets lists every preset on one line each")
    func presets() throws {
        let run = try HatsProcess.run(["presets"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.map { String($0.prefix { $0 != " " }) } == ["msp-10", "msp-roles", "tech-roles", "helpdesk-tiers", "tech-team-matrix"])
        #expect(lines[0].contains("A 10-person MSP whose owner also runs sales, marketing and HR"))
        #expect(run.stderr.isEmpty)
    }

    @Test("an installed copy of the binary, run from another directory, still finds the presets")
    func installedBinary() throws {
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let installed = directory.appendingPathComponent("bin/hats")
        try FileManager.default.createDirectory(at: installed.deletingLastPathComponent(), withIntermediateDirectories: true)
        // A hard link "installs" without writing the file: a copy being written while a
        // parallel test forks can fail to execute with "Text file busy".
        if (try? FileManager.default.linkItem(at: HatsProcess.binary, to: installed)) == nil {
            try FileManager.default.copyItem(at: HatsProcess.binary, to: installed)
        }
        let elsewhere = directory.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        var run = HatsRun(status: -1, stdout: "", stderr: "")
        for _ in 0..<20 {
            do {
                run = try HatsProcess.run(["export", "--preset", "msp-10", "--format", "json"], in: elsewhere, binary: installed)
                break
            } catch {
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        #expect(run.status == 0)
        #expect(run.stdout == (try preset("msp-10")))
    }

    @Test("the builder needs a terminal: piped, it says so in one line and points at check and export")
    func builderNeedsATerminal() throws {
        let run = try HatsProcess.run(["--preset", "msp-10"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(run.stderr.contains("hats check"))
        #expect(run.stderr.contains("hats export"))
    }

    @Test("hats new writes a preset copy, and refuses to overwrite an existing file")
    func newFile() throws {
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("northwind.json")
        let created = try HatsProcess.run(["new", "northwind.json", "--preset", "msp-10"], in: directory)
        #expect(created.status == 0)
        #expect(created.stdout == "Created northwind.json (Northwind MSP: 10 people, 10 roles, 30 duties).\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == (try preset("msp-10")))

        try "my precious edits".write(to: file, atomically: true, encoding: .utf8)
        let again = try HatsProcess.run(["new", "northwind.json"], in: directory)
        #expect(again.status == 2)
        #expect(again.stderr == "hats new: northwind.json already exists; nothing was written (open it with: hats northwind.json)\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == "my precious edits")

        let empty = try HatsProcess.run(["new", "acme.json"], in: directory)
        #expect(empty.status == 0)
        let acme = try String(contentsOf: directory.appendingPathComponent("acme.json"), encoding: .utf8)
        #expect(acme.contains("\"name\": \"acme\""))
        #expect(try HatsProcess.run(["export", "acme.json", "--format", "json"], in: directory).stdout == acme)
    }

    @Test("hats export --format json writes the canonical file to stdout or to -o")
    func exportJSON() throws {
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("in.json")
        try preset("tech-roles").write(to: source, atomically: true, encoding: .utf8)
        let toStdout = try HatsProcess.run(["export", "in.json", "--format", "json"], in: directory)
        #expect(toStdout.status == 0)
        #expect(toStdout.stdout == (try preset("tech-roles")))
        let toFile = try HatsProcess.run(["export", "in.json", "--format=json", "-o", "out.json"], in: directory)
        #expect(toFile.status == 0)
        #expect(toFile.stdout.isEmpty)
        #expect(try String(contentsOf: directory.appendingPathComponent("out.json"), encoding: .utf8) == (try preset("tech-roles")))
    }

    @Test("an invalid file gets one line per problem naming the file and path, exit 2, and nothing written")
    func invalidFile() throws {
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let broken = """
            {"format": "hats", "version": 1, "name": "Broken",
             "people": [{"id": "a", "name": "A"}, {"id": "b", "name": "B", "reportsTo": "p-99", "hoursPerWeek": -4}]}
            """
        try broken.write(to: directory.appendingPathComponent("broken.json"), atomically: true, encoding: .utf8)
        let run = try HatsProcess.run(["export", "broken.json", "--format", "json", "-o", "out.json"], in: directory)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == """
            broken.json: people[1].reportsTo: no person has id "p-99"
            broken.json: people[1].hoursPerWeek: must not be negative (-4)
            hats: broken.json was not read: 2 problems; nothing was written

            """)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.json").path))
        #expect(try String(contentsOf: directory.appendingPathComponent("broken.json"), encoding: .utf8) == broken)

        let newer = try HatsProcess.run(["export", "newer.json", "--format", "json"], in: directory)
        #expect(newer.status == 2)
        #expect(newer.stderr == "newer.json: no such file or directory\n")

        try #"{"format": "hats", "version": 7}"#.write(to: directory.appendingPathComponent("v7.json"), atomically: true, encoding: .utf8)
        let future = try HatsProcess.run(["export", "v7.json", "--format", "json"], in: directory)
        #expect(future.status == 2)
        #expect(future.stderr == "v7.json: version: this file is format version 7, written by a newer hats; this hats reads version 1 — upgrade hats to open it\n")

        let syntax = try HatsProcess.run(["export", "/", "--format", "json"], in: directory)
        #expect(syntax.status == 2)
        #expect(syntax.stderr == "/: is a directory, not an org file\n")
    }

    @Test("mistyped commands, options, formats and presets get one line and the nearest spelling")
    func nearestSpelling() throws {
        let cases: [([String], String)] = [
            (["exprot"], "hats: unknown command \"exprot\" (did you mean \"export\"?)\n"),
            (["preset"], "hats: unknown command \"preset\" (did you mean \"presets\"?)\n"),
            (["export", "--preset", "msp10", "--format", "json"], "hats export: no preset named \"msp10\" (did you mean \"msp-10\"?)\n"),
            (["export", "--preset", "msp-10", "--fromat", "json"], "hats export: unknown option --fromat for hats export (did you mean --format?)\n"),
            (["export", "--preset", "msp-10", "--format", "jsn"], "hats export: unknown format \"jsn\" (formats: text, dot, mermaid, svg, html, csv, markdown, json, png, pdf; did you mean \"json\"?)\n"),
            (["--presett", "msp-10"], "hats open: unknown option --presett for hats open (did you mean --preset?)\n"),
            (["help", "nwe"], "hats help: no command named \"nwe\" (did you mean \"new\"?)\n"),
            (["export", "--preset", "msp-10"], "hats export: which format? --format text|dot|mermaid|svg|html|csv|markdown|json|png|pdf\n"),
            (["export", "--format", "json"], "hats export: which org? give a file (hats export org.json), - for standard input, or a preset (hats export --preset msp-10)\n"),
        ]
        for (arguments, expected) in cases {
            let run = try HatsProcess.run(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr == expected, "\(arguments)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test("--help, help COMMAND and --version")
    func help() throws {
        let overview = try HatsProcess.run(["--help"])
        #expect(overview.status == 0)
        for command in ["presets", "new", "export"] {
            #expect(overview.stdout.contains("\n  \(command) "), "--help lists \(command)")
        }
        let exportHelp = try HatsProcess.run(["help", "export"])
        #expect(exportHelp.status == 0)
        #expect(exportHelp.stdout.hasPrefix("hats export — "))
        #expect(exportHelp.stdout.contains("hats export FILE --format FORMAT [-o OUT [--force]]"))
        #expect(try HatsProcess.run(["new", "--help"]).stdout.hasPrefix("hats new — "))
        let version = try HatsProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == "hats 0.1.0 (org file format 1)\n")
    }
}
