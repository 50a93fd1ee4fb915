import Foundation
import Testing
@testable import OrgKit
@testable import OrgTUI

@Suite("Never losing work in the builder")
struct SafetyFlowTests {
    let start = Date(timeIntervalSince1970: 1_000_000)

    func edit(_ driver: inout Driver, _ name: String) {
        driver.press(.renameOrg)
        driver.key(.control("u"))
        driver.type(name)
        driver.press(.confirm)
    }

    func recoveryWrites(_ effects: [Effect]) -> Int {
        effects.filter { if case .writeRecovery = $0 { return true }; return false }.count
    }

    @Test("a recovery copy is written within 5 seconds of a change")
    func withinFiveSeconds() throws {
        var driver = try Driver()
        driver.send(.tick(start))
        edit(&driver, "One")
        #expect(recoveryWrites(driver.effects) == 0)
        driver.send(.tick(start.addingTimeInterval(2)))
        #expect(recoveryWrites(driver.effects) == 0)
        driver.send(.tick(start.addingTimeInterval(4.2)))
        #expect(driver.effects.last == .writeRecovery(driver.state.document.org, key: driver.state.document.recoveryKey))
        // Nothing new: no second copy.
        driver.send(.tick(start.addingTimeInterval(30)))
        #expect(recoveryWrites(driver.effects) == 1)
    }

    @Test("… or within 20 edits, whichever comes first")
    func withinTwentyEdits() throws {
        var driver = try Driver()
        driver.send(.tick(start))
        for index in 1...19 { edit(&driver, "Name \(index)") }
        #expect(recoveryWrites(driver.effects) == 0)
        edit(&driver, "Name 20")
        #expect(recoveryWrites(driver.effects) == 1)
    }

    @Test("saving, or undoing back to the file, removes the copy; discarding on quit removes it")
    func removal() throws {
        var driver = try Driver()
        driver.send(.tick(start))
        edit(&driver, "One")
        driver.send(.tick(start.addingTimeInterval(5)))
        #expect(driver.state.recovery.copyExists)
        driver.press(.undo)
        #expect(driver.effects.last == .removeRecovery(key: driver.state.document.recoveryKey))
        #expect(!driver.state.recovery.copyExists)

        edit(&driver, "Two")
        driver.send(.tick(start.addingTimeInterval(10)))
        driver.press(.save)
        driver.send(.saved(path: "msp-10.json", revision: driver.state.document.history.revision, error: nil, fingerprint: FileFingerprint([1])))
        #expect(driver.effects.last == .removeRecovery(key: driver.state.document.recoveryKey))

        edit(&driver, "Three")
        driver.send(.tick(start.addingTimeInterval(20)))
        driver.press(.quit)
        driver.key(.character("d"))
        #expect(Array(driver.effects.suffix(2)) == [.quit, .removeRecovery(key: driver.state.document.recoveryKey)])
    }

    @Test("SIGTERM or SIGHUP with unsaved work writes the copy before leaving")
    func terminate() throws {
        var driver = try Driver()
        edit(&driver, "Urgent")
        driver.send(.terminate)
        #expect(Array(driver.effects.suffix(2)) == [.writeRecovery(driver.state.document.org, key: driver.state.document.recoveryKey), .quit])
    }

    @Test("a save finding the file changed on disk asks: overwrite, reload or save as")
    func conflict() throws {
        var driver = try Driver()
        edit(&driver, "Mine")
        driver.send(.diskChanged)
        #expect(driver.screen.contains("⚠ changed on disk"))
        driver.press(.save)
        driver.send(.saveConflict(path: "msp-10.json"))
        #expect(driver.screen.contains("msp-10.json changed on disk since you opened or saved it."))
        #expect(driver.screen.contains("[o] Overwrite it"))
        driver.key(.character("o"))
        #expect(driver.effects.last == .save(driver.state.document.org, path: "msp-10.json", revision: driver.state.document.history.revision, check: .none))
        driver.press(.save)
        driver.send(.saveConflict(path: "msp-10.json"))
        driver.key(.character("r"))
        #expect(driver.effects.last == .open(path: "msp-10.json"))
        driver.press(.save)
        driver.send(.saveConflict(path: "msp-10.json"))
        driver.key(.character("a"))
        #expect(driver.screen.contains("Save as"))
        driver.press(.cancel)
        #expect(driver.state.document.org.name == "Mine", "nothing was lost along the way")
    }

    func copy(_ name: String, _ driver: Driver, path: String = "/state/hats/msp-10-1@host.0.1.1.json", written: Date? = nil) throws -> RecoveryStore.Copy {
        var org = driver.state.document.org
        try org.apply(.renameOrg(name))
        return RecoveryStore.Copy(path: path, org: org, written: written ?? start)
    }

