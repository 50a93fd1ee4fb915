import Testing
@testable import OrgKit

/// Builds small orgs for the rule tests: roles "r1"... with the given hours, people with hats.
struct OrgBuilder {
    var policy = Policy()
    var roles: [Role] = []
    var duties: [Duty] = []
    var people: [Person] = []

    mutating func role(_ id: String, hours: Double? = nil, critical: Bool = false, tier: Int? = nil, escalatesTo: String? = nil, requires: Requirements? = nil) {
        roles.append(Role(id: id, name: "Role \(id)", hoursPerWeek: hours, critical: critical, tier: tier, escalatesTo: escalatesTo, requires: requires))
    }

    mutating func person(_ id: String, reportsTo: String? = nil, capacity: Double? = nil, external: Bool = false, hats: [(String, Double?)] = [],
                         certifications: [String] = [], years: Double? = nil) {
        people.append(Person(id: id, name: "Person \(id)", reportsTo: reportsTo, hoursPerWeek: capacity, external: external,
                             certifications: certifications, yearsExperience: years, hats: hats.map { Hat(role: $0.0, hoursPerWeek: $0.1) }))
    }

    func org() throws -> Org {
        try Org(name: "Test", policy: policy, roles: roles, duties: duties, people: people)
    }

    func findings(_ rule: Finding.Rule) throws -> [Finding] {
        LoadChecker.check(try org()).findings.filter { $0.rule == rule }
    }
}

@Suite("Load checker rules")
struct LoadCheckerRuleTests {
    @Test("switching loss at k = 1...6 for each model")
    func switchingModels() {
        let weinberg = Policy(switching: .weinberg)
        #expect((1...6).map { weinberg.switchLoss(hats: $0) } == [0, 0.20, 0.40, 0.60, 0.75, 0.75])
        #expect(weinberg.switchLoss(hats: 0) == 0)
        let flat = Policy(switching: .flat, flatSwitchingLoss: 0.17)
        #expect((1...6).map { flat.switchLoss(hats: $0) } == [0, 0.17, 0.17, 0.17, 0.17, 0.17])
        let none = Policy(switching: .none)
        #expect((1...6).map { none.switchLoss(hats: $0) } == [0, 0, 0, 0, 0, 0])
    }

    @Test("load = allocated ÷ (capacity × (1 − switchLoss)) for each model")
    func loadArithmetic() throws {
        for (switching, expected) in [(Policy.Switching.weinberg, 30.0 / 24.0), (.flat, 30.0 / (40 * 0.83)), (.none, 30.0 / 40)] {
            var builder = OrgBuilder()
            builder.policy.switching = switching
            for id in ["a", "b", "c"] { builder.role(id) }
            builder.person("p", hats: [("a", 10), ("b", 10), ("c", 10)])
            let load = try #require(LoadChecker.check(try builder.org()).load(of: "p"))
            #expect(abs(load.load - expected) < 1e-12, "\(switching)")
            #expect(load.allocatedHours == 30)
            #expect(load.capacityHours == 40)
        }
    }

    @Test("overload: warning above warnAt, critical above criticalAt, nothing at exactly 100 %")
    func overload() throws {
        func severity(_ hours: Double) throws -> Finding.Severity? {
            var builder = OrgBuilder()
            builder.role("a")
            builder.person("p", hats: [("a", hours)])
            return try builder.findings(.overload).first?.severity
        }
        #expect(try severity(40) == nil)        // exactly 100 %: not over
        #expect(try severity(40.5) == .warning)
        #expect(try severity(50) == .warning)    // exactly 125 %: warning, not critical
        #expect(try severity(50.5) == .critical)
    }

