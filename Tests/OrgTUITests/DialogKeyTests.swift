import Foundation
import Testing
@testable import OrgKit
@testable import OrgTUI

/// Every dialog's keys come from the key table: what its footer shows works, and nothing
/// outside the table does anything.
@Suite("Dialog keys")
struct DialogKeyTests {
    /// A dialog opened the way a user opens it, on the msp-10 preset.
    struct Opened: CustomStringConvertible, Sendable {
        var name: String
        var open: @Sendable () throws -> Driver
        var description: String { name }
    }

    static let recoveryCopy: RecoveryStore.Copy = {
        var org = (try? PresetCatalog.named("msp-10")?.load()) ?? .empty()
        try? org.apply(.renameOrg("Recovered"))
        return RecoveryStore.Copy(path: "/state/hats/msp-10-1@host.0.1.1.json", org: org, written: Date(timeIntervalSince1970: 0))
    }()

    /// A person of msp-10 with at least two hats.
    static func wearer(_ driver: Driver) -> Person? {
        driver.state.document.org.people.first { $0.hats.count >= 2 }
    }

    static let dialogs: [Opened] = [
        Opened(name: "form") { var d = try Driver(); d.press(.addPerson); return d },
        Opened(name: "form-choice") {
            var d = try Driver()
            d.press(.editPolicy)
            d.key(.tab)
            return d
        },
        Opened(name: "picker") { var d = try Driver(); d.press(.find); return d },
        Opened(name: "marking-picker") {
            var d = try Driver()
            d.press(.showRoles)
            d.press(.editRole)
            d.focus("Related roles")
            d.press(.nextValue)
            return d
        },
        Opened(name: "hats") {
            var d = try Driver()
            if let person = wearer(d) { d.select(person: person.id) }
            d.press(.editHats)
            return d
        },
        Opened(name: "hats-hours") {
            var d = try Driver()
            if let person = wearer(d) { d.select(person: person.id) }
            d.press(.editHats)
            d.key(.character("e"))
            return d
        },
        Opened(name: "export") { var d = try Driver(); d.press(.export); return d },
        Opened(name: "export-file") { var d = try Driver(); d.press(.export); d.key(.tab); return d },
        Opened(name: "help") {
            var d = try Driver()
            d.press(.help)
            d.state.dialogs[d.state.dialogs.count - 1] = .help(HelpDialog(list: ListState(selected: 0, offset: 3)))
            return d
        },
        Opened(name: "start") {
            var state = App.startScreen(size: Size(width: 100, height: 30))
            state.starting?.list.selected = 1
            return Driver(state: state)
        },
        Opened(name: "delete") { var d = try Driver(); d.press(.moveDown); d.press(.deletePerson); return d },
        Opened(name: "quit") { var d = try Driver(); d.press(.renameOrg); d.type("x"); d.key(.enter); d.press(.quit); return d },
        Opened(name: "conflict") { var d = try Driver(); d.send(.saveConflict(path: "msp-10.json")); return d },
        Opened(name: "recovery") { var d = try Driver(); App.offerRecovery(&d.state, [recoveryCopy]); return d },
        Opened(name: "replace") { var d = try Driver(); d.send(.exportExists(path: "out.svg", format: .svg)); return d },
    ]

