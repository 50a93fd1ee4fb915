import Foundation
import Testing
@testable import OrgKit

/// The real binary in tmux, driven as a person would.
@Suite("Builder end to end", .enabled(if: Tmux.available, "tmux is not installed"), .serialized)
struct BuilderEndToEndTests {
    @Test("open msp-10, add a person with two hats and a manager, save, quit, reopen")
    func buildSaveReopen() throws {
        let tmux = try Tmux()
        try tmux.start("--preset msp-10 org.json")
        #expect(tmux.waitFor("Reporting lines"))
        try tmux.keys("Down")                        // Sam Ortiz
        try tmux.keys("a")
        #expect(tmux.waitFor("Add a person"))
        try tmux.type("Noor Haddad")
        try tmux.keys("Tab")
        try tmux.type("Level 1 Technician")
        try tmux.keys("Enter")
        #expect(tmux.waitFor("Added Noor Haddad"))
        try tmux.keys("Enter")
        #expect(tmux.waitFor("Hats of Noor Haddad"))
        try tmux.keys("a")
        #expect(tmux.waitFor("Give Noor Haddad a hat"))
        try tmux.type("level 1")
        try tmux.keys("Enter")
        #expect(tmux.waitUntilGone("Give Noor Haddad a hat"))
        // The new hat is selected with its hours ready: typing replaces them.
        #expect(tmux.waitFor("Enter set hours"))
        try tmux.type("20")
        try tmux.keys("Enter")
        #expect(tmux.waitFor("20.0"))
        try tmux.keys("a")
        #expect(tmux.waitFor("Give Noor Haddad a hat"))
        try tmux.type("office")
        try tmux.keys("Enter")
        #expect(tmux.waitUntilGone("Give Noor Haddad a hat"))
        #expect(tmux.waitFor("Enter set hours"))
        try tmux.type("6")
        try tmux.keys("Enter")
        #expect(tmux.waitFor("6.0"))
        try tmux.keys("Escape")
        #expect(tmux.waitUntilGone("Hats of Noor Haddad"))
        try tmux.keys("m")
        #expect(tmux.waitFor("Manager of Noor Haddad"))
        try tmux.type("zoe")
        try tmux.keys("Enter")
        #expect(tmux.waitFor("make Noor Haddad report to Zoë Müller"))
        try tmux.keys("C-s")
        #expect(tmux.waitFor("Saved org.json"))
        try tmux.keys("q")
        #expect(tmux.waitUntilGone("Reporting lines"))

        // The file holds exactly the preset plus that person.
        let saved = try #require(tmux.file("org.json"))
        var expected = try #require(PresetCatalog.named("msp-10")).load()
        try expected.apply(.addPerson(Person(id: "noor-haddad", name: "Noor Haddad", title: "Level 1 Technician", reportsTo: "zoe-muller", hats: [
            Hat(role: "level-1-technician", hoursPerWeek: 20), Hat(role: "office-manager", hoursPerWeek: 6),
        ])))
        #expect(try OrgFile.decode(saved).org == expected)
        #expect(saved == OrgFile.encode(expected))

        try tmux.start("org.json")
        #expect(tmux.waitFor("Noor Haddad"))
        #expect(tmux.screen.contains("org.json"))
        #expect(!tmux.screen.contains("unsaved"))
        try tmux.keys("q")
        #expect(tmux.waitUntilGone("Reporting lines"))
    }

    @Test("undo goes back to the opening state; then quitting does not ask")
    func undoToStart() throws {
        let tmux = try Tmux()
        try tmux.start("--preset msp-10")
        #expect(tmux.waitFor("Reporting lines"))
        try tmux.keys("a")
        try tmux.type("Temp Person")
        try tmux.keys("Enter")
        #expect(tmux.waitFor("Added Temp Person"))
        try tmux.keys("w")
        try tmux.keys("f")
        try tmux.keys("N")
        try tmux.type(" 2")
        try tmux.keys("Enter")
        #expect(tmux.waitFor("unsaved"))
        try tmux.keys("u", "u", "u", "u")
        // The last u finds nothing left to undo: by then every undo has been drawn.
        #expect(tmux.waitFor("nothing to undo"))
        #expect(!tmux.screen.contains("unsaved"))
        #expect(!tmux.screen.contains("Temp Person"))
        try tmux.keys("q")
        #expect(tmux.waitUntilGone("Reporting lines"))
    }

