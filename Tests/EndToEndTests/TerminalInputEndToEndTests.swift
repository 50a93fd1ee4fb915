import Foundation
import Testing

/// The real binary in tmux, fed what terminals really send: invisible characters in
/// names, a stop and resume from the shell, keys while the terminal is too small, pastes.
@Suite("Terminal input end to end", .enabled(if: Tmux.available, "tmux is not installed"), .serialized)
struct TerminalInputEndToEndTests {
    /// msp-10 with one name holding U+FEFF and another holding tag characters.
    func makeOddNames(_ tmux: Tmux) throws {
        let done = tmux.directory.appendingPathComponent("made")
        try tmux.shell("\(Tmux.binary.path) new org.json --preset msp-10 && touch made && clear")
        let deadline = Date().addingTimeInterval(15)
        while !FileManager.default.fileExists(atPath: done.path), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let url = tmux.directory.appendingPathComponent("org.json")
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"Sam Ortiz\"", with: "\"Sam\u{FEFF}Ortiz\u{FEFF}\u{FEFF}\"")
        text = text.replacingOccurrences(of: "\"Lee Park\"", with: "\"Lee\u{E0041}\u{E0042}\u{E0043}Park\"")
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func paneBorders(_ line: String) -> [Int] {
        Array(line.enumerated()).filter { $0.offset > 30 && $0.element == "│" }.map(\.offset)
    }

    @Test("U+FEFF and tag characters in names shift no column and leave no stray cell")
    func invisibleCharactersKeepColumns() throws {
        let tmux = try Tmux()
        try makeOddNames(tmux)
        try tmux.start("org.json")
        #expect(tmux.waitFor("Reporting lines"))
        let lines = tmux.screen.components(separatedBy: "\n")
        let sam = try #require(lines.first { $0.contains("SamOrtiz") }, "\(tmux.screen)")
        let lee = try #require(lines.first { $0.contains("LeePark") })
        let ana = try #require(lines.first { $0.contains("Ana Silva") })
        for line in [sam, lee] {
            #expect(!line.unicodeScalars.contains { $0.properties.isDefaultIgnorableCodePoint }, "\(line)")
            // The pane borders (past the tree lines) sit in the same columns as on a plain row.
            #expect(paneBorders(line) == paneBorders(ana), "\(line)\n\(ana)")
        }
    }

