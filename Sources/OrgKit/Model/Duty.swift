/// A piece of work inside a role ("Monitor daily backup activity").
public struct Duty: Equatable, Sendable, Identifiable {
    public var id: String
    public var name: String
    /// The area of the responsibility matrix it belongs to ("Backup Management").
    public var area: String?
    /// The role that owns the duty; nil for a duty nobody owns yet.
    public var role: String?
    public var hoursPerWeek: Double?
    public var critical: Bool
    /// Project work priced separately, rather than run-the-business work.
    public var specialProject: Bool
    public var extra: [JSONMember]

    public init(
        id: String, name: String, area: String? = nil, role: String? = nil,
        hoursPerWeek: Double? = nil, critical: Bool = false, specialProject: Bool = false,
        extra: [JSONMember] = []
    ) {
        self.id = id
        self.name = name
        self.area = area
        self.role = role
        self.hoursPerWeek = hoursPerWeek
        self.critical = critical
        self.specialProject = specialProject
        self.extra = extra
    }
}
