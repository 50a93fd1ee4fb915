/// What changed between two orgs, as data: people added, removed and changed (reporting
/// line, hats, other fields), roles and duties added, removed and changed, each changed
/// person's load before and after, and the findings compared as the what-if compares them.
/// People, roles and duties are matched by id; lists follow NEW's file order, then the
/// ones only OLD has, in OLD's order.
public struct OrgDiff: Sendable {
    public enum Change: String, Sendable {
        case added, removed, changed
    }

    /// One field before and after, already worded ("reportsTo", "Dana Reyes", "Kim Lee").
    public struct Field: Equatable, Sendable {
        public var name: String
        public var before: String?
        public var after: String?
    }

    /// A hat given, taken or re-houred. Hours are the file's own: nil when the hat
    /// leaves them to the role.
    public struct HatChange: Equatable, Sendable {
        public var change: Change
        public var role: String
        public var roleName: String
        public var hoursBefore: Double?
        public var hoursAfter: Double?
    }

    public struct PersonChange: Sendable {
        public var change: Change
        public var id: String
        public var name: String
        public var fields: [Field]
        public var hats: [HatChange]
        /// The checker's row before and after (nil on the side the person is missing).
        public var loadBefore: PersonLoad?
        public var loadAfter: PersonLoad?
    }

    /// A role or a duty.
    public struct ItemChange: Sendable {
        public var change: Change
        public var id: String
        public var name: String
        public var fields: [Field]
    }

    public var org: [Field]
    public var people: [PersonChange]
    public var roles: [ItemChange]
    public var duties: [ItemChange]
    public var findings: ReportComparison
    /// The two orgs decode to the same org (bytes and whitespace aside).
    public var same: Bool

    public init(old: Org, new: Org) {
        let (before, after) = (LoadChecker.check(old), LoadChecker.check(new))
        same = old == new
        findings = ReportComparison(before: before, after: after)
        org = Self.fields([
            ("name", old.name, new.name),
            ("description", old.description, new.description),
            ("policy", old.policy == new.policy ? nil : "as before", old.policy == new.policy ? nil : "changed"),
            ("other fields", old.extra == new.extra ? nil : "as before", old.extra == new.extra ? nil : "changed"),
        ])
        roles = Self.match(old.roles, new.roles, name: \.name, fields: Self.roleFields)
        duties = Self.match(old.duties, new.duties, name: \.name) { a, b in Self.dutyFields(a, b, old: old, new: new) }
        var people: [PersonChange] = []
        for person in new.people {
            guard let was = old.person(person.id) else {
                people.append(PersonChange(change: .added, id: person.id, name: person.name, fields: Self.placeFields(person, in: new, added: true), hats: Self.hats(nil, person, old: old, new: new), loadBefore: nil, loadAfter: after.load(of: person.id)))
                continue
            }
            let (loadBefore, loadAfter) = (before.load(of: person.id), after.load(of: person.id))
            // Someone whose entry is unchanged is listed only when their hours or load moved
            // (a role's hours changed, say): a new warning line alone changes only room.
            let loadMoved = loadBefore?.load != loadAfter?.load || loadBefore?.allocatedHours != loadAfter?.allocatedHours
            guard was != person || loadMoved else { continue }
            people.append(PersonChange(change: .changed, id: person.id, name: person.name, fields: Self.personFields(was, person, old: old, new: new), hats: Self.hats(was, person, old: old, new: new), loadBefore: loadBefore, loadAfter: loadAfter))
        }
        for person in old.people where new.person(person.id) == nil {
            people.append(PersonChange(change: .removed, id: person.id, name: person.name, fields: Self.placeFields(person, in: old, added: false), hats: Self.hats(person, nil, old: old, new: new), loadBefore: before.load(of: person.id), loadAfter: nil))
        }
        self.people = people
    }

    /// Nothing a manager would read changed (the orgs may still differ in bytes).
    public var isEmpty: Bool {
        org.isEmpty && people.isEmpty && roles.isEmpty && duties.isEmpty
            && findings.new.isEmpty && findings.worse.isEmpty && findings.better.isEmpty && findings.resolved.isEmpty
    }

    static func fields(_ pairs: [(String, String?, String?)]) -> [Field] {
        pairs.compactMap { name, before, after in before == after ? nil : Field(name: name, before: before, after: after) }
    }

    static func match<T: Identifiable & Equatable>(_ old: [T], _ new: [T], name: KeyPath<T, String>, fields: (T, T) -> [Field]) -> [ItemChange] where T.ID == String {
        var oldByID: [String: T] = [:]
        for item in old { oldByID[item.id] = item }
        let newIDs = Set(new.map(\.id))
        var changes: [ItemChange] = []
        for item in new {
            guard let was = oldByID[item.id] else {
                changes.append(ItemChange(change: .added, id: item.id, name: item[keyPath: name], fields: []))
                continue
            }
            guard was != item else { continue }
            var list = fields(was, item)
            // Something this summary does not name changed (aliases, a field hats keeps
            // unread): still say so, so a changed item never looks the same.
            if list.isEmpty { list = [Field(name: "other fields", before: "as before", after: "changed")] }
            changes.append(ItemChange(change: .changed, id: item.id, name: item[keyPath: name], fields: list))
        }
        for item in old where !newIDs.contains(item.id) {
            changes.append(ItemChange(change: .removed, id: item.id, name: item[keyPath: name], fields: []))
        }
        return changes
    }

