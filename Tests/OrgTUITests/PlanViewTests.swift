import Foundation
import Testing
@testable import OrgKit
@testable import OrgTUI

/// The Plan view (6): the plan asked for off the loop and shown for the org as it is, a
/// step or the whole plan applied as undo steps, and the details that point to it.
@Suite("The Plan view")
struct PlanViewTests {
    static func example(_ name: String) throws -> Org {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/examples/\(name).json")
        return try OrgFile.decode([UInt8](Data(contentsOf: url))).org
    }

    @Test("6 asks for the plan off the loop; other keys work meanwhile; a plan for an older org is dropped and asked for again")
    func asksAndDropsStale() throws {
        let org = try Self.example("solo-owner")
        var driver = Driver(org: org, path: "solo-owner.json", width: 120, height: 40)
        #expect(driver.planRequests == 0, "no plan is worked out until the view is shown")
        driver.press(.showPlan)
        #expect(driver.planRequests == 1)
        #expect(driver.screen.contains("Working out the plan"))
        #expect(driver.screen.contains("Plan · working it out…"))
        driver.send(.planProgress(PlanProgress(steps: 1, hoursLeft: 30, hoursAtStart: 60)))
        #expect(driver.screen.contains("50 % · 1 step so far"))
        // f waits for the plan, saying so.
        driver.press(.applyPlanStep)
        #expect(driver.screen.contains("f (apply step): the plan is still being worked out"))
        #expect(!driver.state.document.isModified)

        // Meanwhile: the chart, and an edit there.
        driver.press(.showChart)
        driver.press(.moveDown)
        #expect(driver.state.selectedPerson != nil)
        App.commit(.renameOrg("Priya's IT, renamed"), &driver.state)
        driver.press(.showPlan)
        #expect(driver.planRequests == 2, "asked again for the org as it is now")

        // The answer for the org before the rename is dropped; the one for now is shown.
        let planned = Planner.plan(org)
        driver.send(.planned(for: org, planned))
        #expect(driver.state.planner.plan == nil)
        #expect(driver.screen.contains("Working out the plan"))
        driver.answerPlan()
        #expect(driver.state.planner.plan?.steps.count == planned.steps.count)
        #expect(driver.screen.contains("Plan · 2 steps: 0 moves, 2 hires"))
        #expect(driver.screen.contains("Findings now ✖ 1  ▲ 4  →  after the plan ✖ 0  ▲ 2"))
        #expect(driver.screen.contains("1. Hire: Level 1 Technician, 30.0 h"))
        // Shown, nothing more is asked for until the org changes.
        driver.press(.moveDown)
        driver.press(.showChart)
        driver.press(.showPlan)
        #expect(driver.planRequests == 0)
    }

    @Test("f applies the selected step as one undo step; F applies the rest; the org is the plan's; u undoes step by step back to the file")
    func applyAndUndo() throws {
        let org = try Self.example("solo-owner")
        var driver = Driver(org: org, path: "solo-owner.json", width: 120, height: 40)
        driver.press(.showPlan)
        driver.answerPlan()
        let plan = try #require(driver.state.planner.plan)
        #expect(plan.steps.count == 2)

        driver.press(.applyPlanStep)
        #expect(driver.state.document.history.undoable.count == 1)
        #expect(driver.screen.contains("Applied step 1: Hire a part-time"))
        #expect(driver.state.document.org.person(plan.steps[0].hire?.id ?? "")?.open == true, "the hire is an open position")
        // Until the new plan comes, the old one is not applied again.
        driver.press(.applyPlanStep)
        #expect(driver.screen.contains("the plan is being worked out again"))
        #expect(driver.state.document.history.undoable.count == 1)
        #expect(driver.screen.contains("working it out again for your last edit"))
        driver.answerPlan()
        let rest = try #require(driver.state.planner.plan)
        #expect(rest.steps.count == 1)

        driver.press(.applyWholePlan)
        #expect(driver.state.document.history.undoable.count == 2)
        #expect(driver.screen.contains("Applied the whole plan: 1 step (0 moves, 1 hire); u undoes it"))
        #expect(driver.state.document.org == plan.org, "a step, then the rest, lands on the plan's org")
        #expect(LoadChecker.check(driver.state.document.org).count(.critical) == 0)
        driver.answerPlan()
        #expect(driver.screen.contains("No plan needed: nobody is over the line"))
        driver.press(.applyWholePlan)
        #expect(driver.screen.contains("F (apply all): no plan is needed"))

        driver.press(.undo)
        driver.press(.undo)
        #expect(driver.state.document.org == org)
        #expect(!driver.state.document.isModified)
        driver.answerPlan()
        #expect(driver.state.planner.plan == plan, "the same org, the same plan")
    }

    @Test("F applies every step in order, each its own undo step, and lands on the plan's org with no critical finding", arguments: ["solo-owner", "overloaded-l3", "short-desk", "msp-10"])
    func wholePlan(name: String) throws {
        let org = name == "msp-10" ? try #require(PresetCatalog.named(name)).load() : try Self.example(name)
        var driver = Driver(org: org, path: "\(name).json", width: 80, height: 24)
        driver.press(.showPlan)
        driver.answerPlan()
        let plan = try #require(driver.state.planner.plan)
        #expect(!plan.steps.isEmpty)
        driver.press(.applyWholePlan)
        #expect(driver.state.document.history.undoable.count == plan.steps.count)
        #expect(driver.state.document.org == plan.org)
        #expect(LoadChecker.check(driver.state.document.org).count(.critical) == 0)
        for _ in plan.steps { driver.press(.undo) }
        #expect(driver.state.document.org == org)
    }

    @Test("an overloaded person whose finding no single move clears: the details point to the Plan (6); where a move does, they do not")
    func detailsPointToPlan() throws {
        var solo = Driver(org: try Self.example("solo-owner"), path: "solo-owner.json", width: 120, height: 40)
        solo.select(person: "priya-nair")
        #expect(solo.screen.contains("No single move helps: see the Plan (6)"))
        #expect(solo.screen.contains("f (fix)") == false)
        solo.press(.applySuggestion)
        #expect(solo.screen.contains("no suggestion"))

        var msp = try Driver(width: 120, height: 40)
        msp.select(person: "dana-reyes")
        #expect(msp.screen.contains("Suggestion"))
        #expect(!msp.screen.contains("see the Plan (6)"))
    }

    @Test("the Plan view lists what the plan leaves, and why, when no step helps (--max-hires 0 has no key: an org with one person and no room)")
    func leftAsTheyAre() throws {
        // One person, overloaded with a critical role that nobody can share and no role a
        // hire could take (leadership is never hired): no step helps.
        let org = try Org(name: "Alone", roles: [Role(id: "owner", name: "Owner / CEO", category: "leadership", hoursPerWeek: 70, critical: true)],
                      people: [Person(id: "al", name: "Al", hats: [Hat(role: "owner")])])
        var driver = Driver(org: org, width: 120, height: 40)
        driver.press(.showPlan)
        driver.answerPlan()
        let plan = try #require(driver.state.planner.plan)
        #expect(plan.steps.isEmpty)
        #expect(!plan.unresolved.isEmpty)
        #expect(driver.screen.contains("No step helps: what is left, and why, is below"))
        #expect(driver.screen.contains("Left as they are (\(plan.unresolved.count))"))
        #expect(driver.screen.contains("Why the plan leaves it"))
        driver.press(.applyPlanStep)
        #expect(driver.screen.contains("no step of the plan helps here"))
    }
}