    @Test("recovered work is offered on opening; r brings it back unsaved, d discards it")
    func offer() throws {
        var driver = try Driver()
        let recovered = try copy("Recovered", driver)
        App.offerRecovery(&driver.state, [recovered])
        #expect(driver.screen.contains("Unsaved work found"))
        driver.key(.character("r"))
        #expect(driver.state.document.org.name == "Recovered")
        #expect(driver.state.document.isModified)
        #expect(driver.screen.contains("● unsaved"))
        // This session's own copy at once; the old one goes only once that is written.
        #expect(driver.effects == [.writeRecovery(recovered.org, key: driver.state.document.recoveryKey, retiring: [recovered.path])])
        driver.send(.recoveryWritten(error: nil))
        #expect(driver.state.recovery.adopted.isEmpty)
        driver.press(.save)
        driver.send(.saved(path: "msp-10.json", revision: driver.state.document.history.revision, error: nil, fingerprint: FileFingerprint([2])))
        #expect(driver.effects.last == .removeRecovery(key: driver.state.document.recoveryKey), "this session's copy goes once saved")

        var other = try Driver()
        App.offerRecovery(&other.state, [recovered])
        other.key(.character("d"))
        #expect(other.effects == [.retireRecovery(path: recovered.path)])
        #expect(other.state.document.org.name == "Northwind MSP")
    }

    @Test("Esc on “Unsaved work found” keeps the copy, says where it is, and later edits never touch it")
    func cancelKeepsTheCopy() throws {
        var driver = try Driver()
        let recovered = try copy("Crashed work", driver)
        App.offerRecovery(&driver.state, [recovered])
        driver.key(.escape)
        #expect(!driver.screen.contains("Unsaved work found"))
        #expect(driver.effects.isEmpty, "nothing removed")
        #expect(driver.screen.contains("Kept the unsaved copy"))
        #expect(driver.state.status?.text.contains(recovered.path) == true)
        driver.send(.tick(start))
        edit(&driver, "New edit")
        driver.send(.tick(start.addingTimeInterval(5)))
        // The new edit goes to this session's copy; the old copy is never named.
        #expect(driver.effects.last == .writeRecovery(driver.state.document.org, key: driver.state.document.recoveryKey, retiring: []))
        driver.press(.save)
        driver.send(.saved(path: "msp-10.json", revision: driver.state.document.history.revision, error: nil, fingerprint: FileFingerprint([3])))
        #expect(!driver.effects.contains(.retireRecovery(path: recovered.path)), "a save does not remove a copy the user kept")
    }

    @Test("several copies are offered one after another; one older than the file says the file changed since")
    func severalCopies() throws {
        var driver = try Driver()
        driver.send(.tick(start.addingTimeInterval(600)))
        var older = try copy("Older", driver, path: "/s/a.json", written: start)
        older.fileChangedSince = true
        let newer = try copy("Newer", driver, path: "/s/b.json", written: start.addingTimeInterval(300))
        App.offerRecovery(&driver.state, [newer, older])
        #expect(driver.screen.contains("1 more copy after this one"))
        #expect(driver.screen.contains("written 5 minutes ago"))
        driver.key(.character("d"))
        #expect(driver.effects == [.retireRecovery(path: "/s/b.json")])
        #expect(driver.screen.contains("Unsaved work found"), "the next copy is offered")
        #expect(driver.screen.contains("written 10 minutes ago"))
        #expect(driver.screen.contains("changed on disk after it"))
        driver.key(.character("r"))
        #expect(driver.state.document.org.name == "Older")
    }

    @Test("a recovery copy that cannot be written: the status bar says crash protection is off, and why")
    func failingCopy() throws {
        var driver = try Driver()
        driver.send(.tick(start))
        edit(&driver, "Unprotected")
        driver.send(.tick(start.addingTimeInterval(5)))
        driver.send(.recoveryWritten(error: "cannot save in /state/hats: no space left on the device"))
        #expect(driver.screen.contains("Crash protection off"))
        #expect(driver.screen.contains("no space left on the device"))
        driver.key(.character("j"))  // the status message goes; the warning stays
        #expect(driver.screen.contains("Crash protection off: cannot save in /state/hats"))
        #expect(driver.screen.contains("no crash copy"))
        driver.send(.recoveryWritten(error: nil))
        #expect(driver.screen.contains("Crash protection back on"))
        driver.key(.character("k"))
        #expect(!driver.screen.contains("Crash protection off"))
    }
}
