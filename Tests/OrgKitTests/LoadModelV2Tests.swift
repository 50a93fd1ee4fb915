import Testing
@testable import OrgKit

// Load model v2 (docs/load-model.md): switching weighted by hours per kind of work,
// availability, understaffed roles, room, the fit rule, providers, reasons for no
// suggestion, the four-list what-if, and the three stories that motivated the change.

// MARK: - Helpers

/// A role with everything the v2 model reads; the name is "Role <id>" as `OrgBuilder` names roles.
private func kindRole(
    _ id: String, category: String? = nil, hours: Double? = nil, critical: Bool = false, tier: Int? = nil,
    related: [String] = [], escalatesTo: String? = nil, requires: Requirements? = nil
) -> Role {
    Role(id: id, name: "Role \(id)", category: category, related: related, hoursPerWeek: hours, critical: critical,
         tier: tier, escalatesTo: escalatesTo, requires: requires)
}

private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance
}

private func msp10() throws -> Org {
    try #require(PresetCatalog.named("msp-10")).load()
}

/// The fit rule, written from the spec, independently of `Advisor.canTakeOn`: a person can
/// take on a role when they meet its requirements and either already wear it, or — being
/// within one tier of its tier, when it has one — the role is open (no category, no
/// relations, no escalation link) or they wear a kin role: related (either side's
/// `related`), next to it in an escalation chain (either way), or of the same category
/// (trimmed, ignoring case).
private func fits(_ org: Org, role roleId: String, person personId: String) -> Bool {
    guard let role = org.role(roleId), let person = org.person(personId) else { return false }
    if let requires = role.requires {
        let held = Set(person.certifications.map { $0.v2Trimmed.lowercased() })
        for needed in requires.certifications where !held.contains(needed.v2Trimmed.lowercased()) { return false }
        if !requires.anyCertification.isEmpty,
           !requires.anyCertification.contains(where: { held.contains($0.v2Trimmed.lowercased()) }) { return false }
        if let minYears = requires.minYears, minYears > 0, !((person.yearsExperience ?? -1) >= minYears) { return false }
    }
    if person.wears(roleId) { return true }
    if let tier = role.tier {
        let own = person.hats.compactMap { org.role($0.role)?.tier }.max() ?? 0
        if own < tier - 1 { return false }
    }
    func kind(_ role: Role) -> String? {
        guard let category = role.category?.v2Trimmed, !category.isEmpty else { return nil }
        return category.lowercased()
    }
    func linked(_ a: Role, _ b: Role) -> Bool {
        a.id != b.id && (a.related.contains(b.id) || b.related.contains(a.id) || a.escalatesTo == b.id || b.escalatesTo == a.id)
    }
    // Leadership work (docs/load-model.md): only to someone who does some; leaders are
    // kin to one another.
    func leads(_ role: Role) -> Bool {
        let kind = (role.category ?? "").lowercased()
        if kind.contains("leadership") || kind.contains("management") || kind.contains("executive") { return true }
        let name = role.name.lowercased()
        let words = Set(name.split { !$0.isLetter }.map(String.init))
        let titles: Set = ["owner", "ceo", "cio", "cto", "coo", "cfo", "ciso", "director", "head", "founder", "president", "chief", "lead", "vp", "principal"]
        return !words.isDisjoint(with: titles)
            || ["service manager", "general manager", "operations manager", "it manager", "team manager", "delivery manager", "managing partner"].contains { name.contains($0) }
    }
    let leadsNow = person.hats.contains { org.role($0.role).map(leads) ?? false }
    if leads(role), !leadsNow { return false }
    let open = kind(role) == nil && !org.roles.contains { linked(role, $0) }
    if open { return true }
    if leads(role), leadsNow { return true }
    return person.hats.contains { hat in
        guard let other = org.role(hat.role) else { return false }
        if linked(role, other) { return true }
        if let mine = kind(role), mine == kind(other) { return true }
        return false
    }
}

private extension String {
    var v2Trimmed: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

/// A random org with categories (some spelled differently but the same), tiers, related
/// roles, escalation, requirements, providers, conflicts and every switching model.
private func randomKindOrg(seed: UInt64) throws -> Org {
    var random = SplitMix64(seed: seed)
    let categories: [String?] = [nil, nil, "Ops", " ops ", "Growth", "Service delivery", "SERVICE DELIVERY ", "Leadership"]
    let roleCount = random.next(in: 3...9)
    var roles: [Role] = []
    for index in 0..<roleCount {
        let related = index > 0 && random.next(in: 0..<4) == 0 ? ["r\(random.next(in: 0..<index))"] : []
        roles.append(kindRole(
            "r\(index)",
            category: categories[random.next(in: 0..<categories.count)],
            hours: random.next(in: 0..<2) == 0 ? Double(random.next(in: 0...50)) : nil,
            critical: random.next(in: 0..<3) == 0,
            tier: random.next(in: 0..<3) == 0 ? random.next(in: 1...3) : nil,
            related: related,
            escalatesTo: index + 1 < roleCount && random.next(in: 0..<4) == 0 ? "r\(index + 1)" : nil,
            requires: random.next(in: 0..<6) == 0 ? Requirements(certifications: ["CCNA"]) : nil))
    }
    var duties: [Duty] = []
    for index in 0..<random.next(in: 0...10) {
        duties.append(Duty(id: "d\(index)", name: "Duty \(index)", role: "r\(random.next(in: 0..<roleCount))",
                           hoursPerWeek: Double(random.next(in: 0...10)), critical: random.next(in: 0..<3) == 0))
    }
    var people: [Person] = []
    for index in 0..<random.next(in: 3...14) {
        var hats: [Hat] = []
        var pool = roles.map(\.id)
        for _ in 0..<random.next(in: 0...3) where !pool.isEmpty {
            let role = pool.remove(at: random.next(in: 0..<pool.count))
            hats.append(Hat(role: role, hoursPerWeek: random.next(in: 0..<2) == 0 ? Double(random.next(in: 1...30)) : nil))
        }
        people.append(Person(
            id: "p\(index)", name: "Person \(index)",
            reportsTo: index == 0 ? nil : "p\(random.next(in: 0..<index))",
            hoursPerWeek: random.next(in: 0..<4) == 0 ? Double(random.next(in: 10...40)) : nil,
            external: random.next(in: 0..<7) == 0,
            certifications: random.next(in: 0..<3) == 0 ? ["ccna"] : [],
            hats: hats))
    }
    var policy = Policy(maxHats: random.next(in: 2...4))
    policy.switching = [.weighted, .weighted, .weighted, .weinberg, .flat, .none][random.next(in: 0..<6)]
    if random.next(in: 0..<3) == 0 { policy.availability = 0.8 }
    if random.next(in: 0..<2) == 0 { policy.conflicts = [RoleConflict(roles: ["r0", "r1"])] }
    return try Org(name: "Random \(seed)", policy: policy, roles: roles, duties: duties, people: people)
}

// MARK: - 1. Switching weighted by hours per kind of work

@Suite("Load model v2: switching weighted by kinds of work")
struct WeightedSwitchingTests {
    @Test("effective number of kinds: k equal kinds give k; 36 h + 2 h give 1.11; 0-h kinds count for nothing")
    func effectiveNumber() {
        for k in 1...6 {
            #expect(close(WorkContext.effectiveNumber(Array(repeating: 7.5, count: k)), Double(k)), "k = \(k)")
        }
        #expect(close(WorkContext.effectiveNumber([36, 2]), 1444.0 / 1300.0))
        #expect(close(WorkContext.effectiveNumber([36, 2]), 1.11, 0.005))
        #expect(close(WorkContext.effectiveNumber([20, 0]), 1))
        #expect(close(WorkContext.effectiveNumber([10, 0, 10, 0]), 2))
        #expect(WorkContext.effectiveNumber([]) == 0)
        #expect(WorkContext.effectiveNumber([0, 0]) == 0)
    }