    @Test("overload message carries the numbers a manager needs")
    func overloadMessage() throws {
        var builder = OrgBuilder()
        for id in ["a", "b", "c"] { builder.role(id) }
        builder.person("dana", hats: [("a", 22), ("b", 15), ("c", 8)])
        builder.person("lee", hats: [("a", 45)])
        let findings = try builder.findings(.overload)
        // Three roles without a category are three kinds of work: n = 45² / (22² + 15² + 8²)
        // = 2.62, a loss of 20 % + 0.62 × 20 % = 32 %, 27.0 h effective.
        #expect(findings.map(\.message) == [
            "Person dana: 45.0 h across 3 hats; switching between 3 kinds of work (Role a 22.0 h, Role b 15.0 h, Role c 8.0 h) costs 32 %, leaving 27.0 h of a 40.0 h week — 166 %",
            "Person lee: 45.0 h on 1 hat in a 40.0 h week — 113 %",
        ])
        // Counted as whole projects (a file that says "weinberg"): 3 hats cost 40 %.
        builder.policy.switching = .weinberg
        #expect(try builder.findings(.overload).first?.message == "Person dana: 45.0 h across 3 hats; switching between 3 hats costs 40 %, leaving 24.0 h of a 40.0 h week — 188 %")
        // A quarter of the week not plannable: said in words.
        builder.policy.switching = .none
        builder.policy.availability = 0.75
        #expect(try builder.findings(.overload).first?.message == "Person dana: 45.0 h across 3 hats; 75 % of the week can be planned, leaving 30.0 h of a 40.0 h week — 150 %")
    }

    @Test("a person with hats and no effective hours has infinite load: critical, and null in JSON")
    func infiniteLoad() throws {
        var builder = OrgBuilder()
        builder.role("a")
        builder.person("p", capacity: 0, hats: [("a", 0)])
        builder.person("idle", capacity: 0)
        let report = LoadChecker.check(try builder.org())
        let load = try #require(report.load(of: "p"))
        #expect(load.load == .infinity)
        #expect(report.load(of: "idle")?.load == 0, "no hats, no load")
        let finding = try #require(report.findings.first { $0.rule == .overload })
        #expect(finding.severity == .critical)
        #expect(finding.message == "Person p: 0.0 h on 1 hat, but a capacity of 0.0 h leaves no time for it")
        #expect(report.json().contains("\"load\": null"))
    }

    @Test("too-many-hats fires above maxHats, not at it")
    func tooManyHats() throws {
        var builder = OrgBuilder()
        builder.policy.switching = .none
        for id in ["a", "b", "c", "d"] { builder.role(id) }
        builder.person("three", hats: [("a", 1), ("b", 1), ("c", 1)])
        builder.person("four", hats: [("a", 1), ("b", 1), ("c", 1), ("d", 1)])
        let findings = try builder.findings(.tooManyHats)
        #expect(findings.map(\.subject.id) == ["four"])
        #expect(findings.first?.message == "Person four wears 4 hats (Role a, Role b, Role c, Role d); the policy allows 3")
    }

    @Test("too-many-duties counts the duties of every role worn, above maxDuties only")
    func tooManyDuties() throws {
        var builder = OrgBuilder()
        builder.policy.maxDuties = 3
        builder.role("a")
        builder.role("b")
        builder.duties = (1...2).map { Duty(id: "a\($0)", name: "A\($0)", role: "a") } + (1...2).map { Duty(id: "b\($0)", name: "B\($0)", role: "b") }
        builder.person("one", hats: [("a", 1)])
        builder.person("both", hats: [("a", 1), ("b", 1)])
        #expect(try builder.findings(.tooManyDuties).map(\.message) == ["Person both carries 4 duties across 2 hats; the policy allows 3"])
        builder.policy.maxDuties = 4
        #expect(try builder.findings(.tooManyDuties).isEmpty)
    }

    @Test("role-conflict: one finding per conflicting pair worn, with the reason")
    func roleConflict() throws {
        var builder = OrgBuilder()
        for id in ["a", "b", "c"] { builder.role(id) }
        builder.policy.conflicts = [RoleConflict(roles: ["a", "b"], reason: "separation of duties"), RoleConflict(roles: ["a", "c"])]
        builder.person("p", hats: [("a", 1), ("b", 1), ("c", 1)])
        builder.person("q", hats: [("b", 1), ("c", 1)])
        let findings = try builder.findings(.roleConflict)
        #expect(findings.map(\.message) == [
            "Person p wears both Role a and Role b: separation of duties",
            "Person p wears both Role a and Role c",
        ])
    }

    @Test("single-point-of-failure: a critical role with one wearer, not with two or none")
    func singlePointOfFailureRole() throws {
        var builder = OrgBuilder()
        builder.role("solo", hours: 10, critical: true)
        builder.role("pair", hours: 10, critical: true)
        builder.role("plain", hours: 10)
        builder.person("p", hats: [("solo", nil), ("pair", nil), ("plain", nil)])
        builder.person("q", hats: [("pair", nil)])
        let findings = try builder.findings(.singlePointOfFailure)
        #expect(findings.map(\.subject.id) == ["solo"])
        #expect(findings.first?.message == "Person p is the only one wearing Role solo, a critical role: nobody covers it when they are away")
    }

    @Test("single-point-of-failure: a critical duty of a non-critical role worn by one person")
    func singlePointOfFailureDuty() throws {
        var builder = OrgBuilder()
        builder.role("plain")
        builder.role("critical", critical: true)
        builder.role("shared")
        builder.duties = [
            Duty(id: "d1", name: "Back up", role: "plain", critical: true),
            Duty(id: "d2", name: "Covered by the role's own finding", role: "critical", critical: true),
            Duty(id: "d3", name: "Shared", role: "shared", critical: true),
            Duty(id: "d4", name: "Not critical", role: "plain"),
        ]
        builder.person("p", hats: [("plain", nil), ("critical", nil), ("shared", nil)])
        builder.person("q", hats: [("shared", nil)])
        let findings = try builder.findings(.singlePointOfFailure)
        #expect(findings.map(\.subject.id).sorted() == ["critical", "d1"])
        #expect(findings.first { $0.subject.kind == .duty }?.message == "Only Person p covers “Back up”, a critical duty of Role plain")
    }

    @Test("unfilled-role: hours or duties and nobody wearing it; critical when the role is")
    func unfilledRole() throws {
        var builder = OrgBuilder()
        builder.role("hours", hours: 5)
        builder.role("duties")
        builder.role("critical", hours: 1, critical: true)
        builder.role("empty")          // no hours, no duties: a catalog entry, not a gap
        builder.role("zero", hours: 0)
        builder.duties = [Duty(id: "d", name: "D", role: "duties")]
        let findings = try builder.findings(.unfilledRole)
        #expect(findings.map(\.subject.id) == ["critical", "duties", "hours"])
        #expect(findings.map(\.severity) == [.critical, .warning, .warning])
        #expect(findings.first?.message == "Nobody wears Role critical, a critical role (1.0 h a week)")
        #expect(findings.last?.message == "Nobody wears Role hours (5.0 h a week)")
    }

    @Test("unowned-duty: a duty with no role; critical when the duty is")
    func unownedDuty() throws {
        var builder = OrgBuilder()
        builder.role("r")
        builder.duties = [Duty(id: "a", name: "Owned", role: "r"), Duty(id: "b", name: "Loose"), Duty(id: "c", name: "Backups", critical: true)]
        let findings = try builder.findings(.unownedDuty)
        #expect(findings.map(\.message) == ["No role owns the critical duty “Backups”", "No role owns “Loose”"])
        #expect(findings.map(\.severity) == [.critical, .warning])
    }

    @Test("escalation: target worn by nobody, or every wearer also wears the target")
    func escalation() throws {
        var builder = OrgBuilder()
        builder.role("t1", tier: 1, escalatesTo: "t2")
        builder.role("t2", tier: 2, escalatesTo: "t3")
        builder.role("t3", tier: 3)
        builder.person("a", hats: [("t1", 10), ("t2", 10)])
        builder.person("b", hats: [("t2", 10)])
        let findings = try builder.findings(.escalation)
        #expect(findings.map(\.message) == [
            "Everyone who wears Role t1 also wears Role t2, the role it escalates to: escalations reach the same people",
            "Role t2 escalates to Role t3, which nobody wears: escalations have nowhere to go",
        ])
        // On the boundary: one wearer of t1 does not wear t2, and t3 is worn.
        builder.person("c", hats: [("t1", 10), ("t3", 10)])
        #expect(try builder.findings(.escalation).isEmpty)
    }

    @Test("span-of-control: solid-line reports above maxDirectReports; dotted lines do not count")
    func spanOfControl() throws {
        var builder = OrgBuilder()
        builder.policy.maxDirectReports = 2
        builder.person("boss")
        builder.person("other")
        for index in 1...2 { builder.person("r\(index)", reportsTo: "boss") }
        builder.people.append(Person(id: "dotted", name: "Dotted", reportsTo: "other", dottedTo: ["boss"]))
        #expect(try builder.findings(.spanOfControl).isEmpty)
        builder.person("r3", reportsTo: "boss")
        #expect(try builder.findings(.spanOfControl).map(\.message) == [
            "Person boss has 3 direct reports; the policy allows 2 (McKinsey 2017: 3–5 reports is a player/coach's span)",
        ])
    }

    @Test("qualification: one info finding per hat whose requirements are not met")
    func qualification() throws {
        var builder = OrgBuilder()
        builder.role("t1", requires: Requirements(certifications: ["CompTIA A+"], minYears: 0))
        builder.role("t2", requires: Requirements(anyCertification: ["Network+", "MD-102"], minYears: 2))
        builder.role("t3", requires: Requirements(minYears: 5))
        builder.person("ok", hats: [("t1", 1), ("t2", 1)], certifications: ["comptia a+", "MD-102"], years: 2)
        builder.person("gaps", hats: [("t1", 1), ("t2", 1)], certifications: ["Network+"], years: 1.5)
        builder.person("unknown", hats: [("t3", 1)])
        let findings = try builder.findings(.qualification)
        #expect(findings.map(\.severity) == [.info, .info, .info])
        #expect(findings.map(\.message) == [
            "Person gaps wears Role t1 but lacks CompTIA A+",
            "Person gaps wears Role t2 but has 1.5 years of experience (it asks for 2)",
            "Person unknown wears Role t3 but has no years of experience recorded (it asks for 5)",
        ])
    }

    @Test("external people are exempt from overload, hats, duties, span and qualification, not from conflicts")
    func externalExemptions() throws {
        var builder = OrgBuilder()
        builder.policy.maxHats = 1
        builder.policy.maxDuties = 0
        builder.policy.maxDirectReports = 1
        builder.role("a", requires: Requirements(minYears: 10))
        builder.role("b")
        builder.duties = [Duty(id: "d", name: "D", role: "a")]
        builder.policy.conflicts = [RoleConflict(roles: ["a", "b"])]
        builder.person("vendor", external: true, hats: [("a", 100), ("b", 60)])
        builder.person("x", reportsTo: "vendor")
        builder.person("y", reportsTo: "vendor")
        let rules = Set(LoadChecker.check(try builder.org()).findings.filter { $0.subject.id == "vendor" }.map(\.rule))
        #expect(rules == [.roleConflict])
    }

    @Test("findings are ordered critical → warning → info, then by subject name")
    func ordering() throws {
        var builder = OrgBuilder()
        builder.role("r", hours: 10, critical: true, requires: Requirements(minYears: 3))
        builder.role("z", hours: 10)
        builder.person("b", hats: [("r", 60)])
        builder.person("a", hats: [("r", 45)])
        let findings = LoadChecker.check(try builder.org()).findings
        #expect(findings.map { "\($0.severity.name) \($0.rule.rawValue) \($0.subject.name)" } == [
            "critical overload Person b",
            "warning overload Person a",
            "warning unfilled-role Role z",
            "info qualification Person a",
            "info qualification Person b",
        ])
    }
}

