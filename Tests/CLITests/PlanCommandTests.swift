import Foundation
import Testing

/// `hats plan` run as a user would: exit codes, options, the JSON document, and `-o`.
@Suite("hats plan")
struct PlanCommandTests {
    static let examples = HatsProcess.repositoryRoot.appendingPathComponent("docs/examples")

    /// A scratch folder holding docs/examples/solo-owner.json as org.json.
    final class Scratch {
        let url: URL
        init() throws {
            url = try HatsProcess.temporaryDirectory()
            try FileManager.default.copyItem(at: PlanCommandTests.examples.appendingPathComponent("solo-owner.json"),
                                             to: url.appendingPathComponent("org.json"))
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        func bytes(_ name: String) -> Data? { FileManager.default.contents(atPath: path(name)) }
        func exists(_ name: String) -> Bool {
            var info = stat()
            return lstat(path(name), &info) == 0
        }
        func hats(_ arguments: [String]) throws -> HatsRun { try HatsProcess.run(arguments, in: url) }
    }

    // MARK: Exit codes

    @Test("an org that needs a hire: exit 0 with the hires, exit 1 with --max-hires 0 and the overload left, with why")
    func exitCodes() throws {
        let scratch = try Scratch()
        let full = try scratch.hats(["plan", "org.json"])
        #expect(full.status == 0, "\(full.stderr)")
        #expect(full.stderr == "")
        #expect(full.stdout.hasPrefix("Priya's IT: a plan in 2 steps (0 moves, 2 hires)\nBefore: 1 critical, 4 warnings, 0 info\n"))
        #expect(full.stdout.contains("\nAfter: 0 critical, 2 warnings, 0 info"))
        #expect(full.stdout.contains("\nHires: 2, 50.0 h a week\n"))
        #expect(!full.stdout.contains("Left as they are"), "nothing critical or load-related is left")

        let none = try scratch.hats(["plan", "org.json", "--max-hires", "0"])
        #expect(none.status == 1)
        #expect(none.stderr == "")
        #expect(none.stdout.hasPrefix("Priya's IT: no step helps — what is left, and why, is below\n"))
        #expect(none.stdout.contains("\nLeft as they are\n  ✖ overload · Priya Nair\n"))
        #expect(none.stdout.contains("      · no hires allowed (--max-hires 0), and no move among the people there clears it\n"))
        #expect(!none.stdout.contains("Hire a "))

        // One hire is not enough to clear Priya's overload on its own, so it stays critical.
        let one = try scratch.hats(["plan", "org.json", "--max-hires", "1"])
        #expect(one.status == 1)
        #expect(one.stdout.contains(" 1. Hire a "))
        #expect(!one.stdout.contains(" 2. Hire a "))
        #expect(one.stdout.contains("the plan used its 1 hire (--max-hires), and no move clears it"))
    }

    @Test("every example in docs/examples is planned to no critical finding; the exit code follows what is left")
    func examplesExit() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.examples.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(names == ["overloaded-l3.json", "short-desk.json", "solo-owner.json"])
        for name in names {
            let run = try HatsProcess.run(["plan", Self.examples.appendingPathComponent(name).path])
            #expect(run.status == 0, "\(name): \(run.stdout)")
            #expect(run.stdout.contains("\nAfter: 0 critical, "), "\(name)")
        }
        let moves = try HatsProcess.run(["plan", Self.examples.appendingPathComponent("overloaded-l3.json").path, "--max-hires", "0"])
        #expect(moves.status == 0, "moves alone clear the overloaded L3: \(moves.stdout)")
    }

