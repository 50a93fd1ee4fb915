import Foundation
import Testing
@testable import OrgKit

/// Leaving hats every way there is, and finding the work and the terminal intact.
@Suite("Safety end to end", .enabled(if: Tmux.available, "tmux is not installed"), .serialized)
struct SafetyEndToEndTests {
    /// The recovery copies in the session's home (the shell runs with HOME set to the
    /// scratch directory).
    func recoveryCopies(_ tmux: Tmux) -> [String] {
        // Hidden entries are the temp files of a copy being written (atomic save).
        ((try? FileManager.default.contentsOfDirectory(atPath: tmux.directory.appendingPathComponent(".local/state/hats").path)) ?? [])
            .filter { !$0.hasPrefix(".") }
    }

    func hatsPid(_ tmux: Tmux) throws -> String {
        let shellPid = tmux.paneFlag("pane_pid")
        return try Tmux.run(["pgrep", "-P", shellPid]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What brings the recovery copy before hats is made to leave.
    enum Copy {
        /// Nothing waited for: hats writes one as it leaves on SIGHUP or SIGTERM.
        case notWaited
        /// The copy hats writes within 5 seconds of an edit (4 s of waiting).
        case timed
        /// The copy hats writes at once after 20 edits: the other trigger, for tests that
        /// need a copy but not the timer.
        case twentyEdits
    }

    /// Starts hats on a preset with a file, renames the org to "Recover Me" (after 19
    /// other names for `.twentyEdits`), and waits for its recovery copy as `copy` says.
    func editAndWaitForCopy(_ tmux: Tmux, _ copy: Copy = .timed) throws {
        try tmux.start("--preset msp-10 org.json")
        #expect(tmux.waitFor("Reporting lines"))
        if copy == .twentyEdits {
            for draft in 1...19 { try tmux.tmux(["send-keys", "-t", "e2e", "N", "C-u", "Draft-\(draft)", "Enter"]) }
            #expect(tmux.waitFor("Draft-19"))
        }
        try tmux.keys("N")
        try tmux.keys("C-u")
        try tmux.type("Recover Me")
        try tmux.keys("Enter")
        #expect(tmux.waitFor("● unsaved"))
        guard copy != .notWaited else { return }
        // The timed copy is due 4 s after the edit; the 20th edit's is written with it.
        #expect(tmux.waitUntil { recoveryCopies(tmux).count == 1 }, "a recovery copy within 5 seconds of the edit")
    }

    @Test("kill -9 after edits: starting again offers the edits back")
    func killNineRecovers() throws {
        let tmux = try Tmux()
        try editAndWaitForCopy(tmux)
        _ = try Tmux.run(["kill", "-KILL", try hatsPid(tmux)])
        // SIGKILL leaves the chart on the screen (nothing can clear it), so its going is no
        // sign; the process is, and then the shell's `clear` running (hats would take it
        // as keys).
        #expect(tmux.waitUntilProgramEnded(), "hats still runs after kill -9: \(tmux.programs ?? [])")
        // Nothing can restore the terminal after SIGKILL; the shell's own reset does.
        try tmux.shell("stty sane; clear")
        #expect(tmux.waitUntilGone("Reporting lines"), "the shell has the terminal back:\n\(tmux.screen)")
        try tmux.start("--preset msp-10 org.json")
        #expect(tmux.waitFor("Unsaved work found"))
        try tmux.keys("r")
        #expect(tmux.waitFor("Recover Me"))
        #expect(tmux.screen.contains("● unsaved"))
        try tmux.keys("C-s")
        #expect(tmux.waitFor("Saved org.json"))
        #expect(recoveryCopies(tmux).isEmpty, "a clean save removes the copy")
        try tmux.keys("q")
        #expect(tmux.waitUntilGone("Reporting lines"))
        #expect(try OrgFile.decode(try #require(tmux.file("org.json"))).org.name == "Recover Me")
    }

    /// The terminal before hats and after it was made to leave by `leave`.
    func leave(_ tmux: Tmux, _ copy: Copy, _ how: (Tmux) throws -> Void) throws -> (before: String, after: String) {
        try tmux.shell("stty -a > before.txt")
        try editAndWaitForCopy(tmux, copy)
        try how(tmux)
        #expect(tmux.waitUntilGone("Reporting lines"))
        try tmux.shell("stty -a > after.txt; echo done-$((6*7))")
        // A crash under ThreadSanitizer runs its report and the backtracer first: allow it time
        // (an upper bound only; the wait ends as soon as the shell is back).
        #expect(tmux.waitFor("done-42", seconds: 60))
        return (tmux.file("before.txt") ?? "missing", tmux.file("after.txt") ?? "missing after")
    }

    @Test("SIGHUP and SIGTERM: the terminal as it was, and a recovery copy of the edits", arguments: ["HUP", "TERM"])
    func hangupAndTerminate(signal: String) throws {
        let tmux = try Tmux()
        // Not waiting for the timed copy: hats writes one as it leaves on these signals,
        // whatever the edits' age, and that is what this checks (and 4 s sooner).
        let (before, after) = try leave(tmux, .notWaited) { tmux in _ = try Tmux.run(["kill", "-\(signal)", try hatsPid(tmux)]) }
        #expect(before == after)
        #expect(tmux.paneFlag("alternate_on") == "0")
        #expect(tmux.paneFlag("cursor_flag") == "1")
        let copies = recoveryCopies(tmux)
        #expect(copies.count == 1)
        let copy = try String(contentsOf: tmux.directory.appendingPathComponent(".local/state/hats/\(copies.first ?? "")"), encoding: .utf8)
        #expect(try OrgFile.decode(copy).org.name == "Recover Me")
    }

    @Test("quitting (discarding) restores the terminal and removes the copy")
    func quitDiscarding() throws {
        let tmux = try Tmux()
        let (before, after) = try leave(tmux, .twentyEdits) { tmux in
            try tmux.keys("q")
            #expect(tmux.waitFor("Unsaved changes"))
            try tmux.keys("d")
        }
        #expect(before == after)
        #expect(tmux.paneFlag("alternate_on") == "0")
        #expect(tmux.paneFlag("cursor_flag") == "1")
        #expect(recoveryCopies(tmux).isEmpty)
    }

    @Test("a crash (SIGSEGV) restores the terminal; the recovery copy written before it survives")
    func crash() throws {
        let tmux = try Tmux(environment: "SWIFT_BACKTRACE=interactive=no")
        let (before, after) = try leave(tmux, .twentyEdits) { tmux in _ = try Tmux.run(["kill", "-SEGV", try hatsPid(tmux)]) }
        #expect(before == after)
        #expect(tmux.paneFlag("alternate_on") == "0")
        #expect(tmux.paneFlag("cursor_flag") == "1")
        #expect(recoveryCopies(tmux).count == 1)
    }

    @Test("a C locale still shows every name")
    func cLocale() throws {
        let tmux = try Tmux()
        try tmux.shell("LC_ALL=C LANG=C \(Tmux.binary.path) --preset msp-10")
        #expect(tmux.waitFor("Reporting lines"))
        #expect(tmux.screen.contains("Zoë Müller"))
        #expect(tmux.screen.contains("王芳"))
        try tmux.keys("q")
        #expect(tmux.waitUntilGone("Reporting lines"))
    }

    @Test("TERM unset or unknown: one clear line, exit 2, terminal untouched")
    func badTerm() throws {
        let tmux = try Tmux()
        try tmux.shell("stty -a > before.txt")
        try tmux.shell("env -u TERM \(Tmux.binary.path) --preset msp-10; echo unset-exit=$?")
        #expect(tmux.waitFor("unset-exit=2"))
        try tmux.shell("TERM=no-such-terminal \(Tmux.binary.path) --preset msp-10; echo unknown-exit=$?")
        #expect(tmux.waitFor("unknown-exit=2"))
        #expect(tmux.screen.contains("no-such-terminal"))
        try tmux.shell("stty -a > after.txt; echo done-$((6*7))")
        // A crash under ThreadSanitizer runs its report and the backtracer first: allow it time
        // (an upper bound only; the wait ends as soon as the shell is back).
        #expect(tmux.waitFor("done-42", seconds: 60))
        #expect(tmux.file("before.txt") == tmux.file("after.txt"))
    }

    @Test("a 1×1 terminal: no crash; back to full size, the chart")
    func tinyTerminal() throws {
        let tmux = try Tmux()
        try tmux.start("--preset msp-10")
        #expect(tmux.waitFor("Reporting lines"))
        for (width, height) in [(1, 1), (2, 1), (1, 3), (10, 2)] {
            try tmux.resize(width, height)
            Thread.sleep(forTimeInterval: 0.2)
        }
        try tmux.resize(100, 30)
        #expect(tmux.waitFor("Reporting lines"))
        try tmux.keys("q")
        #expect(tmux.waitUntilGone("Reporting lines"))
    }
}
