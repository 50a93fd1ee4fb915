import Foundation
import Testing
@testable import OrgKit
@testable import OrgTUI

/// Drives the app the way the terminal would: keys by binding id, text typed into fields,
/// resizes; collects the effects; renders the screen.
struct Driver {
    var state: AppState
    var effects: [Effect] = []

    init(preset: String = "msp-10", path: String? = "msp-10.json", width: Int = 100, height: Int = 30) throws {
        let org = try #require(PresetCatalog.named(preset)).load()
        state = App.start(Document(org: org, path: path), size: Size(width: width, height: height))
    }

    init(org: Org, path: String? = nil, width: Int = 100, height: Int = 30) {
        state = App.start(Document(org: org, path: path), size: Size(width: width, height: height))
    }

    init(state: AppState) {
        self.state = state
    }

    mutating func press(_ id: BindingID, times: Int = 1) {
        for _ in 0..<times { send(.key(KeyMap.key(id))) }
    }

    mutating func key(_ key: Key, times: Int = 1) {
        for _ in 0..<times { send(.key(key)) }
    }

    mutating func type(_ text: String) {
        for character in text { send(.key(.character(character))) }
    }

    mutating func send(_ msg: Msg) {
        effects += App.update(&state, msg)
    }

    /// Answers the last `.plan` effect as the runner's planner would, with the plan for the
    /// org it asked about. Returns that org (nil: no plan was asked for).
    @discardableResult
    mutating func answerPlan(progress: PlanProgress? = nil) -> Org? {
        guard let org = effects.lazy.reversed().compactMap({ effect -> Org? in
            if case .plan(let org) = effect { return org }
            return nil
        }).first else { return nil }
        effects.removeAll { if case .plan = $0 { return true }; return false }
        if let progress { send(.planProgress(progress)) }
        send(.planned(for: org, Planner.plan(org)))
        return org
    }

    /// The `.plan` effects waiting for an answer.
    var planRequests: Int { effects.filter { if case .plan = $0 { return true }; return false }.count }

    mutating func resize(_ width: Int, _ height: Int) {
        send(.resize(Size(width: width, height: height)))
    }

    /// Selects a person by id in the chart, as a user would with the arrow keys.
    mutating func select(person id: String) {
        press(.top)
        var guardCount = 0
        while state.selectedPerson != id, guardCount < 10_000 {
            press(.moveDown)
            guardCount += 1
        }
    }

    var screen: String { App.view(state).text }
    /// The screen and its style runs, for goldens where a colour means something.
    var styledScreen: String { App.view(state).styledText }
    var lines: [String] { App.view(state).lines() }
}

/// Compares a screen with `Snapshots/<name>.txt`. Golden files are reviewed by people;
/// they are only rewritten when RECORD_SNAPSHOTS=1 is set (a missing one fails the test).
func assertScreen(_ screen: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name).txt")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? screen.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no golden screen \(name).txt; record it with RECORD_SNAPSHOTS=1 and review it", sourceLocation: sourceLocation)
        return
    }
    if golden != screen {
        let expected = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let actual = screen.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for index in 0..<max(expected.count, actual.count) {
            let old = index < expected.count ? String(expected[index]) : "∅"
            let new = index < actual.count ? String(actual[index]) : "∅"
            if old != new { diff.append("line \(index + 1):\n  golden: \(old)\n  actual: \(new)") }
        }
        Issue.record("screen \(name) differs from its golden file:\n\(diff.prefix(12).joined(separator: "\n"))", sourceLocation: sourceLocation)
    }
}
