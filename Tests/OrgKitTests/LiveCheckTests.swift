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

    @Test("adding someone at the end of the file, and removing the last person, re-run only their rules; elsewhere, everything")
    func addAndRemoveAtTheEnd() throws {
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
        // Someone added at the top of the file moves everyone: checked in full.
        let first = Edit.addPerson(Person(id: "lee", name: "Lee", hats: []), at: 0)
        let moved = try org.applying(first)
        #expect(!live.isLocal(first, inverse: .removePerson("lee"), in: moved))
        live.update(to: moved, edit: first, inverse: .removePerson("lee"), change: &change)
        #expect(change == nil)
        #expect(live.report() == LoadChecker.check(moved, suggestions: false))
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