    @Test("switchLoss(n): Weinberg's 0, 20, 40, 60, 75 % at n = 1…5, straight lines between, 0 below 1, 75 % beyond 5",
          arguments: [
              (0.0, 0.0), (0.5, 0.0), (1.0, 0.0), (1.5, 0.10), (2.0, 0.20), (2.62, 0.324), (3.0, 0.40),
              (3.25, 0.45), (4.0, 0.60), (4.5, 0.675), (5.0, 0.75), (5.5, 0.75), (6.0, 0.75), (40.0, 0.75),
          ])
    func weightedLoss(n: Double, loss: Double) {
        #expect(close(Policy.weightedSwitchLoss(contexts: n), loss), "n = \(n)")
        #expect(close(Policy(switching: .weighted).switchLoss(hats: 9, contexts: n), loss), "weighted ignores the hat count, n = \(n)")
    }

    @Test("the default policy, and a file with no switching, weigh switching by hours")
    func defaultIsWeighted() throws {
        #expect(Policy().switching == .weighted)
        #expect(Policy.standard.switching == .weighted)
        let text = """
        {"format": "hats", "version": 1, "name": "Default", "policy": {"hoursPerWeek": 40},
         "roles": [{"id": "a", "name": "A", "category": "Service delivery"}, {"id": "b", "name": "B", "category": "Network"}],
         "people": [{"id": "p", "name": "P", "hats": [{"role": "a", "hoursPerWeek": 36}, {"role": "b", "hoursPerWeek": 2}]}]}
        """
        for org in [try OrgFile.decode(text).org, try OrgFile.decodeThoroughly(Array(text.utf8)).org] {
            #expect(org.policy.switching == .weighted)
            let load = try #require(LoadChecker.check(org).load(of: "p"))
            #expect(close(load.contexts, 1444.0 / 1300.0))
            #expect(close(load.switchLoss, 0.2 * (1444.0 / 1300.0 - 1)))
            #expect(load.load < 1)
        }
    }

    @Test("a file that says weinberg keeps the count-based meaning: two hats cost 20 % whatever their hours")
    func weinbergFileCountsHats() throws {
        for (category, other) in [("Ops", "Network"), ("Ops", " ops ")] {
            let text = """
            {"format": "hats", "version": 1, "name": "Weinberg", "policy": {"switching": "weinberg"},
             "roles": [{"id": "a", "name": "A", "category": "\(category)"}, {"id": "b", "name": "B", "category": "\(other)"}],
             "people": [{"id": "p", "name": "P", "hats": [{"role": "a", "hoursPerWeek": 36}, {"role": "b", "hoursPerWeek": 2}]}]}
            """
            let org = try OrgFile.decode(text).org
            #expect(org.policy.switching == .weinberg)
            let report = LoadChecker.check(org)
            let load = try #require(report.load(of: "p"))
            #expect(close(load.switchLoss, 0.20), "\(category) + \(other)")
            #expect(close(load.effectiveHours, 32))
            #expect(close(load.load, 38.0 / 32.0))
            #expect(report.findings(about: .person, "p").contains { $0.rule == .overload })
        }
    }

    @Test("a hat's kind of work is its role's category, trimmed and ignoring case, else the role itself")
    func kindsOfWork() throws {
        var builder = OrgBuilder()
        builder.roles = [
            kindRole("a", category: " Ops "), kindRole("b", category: "Network"), kindRole("c", category: "ops"),
            kindRole("x"), kindRole("y"),
        ]
        builder.person("mixed", hats: [("a", 10), ("b", 20), ("c", 5)])
        builder.person("same", hats: [("a", 15), ("c", 15)])
        builder.person("plain", hats: [("x", 15), ("y", 15)])
        builder.person("zero", hats: [("a", 40), ("b", 0)])
        builder.person("idle", hats: [("a", 0), ("b", 0)])
        let org = try builder.org()
        let hours = Hours(org)
        let mixed = try #require(org.person("mixed"))
        #expect(hours.contexts(of: mixed) == [WorkContext(name: "Network", hours: 20), WorkContext(name: "Ops", hours: 15)])
        let same = try #require(org.person("same"))
        #expect(hours.contexts(of: same) == [WorkContext(name: "Ops", hours: 30)])

        let report = LoadChecker.check(org)
        let sameLoad = try #require(report.load(of: "same"))
        #expect(sameLoad.hats == 2)
        #expect(close(sameLoad.contexts, 1), "\" Ops \" and \"ops\" are one kind")
        #expect(sameLoad.switchLoss == 0)
        #expect(close(sameLoad.load, 30.0 / 40.0))

        let plainLoad = try #require(report.load(of: "plain"))
        #expect(close(plainLoad.contexts, 2), "two roles without a category are two kinds")
        #expect(close(plainLoad.switchLoss, 0.20))

        let mixedLoad = try #require(report.load(of: "mixed"))
        #expect(close(mixedLoad.contexts, 35.0 * 35.0 / (20 * 20 + 15 * 15)))

        let zeroLoad = try #require(report.load(of: "zero"))
        #expect(close(zeroLoad.contexts, 1), "a 0-h hat counts for nothing")
        #expect(zeroLoad.switchLoss == 0)
        #expect(close(zeroLoad.load, 1))
        #expect(!report.findings(about: .person, "zero").contains { $0.rule == .overload }, "exactly 100 % is not over")

        let idleLoad = try #require(report.load(of: "idle"))
        #expect(idleLoad.contexts == 0, "no hours, no kinds of work")
        #expect(idleLoad.switchLoss == 0)
    }

