import Foundation
import Testing
@testable import OrgKit
@testable import OrgTUI

/// What a first-time owner tripped over on screen (issue 16, "Text cut where it matters" and
/// "Lists"): instructions cut, symbols unexplained, details that could not be scrolled, key
/// hints lost at 80×24, lists scrolled out of sight. Keys are pressed as a person would.
@Suite("Round two: nothing instructional cut, every list in sight")
struct RoundTwoScreenTests {
    /// The screen's rows, with box borders and padding gone.
    static func rows(_ screen: String) -> [String] {
        screen.split(separator: "\n").map { line in
            line.replacingOccurrences(of: "│", with: " ").trimmingCharacters(in: .whitespaces)
        }
    }

    /// Whether every line of `text`, wrapped as the screen wraps it, is on the screen.
    static func showsWhole(_ text: String, width: Int, on screen: String) -> Bool {
        Widgets.wrap(text, width: width).allSatisfy { screen.contains($0) }
    }

    @Test("the empty chart's hint wraps whole at 120 columns, and the empty roles' hint too")
    func emptyHints() {
        var driver = Driver(org: .empty(name: "Acme"), width: 120, height: 35)
        #expect(driver.screen.contains("a adds a person; 3 shows the roles; c there adds roles from"))
        #expect(driver.screen.contains("a catalog."))
        #expect(!driver.screen.contains("…"), "nothing cut:\n\(driver.screen)")
        driver.key(.character("3"))
        #expect(driver.screen.contains("aliases)."), "\(driver.screen)")
        #expect(!driver.screen.contains("…"))
    }

    @Test("form hints wrap whole: the policy's switching models, the External choice")
    func formHints() throws {
        var driver = try Driver(width: 80, height: 24)
        driver.key(.character("p"))
        driver.key(.tab)
        // The form is 68 wide; its hints wrap at 64.
        let switching = "weighted: by hours per kind of work; weinberg: 20/40/60/75 % for 2/3/4/5 hats; flat: one loss; none (Space changes)"
        #expect(Self.showsWhole(switching, width: 64, on: driver.screen), "\(driver.screen)")
        driver.key(.escape)
        driver.key(.character("e"))
        for _ in 0..<5 where !driver.screen.contains(Forms.externalHint.prefix(20)) { driver.key(.tab) }
        let external = Forms.externalHint
        #expect(Self.showsWhole(external, width: 64, on: driver.screen), "\(driver.screen)")
        // The add form's open position hint, the longest, too.
        driver.key(.escape)
        driver.key(.character("a"))
        for _ in 0..<8 where !driver.screen.contains(Forms.openHint.prefix(20)) { driver.key(.tab) }
        #expect(Self.showsWhole(Forms.openHint, width: 64, on: driver.screen), "\(driver.screen)")
    }

    @Test("role names use the width there is: whole at 200 columns")
    func roleNamesWhole() throws {
        var driver = try Driver(width: 200, height: 50)
        driver.key(.character("3"))
        #expect(driver.screen.contains("Level 3 Technician / Engineer !"), "\(driver.screen)")
        #expect(driver.screen.contains("Office Manager / Admin Assistant "))
    }

    @Test("the Roles view explains its ! on screen; ? explains every symbol")
    func legends() throws {
        var driver = try Driver(width: 80, height: 24)
        driver.key(.character("3"))
        #expect(driver.lines.contains { $0.hasPrefix("└─ ! critical role") }, "a legend on the list's border:\n\(driver.screen)")
        // Beside the details (100 columns) the legend keeps whole explanations, never half of one.
        var beside = try Driver(width: 100, height: 30)
        beside.key(.character("3"))
        let border = beside.lines.first { $0.hasPrefix("└─ ! critical role") } ?? ""
        #expect(!border.contains("…"), "\(border)")
        driver.key(.character("?"))
        driver.key(.end)
        let help = KeyMapTests.words(Self.rows(driver.screen).joined(separator: " "))
        #expect(help.contains("! a critical role or duty: one holder is a single point of failure"))
        #expect(help.contains("○ an open position: a planned hire or a vacancy"))
    }

    @Test("at 80×24 the details scroll with J and K (the status bar says so), and the suggestion shows whole, first")
    func detailsScroll() throws {
        var driver = try Driver(width: 80, height: 24)
        driver.select(person: "dana-reyes")
        let top = driver.screen
        #expect(top.contains("J details ↓"), "\(top)")
        #expect(top.contains("Move Sales & Marketing (15.0 h) to 王芳: Dana Reyes 166 % → 86 %, 王芳"))
        #expect(top.contains("60 % → 98 %"), "the suggestion whole:\n\(top)")
        #expect(!top.contains("Hats"))
        var presses = 0
        while !driver.screen.contains("Hats"), presses < 10 {
            driver.key(.character("J"))
            presses += 1
        }
        let scrolled = driver.screen
        #expect(scrolled.contains("Hats"), "J scrolls to the hats:\n\(scrolled)")
        #expect(scrolled.contains("more ↑"))
        #expect(scrolled.contains("K details ↑"))
        for _ in 0..<presses { driver.key(.character("K")) }
        #expect(driver.screen == top)
        // Any other key puts the details back at their top.
        driver.key(.character("J"))
        driver.key(.down)
        #expect(!driver.screen.contains("more ↑"))
    }

    @Test("at 80×24 the status bar keeps undo, save and help; the help screen's bar shows its own keys")
    func statusBarPriority() throws {
        var driver = try Driver(width: 80, height: 24)
        let bar = driver.lines.last ?? ""
        #expect(bar.contains("u undo") && bar.contains("^S save") && bar.contains("? help"), "\(bar)")
        driver.key(.character("?"))
        let helpBar = driver.lines.last ?? ""
        #expect(helpBar.contains("scroll") && !helpBar.contains("Enter"), "\(helpBar)")
    }

    @Test("a long status message takes the whole bar rather than being cut; a narrow dialog's footer drops its notes, not its keys")
    func longMessagesAndFooters() throws {
        var driver = Driver(org: try PlanViewTests.example("solo-owner"), path: "solo-owner.json", width: 80, height: 24)
        driver.key(.character("6"))
        driver.answerPlan()
        driver.key(.character("F"))
        let bar = driver.lines.last ?? ""
        #expect(bar.contains("Applied the whole plan: 2 steps (0 moves, 2 hires); u undoes each"), "\(bar)")

        var small = try Driver(width: 60, height: 15)
        small.key(.enter)
        small.key(.character("a"))
        let screen = small.screen
        #expect(screen.contains("Enter gives the hat · Esc cancel"), "\(screen)")
    }

    @Test("Roles at 80×24 after G, then i: a list that fits shows from its top")
    func listFitsFromTop() throws {
        var driver = try Driver(width: 80, height: 24)
        driver.key(.character("3"))
        driver.key(.character("G"))
        driver.key(.character("i"))
        let screen = driver.screen
        #expect(screen.contains("CEO / Owner"), "\(screen)")
        #expect(screen.contains("Bookkeeper / Accountant"))
        #expect(!screen.contains("more ↓"))
    }
}
