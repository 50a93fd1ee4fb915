import Testing
@testable import OrgKit

@Suite("Live check")
struct LiveCheckTests {
    /// A random edit that the org accepts (or nil when the dice found nothing to do).
    static func randomEdit(_ org: Org, _ random: inout SeededGenerator) -> Edit? {
        guard !org.people.isEmpty, !org.roles.isEmpty else { return nil }
        let person = org.people[Int.random(in: 0..<org.people.count, using: &random)]
        let role = org.roles[Int.random(in: 0..<org.roles.count, using: &random)]
        let other = org.people[Int.random(in: 0..<org.people.count, using: &random)]
        switch Int.random(in: 0..<14, using: &random) {
        case 0: return person.wears(role.id) ? .removeHat(person: person.id, role: role.id)
                                              : .addHat(person: person.id, hat: Hat(role: role.id, hoursPerWeek: Bool.random(using: &random) ? 7 : nil))
        case 1: return person.hats.first.map { .setHatHours(person: person.id, role: $0.role, hours: Bool.random(using: &random) ? Double(Int.random(in: 0...30, using: &random)) : nil) }
        case 2: return .setCapacity(person: person.id, hours: Bool.random(using: &random) ? Double(Int.random(in: 0...40, using: &random)) : nil)
        case 3: return .setManager(person: person.id, manager: Bool.random(using: &random) ? other.id : nil)
        case 4: return .renamePerson(person.id, to: "Renamed \(Int.random(in: 0...99, using: &random))")
        case 5: return Bool.random(using: &random) ? .setExternal(person: person.id, external: !person.external)
                                                   : .setOpen(person: person.id, open: !person.open)
        case 6: return .setQualifications(person: person.id, certifications: Bool.random(using: &random) ? ["C"] : [], yearsExperience: Double(Int.random(in: 0...6, using: &random)))
        case 7: return .addDottedLine(person: person.id, manager: other.id)
        case 8: return .setTitle(person: person.id, title: "T")
        case 9:
            // A suggestion's batch, as the builder applies it.
            let report = LoadChecker.check(org)
            return report.findings.compactMap(\.suggestion).first?.edit
        case 10: return .batch([.setCapacity(person: person.id, hours: 20), .addHat(person: other.id, hat: Hat(role: role.id))], label: "two")
        case 11: var changed = role; changed.critical.toggle(); return .updateRole(changed)
        case 12: return Edit.removing(person: person.id, in: org)
        default: return .addPerson(Person(id: "new-\(Int.random(in: 0...999_999, using: &random))", name: "New", reportsTo: person.id, hats: [Hat(role: role.id)]))
        }
    }

    @Test("after every random edit, undo and redo, the live report equals a full check", arguments: 0..<6)
    func matchesFullCheck(batch: Int) throws {
        var edits = 0
        for seed in UInt64(batch * 20)..<UInt64(batch * 20 + 20) {
            var random = SeededGenerator(seed: seed &+ 77)
            var org = try SuggestionPropertyTests.randomOrg(seed: seed)
            var live = LiveCheck(org)
            var history = History()
            for step in 0..<40 {
                if step % 7 == 6, let entry = history.undo(on: &org) {
                    live.update(to: org, edit: entry.inverse, inverse: entry.edit)
                } else if step % 11 == 10, let entry = history.redo(on: &org) {
                    live.update(to: org, edit: entry.edit, inverse: entry.inverse)
                } else if let edit = Self.randomEdit(org, &random), let entry = try? history.perform(edit, on: &org) {
                    live.update(to: org, edit: entry.edit, inverse: entry.inverse)
                    edits += 1
                } else {
                    continue
                }
                let full = LoadChecker.check(org, suggestions: false)
                #expect(live.report() == full, "seed \(seed) step \(step): the live report differs from a full check: \(Self.difference(live.report(), full))")
                if live.report() != full { return }
                for severity in Finding.Severity.allCases {
                    #expect(live.count(severity) == full.count(severity))
                }
                for person in org.people.prefix(5) {
                    #expect(live.findings(about: .person, person.id, in: org) == full.findings(about: .person, person.id))
                    #expect(live.load(of: person.id, in: org) == full.load(of: person.id))
                }
            }
        }
        #expect(edits > 300)
    }

    /// What one report has that the other lacks, in words.
    static func difference(_ a: LoadReport, _ b: LoadReport) -> String {
        let onlyA = a.findings.filter { !b.findings.contains($0) }.map { "live only: \($0.key) \($0.message)" }
        let onlyB = b.findings.filter { !a.findings.contains($0) }.map { "full only: \($0.key) \($0.message)" }
        let loads = zip(a.people, b.people).filter { $0 != $1 }.map { "load \($0.id): \($0) vs \($1)" }
        return (onlyA + onlyB + loads).joined(separator: "; ")
    }

