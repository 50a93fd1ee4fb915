/// A job to be done in the org ("Service Manager", "Human Resources"), worn as a hat by
/// zero or more people.
public struct Role: Equatable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var category: String?
    public var summary: String?
    /// Other names for the role ("DevOps Engineer" for Site Reliability Engineer).
    public var aliases: [String]
    /// Ids of roles worth looking at alongside this one ("see also").
    public var related: [String]
    /// Weekly hours of the role; nil means the sum of its duties' hours.
    public var hoursPerWeek: Double?
    public var critical: Bool
    /// Helpdesk tier 1, 2 or 3.
    public var tier: Int?
    /// The role that takes what this role cannot resolve.
    public var escalatesTo: String?
    public var requires: Requirements?
    public var extra: [JSONMember]

    public init(
        id: String, name: String, category: String? = nil, summary: String? = nil,
        aliases: [String] = [], related: [String] = [], hoursPerWeek: Double? = nil,
        critical: Bool = false, tier: Int? = nil, escalatesTo: String? = nil,
        requires: Requirements? = nil, extra: [JSONMember] = []
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.summary = summary
        self.aliases = aliases
        self.related = related
        self.hoursPerWeek = hoursPerWeek
        self.critical = critical
        self.tier = tier
        self.escalatesTo = escalatesTo
        self.requires = requires
        self.extra = extra
    }
}

/// What a person needs to wear a role well. The checker reports gaps as `qualification`.
public struct Requirements: Equatable, Sendable {
    /// Every one of these is required.
    public var certifications: [String]
    /// At least one of these is required (the sources say "a certification like X or Y").
    public var anyCertification: [String]
    public var minYears: Double?
    public var extra: [JSONMember]

    public init(certifications: [String] = [], anyCertification: [String] = [], minYears: Double? = nil, extra: [JSONMember] = []) {
        self.certifications = certifications
        self.anyCertification = anyCertification
        self.minYears = minYears
        self.extra = extra
    }

    public var isEmpty: Bool {
        certifications.isEmpty && anyCertification.isEmpty && minYears == nil && extra.isEmpty
    }
}
