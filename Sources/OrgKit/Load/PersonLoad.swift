/// One person's numbers: what they carry against what they have.
public struct PersonLoad: Equatable, Sendable {
    public var id: String
    public var name: String
    /// Distinct roles worn.
    public var hats: Int
    /// The effective number of kinds of work, weighted by hours (`WorkContext`).
    public var contexts: Double
    public var allocatedHours: Double
    public var capacityHours: Double
    /// The share of contract hours that can be planned (`policy.availability`).
    public var availability: Double
    /// Share of the week lost to switching between hats (0.4 = 40 %).
    public var switchLoss: Double
    public var effectiveHours: Double
    /// allocated ÷ effective; `.infinity` when there are hats but no effective hours.
    public var load: Double
    /// Hours they could take on in the work they already do before `warnAt`; 0 when at or
    /// over it. (A new kind of work costs more switching: the advisor computes that.)
    public var room: Double
    public var external: Bool
    /// An open position (a planned hire or a vacancy), checked like a person.
    public var open: Bool

    /// The numbers of `person`, whose hats take `hatHours` (by default what `hours` says).
    public init(person: Person, hours: Hours, policy: Policy, hatHours: ((Hat) -> Double)? = nil) {
        self.init(person: person, hours: hours, policy: policy, hatHours: hatHours, without: nil, adding: nil)
    }

    /// The numbers of `person` as if their hat for `without` were taken off, or they wore
    /// one more hat (`adding`): what the advisor asks of every candidate, without copying
    /// the person.
    init(person: Person, hours: Hours, policy: Policy, hatHours: ((Hat) -> Double)?, without: String?, adding: (role: String, hours: Double)?) {
        let tally = Self.tally(person, hours: hours, policy: policy, hatHours: hatHours, without: without, adding: adding)
        self.init(person: person, hats: tally.hats, allocated: tally.allocated, contexts: tally.contexts, capacity: hours.capacity(person), policy: policy)
    }

    /// Only the `load` of those numbers: the advisor asks for thousands of loads that might
    /// be, and a whole PersonLoad holds (retains) the person's id and name for each.
    static func load(of person: Person, hours: Hours, policy: Policy, hatHours: ((Hat) -> Double)?, without: String? = nil,
                     adding: (role: String, hours: Double)? = nil) -> Double {
        let tally = tally(person, hours: hours, policy: policy, hatHours: hatHours, without: without, adding: adding)
        return figures(hats: tally.hats, allocated: tally.allocated, contexts: tally.contexts, capacity: hours.capacity(person), policy: policy).load
    }

    /// Hats, hours and kinds of work, with the hat for `without` off or one more (`adding`).
    private static func tally(_ person: Person, hours: Hours, policy: Policy, hatHours: ((Hat) -> Double)?, without: String?,
                              adding: (role: String, hours: Double)?) -> (hats: Int, allocated: Double, contexts: Double) {
        var allocated = 0.0
        var count = 0
        for hat in person.hats where hat.role != without {
            allocated += hatHours?(hat) ?? hours.hours(of: hat)
            count += 1
        }
        if let adding {
            allocated += adding.hours
            count += 1
        }
        let contexts = policy.switching == .weighted
            ? hours.effectiveContexts(of: person, hatHours: hatHours, without: without, adding: adding)
            : Double(count)
        return (count, allocated, contexts)
    }

    /// Switching, effective hours and load from the tally.
    private static func figures(hats count: Int, allocated: Double, contexts: Double, capacity: Double,
                                policy: Policy) -> (switchLoss: Double, effective: Double, load: Double) {
        let switchLoss = policy.switchLoss(hats: count, contexts: contexts)
        let effective = capacity * policy.availability * (1 - switchLoss)
        let load = count == 0 ? 0 : effective > 0 ? allocated / effective : .infinity
        return (switchLoss, effective, load)
    }

    init(person: Person, hats count: Int, allocated: Double, contexts: Double, capacity: Double, policy: Policy) {
        let figures = Self.figures(hats: count, allocated: allocated, contexts: contexts, capacity: capacity, policy: policy)
        id = person.id
        name = person.name
        hats = count
        self.contexts = contexts
        allocatedHours = allocated
        capacityHours = capacity
        availability = policy.availability
        switchLoss = figures.switchLoss
        effectiveHours = figures.effective
        load = figures.load
        room = max(0, policy.warnAt * effectiveHours - allocated)
        external = person.external
        open = person.open
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