    @Test("effective = capacity × availability × (1 − loss)")
    func availability() throws {
        var builder = OrgBuilder()
        builder.policy.availability = 0.8
        builder.roles = [kindRole("a", category: "Ops"), kindRole("b", category: "Network")]
        builder.person("one", hats: [("a", 30)])
        builder.person("two", hats: [("a", 15), ("b", 15)])
        builder.person("part", capacity: 20, hats: [("a", 10)])
        let report = LoadChecker.check(try builder.org())
        let one = try #require(report.load(of: "one"))
        #expect(one.availability == 0.8)
        #expect(close(one.effectiveHours, 32))
        #expect(close(one.load, 30.0 / 32.0))
        #expect(!report.findings(about: .person, "one").contains { $0.rule == .overload })
        let two = try #require(report.load(of: "two"))
        #expect(close(two.effectiveHours, 40 * 0.8 * 0.8))
        #expect(close(two.load, 30 / 25.6))
        #expect(report.findings(about: .person, "two").first { $0.rule == .overload }?.severity == .warning)
        let part = try #require(report.load(of: "part"))
        #expect(close(part.effectiveHours, 16))
    }

    @Test("too-many-hats still counts hats, even when they are all one kind of work")
    func tooManyHatsCountsHats() throws {
        var builder = OrgBuilder()
        builder.roles = ["a", "b", "c", "d"].map { kindRole($0, category: "Ops") }
        builder.person("four", hats: [("a", 2), ("b", 2), ("c", 2), ("d", 2)])
        builder.person("three", hats: [("a", 2), ("b", 2), ("c", 2)])
        let report = LoadChecker.check(try builder.org())
        let load = try #require(report.load(of: "four"))
        #expect(load.switchLoss == 0)
        #expect(report.findings.filter { $0.rule == .tooManyHats }.map(\.subject.id) == ["four"])
    }
}

// MARK: - 2. Understaffed roles and room

@Suite("Load model v2: understaffed-role and room")
struct UnderstaffedRoleTests {
    func understaffed(_ builder: OrgBuilder, _ role: String) throws -> Finding? {
        LoadChecker.check(try builder.org()).findings.first { $0.rule == .understaffedRole && $0.subject.id == role }
    }

    @Test("68 h needed, 40 h given: a warning, 28.0 h short, 0.7 of a full-time person")
    func message() throws {
        var builder = OrgBuilder()
        builder.roles = [kindRole("desk", hours: 68)]
        builder.person("p", hats: [("desk", 40)])
        let finding = try #require(try understaffed(builder, "desk"))
        #expect(finding.severity == .warning)
        #expect(finding.subject.kind == .role)
        #expect(finding.message.contains("28.0 h short: 0.7 of a full-time person"), "\(finding.message)")
    }

    @Test("a role's hours are its hoursPerWeek, else its duties' sum")
    func roleHours() throws {
        var builder = OrgBuilder()
        builder.roles = [kindRole("byDuties"), kindRole("explicit", hours: 20)]
        builder.duties = [
            Duty(id: "d1", name: "D1", role: "byDuties", hoursPerWeek: 30), Duty(id: "d2", name: "D2", role: "byDuties", hoursPerWeek: 10),
            Duty(id: "d3", name: "D3", role: "explicit", hoursPerWeek: 30), Duty(id: "d4", name: "D4", role: "explicit", hoursPerWeek: 10),
        ]
        builder.person("p", hats: [("byDuties", 38)])
        builder.person("q", hats: [("explicit", 20)])
        #expect(try understaffed(builder, "byDuties") != nil, "40 h of duties, 38 h given")
        #expect(try understaffed(builder, "explicit") == nil, "hoursPerWeek 20 wins over 40 h of duties")
    }

    @Test("exactly 1 h short fires; 0.5 h short does not; over-given or equal shares never do")
    func boundaries() throws {
        var builder = OrgBuilder()
        builder.roles = [kindRole("one", hours: 10), kindRole("half", hours: 10), kindRole("over", hours: 10),
                         kindRole("shared", hours: 30), kindRole("mixed", hours: 40)]
        builder.person("a", hats: [("one", 5), ("half", 9.5), ("over", 12), ("shared", nil)])
        builder.person("b", hats: [("one", 4), ("shared", nil), ("mixed", 10)])
        builder.person("c", hats: [("mixed", nil)])   // 40 ÷ 2 = 20 h: 10 + 20 = 30 h given
        #expect(try understaffed(builder, "one") != nil)
        #expect(try understaffed(builder, "half") == nil)
        #expect(try understaffed(builder, "over") == nil)
        #expect(try understaffed(builder, "shared") == nil)
        #expect(try understaffed(builder, "mixed")?.message.contains("10.0 h short") == true)
    }

    @Test("a role nobody wears is unfilled-role, not understaffed-role")
    func unwornIsUnfilled() throws {
        var builder = OrgBuilder()
        builder.roles = [kindRole("empty", hours: 20)]
        let findings = LoadChecker.check(try builder.org()).findings(about: .role, "empty")
        #expect(findings.map(\.rule) == [.unfilledRole])
    }

    @Test("critical when the role is critical and at least 25 % short: 24 % is a warning, 25 % critical")
    func severity() throws {
        func severity(critical: Bool, given: Double) throws -> Finding.Severity? {
            var builder = OrgBuilder()
            builder.roles = [kindRole("r", hours: 100, critical: critical)]
            builder.person("a", capacity: 60, hats: [("r", 38)])
            builder.person("b", capacity: 60, hats: [("r", given - 38)])
            return try understaffed(builder, "r")?.severity
        }
        #expect(try severity(critical: true, given: 76) == .warning)
        #expect(try severity(critical: true, given: 75) == .critical)
        #expect(try severity(critical: true, given: 50) == .critical)
        #expect(try severity(critical: false, given: 50) == .warning)
        #expect(try severity(critical: false, given: 75) == .warning)
    }

    @Test("in a what-if, the absent person's hours fall to the remaining wearers: not understaffed")
    func whatIf() throws {
        var builder = OrgBuilder()
        builder.roles = [kindRole("shared", hours: 40), kindRole("split", hours: 40), kindRole("solo", hours: 10)]
        builder.person("a", hats: [("shared", 25), ("split", nil), ("solo", nil)])
        builder.person("b", capacity: 50, hats: [("shared", 15), ("split", nil)])
        let org = try builder.org()
        #expect(LoadChecker.check(org).findings.filter { $0.rule == .understaffedRole }.isEmpty)
        let (report, comparison) = WhatIf.check(org, without: ["a"])
        #expect(report.findings(about: .role, "shared").filter { $0.rule == .understaffedRole }.isEmpty)
        #expect(report.findings(about: .role, "split").filter { $0.rule == .understaffedRole }.isEmpty)
        #expect(report.findings(about: .role, "solo").map(\.rule) == [.unfilledRole])
        #expect(!comparison.new.contains { $0.rule == .understaffedRole })
        #expect(comparison.new.contains { $0.rule == .unfilledRole && $0.subject.id == "solo" })
        #expect(close(try #require(report.load(of: "b")).allocatedHours, 80))
    }