    /// What each footer entry must do, by dialog and binding: (before, after) -> done.
    typealias Check = @Sendable (Driver, Driver) -> Bool
    static let checks: [String: Check] = [
        "form.confirm": { before, after in after.state.dialogs.isEmpty && after.state.document.org.people.count == before.state.document.org.people.count + 1 },
        "form.cancel": { _, after in after.state.dialogs.isEmpty },
        "form.nextField": { before, after in focus(before) + 1 == focus(after) },
        "form-choice.confirm": { before, after in after.state.dialogs.isEmpty && after.state.document.org.policy.switching != before.state.document.org.policy.switching },
        "form-choice.cancel": { _, after in after.state.dialogs.isEmpty },
        "form-choice.nextField": { before, after in focus(before) + 1 == focus(after) },
        "picker.confirm": { before, after in after.state.dialogs.isEmpty && after.state.selectedPerson != nil },
        "picker.cancel": { _, after in after.state.dialogs.isEmpty },
        "marking-picker.toggleMark": { before, after in marked(after) == marked(before) + 1 },
        "marking-picker.confirm": { _, after in if case .form(let form) = after.state.dialogs.last { return form.fields[form.focus].label == "Related roles" } else { return false } },
        "marking-picker.cancel": { _, after in if case .form = after.state.dialogs.last { return after.state.dialogs.count == 1 } else { return false } },
        "hats.addHat": { _, after in if case .picker(let picker) = after.state.dialogs.last { return picker.purpose == .addHat(person: after.state.selectedPerson ?? "") } else { return false } },
        "hats.editHatHours": { _, after in if case .hats(let hats) = after.state.dialogs.last { return hats.editing != nil } else { return false } },
        "hats.removeHat": { before, after in hatCount(after) == hatCount(before) - 1 },
        "hats.cancel": { _, after in after.state.dialogs.isEmpty },
        "hats-hours.confirm": { _, after in
            guard case .hats(let hats) = after.state.dialogs.last, hats.editing == nil else { return false }
            return after.state.document.org.person(hats.person)?.hats[hats.list.selected].hoursPerWeek == 7
        },
        "hats-hours.cancel": { _, after in if case .hats(let hats) = after.state.dialogs.last { return hats.editing == nil } else { return false } },
        "export.confirm": { _, after in after.state.dialogs.isEmpty && after.effects.contains { if case .export = $0 { true } else { false } } },
        "export.switchFocus": { _, after in if case .export(let export) = after.state.dialogs.last { return export.focus == 1 } else { return false } },
        "export.cancel": { _, after in after.state.dialogs.isEmpty },
        "export-file.confirm": { _, after in after.state.dialogs.isEmpty && after.effects.contains { if case .export = $0 { true } else { false } } },
        "export-file.switchFocus": { _, after in if case .export(let export) = after.state.dialogs.last { return export.focus == 0 } else { return false } },
        "export-file.cancel": { _, after in after.state.dialogs.isEmpty },
        "help.moveUp": { _, after in helpScroll(after) == 2 },
        "help.moveDown": { _, after in helpScroll(after) == 4 },
        "help.cancel": { _, after in after.state.dialogs.isEmpty },
        "start.moveUp": { _, after in after.state.starting?.list.selected == 0 },
        "start.moveDown": { _, after in after.state.starting?.list.selected == 2 },
        "start.confirm": { _, after in after.state.starting == nil },
        "start.quit": { _, after in after.effects == [.quit] },
        "delete.deleteIt": { before, after in after.state.document.org.people.count == before.state.document.org.people.count - 1 },
        "delete.cancel": { before, after in after.state.dialogs.isEmpty && after.state.document.org.people.count == before.state.document.org.people.count },
        "quit.saveAndQuit": { _, after in after.effects.contains { if case .save = $0 { true } else { false } } },
        "quit.discardAndQuit": { _, after in after.effects.contains(.quit) && after.state.quitting },
        "quit.cancel": { _, after in after.state.dialogs.isEmpty && !after.state.quitting && after.effects.isEmpty },
        "conflict.overwriteFile": { _, after in after.effects.contains { if case .save(_, path: _, revision: _, check: SaveCheck.none) = $0 { true } else { false } } },
        "conflict.reloadFile": { _, after in after.effects == [.open(path: "msp-10.json")] },
        "conflict.saveAsInstead": { _, after in if case .form(let form) = after.state.dialogs.last { return form.purpose == .saveAs } else { return false } },
        "conflict.cancel": { _, after in after.state.dialogs.isEmpty && after.effects.isEmpty },
        "recovery.recoverCopy": { _, after in after.state.document.org.name == "Recovered" && after.state.document.isModified },
        "recovery.discardCopy": { _, after in after.effects.contains(.retireRecovery(path: recoveryCopy.path)) },
        "recovery.keepCopy": { _, after in after.state.dialogs.isEmpty && after.state.status?.text.hasPrefix("Kept the unsaved copy") == true },
        "replace.replaceIt": { _, after in after.effects.contains { if case .export(_, format: .svg, path: "out.svg", replacing: true, _) = $0 { true } else { false } } },
        "replace.cancel": { _, after in after.state.dialogs.isEmpty && after.effects.isEmpty },
    ]

    static func marked(_ driver: Driver) -> Int { if case .picker(let picker) = driver.state.dialogs.last { picker.marked.count } else { -1 } }
    static func focus(_ driver: Driver) -> Int { if case .form(let form) = driver.state.dialogs.last { form.focus } else { -1 } }
    static func helpScroll(_ driver: Driver) -> Int { if case .help(let help) = driver.state.dialogs.last { help.list.offset } else { -1 } }
    static func hatCount(_ driver: Driver) -> Int {
        guard case .hats(let hats) = driver.state.dialogs.last else { return -1 }
        return driver.state.document.org.person(hats.person)?.hats.count ?? -1
    }

    /// The footer as drawn, and the context its keys are looked up in.
    static func footer(_ driver: Driver) -> (BindingContext, [FooterEntry]) {
        if let dialog = driver.state.dialogs.last { return (dialog.keyContext, dialog.footer) }
        return (.start, KeyMap.footer(for: .start))
    }

