/// The thresholds the load checker applies. Every field has a default, so a file may give
/// only the ones it changes.
public struct Policy: Equatable, Sendable {
    /// How switching between hats is costed.
    public enum Switching: String, CaseIterable, Equatable, Sendable {
        /// Weinberg's table over the effective number of kinds of work, weighted by hours
        /// (docs/load-model.md): a 2 h hat beside a 36 h job costs little.
        case weighted
        /// Weinberg (1992): 0, 20, 40, 60, 75 % lost for 1...5 hats, 75 % beyond, every
        /// hat counted as one whole project.
        case weinberg
        /// One flat loss (`flatSwitchingLoss`) for anyone with two or more hats.
        case flat
        /// No switching cost: load is hours over capacity.
        case none
    }

    public var hoursPerWeek: Double
    public var switching: Switching
    public var flatSwitchingLoss: Double
    /// The share of contract hours that can be planned at all (holidays, training,
    /// admin): 0 < availability ≤ 1.
    public var availability: Double
    public var warnAt: Double
    public var criticalAt: Double
    public var maxHats: Int
    public var maxDuties: Int
    public var maxDirectReports: Int
    public var conflicts: [RoleConflict]
    public var extra: [JSONMember]

    public init(
        hoursPerWeek: Double = 40, switching: Switching = .weighted, flatSwitchingLoss: Double = 0.17,
        availability: Double = 1,
        warnAt: Double = 1.0, criticalAt: Double = 1.25, maxHats: Int = 3, maxDuties: Int = 12,
        maxDirectReports: Int = 8, conflicts: [RoleConflict] = [], extra: [JSONMember] = []
    ) {
        self.hoursPerWeek = hoursPerWeek
        self.switching = switching
        self.flatSwitchingLoss = flatSwitchingLoss
        self.availability = availability
        self.warnAt = warnAt
        self.criticalAt = criticalAt
        self.maxHats = maxHats
        self.maxDuties = maxDuties
        self.maxDirectReports = maxDirectReports
        self.conflicts = conflicts
        self.extra = extra
    }

    public static let standard = Policy()
}

/// Two roles one person should not hold together (e.g. who approves and who pays).
public struct RoleConflict: Equatable, Sendable {
    public var roles: [String]
    public var reason: String?
    public var extra: [JSONMember]

    public init(roles: [String], reason: String? = nil, extra: [JSONMember] = []) {
        self.roles = roles
        self.reason = reason
        self.extra = extra
    }
}
