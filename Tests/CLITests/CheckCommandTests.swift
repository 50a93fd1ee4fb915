import Foundation
import Testing
@testable import HatsCLI
import OrgKit

@Suite("hats check")
struct CheckCommandTests {
    @Test("msp-10: the summary, the owner first and critical, exit 1 at the default --fail-on")
    func mspStory() throws {
        let run = try HatsProcess.run(["check", "--preset", "msp-10"])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Northwind MSP: 1 critical, 5 warnings, 0 info")
        #expect(lines[2] == "Critical")
        #expect(lines[3] == "  ✖ overload · Dana Reyes")
        #expect(lines[4] == "      Dana Reyes: 45.0 h across 3 hats; switching between 3 kinds of work (Leadership 22.0 h, Growth 15.0 h, Operations 8.0 h) costs 32 %, leaving 27.0 h of a 40.0 h week — 166 %")
        #expect(lines[5].hasPrefix("      → Move "))
        #expect(lines.contains("Person       hats  kinds   hours  switching  effective    load   room"))
        #expect(lines.contains("Dana Reyes      3    2.6    45.0      −32 %       27.0   166 % ✖  0.0"))
        #expect(lines.contains("Lee Park        1           34.0        0 %       40.0    85 %    6.0"))
        #expect(lines.contains("Zoë Müller      2    1.0    33.0        0 %       40.0    83 %    7.0"), "two Operations hats: one kind of work, no switching")
        #expect(lines.contains("Ledger & Co     1            7.0                        external"))
        // The provider who already keeps the books is asked to take Zoë's bookkeeping.
        #expect(lines.contains { $0.hasPrefix("      → Ask Ledger & Co to take on Bookkeeper / Accountant (5.0 h): an outside provider who already does this work, so it costs money") })
        #expect(!run.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    @Test("an open position: marked in the people table, its critical role covered only by it")
    func openPosition() throws {
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("open.json")
        try """
            {"format": "hats", "version": 1, "roles": [{"id": "sales", "name": "Sales", "critical": true, "hoursPerWeek": 20}],
             "people": [{"id": "a", "name": "Ann", "hats": []},
                        {"id": "o", "name": "Open: Seller", "reportsTo": "a", "open": true, "hats": [{"role": "sales"}]}]}
            """.write(to: file, atomically: true, encoding: .utf8)
        let run = try HatsProcess.run(["check", file.path])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("  ▲ unfilled-role · Sales"))
        #expect(lines.contains("      Sales, a critical role, is covered only by an open position (Open: Seller)"))
        #expect(lines.contains("Open: Seller (open position)     1           20.0        0 %       40.0    50 %   20.0"))
    }

    @Test("--fail-on decides the exit code")
    func failOn() throws {
        #expect(try HatsProcess.run(["check", "--preset", "msp-10", "--fail-on", "critical"]).status == 1)
        #expect(try HatsProcess.run(["check", "--preset", "msp-10", "--fail-on", "never"]).status == 0)
        #expect(try HatsProcess.run(["check", "--preset", "helpdesk-tiers"]).status == 0, "only an info finding")
        #expect(try HatsProcess.run(["check", "--preset", "helpdesk-tiers", "--fail-on", "info"]).status == 1)
        #expect(try HatsProcess.run(["check", "--preset", "tech-roles", "--fail-on", "info"]).status == 0, "no findings at all")
        let bad = try HatsProcess.run(["check", "--preset", "msp-10", "--fail-on", "warn"])
        #expect(bad.status == 2)
        #expect(bad.stderr == "hats check: --fail-on takes info, warning, critical or never, not \"warn\" (did you mean \"warning\"?)\n")
    }