    @Test("every key a dialog's footer shows is on screen and does what the footer says", arguments: dialogs)
    func footerKeysWork(_ opened: Opened) throws {
        let before = try opened.open()
        let (context, entries) = Self.footer(before)
        #expect(!entries.isEmpty)
        let screen = before.screen
        for entry in entries {
            let shown = BindingContext.questions.contains(context) ? "[\(entry.keys.map(\.label).joined(separator: " or "))] \(entry.label)" : entry.text
            #expect(screen.contains(shown), "\(opened.name): the footer entry \(shown) is not on screen")
            for (id, key) in zip(entry.ids, entry.keys) {
                guard let check = Self.checks["\(opened.name).\(id.rawValue)"] else {
                    Issue.record("\(opened.name): no check for \(id.rawValue), shown as \(entry.text)")
                    continue
                }
                var after = before
                after.effects = []
                if id == .confirm, opened.name == "form" { after.type("Zed Newman") }
                if id == .confirm, opened.name == "hats-hours" { after.key(.control("u")); after.type("7") }
                if id == .confirm, opened.name == "form-choice" { after.type("n") }
                after.key(key)
                let done = check(before, after)
                #expect(done, "\(opened.name): \(key.label) (\(entry.label)) did not do it")
            }
        }
    }

    /// Every key a user can press that is not text.
    static let specialKeys: [Key] = [.enter, .tab, .backTab, .backspace, .delete, .escape, .insert, .up, .down, .left, .right,
                                     .pageUp, .pageDown, .home, .end, .function(1), .function(2), .function(5)]
        + "abcdefghijklmnopqrstuvwxyz".map { Key.control($0) }
    static let textKeys: [Key] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ?/-.,:;!@#é".map { Key.character($0) }

    static func fieldText(_ dialog: Dialog?) -> String? {
        switch dialog {
        case .form(let form): form.fields.indices.contains(form.focus) ? form.fields[form.focus].input.text : nil
        case .picker(let picker): picker.query.text
        case .hats(let hats): hats.editing?.text
        case .export(let export): export.path.text
        default: nil
        }
    }

    @Test("a key not in a dialog's table rows does nothing there; typed text goes to the field", arguments: dialogs)
    func onlyTableKeys(_ opened: Opened) throws {
        var before = try opened.open()
        before.state.status = nil
        before.effects = []
        let context = before.state.context
        let dialog = before.state.dialogs.last
        let inField = dialog?.fieldHasFocus ?? false
        for key in Self.specialKeys + Self.textKeys {
            if KeyMap.binding(for: key, in: context, inField: inField) != nil { continue }
            var after = before
            after.key(key)
            let what = "\(opened.name): \(key.label)"
            #expect(after.effects.isEmpty, "\(what) had effects")
            #expect(after.state.document.history.revision == before.state.document.history.revision, "\(what) edited the org")
            #expect(after.state.dialogs.count == before.state.dialogs.count, "\(what) opened or closed a dialog")
            #expect(after.state.context == context, "\(what) changed where the keys go")
            if case .character(let character) = key, inField || opened.name == "export" {
                // A typed letter goes into the field (the format list hands it to the file name).
                #expect(Self.fieldText(after.state.dialogs.last)?.contains(character) == true, "\(what) did not go into the field")
            } else if !inField, opened.name != "form-choice" || !key.isText {
                #expect(after.screen == before.screen, "\(what) changed the screen but is in no table row")
            }
        }
    }

    @Test("in a text field letters type, even those bound outside fields (j, k, a, d, e, q, ?)")
    func lettersTypeInFields() throws {
        var driver = try Driver()
        driver.press(.export)
        driver.key(.tab)
        driver.key(.control("u"))
        driver.type("jkadeq?")
        guard case .export(let export) = driver.state.dialogs.last else {
            Issue.record("the export dialog closed")
            return
        }
        #expect(export.path.text == "jkadeq?")
        #expect(export.list.selected == 0, "j and k typed into the file name did not move the format")
        #expect(driver.screen.contains("jkadeq?"))
    }

    @Test("every dialog context shows keys in its footer and is opened by one of these tests")
    func everyContextCovered() throws {
        var opened: Set<BindingContext> = []
        for dialog in Self.dialogs { opened.insert(try dialog.open().state.context) }
        for context in BindingContext.allCases where !BindingContext.views.contains(context) {
            #expect(!KeyMap.hints(for: context).isEmpty, "\(context) shows no keys")
            #expect(opened.contains(context), "no test opens \(context.title)")
        }
    }
}
