import Foundation
import Testing
@testable import OrgKit
@testable import OrgTUI

/// A large org opens with everyone's numbers at once and its findings worked out off the
/// loop (the `.check` effect); keys pressed meanwhile are applied, and the findings shown
/// when the check comes are those of the org as it is then.
@Suite("Findings worked out off the loop")
struct CheckOffLoopTests {
    /// msp-10 opened as if it were large (every org is checked off the loop).
    static func opened(width: Int = 100, height: Int = 30) throws -> Driver {
        let org = try #require(PresetCatalog.named("msp-10")).load()
        return Driver(state: App.start(Document(org: org, path: "msp-10.json"), size: Size(width: width, height: height), checkOffLoopFrom: 0))
    }

    /// The `.check` requests among the effects, in order.
    static func requests(_ driver: Driver) -> [(org: Org, id: Int)] {
        driver.effects.compactMap { effect in
            if case .check(let org, let id) = effect { return (org, id) }
            return nil
        }
    }

    static func screen(_ driver: Driver) -> String { App.view(driver.state).text }

    @Test("the first frame has everyone's load and says checking…; f says the suggestions come with the findings")
    func firstFrame() throws {
        var driver = try Self.opened()
        let org = driver.state.document.org
        let full = LoadChecker.check(org, suggestions: false)
        let screen = Self.screen(driver)
        #expect(screen.contains("checking…"), "\(screen)")
        let statusBar = try #require(App.view(driver.state).lines().last)
        #expect(statusBar.hasPrefix(" checking…") && !statusBar.contains("✖"), "no counts before the findings:\n\(screen)")
        // Every person's numbers are there already, as a full check has them.
        #expect(driver.state.live.loads == full.people)
        let dana = try #require(full.load(of: "dana-reyes"))
        #expect(screen.contains(Format.percent(dana.load)), "Dana's load on the first frame:\n\(screen)")
        // The details say the findings are coming.
        #expect(screen.contains("Findings  checking…"), "\(screen)")
        // The first turn of the loop asks for the complete check of the org as it is.
        driver.send(.tick(Date()))
        let asked = Self.requests(driver)
        try #require(asked.count == 1)
        #expect(asked[0].org == org && asked[0].id == 1)
        driver.press(.applySuggestion)
        #expect(driver.state.status?.text.contains("still being checked") == true)
        #expect(driver.state.document.history.revision == 0, "f changed nothing")
        // The Findings view says so too.
        driver.press(.showFindings)
        #expect(Self.screen(driver).contains("Checking the org…"))
    }

    @Test("keys pressed while the findings are worked out are applied; the findings then shown equal a full check of the org as it is")
    func editsWhileChecking() throws {
        var driver = try Self.opened()
        driver.send(.tick(Date()))
        let asked = try #require(Self.requests(driver).first)
        // Meanwhile: an edit, an undo and a redo, another edit, and a what-if.
        #expect(App.commit(.setHatHours(person: "dana-reyes", role: "sales-marketing", hours: 5), &driver.state))
        driver.press(.undo)
        driver.press(.redo)
        #expect(App.commit(.setCapacity(person: "sam-ortiz", hours: 30), &driver.state))
        driver.select(person: "lee-park")
        driver.press(.toggleAway)
        let org = driver.state.document.org
        #expect(org.person("dana-reyes")?.hats.first { $0.role == "sales-marketing" }?.hoursPerWeek == 5, "the edit made while checking is kept")
        #expect(driver.state.live.loads == LoadChecker.check(org, suggestions: false).people, "the numbers follow the edits at once")
        #expect(App.isChecking(driver.state))

        driver.send(.checked(id: asked.id, LiveCheck(asked.org)))
        #expect(!App.isChecking(driver.state))
        let full = LoadChecker.check(org, suggestions: false)
        #expect(driver.state.live.report() == full)
        // The what-if shown is the one a builder opened on this org, with Lee away, shows.
        var fresh = Driver(org: org, path: "msp-10.json")
        fresh.select(person: "lee-park")
        fresh.press(.toggleAway)
        for severity in Finding.Severity.allCases {
            #expect(driver.state.count(severity) == fresh.state.count(severity))
        }
        #expect(driver.state.comparison == fresh.state.comparison)
        let screen = Self.screen(driver)
        #expect(!screen.contains("checking…"), "\(screen)")
        #expect(screen.contains("critical"), "the counts are back:\n\(screen)")
        #expect(Self.requests(driver).count == 1, "asked once")
    }

    @Test("an edit that reaches too far to catch up with has the org checked again as it is; an answer to the older request is dropped")
    func checkedAgain() throws {
        var driver = try Self.opened()
        driver.send(.tick(Date()))
        let first = try #require(Self.requests(driver).first)
        // A new name is in other people's findings ("the only holder of …"): everything is
        // checked again for it.
        #expect(App.commit(.renamePerson("lee-park", to: "Lee Parker"), &driver.state))
        driver.send(.checked(id: first.id, LiveCheck(first.org)))
        #expect(App.isChecking(driver.state), "not caught up: still checking")
        driver.send(.tick(Date()))
        let requests = Self.requests(driver)
        try #require(requests.count == 2)
        let second = requests[1]
        #expect(second.id == 2 && second.org == driver.state.document.org, "asked again for the org as it is")
        // The first answer coming again (or late) changes nothing.
        driver.send(.checked(id: first.id, LiveCheck(first.org)))
        #expect(App.isChecking(driver.state))
        driver.send(.checked(id: second.id, LiveCheck(second.org)))
        #expect(!App.isChecking(driver.state))
        #expect(driver.state.live.report() == LoadChecker.check(driver.state.document.org, suggestions: false))
    }

    @Test("an org smaller than the threshold is checked on the loop: findings on the first frame, nothing asked")
    func smallOrgAtOnce() throws {
        let org = try #require(PresetCatalog.named("msp-10")).load()
        var driver = Driver(state: App.start(Document(org: org, path: nil), size: Size(width: 100, height: 30), checkOffLoopFrom: 5_000))
        driver.send(.tick(Date()))
        #expect(!App.isChecking(driver.state))
        #expect(Self.requests(driver).isEmpty)
        #expect(driver.state.count(.critical) == LoadChecker.check(org).count(.critical))
        #expect(!Self.screen(driver).contains("checking…"))
    }
}
