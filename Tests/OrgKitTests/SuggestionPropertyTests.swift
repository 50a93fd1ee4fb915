import Testing
@testable import OrgKit

/// Tests whose failures must reproduce draw from OrgKit's seeded generator.
typealias SeededGenerator = SplitMix64

@Suite("Suggestions on random orgs")
struct SuggestionPropertyTests {
    /// A random org with shared and explicit hats, critical roles, requirements, conflicts,
    /// escalation chains and external people: everything a suggestion could trip over.
    static func randomOrg(seed: UInt64, people range: ClosedRange<Int> = 2...14) throws -> Org {
        var random = SeededGenerator(seed: seed)
        let roleCount = Int.random(in: 3...8, using: &random)
        var roles: [Role] = []
        for index in 0..<roleCount {
            roles.append(Role(
                id: "r\(index)", name: "Role \(index)",
                // Kinds of work, relations and tiers, for the fit rule and weighted switching.
                category: [nil, "Ops", " ops ", "Sales", "Leadership"][Int.random(in: 0..<5, using: &random)],
                related: index > 0 && Int.random(in: 0..<4, using: &random) == 0 ? ["r\(Int.random(in: 0..<index, using: &random))"] : [],
                hoursPerWeek: Bool.random(using: &random) ? Double(Int.random(in: 0...60, using: &random)) : nil,
                critical: Int.random(in: 0..<3, using: &random) == 0,
                tier: Int.random(in: 0..<3, using: &random) == 0 ? Int.random(in: 1...3, using: &random) : nil,
                escalatesTo: index + 1 < roleCount && Int.random(in: 0..<4, using: &random) == 0 ? "r\(index + 1)" : nil,
                requires: Int.random(in: 0..<5, using: &random) == 0 ? Requirements(certifications: ["C"], minYears: 2) : nil))
        }
        var duties: [Duty] = []
        for index in 0..<Int.random(in: 0...12, using: &random) {
            duties.append(Duty(id: "d\(index)", name: "Duty \(index)",
                               role: Int.random(in: 0..<6, using: &random) == 0 ? nil : "r\(Int.random(in: 0..<roleCount, using: &random))",
                               hoursPerWeek: Double(Int.random(in: 0...8, using: &random)),
                               critical: Bool.random(using: &random)))
        }
        let peopleCount = Int.random(in: range, using: &random)
        var people: [Person] = []
        for index in 0..<peopleCount {
            var hats: [Hat] = []
            for role in roles.shuffled(using: &random).prefix(Int.random(in: 0...4, using: &random)) {
                hats.append(Hat(role: role.id, hoursPerWeek: Bool.random(using: &random) ? Double(Int.random(in: 1...30, using: &random)) : nil))
            }
            people.append(Person(
                id: "p\(index)", name: "Person \(index)",
                reportsTo: index == 0 ? nil : "p\(Int.random(in: 0..<index, using: &random))",
                hoursPerWeek: Int.random(in: 0..<4, using: &random) == 0 ? Double(Int.random(in: 10...40, using: &random)) : nil,
                external: Int.random(in: 0..<8, using: &random) == 0,
                // Some open positions, chosen without drawing from `random` so that every
                // other field of these orgs stays as it was.
                open: (index * 7 + hats.count) % 9 == 4,
                certifications: Bool.random(using: &random) ? ["C"] : [],
                yearsExperience: Bool.random(using: &random) ? Double(Int.random(in: 0...6, using: &random)) : nil,
                hats: hats))
        }
        var policy = Policy(maxHats: Int.random(in: 2...4, using: &random), maxDuties: Int.random(in: 3...12, using: &random),
                            maxDirectReports: Int.random(in: 2...6, using: &random))
        if roleCount >= 2, Bool.random(using: &random) { policy.conflicts = [RoleConflict(roles: ["r0", "r1"])] }
        policy.switching = [.weighted, .weighted, .weinberg, .flat, .none][Int.random(in: 0..<5, using: &random)]
        if Bool.random(using: &random) { policy.availability = [0.75, 0.8, 0.9][Int.random(in: 0..<3, using: &random)] }
        return try Org(name: "Random \(seed)", policy: policy, roles: roles, duties: duties, people: people)
    }

    @Test("on 300 random orgs, every suggestion applies, creates no finding and helps", arguments: [0, 1, 2])
    func suggestionsAreSafe(batch: Int) throws {
        var suggestions = 0
        for seed in UInt64(batch * 100)..<UInt64(batch * 100 + 100) {
            let org = try Self.randomOrg(seed: seed)
            let report = LoadChecker.check(org)
            for finding in report.findings {
                guard let suggestion = finding.suggestion else { continue }
                suggestions += 1
                let after: Org
                do {
                    after = try org.applying(suggestion.edit)
                } catch {
                    Issue.record("seed \(seed): suggestion «\(suggestion.text)» does not apply: \(error)")
                    continue
                }
                let afterReport = LoadChecker.check(after)
                let comparison = ReportComparison(before: report, after: afterReport)
                // Filling a role nobody wore with one person, or with part of its hours,
                // leaves that role a single point of failure or short: that replaces the
                // unfilled role (and is less severe), it is not a new problem.
                let replacing: (Finding) -> Bool = { new in
                    guard finding.rule == .unfilledRole else { return false }
                    if new.subject == finding.subject { return [.singlePointOfFailure, .understaffedRole].contains(new.rule) && new.severity <= finding.severity }
                    return new.subject.kind == .duty && new.rule == .singlePointOfFailure && org.duty(new.subject.id)?.role == finding.subject.id
                }
                let created = comparison.new.filter { !replacing($0) }
                #expect(created.isEmpty, "seed \(seed): «\(suggestion.text)» creates \(created.map(\.message))")
                #expect(comparison.worse.isEmpty, "seed \(seed): «\(suggestion.text)» worsens \(comparison.worse.map { "\($0.before.message) → \($0.after.message)" })")
                switch finding.rule {
                case .overload:
                    let before = report.load(of: finding.subject.id)?.load ?? 0
                    let now = afterReport.load(of: finding.subject.id)?.load ?? 0
                    #expect(now < before, "seed \(seed): «\(suggestion.text)» does not lower the load")
                case .understaffedRole:
                    // A top-up may be partial: the role is less short, or not short at all.
                    let short = { (report: LoadReport) -> Double in
                        guard case .understaffedRole(_, _, let needs, let given, _, _)? = report.findings.first(where: { $0.key == finding.key })?.explanation else { return 0 }
                        return needs - given
                    }
                    #expect(short(afterReport) < short(report), "seed \(seed): «\(suggestion.text)» does not shorten the shortfall")
                default:
                    #expect(!afterReport.findings.contains { $0.key == finding.key }, "seed \(seed): «\(suggestion.text)» does not resolve \(finding.key)")
                }
            }
        }
        #expect(suggestions > 20, "the generator should produce orgs with suggestions")
    }
}
