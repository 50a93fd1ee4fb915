/// The hours a new hat starts at: what its role still lacks once the person wears it too,
/// capped at what the person has room for. A hat given at the role's equal share instead
/// would re-split the role among everyone and could overload the newcomer at once (a 68 h
/// role on a 40 h person is 170 %).
public struct NewHat: Equatable, Sendable {
    /// The hours the hat starts at; nil (an equal share of the role) when the role has no
    /// hours to fill, so that it follows the role once it gets duties or hours.
    public var hours: Double?
    /// The role's hours that its other wearers do not give, with their equal shares counted
    /// as they will be once the person wears it too (one more wearer to share among).
    public var unfilled: Double
    /// What the person can take on of this role and stay at or under the policy's warning
    /// line, switching included (half hours); nil for an outside provider, whose load is not
    /// checked.
    public var room: Double?

    /// Whether the person's room, not the role's need, decided the hours.
    public var capped: Bool { room.map { $0 < unfilled } ?? false }

    /// The start of a hat of `role` for `person`, who does not wear it yet; `hours` is the
    /// arithmetic of `org`.
    public init(person: Person, role: String, org: Org, hours: Hours) {
        let demand = hours.hours(ofRole: role)
        let others = hours.wearers(ofRole: role).filter { $0 != person.id }
        let wearersAfter = Double(others.count + 1)
        var given = 0.0
        for id in others {
            guard let hat = org.person(id)?.hats.first(where: { $0.role == role }) else { continue }
            given += hat.hoursPerWeek ?? demand / wearersAfter
        }
        // Tenths of an hour: what the file and the screen show.
        unfilled = max(0, ((demand - given) * 10).rounded() / 10)
        room = person.external ? nil : Self.room(of: person, for: role, upTo: unfilled, hours: hours, policy: org.policy)
        self.hours = demand > 0 ? min(unfilled, room ?? unfilled) : nil
    }

    /// The most half hours (up to `limit`) of a new hat of `role` that keep the person's load
    /// at or under `warnAt`; `limit` itself when it fits.
    static func room(of person: Person, for role: String, upTo limit: Double, hours: Hours, policy: Policy) -> Double {
        func fits(_ amount: Double) -> Bool {
            PersonLoad(person: person, hours: hours, policy: policy, hatHours: nil, without: nil, adding: (role, amount)).load <= policy.warnAt + 1e-9
        }
        if fits(limit) { return limit }
        var low = 0.0
        var high = limit
        guard fits(low) else { return 0 }
        // Bisect on half hours: low fits, high does not.
        while high - low > 0.5 {
            let middle = ((low + high) / 2 * 2).rounded(.down) / 2
            if middle <= low { break }
            if fits(middle) { low = middle } else { high = middle }
        }
        return low
    }
}
