import Foundation
import Testing
@testable import OrgKit

/// Recovery copies with real processes: two builders on one file, `kill -9`, a file
/// touched by a `git pull`, Esc on the offer. And the builder's other ways of losing or
/// damaging a file: a FIFO in its place, an export onto it.
@Suite("Recovery and files end to end", .enabled(if: Tmux.available, "tmux is not installed"), .serialized)
struct RecoveryEndToEndTests {
    func copies(_ home: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: home.appendingPathComponent(".local/state/hats").path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
    }

    func copyNames(_ home: URL) -> [String] {
        copies(home).compactMap { name in
            (try? OrgFile.load(path: home.appendingPathComponent(".local/state/hats/\(name)").path))?.org.name
        }.sorted()
    }

    func waitForCopies(_ home: URL, _ count: Int) -> Bool {
        let deadline = Date().addingTimeInterval(15)
        while copies(home).count != count, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        return copies(home).count == count
    }

    func hatsPid(_ tmux: Tmux) throws -> String {
        try Tmux.run(["pgrep", "-P", tmux.paneFlag("pane_pid")]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func rename(_ tmux: Tmux, _ name: String) throws {
        try tmux.keys("N")
        try tmux.keys("C-u")
        try tmux.type(name)
        try tmux.keys("Enter")
        #expect(tmux.waitFor(name))
    }

    /// Renames the org 20 times, the last to `name`: hats writes the recovery copy at
    /// the 20th edit, where after one edit it waits 4 s (the timed copy has its own test,
    /// "kill -9 after edits" in SafetyEndToEndTests).
    func renameTwentyTimes(_ tmux: Tmux, _ name: String) throws {
        for draft in 1...19 { try tmux.tmux(["send-keys", "-t", "e2e", "N", "C-u", "Draft-\(draft)", "Enter"]) }
        #expect(tmux.waitFor("Draft-19"))
        try rename(tmux, name)
    }

    func makeOrg(_ tmux: Tmux) throws {
        try tmux.shell("\(Tmux.binary.path) new org.json --preset msp-10 && clear")
        let deadline = Date().addingTimeInterval(15)
        while tmux.file("org.json") == nil, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    }

    @Test("two builders on one file: each keeps its own copy; B never sees A's live copy as abandoned")
    func twoBuilders() throws {
        let a = try Tmux()
        try makeOrg(a)
        // B runs in the same folder with the same home: the same state directory.
        let b = try Tmux(environment: "HOME=\(Tmux.quoted(a.directory.path))")
        try b.shell("cd \(Tmux.quoted(a.directory.path)) && clear")
        try a.start("org.json")
        #expect(a.waitFor("Reporting lines"))
        try renameTwentyTimes(a, "A work")
        #expect(waitForCopies(a.directory, 1), "A's copy")

        try b.start("org.json")
        #expect(b.waitFor("Reporting lines"))
        // The offer is made when the file is opened, so it would be in the first frame;
        // its bottom row (the status bar, drawn last) says that frame is all on screen.
        #expect(b.waitFor("0 info"), "\(b.screen)")
        #expect(!b.screen.contains("Unsaved work found"), "A is still running: its copy is not offered to B")
        try renameTwentyTimes(b, "B work")
        #expect(waitForCopies(a.directory, 2), "B has a copy of its own")
        #expect(copyNames(a.directory) == ["A work", "B work"])
        try b.keys("C-s")
        #expect(b.waitFor("Saved org.json"))
        #expect(waitForCopies(a.directory, 1))
        #expect(copyNames(a.directory) == ["A work"], "B's save removed B's copy only")
        try b.keys("q")
        #expect(b.waitUntilGone("Reporting lines"))

        // A dies: its work is offered to the next session.
        _ = try Tmux.run(["kill", "-KILL", try hatsPid(a)])
        #expect(a.waitUntilProgramEnded(), "A still runs after kill -9")
        try b.shell("clear")
        try b.start("org.json")
        #expect(b.waitFor("Unsaved work found"))
        try b.keys("r")
        #expect(b.waitFor("A work"))
        try b.keys("C-s")
        #expect(b.waitFor("Saved org.json"))
        #expect(waitForCopies(a.directory, 0), "recovered and saved: no copy left")
        try b.keys("q")
        #expect(try OrgFile.load(path: a.directory.appendingPathComponent("org.json").path).org.name == "A work")
    }

    @Test("kill -9, the file touched since, Esc on the offer: the copy is kept through new edits and offered again")
    func cancelAndTouchedFile() throws {
        let tmux = try Tmux()
        try makeOrg(tmux)
        try tmux.start("org.json")
        #expect(tmux.waitFor("Reporting lines"))
        try renameTwentyTimes(tmux, "Crashed work")
        #expect(waitForCopies(tmux.directory, 1))
        _ = try Tmux.run(["kill", "-KILL", try hatsPid(tmux)])
        #expect(tmux.waitUntilProgramEnded(), "hats still runs after kill -9")
        try tmux.shell("stty sane; clear")
        // A git pull or a sync tool writes the file after the copy.
        Thread.sleep(forTimeInterval: 0.05)
        _ = try Tmux.run(["touch", tmux.directory.appendingPathComponent("org.json").path])

        try tmux.start("org.json")
        #expect(tmux.waitFor("Unsaved work found"), "a copy older than the file is still offered")
        #expect(tmux.screen.contains("changed on disk after it"))
        try tmux.keys("Escape")
        #expect(tmux.waitFor("Kept the unsaved copy"))
        try renameTwentyTimes(tmux, "New edit")
        #expect(waitForCopies(tmux.directory, 2), "the new edit has its own copy")
        #expect(copyNames(tmux.directory) == ["Crashed work", "New edit"], "the kept copy still holds the crashed session's work")
        try tmux.keys("q")
        #expect(tmux.waitFor("Unsaved changes"))
        try tmux.keys("d")
        #expect(tmux.waitUntilGone("Reporting lines"))
        #expect(copyNames(tmux.directory) == ["Crashed work"])

        try tmux.shell("clear")
        try tmux.start("org.json")
        #expect(tmux.waitFor("Unsaved work found"), "offered again until the user chooses")
        try tmux.keys("r")
        #expect(tmux.waitFor("Crashed work"))
        #expect(waitForCopies(tmux.directory, 1))
        #expect(copyNames(tmux.directory) == ["Crashed work"], "the old copy goes once this session's own copy is written")
        try tmux.keys("q")
        #expect(tmux.waitFor("Unsaved changes"))
        try tmux.keys("Escape")
    }

    @Test("crash protection off: a state folder that cannot be written is named in the status bar")
    func unwritableState() throws {
        let tmux = try Tmux()
        try makeOrg(tmux)
        // The state "folder" is a regular file, so nothing can be made under it (even as root).
        _ = FileManager.default.createFile(atPath: tmux.directory.appendingPathComponent("blocked").path, contents: Data("x".utf8))
        try tmux.shell("clear; XDG_STATE_HOME=\(Tmux.quoted(tmux.directory.path))/blocked \(Tmux.binary.path) org.json")
        #expect(tmux.waitFor("Reporting lines"))
        try renameTwentyTimes(tmux, "Unprotected")
        #expect(tmux.waitFor("Crash protection off"), "said when the copy cannot be written")
        #expect(tmux.screen.contains("not a directory"))
        #expect(tmux.screen.contains("no crash copy"))
        try tmux.keys("C-s")
        #expect(tmux.waitFor("Saved org.json"))
        try tmux.keys("q")
    }

    @Test("the file replaced by a FIFO while the builder runs: no freeze, it says the file changed")
    func fifoInPlace() throws {
        let tmux = try Tmux()
        try makeOrg(tmux)
        try tmux.start("org.json")
        #expect(tmux.waitFor("Reporting lines"))
        let file = tmux.directory.appendingPathComponent("org.json").path
        #expect(unlink(file) == 0 && mkfifo(file, 0o600) == 0)
        #expect(tmux.waitFor("changed on disk"), "the between-keys check did not block on the FIFO")
        try tmux.keys("?")
        #expect(tmux.waitFor("Keys"), "the builder still answers keys")
        try tmux.keys("q")
        try tmux.keys("q")
        #expect(tmux.waitUntilGone("Reporting lines"))
        #expect(FileKind(path: file) == .fifo, "the FIFO was not replaced")
    }

    @Test("export from the builder: never onto the org's own file; an existing file only after asking")
    func exportTargets() throws {
        let tmux = try Tmux()
        try makeOrg(tmux)
        let original = tmux.file("org.json")
        _ = FileManager.default.createFile(atPath: tmux.directory.appendingPathComponent("chart.txt").path, contents: Data("keep".utf8))
        try tmux.start("org.json")
        #expect(tmux.waitFor("Reporting lines"))
        for (path, expected) in [("org.json", "this org's own file"), ("chart.txt", "Replace file?")] {
            try tmux.keys("x")
            #expect(tmux.waitFor("Export"))
            try tmux.keys("Tab")
            try tmux.keys("C-u")
            try tmux.type(path)
            try tmux.keys("Enter")
            #expect(tmux.waitFor(expected), "\(path)")
        }
        try tmux.keys("Escape")
        #expect(tmux.waitUntilGone("Replace file?"))
        #expect(tmux.file("chart.txt") == "keep", "Esc keeps the file")
        #expect(tmux.file("org.json") == original, "the org file was never replaced by an export")
        try tmux.keys("x")
        #expect(tmux.waitFor("Export"))
        try tmux.keys("Tab", "C-u")
        try tmux.type("chart.txt")
        try tmux.keys("Enter")
        #expect(tmux.waitFor("Replace file?"))
        try tmux.keys("y")
        #expect(tmux.waitFor("Exported chart.txt"))
        #expect(tmux.file("chart.txt")?.hasPrefix("Northwind MSP") == true, "replaced with the chosen format (the first: text)")
        // The pane's own terminal by its device name: never written (names would be live
        // escape sequences on the screen the builder draws on).
        let tty = tmux.paneFlag("pane_tty")
        try tmux.keys("x")
        #expect(tmux.waitFor("Export"))
        try tmux.keys("Tab", "C-u")
        try tmux.type(tty)
        try tmux.keys("Enter")
        #expect(tmux.waitFor("that is the screen the builder"), "\(tty)\n\(tmux.screen)")
        try tmux.keys("q")
    }
}