    @Test("--format json is valid JSON for Python with the documented fields")
    func json() throws {
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try HatsProcess.run(["check", "--preset", "msp-10", "--format", "json", "--without", "sam-ortiz"])
        #expect(run.status == 1)
        let file = directory.appendingPathComponent("report.json")
        try run.stdout.write(to: file, atomically: true, encoding: .utf8)
        let script = """
            import json, sys
            r = json.load(open(sys.argv[1], encoding="utf-8"))
            assert r["version"] == 1
            assert set(r["summary"]) == {"critical", "warning", "info"}
            changes = r["whatIf"]["worse"] + r["whatIf"]["better"]
            for f in r["findings"] + r["whatIf"]["new"] + r["whatIf"]["resolved"] + [c["before"] for c in changes] + [c["after"] for c in changes]:
                assert set(f) <= {"rule", "severity", "subject", "message", "suggestion", "change", "partial", "noSuggestion"}, f
                assert f.get("partial", True) is True and ("partial" in f) <= ("suggestion" in f), f
                assert ("suggestion" in f) != ("noSuggestion" in f) or f in [c["before"] for c in changes] + r["whatIf"]["resolved"], f
                assert ("change" in f) <= ("suggestion" in f), f
                assert f["severity"] in ("critical", "warning", "info")
                assert set(f["subject"]) == {"kind", "id", "name"}
            for c in changes:
                assert set(c) == {"before", "after"} and c["before"]["subject"] == c["after"]["subject"], c
            p = {x["id"]: x for x in r["people"]}
            assert set(p["dana-reyes"]) == {"id", "name", "hats", "kindsOfWork", "allocatedHours", "capacityHours", "switchLoss", "effectiveHours", "load", "room", "external", "open"}
            d = p["dana-reyes"]
            assert (d["kindsOfWork"], d["switchLoss"], d["effectiveHours"], d["load"], d["room"]) == (2.6197, 0.3239, 27.0427, 1.664, 0), d
            assert p["ledger-co"]["room"] is None and p["lee-park"]["room"] == 6
            assert r["whatIf"]["without"] == ["sam-ortiz"]
            assert any(c["before"]["rule"] == "single-point-of-failure" and c["after"]["rule"] == "unfilled-role" and c["after"]["subject"]["id"] == "service-manager" for c in r["whatIf"]["worse"])
            assert not any(f["subject"]["id"] == "service-manager" for f in r["whatIf"]["new"] + r["whatIf"]["resolved"])
            zoe = [f for f in r["findings"] if f["rule"] == "role-conflict"][0]
            assert zoe["change"] == {"kind": "move", "role": "bookkeeper", "from": "zoe-muller", "to": "ledger-co", "hours": 5}, zoe
            print(r["summary"]["critical"], r["summary"]["warning"], r["summary"]["info"])
            """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script, file.path]
        let out = Pipe()
        python.standardOutput = out
        python.standardError = out
        try python.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        #expect(python.terminationStatus == 0, "\(output)")
        #expect(output == "2 5 0\n")
    }

    @Test("--without names someone unknown: exit 2 with the nearest id; invalid files: exit 2")
    func badInput() throws {
        let unknown = try HatsProcess.run(["check", "--preset", "msp-10", "--without", "sam-ortis"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "hats check: --without sam-ortis: preset msp-10 has no person with that id (did you mean \"sam-ortiz\"?)\n")
        let missing = try HatsProcess.run(["check", "no-such-org.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "no-such-org.json: no such file or directory\n")
    }

    @Test("colour only on a terminal and never with NO_COLOR or TERM=dumb")
    func colour() {
        final class Capture: @unchecked Sendable { var text = "" }
        func run(terminal: Bool, environment: [String: String]) -> String {
            let capture = Capture()
            let console = Console(out: { capture.text += $0 }, err: { _ in }, stdoutIsTerminal: terminal, environment: environment)
            _ = HatsCLI.run(["check", "--preset", "msp-10"], console: console)
            return capture.text
        }
        #expect(run(terminal: true, environment: [:]).contains("\u{1B}[1;31mCritical\u{1B}[0m"))
        #expect(!run(terminal: true, environment: ["NO_COLOR": "1"]).contains("\u{1B}["))
        #expect(!run(terminal: true, environment: ["TERM": "dumb"]).contains("\u{1B}["))
        #expect(!run(terminal: false, environment: [:]).contains("\u{1B}["))
        // Without colour the same meaning is carried by symbols and words.
        #expect(run(terminal: false, environment: [:]).contains("✖ overload · Dana Reyes"))
    }

    @Test("a large report goes out in pieces: joined, they are the report made whole, byte for byte (text and json)")
    func reportInPieces() throws {
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // 10,000 people: more table rows (and findings) than one piece holds.
        let org = try OutsidePrograms.generatedOrg(10_000, seed: 7, named: "org.json", in: directory)
        let report = OrgKit.LoadChecker.check(org)
        #expect(report.people.count > 2 * ReportText.piece)

        var pieces: [String] = []
        ReportText(colour: false).write(report, org: org, whatIf: nil) { pieces.append(String(decoding: $0, as: UTF8.self)) }
        #expect(pieces.count > 3)
        #expect(pieces.allSatisfy { !$0.isEmpty && $0.hasSuffix("\n") }, "every piece is whole lines")
        let text = pieces.joined()
        #expect(text == ReportText(colour: false).render(report, org: org, whatIf: nil))
        let process = try OutsidePrograms.hats(["check", "org.json"], in: directory)
        #expect(process.status == 1)
        #expect(process.text == text, "the command writes exactly the pieces")

        var bytes: [[UInt8]] = []
        report.writeJSON(piece: 64 * 1024) { bytes.append($0) }
        #expect(bytes.count > 10)
        // jsonBytes writes the whole document in one buffer, never flushing.
        #expect(Array(bytes.joined()) == report.jsonBytes())
        let json = try OutsidePrograms.hats(["check", "org.json", "--format", "json"], in: directory)
        #expect(Array(json.stdout) == report.jsonBytes(), "the command writes exactly the pieces")
        let parsed = try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any]
        #expect((parsed?["people"] as? [Any])?.count == 10_000)
    }
}