    @Test("room = max(0, warnAt × effective − allocated)")
    func room() throws {
        var builder = OrgBuilder()
        builder.roles = [kindRole("a", category: "Ops"), kindRole("b", category: "Network")]
        builder.person("single", hats: [("a", 30)])
        builder.person("kinds", hats: [("a", 15), ("b", 15)])   // effective 32: 2 h of room
        builder.person("over", hats: [("a", 45)])
        builder.person("none")
        var report = LoadChecker.check(try builder.org())
        #expect(close(try #require(report.load(of: "single")).room, 10))
        #expect(close(try #require(report.load(of: "kinds")).room, 2))
        #expect(try #require(report.load(of: "over")).room == 0)
        #expect(close(try #require(report.load(of: "none")).room, 40))

        builder.policy.warnAt = 0.9
        builder.policy.availability = 0.8
        report = LoadChecker.check(try builder.org())
        #expect(try #require(report.load(of: "single")).room == 0, "0.9 × 32 = 28.8 < 30")
        #expect(close(try #require(report.load(of: "none")).room, 0.9 * 32))
        #expect(close(try #require(report.load(of: "kinds")).room, 0))
    }
}

// MARK: - 3. The fit rule

@Suite("Load model v2: the fit rule")
struct FitRuleTests {
    @Test("the CEO/Owner role (Leadership) is never moved to a Tier 1 technician, even one with room")
    func ceoNeverToTier1() throws {
        var builder = OrgBuilder()
        builder.roles = [kindRole("ceo", category: "Leadership"), kindRole("l1", category: "Service delivery", tier: 1)]
        builder.person("owner", hats: [("ceo", 50)])
        builder.person("tech", reportsTo: "owner", hats: [("l1", 5)])
        let report = LoadChecker.check(try builder.org())
        let overload = try #require(report.findings.first { $0.rule == .overload && $0.subject.id == "owner" })
        #expect(overload.suggestion?.change?.to != "tech", "\(overload.suggestion?.text ?? "")")
        #expect(overload.suggestion == nil)
        #expect(overload.noSuggestion?.contains("nobody else can take on") == true, "\(overload.noSuggestion ?? "nil")")

        // Someone in leadership with less room than the technician gets it instead.
        builder.roles.append(kindRole("coo", category: "Leadership"))
        builder.person("deputy", reportsTo: "owner", hats: [("coo", 20)])
        let again = LoadChecker.check(try builder.org())
        let relieved = try #require(again.findings.first { $0.rule == .overload && $0.subject.id == "owner" })
        let change = try #require(relieved.suggestion?.change)
        #expect(change.to == "deputy")
        #expect(change.role == "ceo")
    }

    @Test("an only holder's tier-3 firewall role is never backed up by a tier-1 junior; a tier-2 colleague can")
    func firewallBackup() throws {
        var builder = OrgBuilder()
        builder.roles = [
            kindRole("fw", category: "Service delivery", hours: 20, critical: true, tier: 3),
            kindRole("l1", category: "Service delivery", tier: 1),
            kindRole("l2", category: "Service delivery", tier: 2),
        ]
        builder.roles[0].name = "Firewalls & Network"
        builder.person("senior", hats: [("fw", nil)])
        builder.person("junior", reportsTo: "senior", hats: [("l1", 10)])
        let report = LoadChecker.check(try builder.org())
        let spof = try #require(report.findings.first { $0.rule == .singlePointOfFailure && $0.subject.id == "fw" })
        #expect(spof.suggestion?.change?.to != "junior", "\(spof.suggestion?.text ?? "")")
        #expect(spof.suggestion == nil)
        #expect(spof.noSuggestion?.contains("nobody else can take on") == true, "\(spof.noSuggestion ?? "nil")")

        builder.person("mid", reportsTo: "senior", hats: [("l2", 10)])
        let again = LoadChecker.check(try builder.org())
        let backedUp = try #require(again.findings.first { $0.rule == .singlePointOfFailure && $0.subject.id == "fw" })
        #expect(backedUp.suggestion?.change == SuggestionChange(kind: .backup, role: "fw", from: "senior", to: "mid", hours: 4))
    }

    @Test("an Account Manager (Growth) is never proposed as backup for a Level 3 engineer or a Service Manager")
    func accountManagerIsNoBackup() throws {
        var builder = OrgBuilder()
        builder.roles = [
            kindRole("sm", category: "Service delivery", hours: 24, critical: true),
            kindRole("l3", category: "Service delivery", hours: 40, critical: true, tier: 3),
            kindRole("am", category: "Growth", hours: 24),
        ]
        builder.person("sam", hats: [("sm", nil)])
        builder.person("raj", reportsTo: "sam", hats: [("l3", nil)])     // full: no room for a backup hat
        builder.person("wang", reportsTo: "sam", hats: [("am", nil)])    // 16 h of room, wrong kind of work
        let report = LoadChecker.check(try builder.org())
        for role in ["sm", "l3"] {
            let spof = try #require(report.findings.first { $0.rule == .singlePointOfFailure && $0.subject.id == role })
            #expect(spof.suggestion?.change?.to != "wang", "\(role): \(spof.suggestion?.text ?? "")")
            #expect(spof.suggestion == nil, "\(role): \(spof.suggestion?.text ?? "")")
            #expect(!(spof.noSuggestion ?? "").isEmpty)
        }
    }

