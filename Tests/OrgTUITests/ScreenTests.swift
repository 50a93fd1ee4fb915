import Foundation
import Testing
@testable import OrgKit
@testable import OrgTUI

/// Whole screens compared with reviewed golden files, at the two sizes users have most:
/// 80×24 (the details pane folds under the list) and 120×40 (side by side). Screens that
/// show severities are stored with their style runs (`styledScreen`), so a wrong colour
/// fails as surely as a wrong word.
@Suite("Screens")
struct ScreenTests {
    static let sizes = [(80, 24), (120, 40)]

    func driver(_ size: (Int, Int), preset: String = "msp-10") throws -> Driver {
        try Driver(preset: preset, path: "\(preset).json", width: size.0, height: size.1)
    }

    func name(_ base: String, _ size: (Int, Int)) -> String { "\(base)-\(size.0)x\(size.1)" }

    @Test("every view", arguments: sizes)
    func views(size: (Int, Int)) throws {
        var driver = try driver(size)
        assertScreen(driver.styledScreen, name("chart", size))
        driver.press(.showPeople)
        driver.press(.moveDown)
        assertScreen(driver.styledScreen, name("people", size))
        driver.press(.sortPeople, times: 2)
        assertScreen(driver.styledScreen, name("people-by-load", size))
        driver.press(.showRoles)
        driver.press(.moveDown, times: 2)
        assertScreen(driver.styledScreen, name("roles", size))
        driver.press(.showDuties)
        driver.press(.moveDown, times: 3)
        assertScreen(driver.styledScreen, name("duties", size))
        driver.press(.matrixColumns)
        assertScreen(driver.styledScreen, name("duties-by-role", size))
        driver.press(.showFindings)
        assertScreen(driver.styledScreen, name("findings", size))
    }

    @Test("the chart folds and the details pane hides", arguments: sizes)
    func foldAndHide(size: (Int, Int)) throws {
        var driver = try driver(size)
        driver.select(person: "sam-ortiz")
        driver.press(.collapse)
        driver.press(.toggleDetail)
        assertScreen(driver.styledScreen, name("chart-folded-no-details", size))
    }

    @Test("person dialogs: hats, give a hat, manager, dotted lines, add, edit, delete", arguments: sizes)
    func personDialogs(size: (Int, Int)) throws {
        var driver = try driver(size)
        driver.press(.editHats)
        assertScreen(driver.styledScreen, name("dialog-hats", size))
        driver.key(.character("a"))
        driver.type("acc")
        assertScreen(driver.screen, name("dialog-give-hat", size))
        driver.press(.cancel, times: 2)

        driver.select(person: "sam-ortiz")
        driver.press(.setManager)
        driver.key(.down, times: 2)
        assertScreen(driver.screen, name("dialog-manager", size))
        driver.press(.cancel)
        driver.press(.dottedLines)
        assertScreen(driver.screen, name("dialog-dotted", size))
        driver.press(.cancel)
        driver.press(.addPerson)
        driver.type("Noor Haddad")
        driver.press(.nextField)
        driver.type("Level 1 Technician")
        assertScreen(driver.screen, name("dialog-add-person", size))
        driver.press(.cancel)
        driver.press(.editPerson)
        assertScreen(driver.screen, name("dialog-edit-person", size))
        driver.press(.cancel)
        driver.press(.deletePerson)
        assertScreen(driver.screen, name("dialog-delete-person", size))
    }

    @Test("role, duty, policy, catalog, find, export, help and quit dialogs", arguments: sizes)
    func otherDialogs(size: (Int, Int)) throws {
        var driver = try driver(size)
        driver.press(.showRoles)
        driver.press(.addRoleFromCatalog)
        driver.key(.down, times: 2)
        driver.key(.enter)
        driver.type("devops")
        assertScreen(driver.screen, name("dialog-catalog-devops", size))
        driver.press(.cancel)
        driver.press(.editRole)
        assertScreen(driver.screen, name("dialog-edit-role", size))
        driver.press(.cancel)
        driver.press(.showDuties)
        driver.press(.moveDuty)
        assertScreen(driver.screen, name("dialog-move-duty", size))
        driver.press(.cancel)
        driver.press(.editPolicy)
        assertScreen(driver.screen, name("dialog-policy", size))
        driver.press(.cancel)
        driver.press(.find)
        driver.type("tier 1")
        assertScreen(driver.screen, name("dialog-find", size))
        driver.press(.cancel)
        driver.press(.export)
        driver.key(.down, times: 5)
        assertScreen(driver.screen, name("dialog-export", size))
        driver.press(.cancel)
        driver.press(.help)
        assertScreen(driver.screen, name("help", size))
        driver.press(.cancel)
        driver.press(.showChart)
        driver.press(.toggleAway)
        driver.press(.quit)
        // The what-if is not an edit: quitting does not ask.
        #expect(driver.effects == [.quit])
    }

