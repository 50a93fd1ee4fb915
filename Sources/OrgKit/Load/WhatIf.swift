/// "What if these people were away?" — the org with their hats gone and their work
/// fallen to whoever else wears the same roles.
public enum WhatIf {
    /// The org as if the people in `away` were absent:
    /// - they keep their place in the chart but wear no hats;
    /// - each hat they wore that others also wear is split equally among those others, on
    ///   top of what they already carry (their hats get explicit hours);
    /// - a role they wore alone is worn by nobody.
    /// Ids that name nobody are returned in `unknown`, and the org is returned unchanged
    /// for them.
    public static func without(_ away: [String], in org: Org) -> (org: Org, unknown: [String], takenOver: [String: [TakenOver]]) {
        let result = change(away, in: org, hours: Hours(org))
        return (result.org, result.unknown, result.takenOver)
    }

    /// `without`, with `hours` (the org's), and the edits that make the what-if org from
    /// `org`: every hat of the absent taken off, and the new hours of each hat others take
    /// work over in. `inverses` undo `edits` one by one, in the same order.
    static func change(_ away: [String], in org: Org, hours: Hours)
        -> (org: Org, unknown: [String], takenOver: [String: [TakenOver]], edits: [Edit], inverses: [Edit]) {
        let awaySet = Set(away)
        let unknown = away.filter { org.person($0) == nil }
        // Extra hours each remaining wearer takes on, by person and role.
        var extra: [String: [String: Double]] = [:]
        var takenOver: [String: [TakenOver]] = [:]
        for id in away {
            guard let person = org.person(id) else { continue }
            for hat in person.hats {
                let remaining = hours.wearers(ofRole: hat.role).filter { !awaySet.contains($0) }
                guard !remaining.isEmpty else { continue }
                let each = hours.hours(of: hat) / Double(remaining.count)
                for other in remaining {
                    extra[other, default: [:]][hat.role, default: 0] += each
                    takenOver[other, default: []].append(TakenOver(role: hat.role, from: id, hours: each))
                }
            }
        }
        // Only the people who change are touched: the org keeps its indexes.
        var changed = org
        var edits: [Edit] = []
        var inverses: [Edit] = []
        let positions = (awaySet.compactMap { org.position(ofPerson: $0) } + extra.keys.compactMap { org.position(ofPerson: $0) })
        for position in Set(positions).sorted() {
            let person = org.people[position]
            if awaySet.contains(person.id) {
                for (index, hat) in person.hats.enumerated().reversed() {
                    edits.append(.removeHat(person: person.id, role: hat.role))
                    inverses.append(.addHat(person: person.id, hat: hat, at: index))
                }
                changed.updatePerson(at: position) { $0.hats = [] }
            } else if let added = extra[person.id] {
                var hats = person.hats
                for hatIndex in hats.indices {
                    let hat = hats[hatIndex]
                    guard let more = added[hat.role] else { continue }
                    let now = hours.hours(of: hat) + more
                    hats[hatIndex].hoursPerWeek = now
                    edits.append(.setHatHours(person: person.id, role: hat.role, hours: now))
                    inverses.append(.setHatHours(person: person.id, role: hat.role, hours: hat.hoursPerWeek))
                }
                changed.updatePerson(at: position) { $0.hats = hats }
            }
        }
        return (changed, unknown, takenOver, edits, inverses)
    }

    /// Checks the org as it is and as if `away` were absent, and compares the two.
    public static func check(_ org: Org, without away: [String]) -> (report: LoadReport, comparison: ReportComparison) {
        let before = LoadChecker.check(org, suggestions: false)
        let changed = without(away, in: org).org
        let after = LoadChecker.check(changed, unavailable: Set(away))
        return (after, ReportComparison(before: before, after: after))
    }
}

/// Hours one person takes over in a what-if: `hours` of `role` from the absent `from`.
public struct TakenOver: Equatable, Sendable {
    public var role: String
    public var from: String
    public var hours: Double
}

/// The what-if worked out by `LiveCheck.whatIf(without:in:)`.
public struct WhatIfCheck: Sendable {
    /// The org as if the people away were absent (`WhatIf.without`).
    public var org: Org
    /// The hours each remaining person takes over, by person.
    public var takenOver: [String: [TakenOver]]
    /// The check of `org`, with the people away unavailable for suggestions.
    public var check: LiveCheck
    /// How its findings compare with the org's as it is.
    public var comparison: ReportComparison
}