@Suite("Load checker suggestions")
struct SuggestionTests {
    /// Applies a suggestion and re-runs the whole checker: the suggestion must not create or
    /// worsen any finding, and must resolve or improve the finding it was made for.
    func verifySafe(_ finding: Finding, in org: Org) throws -> Org {
        let suggestion = try #require(finding.suggestion, "\(finding.rule.rawValue) \(finding.subject.name) has no suggestion")
        let after = try org.applying(suggestion.edit)
        let comparison = ReportComparison(before: LoadChecker.check(org), after: LoadChecker.check(after))
        #expect(comparison.new.isEmpty, "suggestion «\(suggestion.text)» creates: \(comparison.new.map(\.message))")
        return after
    }

    @Test("every suggestion on every preset is safe when re-checked on the suggested org")
    func presetSuggestionsAreSafe() throws {
        var checked = 0
        for preset in PresetCatalog.all {
            let org = try preset.load()
            for finding in LoadChecker.check(org).findings where finding.suggestion != nil {
                let after = try verifySafe(finding, in: org)
                let before = LoadChecker.check(org)
                let afterReport = LoadChecker.check(after)
                switch finding.rule {
                case .overload:
                    let old = try #require(before.load(of: finding.subject.id)).load
                    let new = try #require(afterReport.load(of: finding.subject.id)).load
                    #expect(new < old)
                default:
                    #expect(!afterReport.findings.contains { $0.key == finding.key }, "\(finding.key) not resolved")
                }
                checked += 1
            }
        }
        #expect(checked >= 4)
    }