    @Test("the remaining dialogs: add role, add and edit duty, delete role and duty, catalog presets, save as, rename, open", arguments: sizes)
    func remainingDialogs(size: (Int, Int)) throws {
        var driver = try driver(size)
        driver.press(.showRoles)
        driver.press(.addRole)
        driver.type("Vendor Manager")
        assertScreen(driver.screen, name("dialog-add-role", size))
        driver.press(.cancel)
        driver.press(.addRoleFromCatalog)
        assertScreen(driver.screen, name("dialog-catalog-presets", size))
        driver.press(.cancel)
        driver.press(.deleteRole)
        assertScreen(driver.screen, name("dialog-delete-role", size))
        driver.press(.cancel)
        driver.press(.showDuties)
        driver.press(.addDuty)
        driver.type("Review backups weekly")
        assertScreen(driver.screen, name("dialog-add-duty", size))
        driver.press(.cancel)
        driver.press(.editDuty)
        assertScreen(driver.screen, name("dialog-edit-duty", size))
        driver.press(.cancel)
        driver.press(.deleteDuty)
        assertScreen(driver.screen, name("dialog-delete-duty", size))
        driver.press(.cancel)
        driver.press(.saveAs)
        assertScreen(driver.screen, name("dialog-save-as", size))
        driver.press(.cancel)
        driver.press(.renameOrg)
        assertScreen(driver.screen, name("dialog-rename", size))
        driver.press(.cancel)
        var start = Driver(state: App.startScreen(size: Size(width: size.0, height: size.1)))
        start.key(.end)
        start.key(.down, times: 10)
        start.key(.enter)
        assertScreen(start.screen, name("dialog-open-file", size))
    }

    /// A driver at `size` with one unsaved change (the org renamed).
    func edited(_ size: (Int, Int)) throws -> Driver {
        var driver = try driver(size)
        driver.press(.renameOrg)
        driver.type(" Ltd")
        driver.press(.confirm)
        return driver
    }

    @Test("quit with unsaved changes asks", arguments: sizes)
    func quitAsks(size: (Int, Int)) throws {
        var driver = try edited(size)
        driver.press(.quit)
        assertScreen(driver.screen, name("dialog-quit", size))
        #expect(driver.effects.isEmpty)
    }

    @Test("the file changed on disk, and unsaved work found on opening", arguments: sizes)
    func safetyDialogs(size: (Int, Int)) throws {
        var driver = try edited(size)
        driver.send(.diskChanged)
        driver.press(.save)
        driver.send(.saveConflict(path: "msp-10.json"))
        assertScreen(driver.screen, name("dialog-changed-on-disk", size))

        var opened = try self.driver(size)
        var recovered = opened.state.document.org
        try recovered.apply(.renameOrg("Northwind MSP (recovered)"))
        App.offerRecovery(&opened.state, [RecoveryStore.Copy(path: "/home/u/.local/state/hats/msp-10-1@host.0.1.1.json", org: recovered, written: .distantPast)])
        assertScreen(opened.screen, name("dialog-recover", size))
    }

    @Test("what-if: Sam away", arguments: sizes)
    func whatIf(size: (Int, Int)) throws {
        var driver = try driver(size)
        driver.select(person: "sam-ortiz")
        driver.press(.toggleAway)
        assertScreen(driver.styledScreen, name("what-if-chart", size))
        driver.press(.showFindings)
        assertScreen(driver.styledScreen, name("what-if-findings", size))
    }