    @Test("msp-10: no suggestion moves the CEO role to a technician, or offers 王芳 (Growth) to service delivery")
    func msp10Fit() throws {
        let org = try msp10()
        let changes = LoadChecker.check(org).findings.compactMap(\.suggestion?.change)
        #expect(!changes.isEmpty)
        let technicians: Set = ["lee-park", "ana-silva", "kofi-mensah", "mia-chen", "raj-patel"]
        for change in changes {
            if change.role == "ceo-owner" { #expect(!technicians.contains(change.to), "\(change)") }
            if change.role == "level-3-engineer" || change.role == "service-manager" { #expect(change.to != "wang-fang", "\(change)") }
        }
    }

    @Test("msp-10: who can take on what is the table in docs/load-model.md, by the advisor and by the spec")
    func msp10FitTable() throws {
        let org = try msp10()
        let context = CheckContext(org: org, policy: org.policy)
        let advisor = Advisor(context: context, findings: FindingSet(context), unavailable: [])
        let documented: [String: [String]] = [
            "dana-reyes": ["ceo-owner", "service-manager", "sales-marketing", "account-manager", "office-manager", "human-resources", "bookkeeper"],
            "sam-ortiz": ["ceo-owner", "service-manager", "level-1-technician", "sales-marketing", "account-manager"],
            "lee-park": ["level-1-technician", "level-2-technician"],
            "ana-silva": ["level-1-technician", "level-2-technician"],
            "kofi-mensah": ["level-1-technician", "level-2-technician", "level-3-engineer"],
            "mia-chen": ["level-1-technician", "level-2-technician", "level-3-engineer"],
            "raj-patel": ["level-1-technician", "level-2-technician", "level-3-engineer"],
            "zoe-muller": ["office-manager", "human-resources", "bookkeeper"],
            "wang-fang": ["sales-marketing", "account-manager"],
        ]
        for (position, person) in org.people.enumerated() where !person.external {
            let byAdvisor = org.roles.map(\.id).filter { advisor.canTakeOn($0, position) }
            let bySpec = org.roles.map(\.id).filter { fits(org, role: $0, person: person.id) }
            #expect(byAdvisor == documented[person.id], "\(person.id)")
            #expect(bySpec == documented[person.id], "\(person.id)")
        }
    }

    /// An understaffed Security role whose only wearer is full, and a candidate wearing a
    /// Growth role with room: kin or not, depending on how the two roles are linked.
    func topUpCandidate(_ x: Role, _ y: Role) throws -> Finding {
        var builder = OrgBuilder()
        builder.roles = [x, y]
        builder.person("c", capacity: 10, hats: [("x", 10)])
        builder.person("a", hats: [("y", 10)])
        builder.person("b", capacity: 10, hats: [("y", 10)])
        let report = LoadChecker.check(try builder.org())
        return try #require(report.findings.first { $0.rule == .understaffedRole && $0.subject.id == "x" })
    }

    @Test("a role with no category, no relations and no tier can go to anyone; one of a kind nobody does cannot")
    func openRole() throws {
        for (category, expected) in [(nil, "a"), ("Leadership", nil)] as [(String?, String?)] {
            var builder = OrgBuilder()
            builder.roles = [kindRole("open", category: category, hours: 6), kindRole("work", category: "Growth")]
            builder.person("a", hats: [("work", 10)])
            let finding = try #require(LoadChecker.check(try builder.org()).findings.first { $0.rule == .unfilledRole })
            if let expected {
                #expect(finding.suggestion?.change == SuggestionChange(kind: .give, role: "open", from: nil, to: expected, hours: 6))
            } else {
                #expect(finding.suggestion == nil, "\(finding.suggestion?.text ?? "")")
                #expect(finding.noSuggestion?.contains("nobody else can take on") == true, "\(finding.noSuggestion ?? "nil")")
            }
        }
    }

    @Test("related (either side) and escalation (either way) make kin; so does the same category, however spelled",
          arguments: ["x.related", "y.related", "x.escalatesTo", "y.escalatesTo", "category"])
    func kin(link: String) throws {
        var x = kindRole("x", category: "Security", hours: 20)
        var y = kindRole("y", category: "Growth")
        switch link {
        case "x.related": x.related = ["y"]
        case "y.related": y.related = ["x"]
        case "x.escalatesTo": x.escalatesTo = "y"
        case "y.escalatesTo": y.escalatesTo = "x"
        default: y.category = " security "
        }
        let finding = try topUpCandidate(x, y)
        #expect(finding.suggestion?.change == SuggestionChange(kind: .give, role: "x", from: nil, to: "a", hours: 10),
                "\(link): \(finding.suggestion?.text ?? finding.noSuggestion ?? "nil")")
    }

    @Test("without a link, a different category is not kin: nobody is offered the role")
    func notKin() throws {
        let finding = try topUpCandidate(kindRole("x", category: "Security", hours: 20), kindRole("y", category: "Growth"))
        #expect(finding.suggestion == nil, "\(finding.suggestion?.text ?? "")")
        let reason = try #require(finding.noSuggestion)
        #expect(!reason.isEmpty)
        #expect(!reason.contains("Person a") && !reason.contains("Person b"), "\(reason)")
    }

    @Test("requirements are respected: the certification is needed to be offered the role")
    func requirements() throws {
        for holderHasIt in [true, false] {
            var builder = OrgBuilder()
            builder.roles = [kindRole("net", hours: 6, requires: Requirements(certifications: ["CCNA"])), kindRole("w")]
            builder.person("a", hats: [("w", 5)])                                              // most room, no CCNA
            builder.person("b", hats: [("w", 20)], certifications: holderHasIt ? ["ccna"] : [])
            let finding = try #require(LoadChecker.check(try builder.org()).findings.first { $0.rule == .unfilledRole })
            #expect(finding.suggestion?.change?.to != "a")
            #expect(finding.suggestion?.change?.to == (holderHasIt ? "b" : nil), "\(finding.suggestion?.text ?? "")")
        }
    }

    @Test("requirements hold for those who already wear the role: an uncertified wearer is not given more of it")
    func requirementsForWearers() throws {
        var builder = OrgBuilder()
        builder.roles = [kindRole("net", hours: 20, requires: Requirements(certifications: ["CCNA"])), kindRole("w")]
        builder.person("q", hats: [("net", 10)])                                      // wears it, no CCNA, 30 h of room
        builder.person("r", hats: [("w", 5)], certifications: ["CCNA"])                 // certified, new to it
        let finding = try #require(LoadChecker.check(try builder.org()).findings.first { $0.rule == .understaffedRole && $0.subject.id == "net" })
        #expect(finding.suggestion?.change?.to != "q", "\(finding.suggestion?.text ?? "")")
        #expect(finding.suggestion?.change == SuggestionChange(kind: .give, role: "net", from: nil, to: "r", hours: 10),
                "\(finding.suggestion?.text ?? finding.noSuggestion ?? "nil")")
    }