    @Test("overload: moves a whole hat to someone who then stays at or under the line")
    func moveWholeHat() throws {
        var builder = OrgBuilder()
        for id in ["a", "b", "c"] { builder.role(id) }
        builder.person("busy", hats: [("a", 20), ("b", 10)])     // n = 1.8, loss 16 %: 30 / 33.6 = 89 %
        builder.person("light", hats: [("c", 10)])
        builder.people[0].hats.append(Hat(role: "c", hoursPerWeek: 6)) // n = 2.42, loss 28 %: 36 / 28.7 = 126 %
        let org = try builder.org()
        let finding = try #require(LoadChecker.check(org).findings.first { $0.rule == .overload })
        let suggestion = try #require(finding.suggestion)
        #expect(suggestion.text == "Move Role c (6.0 h) to Person light: Person busy 126 % → 89 %, Person light 25 % → 40 %")
        let after = try verifySafe(finding, in: org)
        #expect(after.person("light")?.hat(for: "c")?.hoursPerWeek == 16)
    }

    @Test("overload: moves only some hours when a whole hat is too much for anyone")
    func movePartOfAHat() throws {
        var builder = OrgBuilder()
        builder.role("a")
        builder.role("b")
        builder.person("busy", hats: [("a", 48)])                  // 120 %
        builder.person("helper", hats: [("a", 10), ("b", 10)])     // n = 2: 20 / 32 = 63 %; with 8 h more of "a", n = 1.85: 28 / 33.2 = 84 %
        let org = try builder.org()
        let finding = try #require(LoadChecker.check(org).findings.first { $0.rule == .overload })
        #expect(finding.suggestion?.text == "Move 8.0 h of Role a to Person helper: Person busy 120 % → 100 %, Person helper 63 % → 84 %")
        _ = try verifySafe(finding, in: org)
    }