    @Test("an org with no load finding: no plan needed, said once, exit 0; also in JSON, with no steps")
    func noPlanNeeded() throws {
        let run = try HatsProcess.run(["plan", "--preset", "helpdesk-tiers"])
        #expect(run.status == 0)
        #expect(run.stdout == """
            Helpdesk tiers (ITIL): no plan needed — nobody is over the line and no role is short or unfilled
            Findings: 0 critical, 0 warnings, 1 info

            """)
        #expect(run.stdout.components(separatedBy: "no plan needed").count == 2, "said once")
        let json = try HatsProcess.run(["plan", "--preset", "tech-roles", "--format", "json"])
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((document["steps"] as? [Any])?.isEmpty == true)
        #expect((document["hires"] as? [Any])?.isEmpty == true)
        #expect((document["unresolved"] as? [Any])?.isEmpty == true)
    }

    // MARK: Bad usage and invalid files

    @Test("--max-hires -1, abc, 1.5 or with no value: exit 2, one line saying what it takes, nothing on stdout")
    func maxHiresValidation() throws {
        for value in ["-1", "abc", "1.5", ""] {
            let run = try HatsProcess.run(["plan", "--preset", "msp-10", "--max-hires", value])
            #expect(run.status == 2, "\(value)")
            #expect(run.stdout == "")
            #expect(run.stderr == "hats plan: --max-hires takes a whole number, 0 or more, not \"\(value)\"\n")
        }
        let missing = try HatsProcess.run(["plan", "--preset", "msp-10", "--max-hires"])
        #expect(missing.status == 2)
        #expect(missing.stdout == "")
        #expect(missing.stderr == "hats plan: --max-hires needs a value (--max-hires N)\n")
    }

    @Test("an invalid file names the file and the JSON path; a missing file, no file, two files, a bad format: exit 2")
    func invalidInput() throws {
        let scratch = try Scratch()
        try #"{"format": "hats", "version": 1, "name": "X", "people": [{"id": "a", "name": 3}]}"#
            .write(toFile: scratch.path("bad.json"), atomically: true, encoding: .utf8)
        let bad = try scratch.hats(["plan", "bad.json", "-o", "out.json"])
        #expect(bad.status == 2)
        #expect(bad.stdout == "")
        #expect(bad.stderr == "bad.json: people[0].name: expected a string, found the number 3\n")
        #expect(!scratch.exists("out.json"), "nothing is written")

        let cases: [([String], String)] = [
            (["plan", "no-such.json"], "no-such.json: no such file or directory\n"),
            (["plan"], "hats plan: which org? give a file (hats plan org.json), - for standard input, or a preset (hats plan --preset msp-10)\n"),
            (["plan", "org.json", "other.json"], "hats plan: expected one org file, got 2: org.json other.json\n"),
            (["plan", "org.json", "--format", "xml"], "hats plan: unknown format \"xml\" (formats: text, json)\n"),
        ]
        for (arguments, message) in cases {
            let run = try scratch.hats(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stdout == "", "\(arguments)")
            #expect(run.stderr == message, "\(arguments)")
        }
    }

    // MARK: --format json

    @Test("--format json: the documented keys, hires matching the steps, and the text's figures")
    func json() throws {
        let scratch = try Scratch()
        let run = try scratch.hats(["plan", "org.json", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(Set(document.keys) == ["version", "maxHires", "summaryBefore", "summaryAfter", "steps", "hires", "lowerBound", "unresolved"])
        #expect(document["version"] as? Int == 1)
        #expect(document["maxHires"] is NSNull)
        #expect(document["summaryBefore"] as? [String: Int] == ["critical": 1, "warning": 4, "info": 0])
        #expect(document["summaryAfter"] as? [String: Int] == ["critical": 0, "warning": 2, "info": 0])
        let steps = try #require(document["steps"] as? [[String: Any]])
        #expect(steps.count == 2)
        for step in steps {
            #expect(Set(step.keys) == ["kind", "text", "loads", "cleared", "eased", "brings", "summaryAfter", "hire"])
            #expect(step["kind"] as? String == "hire")
            for load in try #require(step["loads"] as? [[String: Any]]) {
                #expect(Set(load.keys) == ["id", "name", "before", "after"])
            }
            for key in ["cleared", "eased", "brings"] {
                for finding in try #require(step[key] as? [[String: Any]]) {
                    #expect(Set(finding.keys) == ["rule", "severity", "subject", "message"], "\(key): findings carry no suggestion")
                }
            }
        }
        let hires = try #require(document["hires"] as? [[String: Any]])
        #expect(hires.count == 2)
        #expect(hires.map { $0["id"] as? String } == ["hire-level-1-technician", "hire-level-3-engineer"])
        for (index, hire) in hires.enumerated() {
            #expect(Set(hire.keys) == ["id", "name", "title", "hoursPerWeek", "fullTime", "reportsTo", "hats", "kindsOfWork",
                                       "certifications", "anyCertification", "minYears"])
            #expect((steps[index]["hire"] as? [String: Any])?["id"] as? String == hire["id"] as? String)
        }
        #expect(hires[0]["hoursPerWeek"] as? Double == 30 && hires[0]["fullTime"] as? Bool == false && hires[0]["reportsTo"] as? String == "priya")
        #expect((hires[0]["hats"] as? [[String: Any]])?.first?["hours"] as? Double == 22)
        let second = try #require(steps.last)
        let brings = try #require(second["brings"] as? [[String: Any]])
        #expect(brings.map { $0["rule"] as? String } == ["unfilled-role"])
        let bound = try #require(document["lowerBound"] as? [String: Double])
        #expect(bound == ["hours": 14, "roomElsewhere": 0, "people": 0.35, "personHours": 40])
        #expect((document["unresolved"] as? [Any])?.isEmpty == true)

        let limited = try scratch.hats(["plan", "org.json", "--format", "json", "--max-hires", "0"])
        #expect(limited.status == 1)
        let none = try #require(try JSONSerialization.jsonObject(with: Data(limited.stdout.utf8)) as? [String: Any])
        #expect(none["maxHires"] as? Int == 0)
        let unresolved = try #require(none["unresolved"] as? [[String: Any]])
        #expect(unresolved.count == 1)
        #expect(Set(unresolved[0].keys) == ["finding", "reason"])
        #expect((unresolved[0]["finding"] as? [String: Any])?["rule"] as? String == "overload")
        #expect(unresolved[0]["reason"] as? String == "no hires allowed (--max-hires 0), and no move among the people there clears it")
    }

    // MARK: -o OUT

    @Test("-o OUT writes the planned org: hats check accepts it, it has no critical finding, the plan still goes to stdout")
    func writesPlannedOrg() throws {
        let scratch = try Scratch()
        let plain = try scratch.hats(["plan", "org.json"])
        let run = try scratch.hats(["plan", "org.json", "-o", "next.json"])
        #expect(run.status == 0)
        #expect(run.stderr == "hats plan: wrote the planned org to next.json\n")
        #expect(run.stdout == plain.stdout, "the plan is printed as without -o")
        let check = try scratch.hats(["check", "next.json", "--fail-on", "critical"])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.hasPrefix("Priya's IT: 0 critical, 2 warnings, 0 info\n"))
        #expect(check.stdout.contains("Hire 1 (open position)"))
        // The org's findings after the plan are the planned file's findings.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try scratch.hats(["plan", "org.json", "--format", "json"]).stdout.utf8)) as? [String: Any])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(try scratch.hats(["check", "next.json", "--format", "json"]).stdout.utf8)) as? [String: Any])
        #expect(report["summary"] as? [String: Int] == json["summaryAfter"] as? [String: Int])
        // The planned org, planned again, needs no hire.
        let again = try scratch.hats(["plan", "next.json", "--max-hires", "0"])
        #expect(again.status == 0, "\(again.stdout)")
    }

    @Test("-o over an existing file only with --force; --force without -o and -o - are usage errors")
    func existingOutput() throws {
        let scratch = try Scratch()
        try Data("keep me".utf8).write(to: scratch.url.appendingPathComponent("next.json"))
        let refused = try scratch.hats(["plan", "org.json", "-o", "next.json"])
        #expect(refused.status == 2)
        #expect(refused.stdout == "", "refused before any work")
        #expect(refused.stderr == "hats plan: next.json already exists; nothing was written (add --force to replace it)\n")
        #expect(scratch.bytes("next.json") == Data("keep me".utf8))
        let forced = try scratch.hats(["plan", "org.json", "-o", "next.json", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try scratch.hats(["check", "next.json", "--fail-on", "critical"]).status == 0)

        let noOut = try scratch.hats(["plan", "org.json", "--force"])
        #expect(noOut.status == 2)
        #expect(noOut.stderr == "hats plan: --force replaces the file given with -o; there is none\n")
        for force in [false, true] {
            let dash = try scratch.hats(["plan", "org.json", "-o", "-"] + (force ? ["--force"] : []))
            #expect(dash.status == 2)
            #expect(dash.stdout == "")
            #expect(dash.stderr == "hats plan: -o - would mix the planned org with the plan on standard output; give a file name\n")
        }
    }

    @Test("-o naming standard output another way (/dev/stdout, /dev/fd/1, the file it is redirected to): refused before any work, nothing mixed")
    func outputIsStandardOutput() throws {
        let scratch = try Scratch()
        for out in ["/dev/stdout", "/dev/fd/1"] {
            let run = try scratch.hats(["plan", "org.json", "-o", out])
            #expect(run.status == 2, "\(out)")
            #expect(run.stdout == "", "nothing written to standard output")
            #expect(run.stderr == "hats plan: -o \(out) is standard output, where the plan goes: it would mix the planned org with the plan; give another file\n")
        }
        // The shell sends standard output to plan.txt, and -o names plan.txt too.
        let hats = HatsProcess.binary.path
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "\"$0\" plan org.json -o plan.txt --force > plan.txt 2> errors.txt", hats]
        shell.currentDirectoryURL = scratch.url
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 2)
        #expect(scratch.bytes("plan.txt") == Data(), "the shell emptied it; hats wrote nothing into it")
        #expect(String(decoding: scratch.bytes("errors.txt") ?? Data(), as: UTF8.self) == "hats plan: -o plan.txt is standard output, where the plan goes: it would mix the planned org with the plan; give another file\n")
        // A different file is fine.
        let fine = try scratch.hats(["plan", "org.json", "-o", "next.json"])
        #expect(fine.status == 0, "\(fine.stderr)")
    }

    @Test("-o FILE itself, a hard link to it or a symlink to it: refused even with --force, FILE intact")
    func outputIsTheInput() throws {
        let scratch = try Scratch()
        let original = scratch.bytes("org.json")
        #expect(link(scratch.path("org.json"), scratch.path("hard.json")) == 0)
        #expect(symlink("org.json", scratch.path("soft.json")) == 0)
        for out in ["org.json", "./org.json", "hard.json", "soft.json"] {
            for force in [false, true] {
                let run = try scratch.hats(["plan", "org.json", "-o", out] + (force ? ["--force"] : []))
                #expect(run.status == 2, "\(out)")
                #expect(run.stdout == "")
                #expect(run.stderr == "hats plan: \(out) is the input file org.json; nothing was written (give another -o)\n")
                #expect(scratch.bytes("org.json") == original)
            }
        }
        var info = stat()
        #expect(lstat(scratch.path("soft.json"), &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK, "the symlink is still a symlink")
    }

    // MARK: docs/plan.md

    /// The section "## The JSON document" of docs/plan.md.
    static func jsonSection() throws -> String {
        let text = try String(contentsOf: HatsProcess.repositoryRoot.appendingPathComponent("docs/plan.md"), encoding: .utf8)
        let start = try #require(text.range(of: "\n## The JSON document\n"), "docs/plan.md has no section \"The JSON document\"")
        let end = text.range(of: "\n## ", range: start.upperBound..<text.endIndex)?.lowerBound ?? text.endIndex
        return String(text[start.upperBound..<end])
    }

    /// Every key of every object in a parsed JSON value.
    static func keys(_ value: Any) -> Set<String> {
        if let object = value as? [String: Any] {
            return object.reduce(into: Set(object.keys)) { $0.formUnion(keys($1.value)) }
        }
        if let array = value as? [Any] { return array.reduce(into: []) { $0.formUnion(keys($1)) } }
        return []
    }

    @Test("docs/plan.md names every key the JSON document has, and its example is the real output")
    func jsonDocumented() throws {
        let section = try Self.jsonSection()
        let runs: [[String]] = [
            ["plan", "docs/examples/solo-owner.json", "--format", "json"],
            ["plan", "docs/examples/solo-owner.json", "--format", "json", "--max-hires", "0"],
            ["plan", "docs/examples/short-desk.json", "--format", "json"],
            ["plan", "docs/examples/overloaded-l3.json", "--format", "json"],
            ["plan", "--preset", "msp-10", "--format", "json"],
        ]
        var keys: Set<String> = []
        var documents: [Any] = []
        for arguments in runs {
            let run = try HatsProcess.run(arguments, in: HatsProcess.repositoryRoot)
            #expect(run.status < 2, "\(arguments): \(run.stderr)")
            let document = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
            documents.append(document)
            keys.formUnion(Self.keys(document))
        }
        // The runs between them have a move, a hire, brings and something left.
        #expect(keys.isSuperset(of: ["hire", "finding", "reason", "brings", "minYears"]))
        for key in keys.sorted() {
            #expect(section.contains("`\(key)`"), "docs/plan.md, \"The JSON document\", does not name the key \(key)")
        }
        #expect(section.contains("`partial`"), "the section says partial is never there")

        let start = try #require(section.range(of: "```json\n"))
        let end = try #require(section.range(of: "\n```", range: start.upperBound..<section.endIndex))
        let example = try JSONSerialization.jsonObject(with: Data(section[start.upperBound..<end.lowerBound].utf8))
        #expect(section.contains("`hats plan docs/examples/solo-owner.json --format json`"))
        #expect((example as? NSDictionary) == (documents[0] as? NSDictionary), "the example is the whole real output of hats plan docs/examples/solo-owner.json --format json")
    }
}
