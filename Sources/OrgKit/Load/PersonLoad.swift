/// One person's numbers: what they carry against what they have.
public struct PersonLoad: Equatable, Sendable {
    public var id: String
    public var name: String
    /// Distinct roles worn.
    public var hats: Int
    public var allocatedHours: Double
    public var capacityHours: Double
    /// Share of the week lost to switching between hats (0.4 = 40 %).
    public var switchLoss: Double
    public var effectiveHours: Double
    /// allocated ÷ effective; `.infinity` when there are hats but no effective hours.
    public var load: Double
    public var external: Bool

    init(person: Person, allocated: Double, capacity: Double, policy: Policy) {
        id = person.id
        name = person.name
        hats = person.hats.count
        allocatedHours = allocated
        capacityHours = capacity
        switchLoss = policy.switchLoss(hats: person.hats.count)
        effectiveHours = capacity * (1 - switchLoss)
        if person.hats.isEmpty {
            load = 0
        } else if effectiveHours > 0 {
            load = allocated / effectiveHours
        } else {
            load = .infinity
        }
        external = person.external
    }

    /// The severity the load alone deserves under `policy` (strict comparisons: exactly
    /// at the threshold is not over it).
    public func severity(under policy: Policy) -> Finding.Severity? {
        if external { return nil }
        if load > policy.criticalAt { return .critical }
        if load > policy.warnAt { return .warning }
        return nil
    }
}
