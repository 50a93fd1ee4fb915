import Foundation
import Testing
@testable import OrgKit

/// Issue 16: a small MSP built from an empty file in a real terminal, with only the keys `?`
/// lists — several catalog roles at once, a role created from the hats picker, an outside
/// provider from the Add-person form — then saved, reopened and compared.
@Suite("Building an org from nothing, end to end", .enabled(if: Tmux.available, "tmux is not installed"), .serialized)
struct BuildFromNothingEndToEndTests {
    @Test("empty file → catalog roles at once → people, hats and a new role from the hats picker → an external → save, reopen, same org")
    func buildSaveReopen() throws {
        let tmux = try Tmux(width: 120, height: 35)
        try tmux.start("msp.json")
        #expect(tmux.waitFor("New org: Ctrl-S creates msp.json"), "\(tmux.screen)")

        // Roles: three at once from a catalog, marked with Space.
        try tmux.keys("3", "c")
        #expect(tmux.waitFor("Add roles from a catalog"), "\(tmux.screen)")
        try tmux.type("msp-10")
        try tmux.keys("Enter")
        #expect(tmux.waitFor("Roles in msp-10"), "\(tmux.screen)")
        #expect(tmux.screen.contains("Space marks"))
        try tmux.keys("Down", "Down", "Space", "Space", "Space")
        #expect(tmux.waitFor("3 marked"), "\(tmux.screen)")
        try tmux.keys("Enter")
        #expect(tmux.waitFor("Added 3 roles from msp-10 with 9 duties"), "\(tmux.screen)")

        // The owner, with a role that does not exist yet and one from the org.
        try tmux.keys("1", "a")
        #expect(tmux.waitFor("Add a person"), "\(tmux.screen)")
        try tmux.type("Kim Adler")
        try tmux.keys("Tab")
        try tmux.type("Owner")
        try tmux.keys("Enter")
        #expect(tmux.waitFor("Added Kim Adler"), "\(tmux.screen)")
        try tmux.keys("Enter")
        #expect(tmux.waitFor("Hats of Kim Adler"), "\(tmux.screen)")
        try tmux.keys("a")
        try tmux.type("Dispatcher")
        #expect(tmux.waitFor("Create role “Dispatcher”"), "\(tmux.screen)")
        try tmux.keys("Enter")
        // The new hat is selected, its hours ready: typing sets them.
        #expect(tmux.waitFor("Enter set hours"), "\(tmux.screen)")
        try tmux.type("10")
        #expect(tmux.waitFor("10.0 h · 1 hat"), "the total follows the typing\n\(tmux.screen)")
        try tmux.keys("Enter")
        #expect(tmux.waitFor("Enter hours"), "\(tmux.screen)")
        try tmux.keys("a")
        try tmux.type("level 3")
        #expect(tmux.waitFor("h unfilled"), "the picker shows the hours the hat starts at\n\(tmux.screen)")
        try tmux.keys("Enter")
        #expect(tmux.waitFor("Enter set hours"), "\(tmux.screen)")
        try tmux.keys("Enter", "Escape")
        #expect(tmux.waitUntilGone("Hats of Kim Adler"), "\(tmux.screen)")

        // A technician under Kim; then the accountant's firm, added as an outside provider.
        try tmux.keys("a")
        #expect(tmux.waitFor("Reports to Kim Adler."), "\(tmux.screen)")
        try tmux.type("Lee Park")
        try tmux.keys("Enter")
        #expect(tmux.waitFor("Added Lee Park"), "\(tmux.screen)")
        try tmux.keys("Enter", "a")
        try tmux.type("level 1")
        #expect(tmux.waitFor("40.0 of 68.0 h unfilled"), "\(tmux.screen)")
        try tmux.keys("Enter")
        #expect(tmux.waitFor("Enter set hours"), "\(tmux.screen)")
        try tmux.keys("Enter", "Escape")
        #expect(tmux.waitUntilGone("Hats of Lee Park"), "\(tmux.screen)")
        try tmux.keys("a")
        try tmux.type("Ledgerly Accounting")
        try tmux.keys("Tab", "Tab", "Tab", "Space")
        #expect(tmux.waitFor("External         ‹ yes ›"), "\(tmux.screen)")
        try tmux.keys("Enter")
        #expect(tmux.waitFor("Added the outside provider Ledgerly Accounting"), "\(tmux.screen)")

        try tmux.keys("C-s")
        #expect(tmux.waitFor("Saved msp.json"), "\(tmux.screen)")
        let saved = try #require(tmux.file("msp.json"))
        try tmux.keys("q")
        #expect(tmux.waitUntilProgramEnded(), "\(tmux.screen)")

        let org = try OrgFile.decode(Array(saved.utf8)).org
        #expect(org.roles.map(\.id) == ["level-1-technician", "level-2-technician", "level-3-engineer", "dispatcher"])
        #expect(org.role("level-1-technician")?.escalatesTo == "level-2-technician")
        #expect(org.role("level-2-technician")?.escalatesTo == "level-3-engineer")
        #expect(org.duties.count == 9)
        let kim = try #require(org.person("kim-adler"))
        #expect(kim.title == "Owner")
        #expect(kim.hats.map(\.role) == ["dispatcher", "level-3-engineer"])
        #expect(kim.hats.first?.hoursPerWeek == 10)
        #expect(org.person("lee-park")?.reportsTo == "kim-adler")
        #expect(org.person("lee-park")?.hats == [Hat(role: "level-1-technician", hoursPerWeek: 40)])
        #expect(org.person("ledgerly-accounting")?.external == true)

        // Reopened, the builder shows the same org, and saving again changes no byte.
        try tmux.start("msp.json")
        #expect(tmux.waitFor("Ledgerly Accounting"), "\(tmux.screen)")
        #expect(tmux.screen.contains("Kim Adler"))
        #expect(!tmux.screen.contains("● unsaved"))
        try tmux.keys("C-s")
        #expect(tmux.waitFor("Saved msp.json"), "\(tmux.screen)")
        try tmux.keys("q")
        #expect(tmux.waitUntilProgramEnded(), "\(tmux.screen)")
        #expect(tmux.file("msp.json") == saved)
    }
}
