/// Someone in the org: an employee, or (with `external`) an outside provider or team.
public struct Person: Equatable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var title: String?
    public var email: String?
    /// The department or team, as an HR export names it (free text; optional).
    public var department: String?
    /// The solid-line manager; nil for the top of the tree.
    public var reportsTo: String?
    /// Dotted-line managers, in the order they were added.
    public var dottedTo: [String]
    /// Weekly capacity; nil means the policy's `hoursPerWeek`.
    public var hoursPerWeek: Double?
    /// A provider or team outside the org: shown apart, never load-checked.
    public var external: Bool
    /// An open position: a planned hire or a vacancy. Load-checked like a person, but nobody
    /// is there yet, so it never counts as a backup for a critical role.
    public var open: Bool
    public var certifications: [String]
    public var yearsExperience: Double?
    public var hats: [Hat]
    /// Fields this version of hats does not know, kept so that saving never drops them.
    public var extra: [JSONMember]

    public init(
        id: String, name: String, title: String? = nil, email: String? = nil, department: String? = nil,
        reportsTo: String? = nil, dottedTo: [String] = [], hoursPerWeek: Double? = nil,
        external: Bool = false, open: Bool = false, certifications: [String] = [], yearsExperience: Double? = nil,
        hats: [Hat] = [], extra: [JSONMember] = []
    ) {
        self.id = id
        self.name = name
        self.title = title
        self.email = email
        self.department = department
        self.reportsTo = reportsTo
        self.dottedTo = dottedTo
        self.hoursPerWeek = hoursPerWeek
        self.external = external
        self.open = open
        self.certifications = certifications
        self.yearsExperience = yearsExperience
        self.hats = hats
        self.extra = extra
    }

    public func hat(for role: String) -> Hat? {
        hats.first { $0.role == role }
    }

    public func wears(_ role: String) -> Bool {
        hats.contains { $0.role == role }
    }
}

/// A role worn by a person, with the hours they give it.
public struct Hat: Equatable, Sendable {
    public var role: String
    /// nil means an equal share of the role's hours among everyone wearing it.
    public var hoursPerWeek: Double?
    public var extra: [JSONMember]

    public init(role: String, hoursPerWeek: Double? = nil, extra: [JSONMember] = []) {
        self.role = role
        self.hoursPerWeek = hoursPerWeek
        self.extra = extra
    }
}
