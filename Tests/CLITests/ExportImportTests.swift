import Foundation
import OrgKit
import Testing

/// `hats export` in every format and `hats import`, through the built binary.
@Suite("hats export and hats import")
struct ExportImportTests {
    @Test("every format of every preset exports with exit 0 to stdout and to -o", arguments: ["text", "dot", "mermaid", "svg", "html", "csv", "markdown", "json"])
    func everyFormat(format: String) throws {
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for preset in ["msp-10", "msp-roles", "tech-roles", "helpdesk-tiers", "tech-team-matrix"] {
            let run = try HatsProcess.run(["export", "--preset", preset, "--format", format], in: directory)
            #expect(run.status == 0, "\(preset) \(format): \(run.stderr)")
            #expect(run.stderr.isEmpty)
            #expect(!run.stdout.isEmpty)
            let toFile = try HatsProcess.run(["export", "--preset", preset, "--format", format, "-o", "\(preset).\(format)"], in: directory)
            #expect(toFile.status == 0)
            #expect(try String(contentsOf: directory.appendingPathComponent("\(preset).\(format)"), encoding: .utf8) == run.stdout)
        }
    }

    @Test("each format starts as its readers expect")
    func shapes() throws {
        let starts = ["dot": "digraph hats {", "mermaid": "flowchart TD", "svg": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ",
                      "html": "<!DOCTYPE html>", "csv": "\"id\",\"name\",\"title\",\"email\",\"reports_to\",\"dotted_to\",\"hats\",\"hours_per_week\",\"external\"\r\n",
                      "markdown": "# Northwind MSP", "text": "Northwind MSP\n", "json": "{\n  \"format\": \"hats\""]
        for (format, start) in starts {
            let run = try HatsProcess.run(["export", "--preset", "msp-10", "--format", format])
            #expect(run.stdout.hasPrefix(start), "\(format)")
        }
        let ascii = try HatsProcess.run(["export", "--preset", "msp-10", "--format", "text", "--ascii"])
        #expect(ascii.stdout.contains("|- Sam Ortiz"))
        #expect(ascii.stdout.contains("166 % !!"))
    }

    @Test("--ascii with another format, and an unknown format, are usage errors")
    func usage() throws {
        let ascii = try HatsProcess.run(["export", "--preset", "msp-10", "--format", "svg", "--ascii"])
        #expect(ascii.status == 2)
        #expect(ascii.stderr == "hats export: --ascii is for --format text only\n")
        let unknown = try HatsProcess.run(["export", "--preset", "msp-10", "--format", "mermiad"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "hats export: unknown format \"mermiad\" (formats: text, dot, mermaid, svg, html, csv, markdown, json, png, pdf; did you mean \"mermaid\"?)\n")
    }

    @Test("export to CSV and import back: the same org, the JSON on stdout, the report on stderr")
    func roundTrip() throws {
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try HatsProcess.run(["export", "--preset", "msp-10", "--format", "csv", "-o", "team.csv"], in: directory).status == 0)
        let run = try HatsProcess.run(["import", "team.csv"], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("{\n  \"format\": \"hats\""))
        #expect(run.stderr.hasPrefix("team.csv: columns used:\n  \"id\"              → id\n"))
        #expect(run.stderr.hasSuffix("hats import: 10 people, 10 roles from team.csv\n"))
        try run.stdout.write(to: directory.appendingPathComponent("team.json"), atomically: true, encoding: .utf8)
        // A people CSV carries people and their hats, not the roles' categories, which
        // decide the kinds of work switching is counted over: compare with the preset
        // without them.
        var preset = try #require(PresetCatalog.named("msp-10")).load()
        for var role in preset.roles {
            role.category = nil
            preset = try preset.applying(.updateRole(role))
        }
        try OrgFile.encode(preset).write(to: directory.appendingPathComponent("plain.json"), atomically: true, encoding: .utf8)
        let original = try HatsProcess.run(["export", "plain.json", "--format", "text"], in: directory)
        let again = try HatsProcess.run(["export", "team.json", "--format", "text"], in: directory)
        // Same chart apart from the org's name (the CSV does not carry it).
        #expect(again.stdout.split(separator: "\n").dropFirst(2) == original.stdout.split(separator: "\n").dropFirst(2))
    }

