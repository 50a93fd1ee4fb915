/// The whole org: its policy, roles, duties and people, in the order the file keeps them.
///
/// An `Org` is always valid (unique ids, references that resolve, no reporting cycle):
/// it is built by `OrgFile.decode`, by the throwing initialiser, or changed by an `Edit`,
/// and each of those checks first. Lookups by id are constant time.
public struct Org: Sendable {
    public var name: String
    /// One sentence about the org (presets use it for `hats presets`).
    public var description: String?
    public var policy: Policy
    public private(set) var roles: [Role]
    public private(set) var duties: [Duty]
    public private(set) var people: [Person]
    /// Top-level fields this version of hats does not know, kept as written.
    public var extra: [JSONMember]

    // Lookups by id through `IDMap`, not `Dictionary`: a lookup costs a few dozen
    // instructions, not some 350 (each hat's role, each person's manager, at every check).
    private var roleIndex: IDMap<Int>
    private var dutyIndex: IDMap<Int>
    private var personIndex: IDMap<Int>

    /// Builds an org and checks it as a file would be checked; throws every problem found.
    public init(
        name: String, description: String? = nil, policy: Policy = .standard,
        roles: [Role] = [], duties: [Duty] = [], people: [Person] = [], extra: [JSONMember] = []
    ) throws(OrgProblems) {
        self.init(unchecked: name, description: description, policy: policy, roles: roles, duties: duties, people: people, extra: extra)
        let problems = OrgValidator.problems(in: self)
        if !problems.isEmpty { throw OrgProblems(problems) }
    }

    init(
        unchecked name: String, description: String?, policy: Policy,
        roles: [Role], duties: [Duty], people: [Person], extra: [JSONMember]
    ) {
        self.name = name
        self.description = description
        self.policy = policy
        self.roles = roles
        self.duties = duties
        self.people = people
        self.extra = extra
        roleIndex = Self.index(roles)
        dutyIndex = Self.index(duties)
        personIndex = Self.index(people)
    }

    /// An org with nothing in it yet.
    public static func empty(name: String = "New org") -> Org {
        Org(unchecked: name, description: nil, policy: .standard, roles: [], duties: [], people: [], extra: [])
    }

    /// The name an org made for a file takes from it (`hats new`, `hats import`, a new
    /// file in the builder): the file's name without folder and extension, on one line
    /// with its control characters and bidi controls gone (a file name may hold any byte
    /// but `/`), trimmed; `fallback` when nothing is left.
    public static func name(fromFile path: String, fallback: String) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? ""
        var base = Substring(last)
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        var kept = String.UnicodeScalarView()
        for scalar in Escape.oneLine(String(base)).unicodeScalars where !TextSafety.isUnsafe(scalar) { kept.append(scalar) }
        let name = String(kept).trimmingSpaces
        return name.isEmpty ? fallback : name
    }

    private static func index<T: Identifiable>(_ items: [T]) -> IDMap<Int> where T.ID == String {
        var index = IDMap<Int>(minimumCapacity: items.count)
        // By position (`enumerated()` copies each item), and one hashing of each id: the
        // position is stored only when the id is new, so the first one is kept.
        for position in items.indices {
            index.update(items[position].id, default: position) { _ in }
        }
        return index
    }

    // MARK: - Lookup

    public func person(_ id: String) -> Person? {
        personIndex[id].map { people[$0] }
    }

    public func role(_ id: String) -> Role? {
        roleIndex[id].map { roles[$0] }
    }

    public func duty(_ id: String) -> Duty? {
        dutyIndex[id].map { duties[$0] }
    }

    public func position(ofPerson id: String) -> Int? { personIndex[id] }

    /// The positions of the people reporting to `id` and of those with a dotted line to
    /// them, in file order: one pass reading the fields in place (iterating `people`
    /// copies each whole Person, a millisecond at 100,000 people).
    func positions(tiedTo id: String) -> (reports: [Int], dotted: [Int]) {
        var reports: [Int] = []
        var dotted: [Int] = []
        for position in people.indices {
            if people[position].reportsTo == id { reports.append(position) }
            if !people[position].dottedTo.isEmpty, people[position].dottedTo.contains(id) { dotted.append(position) }
        }
        return (reports, dotted)
    }

    /// The positions of the people wearing `role`, in file order (fields read in place).
    func positions(wearing role: String) -> [Int] {
        people.indices.filter { people[$0].hats.contains { $0.role == role } }
    }
    /// Each person id's first position (the validator's duplicate check starts from it).
    var personPositions: IDMap<Int> { personIndex }
    public func position(ofRole id: String) -> Int? { roleIndex[id] }
    public func position(ofDuty id: String) -> Int? { dutyIndex[id] }

    // MARK: - Changes (OrgKit only: everything else goes through `Edit`)

    mutating func insertPerson(_ person: Person, at position: Int) {
        people.insert(person, at: position)
        Self.shift(&personIndex, from: position, by: 1)
        personIndex[person.id] = position
    }

    @discardableResult
    mutating func removePerson(at position: Int) -> Person {
        let person = people.remove(at: position)
        personIndex[person.id] = nil
        Self.shift(&personIndex, from: position + 1, by: -1)
        return person
    }

    mutating func updatePerson(at position: Int, _ change: (inout Person) -> Void) {
        let id = people[position].id
        change(&people[position])
        precondition(people[position].id == id, "an update may not change an id")
    }

    mutating func insertRole(_ role: Role, at position: Int) {
        roles.insert(role, at: position)
        Self.shift(&roleIndex, from: position, by: 1)
        roleIndex[role.id] = position
    }

    @discardableResult
    mutating func removeRole(at position: Int) -> Role {
        let role = roles.remove(at: position)
        roleIndex[role.id] = nil
        Self.shift(&roleIndex, from: position + 1, by: -1)
        return role
    }

    mutating func replaceRole(at position: Int, with role: Role) {
        precondition(roles[position].id == role.id, "a replacement must keep the id")
        roles[position] = role
    }

    mutating func insertDuty(_ duty: Duty, at position: Int) {
        duties.insert(duty, at: position)
        Self.shift(&dutyIndex, from: position, by: 1)
        dutyIndex[duty.id] = position
    }

    @discardableResult
    mutating func removeDuty(at position: Int) -> Duty {
        let duty = duties.remove(at: position)
        dutyIndex[duty.id] = nil
        Self.shift(&dutyIndex, from: position + 1, by: -1)
        return duty
    }

    mutating func replaceDuty(at position: Int, with duty: Duty) {
        precondition(duties[position].id == duty.id, "a replacement must keep the id")
        duties[position] = duty
    }

    /// Moves every position from `start` on by `offset` (an item inserted or removed before
    /// them), in place: no id hashed again (at 100,000 people, hashing the ids after a
    /// removal in the middle took longer than a frame).
    private static func shift(_ index: inout IDMap<Int>, from start: Int, by offset: Int) {
        index.updateValues { if $0 >= start { $0 += offset } }
    }
}

extension Org: Equatable {
    public static func == (lhs: Org, rhs: Org) -> Bool {
        lhs.name == rhs.name && lhs.description == rhs.description && lhs.policy == rhs.policy
            && lhs.roles == rhs.roles && lhs.duties == rhs.duties && lhs.people == rhs.people
            && lhs.extra == rhs.extra
    }
}
