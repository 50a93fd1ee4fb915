import Foundation
import Testing
@testable import OrgKit

/// The builder's Plan view in a real terminal: the whole plan applied, undone step by step
/// and applied again, then saved.
@Suite("Plan view end to end", .enabled(if: Tmux.available, "tmux is not installed"), .serialized)
struct PlanViewEndToEndTests {
    @Test("a solo owner's org: 6 shows the plan, F applies it, u undoes it step by step, F again and Ctrl-S save the planned org")
    func applyUndoSave() throws {
        let tmux = try Tmux(width: 120, height: 40)
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/examples/solo-owner.json")
        let original = try Data(contentsOf: example)
        try original.write(to: tmux.directory.appendingPathComponent("org.json"))
        let org = try OrgFile.decode([UInt8](original)).org
        let plan = Planner.plan(org)
        #expect(plan.steps.count == 2)

        try tmux.start("org.json")
        #expect(tmux.waitFor("Reporting lines"))
        // Priya's overload has no single move: the details say where to look.
        #expect(tmux.waitFor("No single move helps: see the Plan (6)"), "\(tmux.screen)")
        try tmux.keys("6")
        #expect(tmux.waitFor("Plan · 2 steps: 0 moves, 2 hires"), "\(tmux.screen)")
        #expect(tmux.screen.contains("Findings now ✖ 1  ▲ 4  →  after the plan ✖ 0  ▲ 2"))
        try tmux.keys("F")
        #expect(tmux.waitFor("Applied the whole plan: 2 steps"), "\(tmux.screen)")
        #expect(tmux.waitFor("No plan needed"), "\(tmux.screen)")
        #expect(tmux.screen.contains("✖ 0 critical"))

        // Step by step back: the plan comes back with them.
        try tmux.keys("u")
        #expect(tmux.waitFor("Plan · 1 step: 0 moves, 1 hire"), "\(tmux.screen)")
        try tmux.keys("u")
        #expect(tmux.waitFor("Plan · 2 steps: 0 moves, 2 hires"), "\(tmux.screen)")
        #expect(tmux.waitUntilGone("● unsaved"), "undone to the file: nothing unsaved\n\(tmux.screen)")
        #expect(tmux.screen.contains("✖ 1 critical"))
        #expect(tmux.file("org.json").map { Data($0.utf8) } == original, "nothing was written yet")

        try tmux.keys("F")
        #expect(tmux.waitFor("No plan needed"), "\(tmux.screen)")
        try tmux.keys("C-s")
        #expect(tmux.waitFor("Saved org.json"), "\(tmux.screen)")
        try tmux.keys("q")
        #expect(tmux.waitUntilGone("Plan"))
        let saved = try #require(tmux.file("org.json"))
        #expect(try OrgFile.decode(Array(saved.utf8)).org == plan.org, "the file holds the planned org")
        #expect(LoadChecker.check(plan.org).count(.critical) == 0)
    }
}