    @Test("the test's own fit rule agrees with the hand-made cases")
    func ownRule() throws {
        var builder = OrgBuilder()
        builder.roles = [
            kindRole("ceo", category: "Leadership"), kindRole("l1", category: "Service delivery", tier: 1),
            kindRole("fw", category: "Service delivery", tier: 3), kindRole("open"), kindRole("am", category: " growth "),
            kindRole("mk", category: "Growth"),
        ]
        builder.person("tech", hats: [("l1", 10)])
        builder.person("sales", hats: [("mk", 10)])
        let org = try builder.org()
        #expect(!fits(org, role: "ceo", person: "tech"))
        #expect(!fits(org, role: "fw", person: "tech"))
        #expect(fits(org, role: "open", person: "tech"))
        #expect(fits(org, role: "am", person: "sales"))
        #expect(!fits(org, role: "am", person: "tech"))
        #expect(fits(org, role: "l1", person: "tech"))
    }

    func checkEverySuggestionFits(_ org: Org, _ report: LoadReport, _ label: String, newcomers: inout Int) -> Int {
        var count = 0
        for finding in report.findings {
            guard let change = finding.suggestion?.change else { continue }
            count += 1
            if org.person(change.to)?.wears(change.role) == false { newcomers += 1 }
            let wears = org.person(change.to)?.wears(change.role) == true
            let qualified = org.person(change.to).map { person in
                org.role(change.role)?.requires.map { Rules.qualificationGaps(person, $0).isEmpty } ?? true
            } ?? false
            let fit = fits(org, role: change.role, person: change.to)
            #expect(fit,
                    "\(label): «\(finding.suggestion?.text ?? "")» gives \(change.role) to \(change.to), who cannot take it on (already wears it: \(wears), meets its requirements: \(qualified), external: \(org.person(change.to)?.external == true))")
            #expect(change.to != change.from, "\(label): \(change)")
        }
        return count
    }

    @Test("msp-10, as it is and with each person away: every suggestion's receiver can take the role on")
    func msp10Property() throws {
        let org = try msp10()
        var newcomers = 0
        var count = checkEverySuggestionFits(org, LoadChecker.check(org), "msp-10", newcomers: &newcomers)
        for person in org.people {
            let changed = WhatIf.without([person.id], in: org).org
            let report = WhatIf.check(org, without: [person.id]).report
            count += checkEverySuggestionFits(changed, report, "msp-10 without \(person.id)", newcomers: &newcomers)
            for change in report.findings.compactMap(\.suggestion?.change) {
                #expect(change.to != person.id, "the absent \(person.id) is offered \(change.role)")
            }
        }
        #expect(count > 5)
        #expect(newcomers > 0, "some suggestions give a role to someone new to it")
    }

    @Test("on 300 random orgs, every suggestion's receiver can take the role on", arguments: [0, 1, 2])
    func randomProperty(batch: Int) throws {
        var count = 0
        var newcomers = 0
        for seed in UInt64(batch * 100)..<UInt64(batch * 100 + 100) {
            let org = try randomKindOrg(seed: seed)
            count += checkEverySuggestionFits(org, LoadChecker.check(org), "seed \(seed)", newcomers: &newcomers)
        }
        #expect(count > 20, "the generator should produce suggestions")
        #expect(newcomers > 0, "some suggestions give a role to someone new to it")
    }
}

// MARK: - 4. Providers

@Suite("Load model v2: providers")
struct ProviderTests {
    @Test("msp-10: Zoë's role conflict is solved by moving bookkeeping to Ledger & Co, which costs money")
    func zoeToLedger() throws {
        let report = LoadChecker.check(try msp10())
        let conflict = try #require(report.findings.first { $0.rule == .roleConflict && $0.subject.id == "zoe-muller" })
        let suggestion = try #require(conflict.suggestion)
        #expect(suggestion.change == SuggestionChange(kind: .move, role: "bookkeeper", from: "zoe-muller", to: "ledger-co", hours: 5))
        #expect(suggestion.text.contains("costs money"), "\(suggestion.text)")
    }

    /// A giver at 153 % (30 h of one kind of work, 20 h of another) whose 20 h hat could go
    /// to an internal wearer, a provider who already does it, or a newcomer of its kind.
    func relieveGiver(wearer: Bool, wearerRoom: Bool = true, provider: Bool, newcomer: Bool) throws -> Finding {
        var builder = OrgBuilder()
        builder.roles = [kindRole("main", category: "Service delivery"), kindRole("side", category: "Operations"),
                         kindRole("kin", category: "Operations")]
        builder.person("g", hats: [("main", 30), ("side", 20)])
        if wearer { builder.person("w", capacity: wearerRoom ? 40 : 5, hats: [("side", 5)]) }
        if provider { builder.person("ext", external: true, hats: [("side", 5)]) }
        if newcomer { builder.person("n", hats: [("kin", 5)]) }
        let report = LoadChecker.check(try builder.org())
        return try #require(report.findings.first { $0.rule == .overload && $0.subject.id == "g" })
    }

    @Test("an internal wearer with room comes before a provider, and a provider before an internal newcomer")
    func preferenceOrder() throws {
        let all = try relieveGiver(wearer: true, provider: true, newcomer: true)
        #expect(all.suggestion?.change == SuggestionChange(kind: .move, role: "side", from: "g", to: "w", hours: 20),
                "\(all.suggestion?.text ?? all.noSuggestion ?? "nil")")

        let fullWearer = try relieveGiver(wearer: true, wearerRoom: false, provider: true, newcomer: true)
        #expect(fullWearer.suggestion?.change == SuggestionChange(kind: .move, role: "side", from: "g", to: "ext", hours: 20),
                "\(fullWearer.suggestion?.text ?? fullWearer.noSuggestion ?? "nil")")
        #expect(fullWearer.suggestion?.text.contains("costs money") == true)

        let noWearer = try relieveGiver(wearer: false, provider: true, newcomer: true)
        #expect(noWearer.suggestion?.change?.to == "ext", "\(noWearer.suggestion?.text ?? noWearer.noSuggestion ?? "nil")")

        let onlyNewcomer = try relieveGiver(wearer: false, provider: false, newcomer: true)
        #expect(onlyNewcomer.suggestion?.change == SuggestionChange(kind: .move, role: "side", from: "g", to: "n", hours: 20),
                "\(onlyNewcomer.suggestion?.text ?? onlyNewcomer.noSuggestion ?? "nil")")
    }
}

// MARK: - 5. Reasons for no suggestion

@Suite("Load model v2: reasons for no suggestion")
struct NoSuggestionTests {
    func expectReasons(_ report: LoadReport, _ label: String) -> Int {
        var without = 0
        for finding in report.findings where finding.suggestion == nil {
            without += 1
            #expect(!(finding.noSuggestion ?? "").v2Trimmed.isEmpty, "\(label): \(finding.key) has neither a suggestion nor a reason")
        }
        return without
    }