    @Test("the start screen", arguments: sizes)
    func start(size: (Int, Int)) {
        let driver = Driver(state: App.startScreen(size: Size(width: size.0, height: size.1)))
        assertScreen(driver.screen, name("start", size))
    }

    @Test("too small, down to 1×1, and back")
    func tooSmall() throws {
        var driver = try driver((80, 24))
        driver.resize(40, 12)
        assertScreen(driver.screen, "too-small-40x12")
        driver.press(.moveDown)
        driver.key(.character("a"))
        #expect(driver.state.dialogs.isEmpty, "no blind edits while the screen is too small")
        // The keys are not dropped in silence: the screen counts them.
        assertScreen(driver.screen, "too-small-40x12-keys")
        driver.resize(20, 5)
        driver.key(.character("x"))
        assertScreen(driver.screen, "too-small-20x5")
        #expect(driver.screen.contains("now 20 × 5"), "the size is not cut at 20×5")
        for (width, height) in [(1, 1), (0, 0), (2, 1), (59, 15), (60, 14)] {
            driver.resize(width, height)
            _ = driver.screen
        }
        driver.resize(1, 1)
        assertScreen(driver.screen, "too-small-1x1")
        driver.resize(80, 24)
        #expect(driver.state.status?.text == "3 keys typed while the terminal was too small were ignored; nothing was changed")
        driver.state.status = nil
        assertScreen(driver.styledScreen, name("chart", (80, 24)))
    }

    @Test("accents and CJK line up; a catalog org; an empty org", arguments: sizes)
    func otherOrgs(size: (Int, Int)) throws {
        var driver = try driver(size, preset: "helpdesk-tiers")
        assertScreen(driver.styledScreen, name("helpdesk-chart", size))
        driver = Driver(org: .empty(name: "Acme"), width: size.0, height: size.1)
        assertScreen(driver.screen, name("empty-chart", size))
    }

    @Test("the Plan view: working, a move (msp-10), hires with what they bring, nothing to plan", arguments: sizes)
    func plan(size: (Int, Int)) throws {
        var driver = try driver(size)
        driver.press(.showPlan)
        driver.send(.planProgress(PlanProgress(steps: 0, hoursLeft: 15, hoursAtStart: 20)))
        assertScreen(driver.styledScreen, name("plan-working", size))
        driver.answerPlan()
        assertScreen(driver.styledScreen, name("plan", size))
        driver.press(.applyWholePlan)
        driver.answerPlan()
        assertScreen(driver.styledScreen, name("plan-done", size))

        var solo = Driver(org: try PlanViewTests.example("solo-owner"), path: "solo-owner.json", width: size.0, height: size.1)
        solo.press(.showPlan)
        solo.answerPlan()
        solo.press(.moveDown)
        assertScreen(solo.styledScreen, name("plan-hires", size))
    }
}

/// The screens shown in the README are the app's real screens.
@Suite("README screens")
struct ReadmeScreenTests {
    func readmeBlock(after marker: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- screen: \(marker) -->\n```\n"), "README has no screen \(marker)")
        let end = try #require(readme.range(of: "```\n", range: start.upperBound..<readme.endIndex))
        return String(readme[start.upperBound..<end.lowerBound])
    }

    @Test("the builder screens in the README")
    func screens() throws {
        var driver = try Driver(path: "northwind.json", width: 100, height: 30)
        assertScreen(driver.screen, "readme-chart-100x30")
        let chart = driver.screen
        driver.select(person: "raj-patel")
        driver.press(.editHats)
        driver.key(.character("a"))
        driver.type("tier")
        assertScreen(driver.screen, "readme-give-hat-100x30")
        let giveHat = driver.screen
        #expect(try readmeBlock(after: "chart") == chart)
        #expect(try readmeBlock(after: "give-hat") == giveHat)

        var solo = Driver(org: try PlanViewTests.example("solo-owner"), path: "solo-owner.json", width: 100, height: 30)
        solo.press(.showPlan)
        solo.answerPlan()
        assertScreen(solo.screen, "readme-plan-100x30")
        #expect(try readmeBlock(after: "plan") == solo.screen)
    }
}
