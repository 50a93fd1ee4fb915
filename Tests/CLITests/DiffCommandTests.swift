import Foundation
import Testing

@Suite("hats diff")
struct DiffCommandTests {
    /// msp-10 as a file, and a copy with Dana's Human Resources hat moved to Zoë, Kim Lee
    /// added and Ana Silva removed.
    static func files(in directory: URL) throws -> (old: String, new: String) {
        let old = directory.appendingPathComponent("old.json").path
        let exported = try HatsProcess.run(["export", "--preset", "msp-10", "--format", "json", "-o", old])
        #expect(exported.status == 0, "\(exported.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: old))) as? [String: Any])
        var org = object
        var people = try #require(org["people"] as? [[String: Any]])
        for index in people.indices {
            var hats = try #require(people[index]["hats"] as? [[String: Any]])
            switch people[index]["id"] as? String {
            case "dana-reyes": hats.removeAll { $0["role"] as? String == "human-resources" }
            case "zoe-muller": hats.append(["role": "human-resources", "hoursPerWeek": 8])
            default: break
            }
            people[index]["hats"] = hats
        }
        people.removeAll { $0["id"] as? String == "ana-silva" }
        people.append(["id": "kim-lee", "name": "Kim Lee", "title": "Service Desk Technician", "reportsTo": "sam-ortiz", "hats": [["role": "level-1-technician"]]])
        org["people"] = people
        let new = directory.appendingPathComponent("new.json").path
        try JSONSerialization.data(withJSONObject: org, options: [.prettyPrinted]).write(to: URL(fileURLWithPath: new))
        return (old, new)
    }