    @Test("no suggestion gives work to someone it would overload, conflict, under-qualify or make a new finding for")
    func unsafeCandidatesAreSkipped() throws {
        var builder = OrgBuilder()
        builder.role("a")
        builder.role("b")
        builder.role("needs", requires: Requirements(certifications: ["X"]))
        builder.policy.conflicts = [RoleConflict(roles: ["needs", "b"])]
        builder.person("busy", hats: [("a", 10), ("needs", 30)])    // 40 / 32 = 125 %
        builder.person("conflicted", hats: [("b", 5)])              // has room but would conflict
        builder.person("unqualified", hats: [("a", 5)])             // has room but lacks X
        builder.person("full", hats: [("a", 38)], certifications: ["X"])
        let org = try builder.org()
        let finding = try #require(LoadChecker.check(org).findings.first { $0.rule == .overload })
        if let suggestion = finding.suggestion {
            #expect(!suggestion.text.contains("conflicted") || !suggestion.text.contains("Role needs"))
            #expect(!suggestion.text.contains("Move Role needs (30.0 h) to Person unqualified"))
            _ = try verifySafe(finding, in: org)
        }
    }

    @Test("single point of failure: cross-trains a backup with room, taking a few hours from the holder")
    func backupSuggestion() throws {
        var builder = OrgBuilder()
        builder.role("key", hours: 20, critical: true)
        builder.role("other")
        builder.person("holder", hats: [("key", nil)])
        builder.person("teammate", reportsTo: "holder", hats: [("other", 10)])
        let org = try builder.org()
        let finding = try #require(LoadChecker.check(org).findings.first { $0.rule == .singlePointOfFailure })
        #expect(finding.suggestion?.text == "Cross-train Person teammate as a backup for Role key, taking 4.0 h a week from Person holder: Person teammate 25 % → 41 %, Person holder 50 % → 40 %")
        let after = try verifySafe(finding, in: org)
        #expect(!LoadChecker.check(after).findings.contains { $0.rule == .singlePointOfFailure })
    }

