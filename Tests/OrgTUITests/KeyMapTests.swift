import Foundation
import Testing
@testable import OrgTUI
import OrgKit

@Suite("Key map")
struct KeyMapTests {
    /// The help screen's text at a size as words, whatever the wrapping: lines joined,
    /// runs of spaces (the key column's padding too) made one.
    static func words(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{A0}", with: " ").split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    static func helpWords(_ size: Size) -> String { words(Screens.helpLines(size).map(\.text).joined(separator: " ")) }

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
        let help = Screens.helpLines(Size(width: 120, height: 50)).map { Self.words($0.text) }
        for binding in KeyMap.bindings where binding.contexts.isDisjoint(with: BindingContext.views) {
            let keys = binding.keys.map { "`\($0.label)`" }.joined(separator: " ")
            let section = file.components(separatedBy: "\n## \(binding.group)\n").dropFirst().first?.components(separatedBy: "\n## ").first ?? ""
            #expect(section.contains("| \(keys) | \(binding.help) |"), "docs/keys.md has no row for \(binding.id.rawValue) under \(binding.group)")
            let groupStart = help.firstIndex(of: binding.group) ?? help.endIndex
            #expect(Self.words(help[groupStart...].joined(separator: " ")).contains(Self.words(binding.help)), "? lists \(binding.id.rawValue) outside \(binding.group)")
        }
    }

    @Test("the help screen lists every binding")
    func helpListsAll() {
        let help = Self.helpWords(Size(width: 120, height: 50))
        for binding in KeyMap.bindings {
            #expect(help.contains(Self.words(binding.help)), "help is missing \(binding.id.rawValue)")
        }
        for (symbol, meaning) in KeyMap.symbols {
            #expect(help.contains(Self.words(symbol + " " + meaning)), "help is missing the symbol \(symbol)")
        }
    }

    @Test("the help screen at 80 and 60 columns wraps every line to its frame: nothing is cut", arguments: [80, 60])
    func helpWraps(width: Int) {
        let size = Size(width: width, height: 24)
        let lines = Screens.helpLines(size).map(\.text)
        let room = min(width - 2, Screens.helpWidth) - 4
        for line in lines { #expect(DisplayWidth.of(line) <= room, "cut at \(width) columns: \(line)") }
        // Words in order, whatever the wrapping: every help text and the last note whole.
        let words = Self.helpWords(size)
        for binding in KeyMap.bindings {
            #expect(words.contains(Self.words(binding.help)), "\(binding.id.rawValue) is cut at \(width) columns")
        }
        #expect(words.contains("Pickers filter as you type."))
        // And the help dialog shows them so.
        var driver = Driver(org: .empty(name: "Help"), width: width, height: 24)
        driver.press(.help)
        driver.press(.bottom)
        #expect(driver.screen.contains("Pickers filter as you type."))
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