    @Test("a single point of failure whose role nobody else can take on says so")
    func spofNobody() throws {
        var builder = OrgBuilder()
        builder.roles = [kindRole("sec", category: "Security", hours: 10, critical: true), kindRole("sales", category: "Growth")]
        builder.person("s", hats: [("sec", nil)])
        builder.person("o", reportsTo: "s", hats: [("sales", 5)])
        let finding = try #require(LoadChecker.check(try builder.org()).findings.first { $0.rule == .singlePointOfFailure })
        #expect(finding.suggestion == nil, "\(finding.suggestion?.text ?? "")")
        #expect(finding.noSuggestion?.contains("nobody else can take on") == true, "\(finding.noSuggestion ?? "nil")")
    }

    @Test("every finding without a suggestion has a reason: msp-10, its what-ifs, the presets and random orgs")
    func everyFindingHasAReason() throws {
        var without = 0
        let org = try msp10()
        without += expectReasons(LoadChecker.check(org), "msp-10")
        for person in org.people {
            without += expectReasons(WhatIf.check(org, without: [person.id]).report, "msp-10 without \(person.id)")
        }
        for preset in PresetCatalog.all {
            without += expectReasons(LoadChecker.check(try preset.load()), preset.name)
        }
        for seed in UInt64(1000)..<UInt64(1100) {
            without += expectReasons(LoadChecker.check(try randomKindOrg(seed: seed)), "seed \(seed)")
        }
        #expect(without > 20)
    }
}

// MARK: - 6. What-if comparison

@Suite("Load model v2: what-if in four lists")
struct WhatIfComparisonTests {
    @Test("a single point of failure that becomes an unfilled role is worse, not resolved (and not new)")
    func spofBecomesUnfilled() throws {
        var builder = OrgBuilder()
        builder.roles = [kindRole("key", hours: 10, critical: true), kindRole("other")]
        builder.person("a", hats: [("key", nil)])
        builder.person("b", hats: [("other", 10)])
        let comparison = WhatIf.check(try builder.org(), without: ["a"]).comparison
        #expect(comparison.worse.contains { $0.before.rule == .singlePointOfFailure && $0.before.subject.id == "key"
                && $0.after.rule == .unfilledRole && $0.after.subject.id == "key" })
        #expect(!comparison.resolved.contains { $0.rule == .singlePointOfFailure && $0.subject.id == "key" })
        #expect(!comparison.new.contains { $0.rule == .unfilledRole && $0.subject.id == "key" })
    }

    @Test("an overload from 167 % to 275 % (both critical) is worse")
    func overloadRises() throws {
        var builder = OrgBuilder()
        builder.roles = [kindRole("r")]
        builder.person("p", hats: [("r", 66.8)])
        builder.person("q", hats: [("r", 43.2)])
        let org = try builder.org()
        let (report, comparison) = WhatIf.check(org, without: ["q"])
        #expect(close(try #require(report.load(of: "p")).load, 2.75))
        let change = try #require(comparison.worse.first { $0.after.subject.id == "p" })
        #expect(change.before.rule == .overload && change.after.rule == .overload)
        #expect(change.before.severity == .critical && change.after.severity == .critical)
        #expect(close(try #require(change.before.load), 1.67))
        #expect(!comparison.better.contains { $0.after.subject.id == "p" })
        #expect(!comparison.new.contains { $0.subject.id == "p" })
    }

    /// One person's overload at `before` hours and at `after` hours (one hat, a 40 h week).
    func compare(_ before: Double, _ after: Double) throws -> ReportComparison {
        func report(_ hours: Double) throws -> LoadReport {
            var builder = OrgBuilder()
            builder.roles = [kindRole("r")]
            builder.person("p", hats: [("r", hours)])
            return LoadChecker.check(try builder.org())
        }
        return ReportComparison(before: try report(before), after: try report(after))
    }

    @Test("a drop of 5 points or more is better; a change of 4 points is in no list; a rise of 5 is worse")
    func loadSteps() throws {
        for (after, list) in [(57.5, "better"), (58, "better"), (58.4, "none"), (61.6, "none"), (62, "worse"), (70, "worse")] {
            let comparison = try compare(60, after)   // 150 % → …
            #expect(comparison.better.contains { $0.after.subject.id == "p" } == (list == "better"), "60 h → \(after) h")
            #expect(comparison.worse.contains { $0.after.subject.id == "p" } == (list == "worse"), "60 h → \(after) h")
            #expect(comparison.new.isEmpty && comparison.resolved.isEmpty, "60 h → \(after) h")
        }
    }

    @Test("several people away at once: their work falls to the rest, takenOver says who took what")
    func severalAway() throws {
        var builder = OrgBuilder()
        builder.roles = [kindRole("shared", hours: 30), kindRole("pair", hours: 10), kindRole("mine", hours: 6)]
        builder.person("a", hats: [("shared", nil), ("pair", nil)])
        builder.person("b", hats: [("shared", nil), ("pair", nil)])
        builder.person("c", hats: [("shared", nil), ("mine", 6)])
        let org = try builder.org()
        let (changed, unknown, takenOver) = WhatIf.without(["a", "b"], in: org)
        #expect(unknown.isEmpty)
        #expect(changed.person("a")?.hats == [] && changed.person("b")?.hats == [])
        let taken = (takenOver["c"] ?? []).sorted { $0.from < $1.from }
        #expect(taken == [TakenOver(role: "shared", from: "a", hours: 10), TakenOver(role: "shared", from: "b", hours: 10)])
        #expect(takenOver["a"] == nil && takenOver["b"] == nil)

        // Each remaining hat's hours in the what-if org = its own + what was taken over.
        let before = Hours(org)
        let after = Hours(changed)
        for person in org.people where !["a", "b"].contains(person.id) {
            let now = try #require(changed.person(person.id))
            for hat in person.hats {
                let newHat = try #require(now.hat(for: hat.role))
                let extra = (takenOver[person.id] ?? []).filter { $0.role == hat.role }.reduce(0) { $0 + $1.hours }
                #expect(close(after.hours(of: newHat), before.hours(of: hat) + extra), "\(person.id) \(hat.role)")
            }
        }
        #expect(close(after.allocated(try #require(changed.person("c"))), 36))

        let (report, comparison) = WhatIf.check(org, without: ["a", "b"])
        #expect(report.load(of: "a")?.load == 0 && report.load(of: "b")?.load == 0)
        #expect(close(try #require(report.load(of: "c")).allocatedHours, 36))
        #expect(report.findings(about: .role, "pair").map(\.rule) == [.unfilledRole])
        #expect(report.findings(about: .role, "shared").isEmpty)
        #expect(comparison.new.map(\.key) == ["unfilled-role|role|pair|"])
    }
}

// MARK: - 7. The three stories