    func hatsPid(_ tmux: Tmux) throws -> String {
        try Tmux.run(["pgrep", "-P", tmux.paneFlag("pane_pid")]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func makeOrg(_ tmux: Tmux) throws {
        let done = tmux.directory.appendingPathComponent("made")
        try tmux.shell("\(Tmux.binary.path) new org.json --preset msp-10 && touch made && clear")
        let deadline = Date().addingTimeInterval(15)
        while !FileManager.default.fileExists(atPath: done.path), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    }

    @Test("stopped with a dialog open, the shell writing over the screen and the terminal resized, fg brings everything back and keys reach the dialog")
    func resumeRedraws() throws {
        let tmux = try Tmux()
        try makeOrg(tmux)
        try tmux.start("org.json")
        #expect(tmux.waitFor("Reporting lines"))
        try tmux.keys("/")
        #expect(tmux.waitFor("Filter:"))
        let pid = try hatsPid(tmux)
        // SIGSTOP, as a debugger or `kill -STOP` does: no handler runs, so the shell takes
        // the terminal back with its own modes (echo, line editing).
        _ = try Tmux.run(["kill", "-STOP", pid])
        #expect(tmux.waitFor("Stopped"))
        try tmux.shell("clear; echo SHELL-WAS-HERE")
        #expect(tmux.waitFor("SHELL-WAS-HERE"))
        try tmux.resize(110, 32)
        try tmux.shell("fg")
        #expect(tmux.waitFor("Filter:"), "the dialog is drawn again:\n\(tmux.screen)")
        #expect(tmux.waitUntilGone("SHELL-WAS-HERE"))
        #expect(tmux.screen.contains("Reporting lines"))
        try tmux.type("ana")
        #expect(tmux.waitFor("8 of 50"), "keys reach the dialog, unechoed:\n\(tmux.screen)")
        #expect(tmux.screen.contains("Filter: ana"))
        #expect(!tmux.screen.contains("fg\nana"))
        // Laid out for the new width: the header reaches column 110.
        let header = tmux.screen.components(separatedBy: "\n").first ?? ""
        #expect(header.count > 100, "\(header)")
        try tmux.keys("Escape")
        try tmux.keys("q")
        #expect(tmux.waitFor("$ "))
    }

    @Test("a 10,000-character bracketed paste lands in the field at once, cut to the field's maximum with a message")
    func bracketedPaste() throws {
        let tmux = try Tmux()
        try makeOrg(tmux)
        try tmux.start("org.json")
        #expect(tmux.waitFor("Reporting lines"))
        try tmux.keys("N")
        try tmux.keys("C-u")
        #expect(tmux.waitFor("Rename the org"))
        let text = String(repeating: "Paste", count: 2_000)
        let buffer = tmux.directory.appendingPathComponent("paste.txt")
        try Data(text.utf8).write(to: buffer)
        try tmux.tmux(["load-buffer", buffer.path])
        // -p: bracketed, as tmux pastes for a program that asked for it.
        try tmux.tmux(["paste-buffer", "-p", "-t", "e2e"])
        // Before the fix this took minutes; a bound of 15 seconds only says "it finished".
        #expect(tmux.waitFor("9,000 pasted ones left out"), "\(tmux.screen)")
        try tmux.keys("Enter")
        #expect(tmux.waitFor("PastePaste"))
        try tmux.keys("C-s")
        let deadline = Date().addingTimeInterval(15)
        var saved: String?
        while saved != String(text.prefix(1_000)), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            saved = try OrgFileText.name(tmux.file("org.json"))
        }
        #expect(saved == String(text.prefix(1_000)), "the first 1,000 characters are saved")
    }

    @Test("10,000 keys typed ahead without paste marks: the builder keeps up and says the field is full")
    func unmarkedBurst() throws {
        let tmux = try Tmux()
        try makeOrg(tmux)
        try tmux.start("org.json")
        #expect(tmux.waitFor("Reporting lines"))
        try tmux.keys("N")
        try tmux.keys("C-u")
        #expect(tmux.waitFor("Rename the org"))
        try tmux.type(String(repeating: "Keys", count: 2_500))
        #expect(tmux.waitFor("nothing more fits"), "\(tmux.screen)")
        try tmux.keys("Escape")
        #expect(tmux.waitUntilGone("Rename the org"))
    }

    @Test("keys typed ahead of q are dropped at exit, never run by the shell")
    func typedAheadIsDiscarded() throws {
        let tmux = try Tmux()
        try makeOrg(tmux)
        try tmux.start("org.json")
        #expect(tmux.waitFor("Reporting lines"))
        // One write: q, then a command the shell would run if it got the rest.
        try tmux.type("qtouch LEAKED")
        try tmux.keys("Enter")
        #expect(tmux.waitUntilGone("Reporting lines"))
        // Once hats has exited, whatever it left in the terminal's input is the shell's,
        // and the shell reads it before the echo typed after it: "shell-is-back" on the
        // screen means a leaked `touch LEAKED` would already have run.
        #expect(tmux.waitUntilProgramEnded())
        try tmux.shell("echo shell-is-back")
        #expect(tmux.waitFor("shell-is-back"))
        #expect(!FileManager.default.fileExists(atPath: tmux.directory.appendingPathComponent("LEAKED").path), "\(tmux.screen)")
        #expect(!tmux.screen.contains("touch LEAKED"))
    }
}

/// The org's name in a saved file, read the way a person would check it.
enum OrgFileText {
    static func name(_ text: String?) throws -> String? {
        guard let text, let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return nil }
        return object["name"] as? String
    }
}