    @Test("a live suggestion is the one a full check gives")
    func suggestions() throws {
        let org = try #require(PresetCatalog.named("msp-10")).load()
        let live = LiveCheck(org)
        let full = LoadChecker.check(org)
        for finding in full.findings {
            #expect(live.suggestion(for: finding, in: org) == finding.suggestion, "\(finding.key)")
        }
    }

    @Test("adding or removing someone anywhere in the file re-runs only their rules, and the positions after them move")
    func addAndRemoveAnywhere() throws {
        var org = try #require(PresetCatalog.named("msp-10")).load()
        var live = LiveCheck(org)
        let newcomer = Person(id: "kim", name: "Kim", reportsTo: "sam-ortiz", open: true, hats: [Hat(role: "level-1-technician", hoursPerWeek: 10)])
        let add = Edit.addPerson(newcomer)
        let added = try org.applying(add)
        #expect(live.isLocal(add, inverse: .removePerson("kim"), in: added))
        var change: LiveCheck.Change?
        live.update(to: added, edit: add, inverse: .removePerson("kim"), change: &change)
        let local = try #require(change, "a person added at the end is a local change")
        #expect(local.loads.contains { $0.position == added.people.count - 1 && $0.before == nil })
        #expect(local.wearersChanged == ["level-1-technician"])
        #expect(live.report() == LoadChecker.check(added, suggestions: false))
        // And back: the last person removed.
        let inverse = Edit.addPerson(newcomer, at: added.people.count - 1)
        org = try added.applying(.removePerson("kim"))
        live.update(to: org, edit: .removePerson("kim"), inverse: inverse, change: &change)
        #expect(change != nil, "the last person removed is a local change")
        #expect(live.report() == LoadChecker.check(org, suggestions: false))
        // Someone added at the top of the file moves everyone by one: still local.
        let first = Edit.addPerson(Person(id: "lee", name: "Lee", reportsTo: "sam-ortiz", hats: [Hat(role: "level-1-technician")]), at: 0)
        let moved = try org.applying(first)
        #expect(live.isLocal(first, inverse: .removePerson("lee"), in: moved))
        live.update(to: moved, edit: first, inverse: .removePerson("lee"), change: &change)
        #expect(change != nil)
        #expect(live.report() == LoadChecker.check(moved, suggestions: false))
        #expect(live.reports == CheckContext(org: moved, policy: moved.policy).children)
        // A manager in the middle removed, their reports re-homed: one batch, local.
        let manager = try #require(moved.people.dropFirst(2).first { person in moved.people.contains { $0.reportsTo == person.id } })
        let removal = try #require(Edit.removing(person: manager.id, in: moved))
        var after = moved
        let undo = try after.apply(removal)
        live.update(to: after, edit: removal, inverse: undo, change: &change)
        #expect(change != nil, "a manager removed with their reports re-homed is a local change")
        #expect(live.report() == LoadChecker.check(after, suggestions: false))
        #expect(live.reports == CheckContext(org: after, policy: after.policy).children)
    }

