/// The hours arithmetic of the file format, computed once for a whole org:
/// - a role's hours are its `hoursPerWeek`, else the sum of its duties' hours, else 0;
/// - a hat's hours are its `hoursPerWeek`, else the role's hours split equally among the
///   people who wear the role;
/// - a person's capacity is their `hoursPerWeek`, else the policy's.
///
/// Kept by role id in `IDMap`s: every load asks for each hat's role (see `IDMap`).
public struct Hours: Sendable {
    private var roleHours = IDMap<Double>()
    private(set) var wearers = IDMap<[String]>()
    private var duties = IDMap<Int>()
    /// Each role's kind of work, as an index into `contextNames`.
    private var roleContext = IDMap<Int>()
    private var contextNames: [String] = []
    private let policyHours: Double

    public init(_ org: Org) {
        policyHours = org.policy.hoursPerWeek
        setRoles(of: org)
        // By position: `for person in org.people` copies each whole Person.
        let people = org.people
        for position in people.indices {
            for hat in people[position].hats { wearers.update(hat.role, default: []) { $0.append(people[position].id) } }
        }
    }

    /// Works out everything of the roles and duties again from `org` (the roles' hours,
    /// duty counts and kinds of work), keeping the wearers: after a role or duty edit.
    mutating func setRoles(of org: Org) {
        roleHours = IDMap(minimumCapacity: org.roles.count)
        duties = IDMap()
        roleContext = IDMap(minimumCapacity: org.roles.count)
        contextNames = []
        var dutyHours = IDMap<Double>()
        for duty in org.duties {
            guard let role = duty.role else { continue }
            dutyHours.update(role, default: 0) { $0 += duty.hoursPerWeek ?? 0 }
            duties.update(role, default: 0) { $0 += 1 }
        }
        var contextByKey: [String: Int] = [:]
        for role in org.roles {
            roleHours[role.id] = role.hoursPerWeek ?? dutyHours[role.id] ?? 0
            let key = Self.contextKey(role)
            if let index = contextByKey[key] {
                roleContext[role.id] = index
            } else {
                contextByKey[key] = contextNames.count
                roleContext[role.id] = contextNames.count
                contextNames.append(Self.kindOfWork(role) ?? role.name)
            }
        }
    }

    /// What makes roles one kind of work: the same category (ignoring case), else the role.
    static func contextKey(_ role: Role) -> String {
        Self.kindOfWork(role).map { "c:" + $0.lowercased() } ?? "r:" + role.id
    }

    /// A role's category, trimmed, when it has one: its kind of work.
    public static func kindOfWork(_ role: Role) -> String? {
        guard let scalars = role.category?.unicodeScalars else { return nil }
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return nil }
        return String(scalars[first...last])
    }

    /// The kind of work a role belongs to (roles of one category share one).
    public func context(ofRole id: String) -> Int {
        roleContext[id] ?? -1
    }

    func contextName(_ index: Int, role: String) -> String {
        contextNames.indices.contains(index) ? contextNames[index] : role
    }

    /// How many duties the role has.
    public func dutyCount(ofRole id: String) -> Int {
        duties[id] ?? 0
    }

    /// The role's weekly hours across everyone who wears it.
    public func hours(ofRole id: String) -> Double {
        roleHours[id] ?? 0
    }

    /// The hours `hat` takes of its wearer's week.
    public func hours(of hat: Hat) -> Double {
        if let explicit = hat.hoursPerWeek { return explicit }
        let count = wearers[hat.role]?.count ?? 1
        return hours(ofRole: hat.role) / Double(max(count, 1))
    }

    /// The sum of the person's hat hours.
    public func allocated(_ person: Person) -> Double {
        person.hats.reduce(0) { $0 + hours(of: $1) }
    }

    public func capacity(_ person: Person) -> Double {
        person.hoursPerWeek ?? policyHours
    }

    /// Replaces the wearers of one role (after a hat was given or taken).
    mutating func setWearers(_ ids: [String], ofRole role: String) {
        wearers[role] = ids.isEmpty ? nil : ids
    }

    /// Ids of the people wearing the role, in file order.
    public func wearers(ofRole id: String) -> [String] {
        wearers[id] ?? []
    }
}
