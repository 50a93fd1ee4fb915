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
}