    /// A random edit of the kinds the live check now handles in place: someone removed
    /// or added anywhere, several solid lines moved at once, roles and duties added,
    /// removed and changed, a catalog's roles added.
    static func randomStructuralEdit(_ org: Org, _ random: inout SeededGenerator) -> Edit? {
        guard !org.people.isEmpty, !org.roles.isEmpty else { return nil }
        let person = org.people[Int.random(in: 0..<org.people.count, using: &random)]
        let role = org.roles[Int.random(in: 0..<org.roles.count, using: &random)]
        let number = Int.random(in: 0...999_999, using: &random)
        switch Int.random(in: 0..<13, using: &random) {
        case 0:
            // Removal anywhere (the builder's `d`): reports re-homed, dotted lines dropped.
            return Edit.removing(person: person.id, in: org)
        case 1:
            let hats = org.roles.shuffled(using: &random).prefix(Int.random(in: 0...2, using: &random)).map { Hat(role: $0.id, hoursPerWeek: Bool.random(using: &random) ? 5 : nil) }
            return .addPerson(Person(id: "n\(number)", name: "New \(number)", reportsTo: Bool.random(using: &random) ? person.id : nil, hats: hats),
                              at: Int.random(in: 0...org.people.count, using: &random))
        case 2:
            // Several solid lines moved in one step, and a hat.
            var edits: [Edit] = []
            for _ in 0..<Int.random(in: 2...4, using: &random) {
                let mover = org.people[Int.random(in: 0..<org.people.count, using: &random)]
                let manager = org.people[Int.random(in: 0..<org.people.count, using: &random)]
                edits.append(.setManager(person: mover.id, manager: Bool.random(using: &random) ? manager.id : nil))
            }
            if !person.wears(role.id) { edits.append(.addHat(person: person.id, hat: Hat(role: role.id))) }
            return .batch(edits, label: "moves")
        case 3:
            var changed = role
            switch Int.random(in: 0..<6, using: &random) {
            case 0: changed.name = "Renamed \(number)"
            case 1: changed.hoursPerWeek = Bool.random(using: &random) ? Double(Int.random(in: 0...50, using: &random)) : nil
            case 2: changed.category = [nil, "Ops", "OPS", "Sales", "New"][Int.random(in: 0..<5, using: &random)]
            case 3: changed.requires = Bool.random(using: &random) ? Requirements(certifications: ["C"], minYears: 1) : nil
            case 4: changed.escalatesTo = Bool.random(using: &random) ? org.roles.randomElement(using: &random).map(\.id).flatMap { $0 == role.id ? nil : $0 } : nil
            default: changed.critical.toggle()
            }
            return .updateRole(changed)
        case 4:
            // Roles from a catalog: a role, its duties, a link from a role already there.
            let id = "c\(number)"
            var edits: [Edit] = [.addRole(Role(id: id, name: "Catalog \(number)", category: Bool.random(using: &random) ? "Ops" : nil,
                                                hoursPerWeek: Bool.random(using: &random) ? 6 : nil, critical: Bool.random(using: &random),
                                                escalatesTo: Bool.random(using: &random) ? role.id : nil),
                                           at: Bool.random(using: &random) ? nil : Int.random(in: 0...org.roles.count, using: &random))]
            for index in 0..<Int.random(in: 0...3, using: &random) {
                edits.append(.addDuty(Duty(id: "cd\(number)-\(index)", name: "Catalog duty \(index)", role: id,
                                           hoursPerWeek: Double(Int.random(in: 0...6, using: &random)), critical: Bool.random(using: &random))))
            }
            if Bool.random(using: &random) {
                var linked = role
                linked.related.append(id)
                edits.append(.updateRole(linked))
            }
            return .batch(edits, label: "catalog")
        case 5:
            return Edit.removing(role: role.id, in: org)
        case 6:
            return .addDuty(Duty(id: "d\(number)", name: "Duty \(number)", role: Bool.random(using: &random) ? role.id : nil,
                                 hoursPerWeek: Double(Int.random(in: 0...9, using: &random)), critical: Bool.random(using: &random)),
                            at: Int.random(in: 0...org.duties.count, using: &random))
        case 7:
            guard let duty = org.duties.randomElement(using: &random) else { return nil }
            return .removeDuty(duty.id)
        case 8:
            guard var duty = org.duties.randomElement(using: &random) else { return nil }
            duty.hoursPerWeek = Double(Int.random(in: 0...12, using: &random))
            duty.critical.toggle()
            if Bool.random(using: &random) { duty.name = "Duty renamed \(number)" }
            return .updateDuty(duty)
        case 9:
            guard let duty = org.duties.randomElement(using: &random) else { return nil }
            return .moveDuty(duty.id, toRole: Bool.random(using: &random) ? role.id : nil)
        case 10:
            // Someone added anywhere and moved within the same step, and others moved.
            let other = org.people[Int.random(in: 0..<org.people.count, using: &random)]
            let id = "m\(number)"
            return .batch([.addPerson(Person(id: id, name: "Moved \(number)", reportsTo: person.id, hats: [Hat(role: role.id)]),
                                      at: Int.random(in: 0...org.people.count, using: &random)),
                           .setManager(person: other.id, manager: id),
                           .setManager(person: id, manager: Bool.random(using: &random) ? nil : org.people[0].id)], label: "add and move")
        default:
            return randomEdit(org, &random)
        }
    }