    @Test("quitting with unsaved changes asks; Esc stays; d discards and writes nothing")
    func quitAsks() throws {
        let tmux = try Tmux()
        try tmux.start("--preset msp-10 org.json")
        #expect(tmux.waitFor("Reporting lines"))
        try tmux.keys("N")
        try tmux.type("!")
        try tmux.keys("Enter")
        try tmux.keys("q")
        #expect(tmux.waitFor("Unsaved changes"))
        try tmux.keys("Escape")
        #expect(tmux.waitUntilGone("Unsaved changes"))
        #expect(tmux.screen.contains("Reporting lines"))
        try tmux.keys("q")
        #expect(tmux.waitFor("Unsaved changes"))
        try tmux.keys("d")
        #expect(tmux.waitUntilGone("Reporting lines"))
        #expect(tmux.file("org.json") == nil)
    }

    @Test("resizing to 40×12 shows the enlarge message; back to 100×30 shows the chart")
    func resize() throws {
        let tmux = try Tmux()
        try tmux.start("--preset msp-10")
        #expect(tmux.waitFor("Reporting lines"))
        try tmux.resize(40, 12)
        #expect(tmux.waitFor("hats needs at least 60 × 15"))
        #expect(tmux.screen.contains("now 40 × 12"))
        try tmux.resize(100, 30)
        #expect(tmux.waitFor("Reporting lines"))
        #expect(tmux.screen.contains("Dana Reyes"))
        try tmux.keys("q")
    }

    @Test("export from the dialog writes the file")
    func export() throws {
        let tmux = try Tmux()
        try tmux.start("--preset msp-10 org.json")
        #expect(tmux.waitFor("Reporting lines"))
        try tmux.keys("x")
        #expect(tmux.waitFor("Export"))
        try tmux.keys("Enter")
        #expect(tmux.waitFor("Exported org.txt"))
        let text = try #require(tmux.file("org.txt"))
        #expect(text.contains("Dana Reyes"))
        #expect(text.contains("王芳"))
        try tmux.keys("q")
    }

    /// The terminal's settings before hats and after it has gone, for comparison.
    func terminalAfter(_ leave: (Tmux) throws -> Void) throws -> (before: String, after: String, tmux: Tmux) {
        let tmux = try Tmux()
        try tmux.shell("stty -a > before.txt")
        try tmux.start("--preset msp-10")
        #expect(tmux.waitFor("Reporting lines"))
        #expect(tmux.paneFlag("alternate_on") == "1")
        try leave(tmux)
        #expect(tmux.waitUntilGone("Reporting lines"))
        try tmux.shell("stty -a > after.txt; echo done-$((6*7))")
        #expect(tmux.waitFor("done-42"))
        return (tmux.file("before.txt") ?? "missing", tmux.file("after.txt") ?? "missing after", tmux)
    }

    @Test("Ctrl-C leaves the terminal as it found it")
    func controlC() throws {
        let (before, after, tmux) = try terminalAfter { try $0.keys("C-c") }
        #expect(before == after)
        #expect(tmux.paneFlag("alternate_on") == "0")
        #expect(tmux.paneFlag("cursor_flag") == "1")
    }

    @Test("SIGTERM leaves the terminal as it found it")
    func sigterm() throws {
        let (before, after, tmux) = try terminalAfter { tmux in
            let shellPid = tmux.paneFlag("pane_pid")
            let hats = try Tmux.run(["pgrep", "-P", shellPid]).output.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(!hats.isEmpty)
            _ = try Tmux.run(["kill", "-TERM", hats])
        }
        #expect(before == after)
        #expect(tmux.paneFlag("alternate_on") == "0")
        #expect(tmux.paneFlag("cursor_flag") == "1")
    }

    @Test("TERM=dumb gets a one-line error pointing at hats check and hats export")
    func dumbTerminal() throws {
        let tmux = try Tmux()
        try tmux.shell("TERM=dumb \(Tmux.binary.path) --preset msp-10; echo exit=$?")
        #expect(tmux.waitFor("exit=2"))
        #expect(tmux.screen.contains("hats check"))
        #expect(tmux.screen.contains("hats export"))
    }
}