    @Test("the same file, and the same org with other whitespace: no changes, exit 0")
    func same() throws {
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (old, _) = try Self.files(in: directory)
        let identical = try HatsProcess.run(["diff", old, old])
        #expect(identical.status == 0)
        #expect(identical.stdout == "\(old) → \(old)\nNo changes: both files hold the same org.\n")
        let compact = directory.appendingPathComponent("compact.json").path
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: old)))
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: compact))
        #expect(try String(contentsOfFile: compact, encoding: .utf8) != String(contentsOfFile: old, encoding: .utf8))
        let whitespace = try HatsProcess.run(["diff", old, compact])
        #expect(whitespace.status == 0, "\(whitespace.stdout)")
        #expect(whitespace.stdout.hasSuffix("No changes: both files hold the same org.\n"))
    }

    @Test("msp-10 with one hat moved, one person added and one removed: exactly those, with loads and findings")
    func changes() throws {
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (old, new) = try Self.files(in: directory)
        let run = try HatsProcess.run(["diff", old, new])
        #expect(run.status == 1)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            \(old) → \(new)

            People
              ~ Dana Reyes (dana-reyes)
                  hat taken: Human Resources (8.0 h)
                  load 166 % (45.0 h) → 114 % (37.0 h)
              ~ Zoë Müller (zoe-muller)
                  hat given: Human Resources (8.0 h)
                  load 83 % (33.0 h) → 102 % (41.0 h)
              + Kim Lee (kim-lee): added
                  title: Service Desk Technician
                  reportsTo: Sam Ortiz
                  hat given: Level 1 Technician (the role's hours)
                  load 85 % (34.0 h)
              − Ana Silva (ana-silva): removed
                  title: Level 1 Technician
                  reportsTo: Sam Ortiz
                  hat taken: Level 1 Technician (the role's hours)
                  load was 85 % (34.0 h)

            Findings: 1 new, 0 worse, 1 better, 0 resolved
              + ▲ overload · Zoë Müller
              ↓ Dana Reyes: overload 166 % → 114 %

            """)
    }

    @Test("--format json has the documented keys and the same lists")
    func json() throws {
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (old, new) = try Self.files(in: directory)
        let run = try HatsProcess.run(["diff", old, new, "--format", "json"])
        #expect(run.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(Set(document.keys) == ["version", "same", "org", "people", "roles", "duties", "findings"])
        #expect(document["version"] as? Int == 1)
        #expect(document["same"] as? Bool == false)
        let people = try #require(document["people"] as? [[String: Any]])
        #expect(people.map { "\($0["change"] ?? "") \($0["id"] ?? "")" } == ["changed dana-reyes", "changed zoe-muller", "added kim-lee", "removed ana-silva"])
        for person in people {
            #expect(Set(person.keys) == ["change", "id", "name", "fields", "hats", "loadBefore", "loadAfter"])
        }
        let zoe = try #require(people.first { $0["id"] as? String == "zoe-muller" })
        let hats = try #require(zoe["hats"] as? [[String: Any]])
        #expect(hats.count == 1 && hats[0]["change"] as? String == "added" && hats[0]["role"] as? String == "human-resources" && hats[0]["hoursAfter"] as? Double == 8)
        #expect((zoe["loadAfter"] as? [String: Any])?["load"] as? Double == 1.025)
        let findings = try #require(document["findings"] as? [String: [[String: Any]]])
        #expect(Set(findings.keys) == ["new", "worse", "better", "resolved"])
        #expect(findings["new"]?.count == 1 && findings["better"]?.count == 1 && findings["worse"]?.isEmpty == true && findings["resolved"]?.isEmpty == true)
        let same = try HatsProcess.run(["diff", old, old, "--format", "json"])
        #expect(same.status == 0)
        let sameDocument = try #require(try JSONSerialization.jsonObject(with: Data(same.stdout.utf8)) as? [String: Any])
        #expect(sameDocument["same"] as? Bool == true)
        #expect((sameDocument["people"] as? [Any])?.isEmpty == true)
    }

    @Test("an invalid NEW: exit 2, the message names the file; one file only: usage, exit 2")
    func invalid() throws {
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (old, _) = try Self.files(in: directory)
        let bad = directory.appendingPathComponent("bad.json").path
        try #"{"format": "hats", "version": 1, "name": "X", "people": [{"id": "a", "name": 3}]}"#.write(toFile: bad, atomically: true, encoding: .utf8)
        let run = try HatsProcess.run(["diff", old, bad])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix("\(bad): "), "\(run.stderr)")
        #expect(run.stderr == "\(bad): people[0].name: expected a string, found the number 3\n")
        let usage = try HatsProcess.run(["diff", old])
        #expect(usage.status == 2)
        #expect(usage.stderr.hasPrefix("hats diff: expected two org files, OLD and NEW, got 1"))
    }

    @Test("git diff with hats as the diff driver shows the hats diff")
    func gitDriver() throws {
        guard let git = ["/usr/bin/git", "/usr/local/bin/git", "/bin/git"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("SKIP: git is not installed; the git diff driver case of hats diff is not run")
            return
        }
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (old, new) = try Self.files(in: directory)
        let repository = directory.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        let org = repository.appendingPathComponent("northwind.org.json")
        func run(_ arguments: [String]) throws -> HatsRun {
            let identity = ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "core.pager=cat"]
            return try HatsProcess.run(identity + arguments, in: repository, binary: URL(fileURLWithPath: git), environment: ["GIT_CONFIG_NOSYSTEM": "1", "HOME": directory.path])
        }
        #expect(try run(["init", "-q"]).status == 0)
        try "*.org.json diff=hats\n".write(to: repository.appendingPathComponent(".gitattributes"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: old, toPath: org.path)
        #expect(try run(["add", "."]).status == 0)
        #expect(try run(["commit", "-q", "-m", "msp-10"]).status == 0)
        try FileManager.default.removeItem(at: org)
        try FileManager.default.copyItem(atPath: new, toPath: org.path)
        let diff = try run(["-c", "diff.hats.command=\(HatsProcess.binary.path) diff --git", "diff"])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.hasPrefix("a/northwind.org.json → b/northwind.org.json\n"), "\(diff.stdout)")
        #expect(diff.stdout.contains("  ~ Zoë Müller (zoe-muller)\n      hat given: Human Resources (8.0 h)\n"))
        #expect(diff.stdout.contains("  + ▲ overload · Zoë Müller\n"))
        // A new org file: git passes /dev/null as the old side; everyone shows as added.
        try FileManager.default.copyItem(atPath: new, toPath: repository.appendingPathComponent("next.org.json").path)
        #expect(try run(["add", "-N", "next.org.json"]).status == 0)
        let added = try run(["-c", "diff.hats.command=\(HatsProcess.binary.path) diff --git", "diff", "--", "next.org.json"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("  + Kim Lee (kim-lee): added\n"), "\(added.stdout)")
    }
}
