import Foundation
import Testing
@testable import OrgKit

/// The staffing plan: every step applied to the org and re-checked by the real checker.
@Suite("The staffing plan")
struct PlannerTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/examples")

    static func example(_ name: String) throws -> Org {
        try OrgFile.decode([UInt8](Data(contentsOf: examples.appendingPathComponent(name + ".json")))).org
    }

    static func msp10() throws -> Org {
        try #require(PresetCatalog.named("msp-10")).load()
    }

    /// Applies each step in turn and checks it against `hats check` of the org after it:
    /// the loads it shows, the findings it clears, the counts after it. Returns the org at
    /// the end.
    @discardableResult
    static func replay(_ plan: Plan, from org: Org, _ label: String) throws -> Org {
        var current = org
        var before = LoadChecker.check(org, suggestions: false)
        #expect(before == plan.before, "\(label): the plan's before is the org's check")
        for (index, step) in plan.steps.enumerated() {
            current = try current.applying(step.edit)
            let after = LoadChecker.check(current, suggestions: false)
            for change in step.loads {
                let load = try #require(after.load(of: change.id), "\(label) step \(index + 1): \(change.name) is in the org")
                #expect(load.load == change.after || abs(load.load - change.after) < 1e-9, "\(label) step \(index + 1): \(change.name) after")
                if let was = change.before {
                    let shown = before.load(of: change.id)?.load ?? -1
                    #expect(shown == was || abs(shown - was) < 1e-9, "\(label) step \(index + 1): \(change.name) before")
                }
            }
            // Everyone whose load moved is listed.
            for load in after.people where !load.external {
                guard let was = before.load(of: load.id), was.load == load.load || abs(was.load - load.load) < 1e-9 else {
                    #expect(step.loads.contains { $0.id == load.id }, "\(label) step \(index + 1): \(load.name)'s load changed but is not listed")
                    continue
                }
            }
            let comparison = ReportComparison(before: before, after: after)
            #expect(step.cleared.map(\.key) == comparison.resolved.map(\.key), "\(label) step \(index + 1): cleared")
            #expect(step.findingsAfter == Plan.Counts(after), "\(label) step \(index + 1): counts after")
            #expect(comparison.worse.isEmpty, "\(label) step \(index + 1) «\(step.text)» makes \(comparison.worse.map(\.after.message)) worse")
            before = after
        }
        #expect(current == plan.org, "\(label): the planned org is the input with every step applied")
        #expect(before == plan.after, "\(label): the plan's after is the planned org's check")
        return current
    }

    /// What every hire may carry: no leadership work, one or two related kinds of work,
    /// tiers at most one apart, no conflicting pair, the policy's hat limit, at or under
    /// the warning line, and the certifications its roles require.
    static func checkHires(_ plan: Plan, _ label: String) {
        let org = plan.org
        let kinship = Kinship(org)
        for hire in plan.hires {
            let person = org.person(hire.id)
            #expect(person?.open == true, "\(label): \(hire.name) is an open position")
            let roles = hire.hats.map(\.role)
            #expect(!roles.contains(where: kinship.isLeadership), "\(label): \(hire.name) carries leadership work")
            #expect(Set(roles.map { org.role($0).flatMap(Hours.kindOfWork)?.lowercased() ?? $0 }).count <= 2, "\(label): \(hire.name) has more than two kinds of work")
            #expect(roles.count <= org.policy.maxHats)
            let tiers = roles.map(kinship.tier(of:)).filter { $0 > 0 }
            if let low = tiers.min(), let high = tiers.max() { #expect(high - low <= 1, "\(label): \(hire.name) spans tiers \(tiers)") }
            for conflict in org.policy.conflicts { #expect(!Set(conflict.roles).isSubset(of: Set(roles)), "\(label): \(hire.name) wears a conflicting pair") }
            if let person {
                for role in roles { if let requires = org.role(role)?.requires { #expect(Rules.meets(person, requires), "\(label): \(hire.name) is hired for \(role)'s requirements") } }
            }
            #expect((plan.after.load(of: hire.id)?.load ?? 9) <= org.policy.warnAt + 1e-9, "\(label): \(hire.name) is at or under the line")
        }
    }

    @Test("msp-10, the three example orgs: every step re-checked; no critical finding left; hires as they should be",
          arguments: ["msp-10", "solo-owner", "overloaded-l3", "short-desk"])
    func examplesPlan(name: String) throws {
        let org = name == "msp-10" ? try Self.msp10() : try Self.example(name)
        let plan = Planner.plan(org)
        #expect(!plan.steps.isEmpty)
        try Self.replay(plan, from: org, name)
        Self.checkHires(plan, name)
        #expect(plan.after.count(.critical) == 0, "\(name): \(plan.after.findings.filter { $0.severity == .critical }.map(\.message))")
        #expect(plan.after.findings.filter(\.isLoad).isEmpty, "\(name): a load finding is left")
        #expect(plan.unresolved.isEmpty)
        // hats diff of the org and its plan: exactly the hires added, and the people the
        // steps changed.
        let diff = OrgDiff(old: org, new: plan.org)
        #expect(diff.people.filter { $0.change == .added }.map(\.id).sorted() == plan.hires.map(\.id).sorted())
        #expect(diff.people.filter { $0.change == .removed }.isEmpty)
        var touched: Set<String> = []
        for step in plan.steps { touched.formUnion(Self.people(in: step.edit)) }
        let changed = Set(diff.people.filter { $0.change == .changed && !$0.hats.isEmpty }.map(\.id))
        #expect(changed == touched.subtracting(plan.hires.map(\.id)), "\(name): the diff's changed people are the steps' givers and receivers")
    }

    static func people(in edit: Edit) -> Set<String> {
        switch edit {
        case .batch(let edits, _): return edits.reduce(into: Set<String>()) { $0.formUnion(people(in: $1)) }
        case .addHat(let person, _, _), .removeHat(let person, _), .setHatHours(let person, _, _): return [person]
        case .addPerson(let person, _): return [person.id]
        default: return []
        }
    }

    @Test("msp-10: one move clears the owner's overload (Sales & Marketing to 王芳); no hire")
    func msp10Plan() throws {
        let plan = Planner.plan(try Self.msp10())
        #expect(plan.steps.map(\.text) == ["Move Sales & Marketing (15.0 h) from Dana Reyes to 王芳"])
        #expect(plan.hires.isEmpty)
        #expect(plan.steps[0].cleared.map(\.rule) == [.overload])
    }

    @Test("a solo owner: the Level 1 work goes first (lower-tier work off the owner), and the owner ends with no service work")
    func soloOwner() throws {
        let plan = Planner.plan(try Self.example("solo-owner"))
        let hires = plan.hires
        #expect(hires.first?.hats.map(\.role) == ["l1"], "the first hire takes the Level 1 work")
        let priya = try #require(plan.org.person("priya"))
        #expect(!priya.wears("l1") && priya.wears("owner"))
        #expect((plan.after.load(of: "priya")?.load ?? 9) <= 1)
        #expect(hires.allSatisfy { $0.manager == "priya" })
    }

    @Test("the only Level 3 engineer overloaded: the Level 2 work leaves him first; the hire reports to his manager and is hired for what its work requires")
    func overloadedL3() throws {
        let plan = Planner.plan(try Self.example("overloaded-l3"))
        let hire = try #require(plan.hires.first)
        #expect(hire.hats.first?.role == "l2")
        #expect(hire.manager == "marc")
        #expect(!plan.org.person("omar")!.wears("l2"))
        if hire.hats.contains(where: { $0.role == "l3" }) {
            #expect(hire.anyCertification == [["CCNP", "Azure Solutions Architect"]] && hire.minYears == 5)
            // Hired for an L3's certifications: the title says L3 work is part of it.
            #expect(hire.title == "Level 2 Technician / Level 3 Engineer")
            #expect(plan.org.person(hire.id)?.title == hire.title)
        } else {
            #expect(hire.title == "Level 2 Technician")
        }
    }

    @Test("a Level 1 desk 68 h short: hires for the shortfall, each hired for A+ or M365; --max-hires 0 says what it cannot clear and why")
    func shortDesk() throws {
        let org = try Self.example("short-desk")
        let plan = Planner.plan(org)
        #expect(plan.hires.count == 2)
        #expect(plan.hires.allSatisfy { $0.hats.map(\.role) == ["l1"] && $0.anyCertification == [["CompTIA A+", "Microsoft 365 Fundamentals"]] })
        #expect(plan.hires.reduce(0) { $0 + $1.allocatedHours } >= 68 - 1e-9)
        #expect(plan.lowerBound.people > 1.2, "68 h short with 16 h of room elsewhere: at least 1.3 people")

        let none = Planner.plan(org, maxHires: 0)
        #expect(none.hires.isEmpty)
        try Self.replay(none, from: org, "short-desk --max-hires 0")
        let left = try #require(none.unresolved.first { $0.finding.rule == .understaffedRole })
        #expect(left.finding.severity == .critical)
        #expect(left.reason.contains("--max-hires 0"), "\(left.reason)")
    }

    @Test("an org with nothing wrong: no steps, nothing left")
    func nothingToDo() throws {
        var builder = OrgBuilder()
        builder.role("r", hours: 30)
        builder.person("a", hats: [("r", 30)])
        let plan = Planner.plan(try builder.org())
        #expect(plan.steps.isEmpty && plan.unresolved.isEmpty && plan.lowerBound.hours == 0)
    }

    @Test("leadership work is never hired for: an owner with only leadership work over the line is left, with why")
    func leadershipNotHired() throws {
        var builder = OrgBuilder()
        builder.role("ceo", hours: 60)
        builder.roles[0].name = "Owner / CEO"
        builder.roles[0].category = "Leadership"
        builder.person("owner", hats: [("ceo", 60)])
        let plan = Planner.plan(try builder.org())
        #expect(plan.hires.isEmpty)
        let left = try #require(plan.unresolved.first)
        #expect(left.finding.rule == .overload)
        #expect(left.reason.contains("leadership"), "\(left.reason)")
    }

    @Test("someone whose load is infinite (a week of 0 hours) and stays so is not listed in a step that does not touch them")
    func infiniteLoadUnchanged() throws {
        var builder = OrgBuilder()
        builder.role("desk", hours: 60)
        builder.roles[0].category = "Service desk"
        builder.role("ceo", hours: 10)
        builder.roles[1].name = "CEO"
        builder.roles[1].category = "Leadership"
        builder.person("ann", hats: [("desk", 50)])
        builder.person("bob", reportsTo: "ann", hats: [("desk", 10)])
        builder.person("zed", reportsTo: "ann", capacity: 0, hats: [("ceo", nil)])
        let org = try builder.org()
        let plan = Planner.plan(org)
        let step = try #require(plan.steps.first)
        #expect(step.text == "Move 10.0 h of Role desk from Person ann to Person bob")
        #expect(step.loads.map(\.id) == ["ann", "bob"], "Zed's load is ∞ before and after: not a change")
        #expect(plan.unresolved.contains { $0.finding.subject.id == "zed" })
        try Self.replay(plan, from: org, "infinite load")
    }

    /// Batch 2: orgs of 60 to 150 people, more than the advisor's pool of the roomiest, which
    /// the quick plan keeps from step to step.
    @Test("a step judged on what it changes gives the same plan as one judged on a full report of the org after it", arguments: [0, 1, 2])
    func quickIsFull(batch: Int) throws {
        var orgs: [(String, Org)] = []
        if batch == 0 {
            orgs.append(("msp-10", try Self.msp10()))
            for name in ["solo-owner", "short-desk", "overloaded-l3"] { orgs.append((name, try Self.example(name))) }
        }
        if batch == 2 {
            for seed in UInt64(500)..<506 { orgs.append(("seed \(seed), 60-150 people", try SuggestionPropertyTests.randomOrg(seed: seed, people: 60...150))) }
        } else {
            for seed in UInt64(batch * 100)..<UInt64(batch * 100 + 100) {
                orgs.append(("seed \(seed)", try SuggestionPropertyTests.randomOrg(seed: seed)))
            }
        }
        var steps = 0
        for (label, org) in orgs {
            for maxHires in [nil, 0, 1] as [Int?] {
                var quickProgress: [PlanProgress] = []
                var fullProgress: [PlanProgress] = []
                let quick = Planner.plan(org, maxHires: maxHires, progress: { quickProgress.append($0) }, checkEveryStepFully: false)
                let full = Planner.plan(org, maxHires: maxHires, progress: { fullProgress.append($0) }, checkEveryStepFully: true)
                #expect(quick == full, "\(label), --max-hires \(maxHires.map(String.init) ?? "none")")
                #expect(quickProgress == fullProgress, "\(label): the progress told, hours included, is the same")
                #expect(quick.jsonBytes() == full.jsonBytes(), "\(label)")
                steps += quick.steps.count
            }
        }
        #expect(steps > 100, "the orgs exercise the plan (\(steps) steps)")
    }

    @Test("the advisor's pools the plan keeps from step to step (the roomiest people, the providers) are, after every step, those worked out afresh")
    func keptPools() throws {
        var compared = 0
        for seed in UInt64(600)..<610 {
            let org = try SuggestionPropertyTests.randomOrg(seed: seed, people: 150...400)
            var state = PlanState(org)
            var steps: [Plan.Step] = []
            Planner.moves(&state, clearingOnly: false, into: &steps) { state, taken in
                guard let kept = state.roomiest.pools.withLock({ $0 }), let finding = state.loadFindings.first else { return }
                let fresh = RoomiestCache()
                _ = state.live.advice(for: finding, in: state.org, kinship: state.kinship, roomiest: fresh)
                let found = try? #require(fresh.pools.withLock { $0 })
                #expect(kept.byRoom == found?.byRoom, "seed \(seed) step \(taken.count)")
                #expect(kept.lastRoom == found?.lastRoom, "seed \(seed) step \(taken.count)")
                #expect(kept.providers.keys == found?.providers.keys && kept.providers.values == found?.providers.values, "seed \(seed) step \(taken.count)")
                compared += 1
            }
        }
        #expect(compared > 50, "pools kept across steps are compared (\(compared) times)")
    }

    @Test("kept pools are forgotten when a step changes one of the roomiest, a provider, or gives someone as much room as the last of them")
    func poolsForgotten() throws {
        let org = try Self.msp10()
        let loads = LiveCheck(org).loads
        let someone = try #require(loads.firstIndex { !$0.external })
        func kept(room: Double, position: Int = someone, external: Bool = false, byRoom: [Int] = [], lastRoom: Double? = 10) -> Bool {
            let cache = RoomiestCache()
            cache.pools.withLock { $0 = AdvisorPools(byRoom: byRoom, lastRoom: lastRoom, providers: IDMap(), fits: IDMap()) }
            var changed = loads
            changed[position].room = room
            changed[position].external = external
            cache.changed([position], loads: changed)
            return cache.pools.withLock { $0 } != nil
        }
        #expect(kept(room: 5), "less room than the last of the roomiest: nothing changes")
        #expect(!kept(room: 10), "as much room as the last: it may come in (ties go by position)")
        #expect(!kept(room: 12), "more room than the last")
        #expect(!kept(room: -5, byRoom: [someone]), "one of the roomiest changed")
        #expect(!kept(room: 5, external: true), "a provider changed (the providers by role)")
        #expect(!kept(room: 5, lastRoom: nil), "fewer people than the pool takes: anyone may come in")
    }

    @Test("a plan cut at N steps (hats-bench's, at 100,000 people) is the whole plan's first N steps; what it leaves says it stopped")
    func firstSteps() throws {
        var orgs: [(String, Org)] = [("msp-10", try Self.msp10()), ("overloaded-l3", try Self.example("overloaded-l3"))]
        for seed in UInt64(0)..<40 { orgs.append(("seed \(seed)", try SuggestionPropertyTests.randomOrg(seed: seed))) }
        var cut = 0
        for (label, org) in orgs {
            let whole = Planner.plan(org)
            let count = whole.steps.count
            for maxSteps in Set([0, 1, count / 2, count, count + 1]) {
                let part = Planner.plan(org, maxSteps: maxSteps)
                #expect(part.steps == Array(whole.steps.prefix(maxSteps)), "\(label), \(maxSteps) steps")
                try Self.replay(part, from: org, "\(label), \(maxSteps) steps")
                if maxSteps > count {
                    #expect(part == whole, "\(label): a limit above the plan's length changes nothing")
                } else if maxSteps < count {
                    cut += 1
                    let stopped = "the plan stopped after \(Format.count(maxSteps, "step"))"
                    #expect(!part.unresolved.isEmpty && part.unresolved.allSatisfy { $0.reason == stopped }, "\(label), \(maxSteps) steps")
                }
            }
        }
        #expect(cut > 40, "the orgs' plans are cut short (\(cut) times)")
    }

    @Test("on 200 random orgs, every step applies, re-checks as it says and makes nothing worse; hires obey the bundle rules", arguments: [0, 1])
    func randomOrgs(batch: Int) throws {
        var steps = 0, hires = 0
        for seed in UInt64(batch * 100)..<UInt64(batch * 100 + 100) {
            let org = try SuggestionPropertyTests.randomOrg(seed: seed)
            let plan = Planner.plan(org)
            try Self.replay(plan, from: org, "seed \(seed)")
            Self.checkHires(plan, "seed \(seed)")
            // A critical finding left is explained.
            for finding in plan.after.findings where finding.severity == .critical {
                #expect(plan.unresolved.contains { $0.finding.key == finding.key }, "seed \(seed): \(finding.message) is left unexplained")
            }
            steps += plan.steps.count
            hires += plan.hires.count
        }
        #expect(steps > 50 && hires > 5, "the random orgs exercise the plan (\(steps) steps, \(hires) hires)")
    }
}