    @Test("-o never replaces an existing file without --force; a bad file writes nothing and exits 2")
    func safety() throws {
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = "Employee ID,Full Name,Manager ID\n1,Ann,\n2,Bo,1\n"
        try good.write(to: directory.appendingPathComponent("good.csv"), atomically: true, encoding: .utf8)
        try "keep me".write(to: directory.appendingPathComponent("org.json"), atomically: true, encoding: .utf8)
        let refused = try HatsProcess.run(["import", "good.csv", "-o", "org.json"], in: directory)
        #expect(refused.status == 2)
        #expect(refused.stderr == "hats import: org.json already exists; nothing was written (add --force to replace it)\n")
        #expect(try String(contentsOf: directory.appendingPathComponent("org.json"), encoding: .utf8) == "keep me")
        let forced = try HatsProcess.run(["import", "good.csv", "-o", "org.json", "--force"], in: directory)
        #expect(forced.status == 0)
        #expect(forced.stdout.isEmpty)
        #expect(forced.stderr.hasSuffix("hats import: 2 people, 0 roles from good.csv → org.json\n"))
        #expect(try HatsProcess.run(["export", "org.json", "--format", "json"], in: directory).status == 0)

        let bad = "id,name,boss id\n1,Ann,\n2,Bo,7\n"
        try bad.write(to: directory.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        let failed = try HatsProcess.run(["import", "bad.csv", "-o", "new.json"], in: directory)
        #expect(failed.status == 2)
        #expect(failed.stdout.isEmpty)
        #expect(failed.stderr.contains("bad.csv:3: boss id \"7\" matches no id or e-mail in the file\n"))
        #expect(failed.stderr.hasSuffix("hats import: bad.csv was not imported: 1 problem; nothing was written\n"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("new.json").path))

        let skipped = try HatsProcess.run(["import", "bad.csv", "-o", "new.json", "--skip-bad-rows"], in: directory)
        #expect(skipped.status == 0)
        #expect(skipped.stderr.contains("bad.csv:3: skipped: boss id \"7\" matches no id or e-mail in the file\n"))
        #expect(skipped.stderr.hasSuffix("hats import: 1 person, 0 roles from bad.csv → new.json; skipped 1 row (line 3)\n"))
    }

    @Test("--map by hand, and its mistakes")
    func map() throws {
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "Staff,Who,Line Manager\n1,Ann,\n2,Bo,1\n".write(to: directory.appendingPathComponent("staff.csv"), atomically: true, encoding: .utf8)
        let run = try HatsProcess.run(["import", "staff.csv", "--map", "id=Staff", "--map", "name=Who", "--map", "reports-to=Line Manager"], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("  \"Line Manager\"  → reports to (a manager's id or e-mail) (--map)\n"))
        let typo = try HatsProcess.run(["import", "staff.csv", "--map", "nmae=Who"], in: directory)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("unknown field \"nmae\""))
        #expect(typo.stderr.contains("did you mean \"name\"?"))
        let noHeader = try HatsProcess.run(["import", "staff.csv", "--map", "name=Nobody"], in: directory)
        #expect(noHeader.status == 2)
        #expect(noHeader.stderr.contains("staff.csv: --map name=Nobody: no column \"Nobody\" in the header"))
    }

    @Test("hats help import and the command list")
    func help() throws {
        let help = try HatsProcess.run(["help", "import"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("hats import CSV [-o OUT [--force]] [--map FIELD=HEADER]... [--skip-bad-rows]"))
        #expect(try HatsProcess.run(["--help"]).stdout.contains("  import "))
    }
}