    @Test("removals and insertions anywhere, several moves at once, role and duty edits: checked in place, they equal a full check", arguments: 0..<6)
    func structuralEditsMatchFullCheck(batch: Int) throws {
        var localEdits = 0
        for seed in UInt64(batch * 20)..<UInt64(batch * 20 + 20) {
            var random = SeededGenerator(seed: seed &+ 4_242)
            var org = try SuggestionPropertyTests.randomOrg(seed: seed)
            var live = LiveCheck(org)
            var history = History()
            for step in 0..<40 {
                var change: LiveCheck.Change?
                if step % 7 == 6, let entry = history.undo(on: &org) {
                    live.update(to: org, edit: entry.inverse, inverse: entry.edit, change: &change)
                } else if step % 11 == 10, let entry = history.redo(on: &org) {
                    live.update(to: org, edit: entry.edit, inverse: entry.inverse, change: &change)
                } else if let edit = Self.randomStructuralEdit(org, &random), let entry = try? history.perform(edit, on: &org) {
                    live.update(to: org, edit: entry.edit, inverse: entry.inverse, change: &change)
                } else {
                    continue
                }
                if change != nil { localEdits += 1 }
                let full = LoadChecker.check(org, suggestions: false)
                #expect(live.report() == full, "seed \(seed) step \(step): the live report differs from a full check: \(Self.difference(live.report(), full))")
                if live.report() != full { return }
                for severity in Finding.Severity.allCases {
                    #expect(live.count(severity) == full.count(severity), "seed \(seed) step \(step): \(severity) count")
                }
                for person in org.people {
                    #expect(live.findings(about: .person, person.id, in: org) == full.findings(about: .person, person.id), "seed \(seed) step \(step): \(person.id)")
                    #expect(live.load(of: person.id, in: org) == full.load(of: person.id))
                }
                for role in org.roles {
                    #expect(live.findings(about: .role, role.id, in: org) == full.findings(about: .role, role.id), "seed \(seed) step \(step): \(role.id)")
                }
                for duty in org.duties {
                    #expect(live.findings(about: .duty, duty.id, in: org) == full.findings(about: .duty, duty.id), "seed \(seed) step \(step): \(duty.id)")
                }
                let fresh = CheckContext(org: org, policy: org.policy)
                #expect(live.reports == fresh.children, "seed \(seed) step \(step): reports by position")
                #expect(live.context.wearerPositions == fresh.wearerPositions, "seed \(seed) step \(step): wearer positions")
                #expect(live.context.hours.wearers == fresh.hours.wearers, "seed \(seed) step \(step): wearers")
                #expect(live.context.equalShareWearers == fresh.equalShareWearers && live.context.wearing == fresh.wearing, "seed \(seed) step \(step): role summaries")
                #expect(live.context.dutiesOfRole == fresh.dutiesOfRole && live.context.escalatingTo == fresh.escalatingTo, "seed \(seed) step \(step): role indexes")
            }
        }
        // Most of them were checked in place (the rest: renames, providers, the policy).
        #expect(localEdits > 400, "\(localEdits) local edits")
    }

    @Test("a what-if worked out from the live check equals a full check of the what-if org, with the same comparison and suggestions", arguments: 0..<4)
    func whatIfMatchesFullCheck(batch: Int) throws {
        var local = 0
        for seed in UInt64(batch * 15)..<UInt64(batch * 15 + 15) {
            var random = SeededGenerator(seed: seed &+ 991)
            var org = try SuggestionPropertyTests.randomOrg(seed: seed)
            var live = LiveCheck(org)
            var history = History()
            for step in 0..<12 {
                // Some edits first, so the what-if starts from a check kept up edit by edit.
                if step % 3 == 0, let edit = Self.randomEdit(org, &random), let entry = try? history.perform(edit, on: &org) {
                    live.update(to: org, edit: entry.edit, inverse: entry.inverse)
                }
                guard !org.people.isEmpty else { break }
                // One to three people away, anyone (with hats or none, alone in a role or not).
                var away: Set<String> = []
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    away.insert(org.people[Int.random(in: 0..<org.people.count, using: &random)].id)
                }
                let whatIf = live.whatIf(without: away, in: org)
                let expected = WhatIf.without(away.sorted(), in: org)
                #expect(whatIf.org == expected.org, "seed \(seed) step \(step): the what-if org differs")
                #expect(whatIf.takenOver == expected.takenOver, "seed \(seed) step \(step): the hours taken over differ")
                let full = LoadChecker.check(expected.org, unavailable: away, suggestions: false)
                #expect(whatIf.check.report() == full,
                        "seed \(seed) step \(step) away \(away.sorted()): \(Self.difference(whatIf.check.report(), full))")
                for severity in Finding.Severity.allCases {
                    #expect(whatIf.check.count(severity) == full.count(severity))
                }
                let comparison = ReportComparison(before: LoadChecker.check(org, suggestions: false), after: full)
                #expect(whatIf.comparison == comparison, "seed \(seed) step \(step): the comparison differs")
                for finding in full.findings.prefix(4) {
                    #expect(whatIf.check.suggestion(for: finding, in: whatIf.org) == LoadChecker.suggestion(for: finding, in: expected.org, unavailable: away),
                            "seed \(seed) step \(step): \(finding.key)")
                }
                if whatIf.check.report() != full || whatIf.comparison != comparison { return }
                if !comparison.new.isEmpty || !comparison.worse.isEmpty { local += 1 }
            }
        }
        // The what-ifs changed something often enough to mean something.
        #expect(local > 20)
    }
}