    @Test("unfilled role: named candidate with spare capacity takes the hat")
    func fillSuggestion() throws {
        var builder = OrgBuilder()
        builder.role("vacant", hours: 6)
        builder.role("job")
        builder.person("busy", hats: [("job", 39)])
        builder.person("spare", hats: [("job", 10)])
        let org = try builder.org()
        let finding = try #require(LoadChecker.check(org).findings.first { $0.rule == .unfilledRole })
        #expect(finding.suggestion?.text == "Give Person spare the Role vacant hat (6.0 h): Person spare 25 % → 49 %")
        _ = try verifySafe(finding, in: org)
    }

    @Test("people away in a what-if are never proposed as helpers, even with the most room")
    func awayPeopleAreNotCandidates() throws {
        var builder = OrgBuilder()
        builder.role("vacant", hours: 6)
        builder.role("job")
        builder.person("away", hats: [("job", 1)])
        builder.person("present", hats: [("job", 10)])
        let org = try builder.org()
        let plain = try #require(LoadChecker.check(org).findings.first { $0.rule == .unfilledRole })
        #expect(plain.suggestion?.text.hasPrefix("Give Person away ") == true, "with everyone here, the one with most room")
        let result = WhatIf.check(org, without: ["away"])
        let finding = try #require(result.report.findings.first { $0.rule == .unfilledRole })
        #expect(finding.suggestion?.text.hasPrefix("Give Person present the Role vacant hat") == true)
    }
}

@Suite("What-if")
struct WhatIfTests {
    @Test("without someone: their hats go, shared work falls to the others, solo roles go unfilled")
    func without() throws {
        var builder = OrgBuilder()
        builder.role("shared", hours: 30)
        builder.role("solo", hours: 10)
        builder.person("a", hats: [("shared", nil), ("solo", nil)])
        builder.person("b", hats: [("shared", nil)])
        builder.person("c", hats: [("shared", 6)])
        let org = try builder.org()
        let changed = WhatIf.without(["a"], in: org).org
        let hours = Hours(changed)
        #expect(changed.person("a")?.hats == [])
        // a carried 10 h of "shared" (30 ÷ 3); b and c take 5 h each on top of theirs.
        #expect(hours.allocated(try #require(changed.person("b"))) == 15)
        #expect(hours.allocated(try #require(changed.person("c"))) == 11)
        let result = WhatIf.check(org, without: ["a"])
        #expect(result.comparison.new.map(\.key) == ["unfilled-role|role|solo|"])
        #expect(result.comparison.resolved.isEmpty)
    }