    static func roleFields(_ a: Role, _ b: Role) -> [Field] {
        fields([
            ("name", a.name, b.name),
            ("category", a.category, b.category),
            ("hoursPerWeek", a.hoursPerWeek.map(hours), b.hoursPerWeek.map(hours)),
            ("critical", a.critical ? "yes" : "no", b.critical ? "yes" : "no"),
            ("tier", a.tier.map(String.init), b.tier.map(String.init)),
            ("escalatesTo", a.escalatesTo, b.escalatesTo),
            ("requires", a.requires == b.requires ? nil : "as before", a.requires == b.requires ? nil : "changed"),
        ])
    }

    static func dutyFields(_ a: Duty, _ b: Duty, old: Org, new: Org) -> [Field] {
        fields([
            ("name", a.name, b.name),
            ("area", a.area, b.area),
            ("role", a.role.map { old.role($0)?.name ?? $0 }, b.role.map { new.role($0)?.name ?? $0 }),
            ("hoursPerWeek", a.hoursPerWeek.map(hours), b.hoursPerWeek.map(hours)),
            ("critical", a.critical ? "yes" : "no", b.critical ? "yes" : "no"),
            ("specialProject", a.specialProject ? "yes" : "no", b.specialProject ? "yes" : "no"),
        ])
    }

    static func personFields(_ a: Person, _ b: Person, old: Org, new: Org) -> [Field] {
        let aHats = a.hats.map(\.role), bHats = b.hats.map(\.role)
        var list = fields([
            ("name", a.name, b.name),
            ("title", a.title, b.title),
            ("email", a.email, b.email),
            ("department", a.department, b.department),
            ("reportsTo", a.reportsTo.map { old.person($0)?.name ?? $0 }, b.reportsTo.map { new.person($0)?.name ?? $0 }),
            ("dottedTo", names(a.dottedTo, in: old), names(b.dottedTo, in: new)),
            ("hoursPerWeek", a.hoursPerWeek.map(hours), b.hoursPerWeek.map(hours)),
            ("external", a.external ? "yes" : "no", b.external ? "yes" : "no"),
            ("open", a.open ? "open position" : "filled", b.open ? "open position" : "filled"),
            ("certifications", a.certifications.joined(separator: ", "), b.certifications.joined(separator: ", ")),
            ("yearsExperience", a.yearsExperience.map(Format.oneDecimal), b.yearsExperience.map(Format.oneDecimal)),
        ])
        // Fields the summary does not name (a newer file format's, kept as written) and a
        // reordering of the same hats still count as a change.
        if a.extra != b.extra || (Set(aHats) == Set(bHats) && aHats != bHats) {
            list.append(Field(name: "other fields", before: "as before", after: "changed"))
        }
        return list
    }

    /// Where someone added or removed sits: title and reporting lines, on the side they
    /// exist (the other side nil).
    static func placeFields(_ person: Person, in org: Org, added: Bool) -> [Field] {
        let values: [(String, String?)] = [
            ("open", person.open ? "open position" : nil),
            ("title", person.title),
            ("reportsTo", person.reportsTo.map { org.person($0)?.name ?? $0 }),
            ("dottedTo", person.dottedTo.isEmpty ? nil : names(person.dottedTo, in: org)),
            ("hoursPerWeek", person.hoursPerWeek.map(hours)),
        ]
        return values.compactMap { name, value in
            value.map { added ? Field(name: name, before: nil, after: $0) : Field(name: name, before: $0, after: nil) }
        }
    }

    static func hats(_ a: Person?, _ b: Person?, old: Org, new: Org) -> [HatChange] {
        let before = a?.hats ?? [], after = b?.hats ?? []
        var changes: [HatChange] = []
        for hat in after {
            let name = new.role(hat.role)?.name ?? hat.role
            if let was = before.first(where: { $0.role == hat.role }) {
                if was.hoursPerWeek != hat.hoursPerWeek || was.extra != hat.extra {
                    changes.append(HatChange(change: .changed, role: hat.role, roleName: name, hoursBefore: was.hoursPerWeek, hoursAfter: hat.hoursPerWeek))
                }
            } else {
                changes.append(HatChange(change: .added, role: hat.role, roleName: name, hoursBefore: nil, hoursAfter: hat.hoursPerWeek))
            }
        }
        for hat in before where !after.contains(where: { $0.role == hat.role }) {
            changes.append(HatChange(change: .removed, role: hat.role, roleName: old.role(hat.role)?.name ?? hat.role, hoursBefore: hat.hoursPerWeek, hoursAfter: nil))
        }
        return changes
    }

    static func names(_ ids: [String], in org: Org) -> String {
        ids.map { org.person($0)?.name ?? $0 }.joined(separator: ", ")
    }

    static func hours(_ value: Double) -> String { Format.oneDecimal(value) + " h" }
}
