import Foundation
import Testing
@testable import OrgTUI

@Suite("Key map")
struct KeyMapTests {
    @Test("no key does two things in the same place")
    func noConflicts() {
        for context in BindingContext.allCases {
            var seen: [Key: BindingID] = [:]
            for binding in KeyMap.bindings where binding.contexts.contains(context) {
                for key in binding.keys {
                    #expect(seen[key] == nil, "\(key.label) is both \(seen[key]?.rawValue ?? "") and \(binding.id.rawValue) in \(context)")
                    seen[key] = binding.id
                }
            }
        }
    }

    @Test("every binding id has a row in the table")
    func complete() {
        for id in BindingID.allCases {
            #expect(KeyMap.binding(id) != nil, "\(id.rawValue) has no binding")
        }
    }

    @Test("docs/keys.md is generated from the key table and up to date")
    func keysDocument() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/keys.md")
        let generated = KeyMap.markdown()
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try generated.write(to: url, atomically: true, encoding: .utf8)
        }
        let file = try String(contentsOf: url, encoding: .utf8)
        #expect(file == generated, "docs/keys.md is stale: run RECORD_SNAPSHOTS=1 swift test --filter KeyMapTests")
    }

    @Test("docs/keys.md and the help screen list every dialog's keys, under the dialog's name")
    func dialogKeysListed() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/keys.md")
        let file = try String(contentsOf: url, encoding: .utf8)
        let help = Screens.helpLines().map(\.text)
        for binding in KeyMap.bindings where binding.contexts.isDisjoint(with: BindingContext.views) {
            let keys = binding.keys.map { "`\($0.label)`" }.joined(separator: " ")
            let section = file.components(separatedBy: "\n## \(binding.group)\n").dropFirst().first?.components(separatedBy: "\n## ").first ?? ""
            #expect(section.contains("| \(keys) | \(binding.help) |"), "docs/keys.md has no row for \(binding.id.rawValue) under \(binding.group)")
            let groupStart = help.firstIndex(of: binding.group) ?? help.endIndex
            #expect(help[groupStart...].contains { $0.contains(binding.help) }, "? lists \(binding.id.rawValue) outside \(binding.group)")
        }
    }

    @Test("the help screen lists every binding")
    func helpListsAll() {
        let help = Screens.helpLines().map(\.text).joined(separator: "\n")
        for binding in KeyMap.bindings {
            #expect(help.contains(binding.help), "help is missing \(binding.id.rawValue)")
        }
    }

    @Test("a key that cannot be used says why instead of doing nothing")
    func disabledKeysSayWhy() throws {
        var driver = Driver(org: .empty(name: "Empty"))
        driver.press(.editHats)
        #expect(driver.state.status?.text == "Enter (hats): no person selected")
        driver.press(.undo)
        #expect(driver.state.status?.text == "u (undo): nothing to undo")
        driver.press(.clearAway)
        #expect(driver.state.status?.text == "W (all back): nobody is marked away")
        driver.key(.character("Z"))
        #expect(driver.state.status?.text == "Z does nothing in Chart — ? lists the keys")
    }
}
