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
        let awaySet = Set(away)
        let unknown = away.filter { org.person($0) == nil }
        let hours = Hours(org)
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
        var people = org.people
        for index in people.indices {
            let id = people[index].id
            if awaySet.contains(id) {
                people[index].hats = []
            } else if let added = extra[id] {
                for hatIndex in people[index].hats.indices {
                    let hat = people[index].hats[hatIndex]
                    guard let more = added[hat.role] else { continue }
                    people[index].hats[hatIndex].hoursPerWeek = hours.hours(of: hat) + more
                }
            }
        }
        let changed = Org(unchecked: org.name, description: org.description, policy: org.policy,
                          roles: org.roles, duties: org.duties, people: people, extra: org.extra)
        return (changed, unknown, takenOver)
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