    @Test("the msp-10 owner away: her roles go unfilled; Sam away: the service manager role does")
    func mspStory() throws {
        let org = try #require(PresetCatalog.named("msp-10")).load()
        let withoutSam = WhatIf.check(org, without: ["sam-ortiz"])
        // The single point of failure becomes an unfilled critical role: worse, never "resolved".
        #expect(withoutSam.comparison.worse.contains { $0.before.rule == .singlePointOfFailure && $0.after.rule == .unfilledRole && $0.after.subject.id == "service-manager" && $0.after.severity == .critical })
        #expect(!withoutSam.comparison.resolved.contains { $0.subject.id == "service-manager" })
        #expect(!withoutSam.comparison.new.contains { $0.subject.id == "service-manager" })
        let withoutDana = WhatIf.check(org, without: ["dana-reyes"])
        #expect(withoutDana.comparison.resolved.contains { $0.rule == .overload && $0.subject.id == "dana-reyes" })
        #expect(withoutDana.comparison.worse.contains { $0.after.rule == .unfilledRole && $0.after.subject.id == "sales-marketing" })
        #expect(withoutDana.comparison.worse.contains { $0.before.rule == .singlePointOfFailure && $0.after.rule == .unfilledRole && $0.after.subject.id == "ceo-owner" && $0.after.severity == .critical })
        #expect(withoutDana.comparison.new.contains { $0.rule == .unfilledRole && $0.subject.id == "human-resources" })
    }
}

@Suite("msp-10 tells the article's story")
struct StoryTests {
    @Test("the owner is critically overloaded; the one-hat technicians have no findings")
    func story() throws {
        let org = try #require(PresetCatalog.named("msp-10")).load()
        let report = LoadChecker.check(org)
        let first = try #require(report.findings.first)
        #expect(first.rule == .overload)
        #expect(first.severity == .critical)
        #expect(first.subject.id == "dana-reyes")
        #expect(first.message == "Dana Reyes: 45.0 h across 3 hats; switching between 3 kinds of work (Leadership 22.0 h, Growth 15.0 h, Operations 8.0 h) costs 32 %, leaving 27.0 h of a 40.0 h week — 166 %")
        #expect(report.count(.critical) == 1)
        let technicians = org.people.filter { $0.hats.count == 1 && ($0.title ?? "").contains("Level") }
        #expect(technicians.count == 5)
        for technician in technicians {
            #expect(report.findings(about: .person, technician.id).isEmpty, "\(technician.name)")
        }
        let loads = org.people.filter { !$0.external }.compactMap { report.load(of: $0.id) }
        #expect(loads.max { $0.load < $1.load }?.id == "dana-reyes")
    }
}

@Suite("Report order")
struct ReportOrderTests {
    @Test("the two-core sort of positions is the stable sort: ties keep their order, at every size around the split")
    func sortedPositionsAreStable() {
        var random = SplitMix64(seed: 18)
        for count in [0, 1, 8_191, 8_192, 8_193, 50_001] {
            // Few distinct keys: most comparisons are ties, so any instability shows.
            let keys = (0..<count).map { _ in random.next(in: 0...40) }
            let expected = Array(0..<count).sorted { keys[$0] < keys[$1] }
            #expect(LoadReport.sortedPositions(count) { keys[$0] < keys[$1] } == expected, "\(count) positions")
        }
    }

    @Test("a large report's findings come out in the same order whatever order they went in")
    func orderIgnoresInput() throws {
        let org = try OrgGenerator.org(people: 20_000, seed: 18)
        let report = LoadChecker.check(org)
        #expect(report.findings.count > 1_000)
        let outOfOrder = report.findings.indices.dropFirst().first { LoadReport.order(report.findings[$0], report.findings[$0 - 1]) }
        #expect(outOfOrder == nil, "findings out of order at \(outOfOrder ?? 0)")
        var random = SplitMix64(seed: 7)
        let shuffled = report.findings.shuffled(using: &random)
        #expect(LoadReport(findings: shuffled, people: report.people).findings == report.findings)
        #expect(LoadReport(findings: report.findings.reversed(), people: report.people).findings == report.findings)
    }
}