@Suite("Load model v2: the three stories")
struct LoadModelStoryTests {
    @Test("a technician with 36 h of service delivery cross-trained 2 h on firewalls is not overloaded",
          arguments: ["Service delivery", " service DELIVERY ", "Network"])
    func crossTrainedTechnician(firewallCategory: String) throws {
        var builder = OrgBuilder()
        builder.roles = [kindRole("desk", category: "Service delivery"), kindRole("fw", category: firewallCategory)]
        builder.person("tech", hats: [("desk", 36), ("fw", 2)])
        let report = LoadChecker.check(try builder.org())
        let load = try #require(report.load(of: "tech"))
        let sameKind = firewallCategory != "Network"
        #expect(close(load.contexts, sameKind ? 1 : 1444.0 / 1300.0))
        #expect(load.load < 1, "\(load.load)")
        #expect(!report.findings(about: .person, "tech").contains { $0.rule == .overload })
    }

    @Test("a part-time office manager with 18 h of three Operations roles in a 20 h week is at 90 %, not critical")
    func partTimeOfficeManager() throws {
        var builder = OrgBuilder()
        builder.roles = [kindRole("office", category: "Operations"), kindRole("invoicing", category: "Operations"),
                         kindRole("hr-paperwork", category: "Operations")]
        builder.person("om", capacity: 20, hats: [("office", 8), ("invoicing", 6), ("hr-paperwork", 4)])
        let report = LoadChecker.check(try builder.org())
        let load = try #require(report.load(of: "om"))
        #expect(close(load.load, 0.9))
        #expect(report.count(.critical) == 0)
        #expect(!report.findings(about: .person, "om").contains { $0.rule == .overload })
    }

    @Test("msp-10: Zoë is not overloaded, Dana is critically overloaded at 166 %, the one-hat technicians have no findings")
    func msp10Story() throws {
        let report = LoadChecker.check(try msp10())
        let zoe = try #require(report.load(of: "zoe-muller"))
        #expect(close(zoe.allocatedHours, 33))
        #expect(close(zoe.contexts, 1))
        #expect(close(zoe.load, 33.0 / 40.0))
        #expect(!report.findings(about: .person, "zoe-muller").contains { $0.rule == .overload })

        let dana = try #require(report.load(of: "dana-reyes"))
        let n = 45.0 * 45.0 / (22 * 22 + 15 * 15 + 8 * 8)
        #expect(close(dana.contexts, n))
        #expect(close(dana.load, 45 / (40 * (1 - Policy.weightedSwitchLoss(contexts: n)))))
        #expect(Format.percent(dana.load) == "166 %")
        let overload = try #require(report.findings.first { $0.rule == .overload && $0.subject.id == "dana-reyes" })
        #expect(overload.severity == .critical)
        #expect(overload.message.contains("166 %"), "\(overload.message)")

        for id in ["lee-park", "ana-silva", "kofi-mensah", "mia-chen", "raj-patel"] {
            #expect(report.findings(about: .person, id).isEmpty, "\(id): \(report.findings(about: .person, id).map(\.message))")
        }
    }

    @Test("a leadership role's only wearer is covered by a named deputy with no hours, never a hire; other roles cross-train a backup with hours")
    func deputyForLeadership() throws {
        let org = try msp10()
        let report = LoadChecker.check(org)
        // CEO / Owner: Sam Ortiz, the other leader, is named deputy; nobody's load moves.
        let owner = try #require(report.findings.first { $0.rule == .singlePointOfFailure && $0.subject.id == "ceo-owner" })
        let suggestion = try #require(owner.suggestion, "\(owner.noSuggestion ?? "")")
        #expect(suggestion.text == "Name Sam Ortiz deputy for CEO / Owner: a hat of 0 h a week, to stand in while Dana Reyes is away, with what they may decide written down (no load changes)")
        #expect(suggestion.change == SuggestionChange(kind: .backup, role: "ceo-owner", from: "dana-reyes", to: "sam-ortiz", hours: 0))
        let after = try org.applying(suggestion.edit)
        #expect(after.person("sam-ortiz")?.hat(for: "ceo-owner") == Hat(role: "ceo-owner", hoursPerWeek: 0))
        #expect(after.person("dana-reyes")?.hats == org.person("dana-reyes")?.hats, "the owner keeps the work")
        let checked = LoadChecker.check(after)
        #expect(!checked.findings.contains { $0.rule == .singlePointOfFailure && $0.subject.id == "ceo-owner" })
        #expect(checked.people.map(\.load) == report.people.map(\.load), "no load changes")
        #expect(ReportComparison(before: report, after: checked).new.isEmpty)
        // Service Manager: the only other leader is over the line, so: no hire, a deputy later.
        let service = try #require(report.findings.first { $0.rule == .singlePointOfFailure && $0.subject.id == "service-manager" })
        #expect(service.suggestion == nil)
        #expect(service.noSuggestion == "nobody who can stand in for Service Manager is free to (Dana Reyes could but is at the limit already) — name a deputy once one of them has room (hats does not hire a leader: that is your call)")
        // No leadership at all besides the owner: choose one, still no hire.
        var builder = OrgBuilder()
        builder.roles = [kindRole("ceo", category: "Leadership", critical: true), kindRole("l1", category: "Service delivery")]
        builder.person("owner", hats: [("ceo", 30)])
        builder.person("tech", reportsTo: "owner", hats: [("l1", 20)])
        let alone = try #require(LoadChecker.check(try builder.org()).findings.first { $0.rule == .singlePointOfFailure })
        #expect(alone.suggestion == nil)
        #expect(alone.noSuggestion?.hasSuffix("— choose a deputy and write down what they may decide (hats does not hire a leader: that is your call)") == true, "\(alone.noSuggestion ?? "nil")")
        #expect(alone.noSuggestion?.contains("needs a hire") == false)
        // A deputy's hat of 0 h is no kind of work switched to.
        let standby = try org.applying(.addHat(person: "dana-reyes", hat: Hat(role: "service-manager", hoursPerWeek: 0)))
        let overload = try #require(LoadChecker.check(standby).findings.first { $0.rule == .overload && $0.subject.id == "dana-reyes" })
        #expect(overload.message.contains("across 4 hats; switching between 3 kinds of work (Leadership 22.0 h, Growth 15.0 h, Operations 8.0 h) costs 32 %"), "\(overload.message)")
        // A critical role that is not leadership still gets a backup who takes hours.
        let engineer = try #require(report.findings.first { $0.rule == .singlePointOfFailure && $0.subject.id == "level-3-engineer" })
        #expect(engineer.suggestion?.text.hasPrefix("Cross-train Kofi Mensah as a backup for Level 3 Technician / Engineer, taking 4.0 h a week") == true)
    }
}
