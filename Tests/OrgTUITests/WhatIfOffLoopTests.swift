import Foundation
import Testing
@testable import OrgKit
@testable import OrgTUI

/// A large org works its what-ifs out off the loop: `w` marks the person away at once and
/// asks for the what-if (the `.whatIf` effect); its numbers, findings and comparison show
/// when the answer comes, "checking…" until then. An answer to a what-if asked for before an
/// edit, an undo or another `w` is dropped, and the one shown is the one a builder working
/// it out on the loop shows.
@Suite("What-ifs worked out off the loop")
struct WhatIfOffLoopTests {
    /// msp-10 opened as if it were large, its findings already there.
    static func opened() throws -> Driver {
        let org = try #require(PresetCatalog.named("msp-10")).load()
        var state = App.start(Document(org: org, path: "msp-10.json"), size: Size(width: 120, height: 40), checkOffLoopFrom: 0)
        state.whatIfOffLoopFrom = 0
        var driver = Driver(state: state)
        driver.send(.tick(Date()))
        for case .check(let checked, let id) in driver.effects { driver.send(.checked(id: id, LiveCheck(checked))) }
        driver.effects = []
        return driver
    }

    /// The `.whatIf` requests among the effects, in order.
    static func requests(_ driver: Driver) -> [WhatIfRequest] {
        driver.effects.compactMap { effect in
            if case .whatIf(let request) = effect { return request }
            return nil
        }
    }

    /// The same org and people away in a builder that works the what-if out on the loop.
    static func onTheLoop(_ org: Org, away: [String]) -> Driver {
        var driver = Driver(org: org, path: "msp-10.json", width: 120, height: 40)
        for id in away {
            driver.select(person: id)
            driver.press(.toggleAway)
        }
        return driver
    }

    static func expectSame(_ driver: Driver, as fresh: Driver, _ comment: Comment) {
        #expect(driver.state.whatIfOrg == fresh.state.whatIfOrg, comment)
        #expect(driver.state.check.report() == fresh.state.check.report(), comment)
        #expect(driver.state.comparison == fresh.state.comparison, comment)
        #expect(driver.state.takenOver == fresh.state.takenOver, comment)
        for severity in Finding.Severity.allCases {
            #expect(driver.state.count(severity) == fresh.state.count(severity), comment)
        }
    }

    @Test("w marks the person away at once and asks for the what-if; it shows when it comes, as on the loop")
    func whatIfComes() throws {
        var driver = try Self.opened()
        #expect(!App.isChecking(driver.state))
        driver.select(person: "lee-park")
        driver.press(.toggleAway)
        #expect(driver.state.away == ["lee-park"])
        #expect(App.isChecking(driver.state))
        #expect(driver.state.whatIfCheck == nil, "nothing of the what-if is shown before it comes")
        #expect(App.view(driver.state).text.contains("checking…"))
        let requests = Self.requests(driver)
        try #require(requests.count == 1)
        #expect(requests[0].away == ["lee-park"])
        driver.send(requests[0].run())
        #expect(!App.isChecking(driver.state))
        #expect(!App.view(driver.state).text.contains("checking…"))
        Self.expectSame(driver, as: Self.onTheLoop(driver.state.document.org, away: ["lee-park"]), "Lee away")
        #expect(driver.state.comparison != nil && !(driver.state.comparison?.new.isEmpty ?? true), "the what-if changes something")
        // And back: nothing asked, nothing shown.
        driver.effects = []
        driver.press(.toggleAway)
        #expect(driver.state.away.isEmpty && driver.state.whatIfCheck == nil && driver.state.comparison == nil)
        #expect(!App.isChecking(driver.state) && Self.requests(driver).isEmpty)
    }

    @Test("an edit, an undo, a second w or w back while a what-if is out: the late answers are dropped, the one shown is of the org and the people away as they are")
    func staleAnswersDropped() throws {
        var driver = try Self.opened()
        driver.select(person: "lee-park")
        driver.press(.toggleAway)
        let first = try #require(Self.requests(driver).last)
        // Meanwhile an edit: the what-if is asked for again, for the org as it is.
        #expect(App.commit(.setCapacity(person: "sam-ortiz", hours: 20), &driver.state))
        // (The loop's next turn sends the request.)
        driver.send(.tick(Date()))
        let second = try #require(Self.requests(driver).last)
        #expect(second.id != first.id)
        driver.send(first.run())
        #expect(App.isChecking(driver.state), "the answer for the org before the edit is dropped")
        #expect(driver.state.whatIfCheck == nil)
        // A second person away, then an undo of the edit.
        driver.select(person: "dana-reyes")
        driver.press(.toggleAway)
        driver.press(.undo)
        let last = try #require(Self.requests(driver).last)
        #expect(last.away == ["lee-park", "dana-reyes"])
        #expect(driver.state.document.org.person("sam-ortiz")?.hoursPerWeek == nil, "the undo is applied")
        for stale in Self.requests(driver).dropLast() {
            driver.send(stale.run())
            #expect(App.isChecking(driver.state) && driver.state.whatIfCheck == nil, "request \(stale.id) is stale")
        }
        driver.send(last.run())
        #expect(!App.isChecking(driver.state))
        Self.expectSame(driver, as: Self.onTheLoop(driver.state.document.org, away: ["lee-park", "dana-reyes"]), "Lee and Dana away")
        // w back for Dana while the next one is out, then the answer for both comes late.
        driver.press(.toggleAway)
        let onlyLee = try #require(Self.requests(driver).last)
        #expect(onlyLee.away == ["lee-park"])
        driver.send(last.run())
        #expect(App.isChecking(driver.state) && driver.state.whatIfCheck == nil, "the answer with Dana away is not shown")
        driver.send(onlyLee.run())
        Self.expectSame(driver, as: Self.onTheLoop(driver.state.document.org, away: ["lee-park"]), "Lee away again")
        #expect(!App.isChecking(driver.state))
        // Everyone back while one is out: its answer changes nothing.
        driver.select(person: "sam-ortiz")
        driver.press(.toggleAway)
        let again = try #require(Self.requests(driver).last)
        #expect(again.away == ["lee-park", "sam-ortiz"])
        driver.press(.toggleAway)
        driver.select(person: "lee-park")
        driver.press(.toggleAway)
        driver.send(again.run())
        #expect(driver.state.away.isEmpty && driver.state.whatIfCheck == nil && !App.isChecking(driver.state))
    }

    @Test("what a what-if lets go of is freed off the loop by a runner that works off it")
    func releasedOffTheLoop() throws {
        var driver = try Self.opened()
        driver.select(person: "lee-park")
        driver.press(.toggleAway)
        let request = try #require(Self.requests(driver).last)
        driver.send(request.run())
        driver.effects = []
        driver.press(.toggleAway)
        let released = driver.effects.compactMap { effect in
            if case .release(let retired) = effect { return retired }
            return nil
        }
        #expect(released.count == 1, "the what-if shown is handed over to be freed")
    }
}
