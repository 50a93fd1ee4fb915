/// Turns a parsed JSON document into an `Org`, collecting a `Problem` for every field of
/// the wrong type and keeping unknown fields (with a warning) so that saving never loses them.
final class OrgDecoder {
    var problems: [Problem] = []
    var warnings: [Problem] = []

    // Known keys in canonical order; the encoder writes them in this order too.
    static let orgKeys = ["format", "version", "name", "description", "policy", "roles", "duties", "people"]
    static let policyKeys = ["hoursPerWeek", "switching", "flatSwitchingLoss", "availability", "warnAt", "criticalAt", "maxHats", "maxDuties", "maxDirectReports", "conflicts"]
    static let conflictKeys = ["roles", "reason"]
    static let roleKeys = ["id", "name", "category", "summary", "aliases", "related", "hoursPerWeek", "critical", "tier", "escalatesTo", "requires"]
    static let requiresKeys = ["certifications", "anyCertification", "minYears"]
    static let dutyKeys = ["id", "name", "area", "role", "hoursPerWeek", "critical", "specialProject"]
    static let personKeys = ["id", "name", "title", "email", "department", "reportsTo", "dottedTo", "hoursPerWeek", "external", "open", "certifications", "yearsExperience", "hats"]
    static let hatKeys = ["role", "hoursPerWeek"]

    func decodeOrg(_ json: JSONValue) -> Org? {
        guard case .object(let members) = json else {
            problems.append(Problem("", "expected a JSON object with \"format\": \"hats\", found \(json.kindName)"))
            return nil
        }
        // Version first: a newer file may mean anything, so nothing else is worth reporting.
        let format = members.first { $0.key == "format" }?.value
        let version = members.first { $0.key == "version" }?.value
        guard format == .string("hats") else {
            problems.append(Problem("format", format == nil
                ? "missing; a hats file starts with \"format\": \"hats\" (is this a hats org file?)"
                : "expected \"hats\", found \(describe(format ?? .null)) (is this a hats org file?)"))
            return nil
        }
        guard case .number(let number)? = version else {
            problems.append(Problem("version", version == nil ? "missing; this hats reads version \(OrgFile.version)" : "expected a whole number, found \(describe(version ?? .null))"))
            return nil
        }
        if !number.isFinite {
            problems.append(Problem("version", "expected \(OrgFile.version), found a number too large to represent"))
            return nil
        }
        if number > Double(OrgFile.version) {
            problems.append(Problem("version", "this file is format version \(OrgValidator.format(number)), written by a newer hats; this hats reads version \(OrgFile.version) — upgrade hats to open it"))
            return nil
        }
        guard number == Double(OrgFile.version) else {
            problems.append(Problem("version", "expected \(OrgFile.version), found \(OrgValidator.format(number))"))
            return nil
        }

        var name = ""
        var description: String?
        var policy = Policy.standard
        var roles: [Role] = []
        var duties: [Duty] = []
        var people: [Person] = []
        let extra = forEachMember(members, at: "", known: Self.orgKeys) { key, value, path in
            switch key {
            case "name": name = string(value, path) ?? ""
            case "description": description = string(value, path)
            case "policy": policy = decodePolicy(value, path) ?? .standard
            case "roles": roles = array(value, path) { decodeRole($0, $1) }
            case "duties": duties = array(value, path) { decodeDuty($0, $1) }
            case "people": people = array(value, path) { decodePerson($0, $1) }
            default: break
            }
        }
        return Org(unchecked: name, description: description, policy: policy, roles: roles, duties: duties, people: people, extra: extra)
    }

    private func decodePolicy(_ value: JSONValue, _ path: Path) -> Policy? {
        guard case .object(let members) = value else { return typeMismatch("an object", value, path) }
        var policy = Policy.standard
        let base = path.text
        let extra = forEachMember(members, at: base, known: Self.policyKeys) { key, value, path in
            switch key {
            case "hoursPerWeek": policy.hoursPerWeek = number(value, path) ?? policy.hoursPerWeek
            case "switching":
                if let text = string(value, path) {
                    if let switching = Policy.Switching(rawValue: text) {
                        policy.switching = switching
                    } else {
                        let names = Policy.Switching.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                        problems.append(Problem(path.text, "expected one of \(names), found \(OrgValidator.quoted(text))"))
                    }
                }
            case "flatSwitchingLoss": policy.flatSwitchingLoss = number(value, path) ?? policy.flatSwitchingLoss
            case "availability": policy.availability = number(value, path) ?? policy.availability
            case "warnAt": policy.warnAt = number(value, path) ?? policy.warnAt
            case "criticalAt": policy.criticalAt = number(value, path) ?? policy.criticalAt
            case "maxHats": policy.maxHats = integer(value, path) ?? policy.maxHats
            case "maxDuties": policy.maxDuties = integer(value, path) ?? policy.maxDuties
            case "maxDirectReports": policy.maxDirectReports = integer(value, path) ?? policy.maxDirectReports
            case "conflicts": policy.conflicts = array(value, path) { decodeConflict($0, $1) }
            default: break
            }
        }
        policy.extra = extra
        return policy
    }

    private func decodeConflict(_ value: JSONValue, _ path: Path) -> RoleConflict? {
        guard case .object(let members) = value else { return typeMismatch("an object", value, path) }
        var conflict = RoleConflict(roles: [])
        var sawRoles = false
        let base = path.text
        let extra = forEachMember(members, at: base, known: Self.conflictKeys) { key, value, path in
            switch key {
            case "roles": conflict.roles = strings(value, path); sawRoles = true
            case "reason": conflict.reason = string(value, path)
            default: break
            }
        }
        conflict.extra = extra
        if !sawRoles { problems.append(Problem("\(base).roles", "missing; a conflict names two role ids")) }
        return conflict
    }

    private func decodeRole(_ value: JSONValue, _ path: Path) -> Role? {
        guard case .object(let members) = value else { return typeMismatch("an object", value, path) }
        var role = Role(id: "", name: "")
        var id: String?
        var name: String?
        let base = path.text
        let extra = forEachMember(members, at: base, known: Self.roleKeys) { key, value, path in
            switch key {
            case "id": id = string(value, path)
            case "name": name = string(value, path)
            case "category": role.category = string(value, path)
            case "summary": role.summary = string(value, path)
            case "aliases": role.aliases = strings(value, path)
            case "related": role.related = strings(value, path)
            case "hoursPerWeek": role.hoursPerWeek = number(value, path)
            case "critical": role.critical = bool(value, path) ?? false
            case "tier": role.tier = integer(value, path)
            case "escalatesTo": role.escalatesTo = string(value, path)
            case "requires": role.requires = decodeRequires(value, path)
            default: break
            }
        }
        role.extra = extra
        role.id = required(id, "\(base).id")
        role.name = required(name, "\(base).name")
        return role
    }

    private func decodeRequires(_ value: JSONValue, _ path: Path) -> Requirements? {
        if value == .null { return nil }
        guard case .object(let members) = value else { return typeMismatch("an object", value, path) }
        var requires = Requirements()
        let base = path.text
        let extra = forEachMember(members, at: base, known: Self.requiresKeys) { key, value, path in
            switch key {
            case "certifications": requires.certifications = strings(value, path)
            case "anyCertification": requires.anyCertification = strings(value, path)
            case "minYears": requires.minYears = number(value, path)
            default: break
            }
        }
        requires.extra = extra
        return requires.isEmpty ? nil : requires
    }

    private func decodeDuty(_ value: JSONValue, _ path: Path) -> Duty? {
        guard case .object(let members) = value else { return typeMismatch("an object", value, path) }
        var duty = Duty(id: "", name: "")
        var id: String?
        var name: String?
        let base = path.text
        let extra = forEachMember(members, at: base, known: Self.dutyKeys) { key, value, path in
            switch key {
            case "id": id = string(value, path)
            case "name": name = string(value, path)
            case "area": duty.area = string(value, path)
            case "role": duty.role = string(value, path)
            case "hoursPerWeek": duty.hoursPerWeek = number(value, path)
            case "critical": duty.critical = bool(value, path) ?? false
            case "specialProject": duty.specialProject = bool(value, path) ?? false
            default: break
            }
        }
        duty.extra = extra
        duty.id = required(id, "\(base).id")
        duty.name = required(name, "\(base).name")
        return duty
    }

    private func decodePerson(_ value: JSONValue, _ path: Path) -> Person? {
        guard case .object(let members) = value else { return typeMismatch("an object", value, path) }
        var person = Person(id: "", name: "")
        var id: String?
        var name: String?
        let base = path.text
        let extra = forEachMember(members, at: base, known: Self.personKeys) { key, value, path in
            switch key {
            case "id": id = string(value, path)
            case "name": name = string(value, path)
            case "title": person.title = string(value, path)
            case "email": person.email = string(value, path)
            case "department": person.department = string(value, path)
            case "reportsTo": person.reportsTo = string(value, path)
            case "dottedTo": person.dottedTo = strings(value, path)
            case "hoursPerWeek": person.hoursPerWeek = number(value, path)
            case "external": person.external = bool(value, path) ?? false
            case "open": person.open = bool(value, path) ?? false
            case "certifications": person.certifications = strings(value, path)
            case "yearsExperience": person.yearsExperience = number(value, path)
            case "hats": person.hats = array(value, path) { decodeHat($0, $1) }
            default: break
            }
        }
        person.extra = extra
        person.id = required(id, "\(base).id")
        person.name = required(name, "\(base).name")
        return person
    }

    private func decodeHat(_ value: JSONValue, _ path: Path) -> Hat? {
        guard case .object(let members) = value else { return typeMismatch("an object", value, path) }
        var hat = Hat(role: "")
        var role: String?
        let base = path.text
        let extra = forEachMember(members, at: base, known: Self.hatKeys) { key, value, path in
            switch key {
            case "role": role = string(value, path)
            case "hoursPerWeek": hat.hoursPerWeek = number(value, path)
            default: break
            }
        }
        hat.extra = extra
        hat.role = required(role, "\(base).role")
        return hat
    }

    // MARK: - Field readers. `null` reads as "not given" for every optional field.

    /// Calls `body` for each known member, reports duplicate keys, and returns the unknown
    /// members (warned about, kept for saving) in the order they are saved in, so that
    /// reading a saved org back gives an equal org.
    private func forEachMember(
        _ members: [JSONMember], at path: String, known: [String],
        _ body: (String, JSONValue, Path) -> Void
    ) -> [JSONMember] {
        var extra: [JSONMember] = []
        // Small objects (every real one) scan the keys before; large ones use a set, so an
        // object with 100,000 keys does not take 10^10 comparisons and hang the reader.
        let useSet = members.count > 16
        var seen: Set<String> = []
        if useSet { seen.reserveCapacity(members.count) }
        for (offset, member) in members.enumerated() {
            // Built as text only for a message: most members never need it.
            let memberPath = Path(parent: path, key: member.key)
            let repeated = useSet ? !seen.insert(member.key).inserted : members[..<offset].contains { $0.key == member.key }
            if repeated {
                problems.append(Problem(memberPath.text, "this key appears more than once in the same object"))
                continue
            }
            if known.contains(member.key) {
                body(member.key, member.value, memberPath)
            } else if path.isEmpty && (member.key == "format" || member.key == "version") {
                continue
            } else {
                extra.append(member)
                var note = "unknown field, kept as it is but not used"
                if let suggestion = NearestSpelling.suggest(for: member.key, among: known) {
                    note += " (did you mean \"\(suggestion)\"?)"
                }
                warnings.append(Problem(memberPath.text, note))
            }
        }
        return OrgEncoder.sorted(extra)
    }

    /// A member name as it appears in a path: long names are cut short, so a hostile key
    /// cannot make one message line megabytes long.
    /// Where a value is in the file, turned into text (`people[3].hats[0].role`) only when
    /// a message needs it.
    struct Path {
        var parent: String
        var key: String? = nil
        var index: Int? = nil

        var text: String {
            if let key {
                let shown = OrgDecoder.pathKey(key)
                return parent.isEmpty ? shown : "\(parent).\(shown)"
            }
            if let index { return "\(parent)[\(index)]" }
            return parent
        }
    }

    static func pathKey(_ key: String) -> String {
        let limit = 100
        var count = 0
        var index = key.unicodeScalars.startIndex
        while index < key.unicodeScalars.endIndex {
            count += 1
            if count > limit { return String(key.unicodeScalars[..<index]) + "…" }
            key.unicodeScalars.formIndex(after: &index)
        }
        return key
    }

    private func required(_ value: String?, _ path: @autoclosure () -> String) -> String {
        if let value { return value }
        let path = path()
        if !problems.contains(where: { $0.path == path }) {
            problems.append(Problem(path, "missing"))
        }
        return ""
    }

    private func typeMismatch<T>(_ expected: String, _ value: JSONValue, _ path: Path) -> T? {
        problems.append(Problem(path.text, "expected \(expected), found \(describe(value))"))
        return nil
    }

    private func string(_ value: JSONValue, _ path: Path) -> String? {
        switch value {
        case .string(let text): return text
        case .null: return nil
        default: return typeMismatch("a string", value, path)
        }
    }

    private func number(_ value: JSONValue, _ path: Path) -> Double? {
        switch value {
        case .number(let number):
            if !number.isFinite {
                problems.append(Problem(path.text, "this number is too large to represent"))
                return nil
            }
            return number
        case .null: return nil
        default: return typeMismatch("a number", value, path)
        }
    }

    private func integer(_ value: JSONValue, _ path: Path) -> Int? {
        guard let number = number(value, path) else { return nil }
        guard number == number.rounded(), abs(number) < 1e9 else {
            problems.append(Problem(path.text, "expected a whole number, found \(OrgValidator.format(number))"))
            return nil
        }
        return Int(number)
    }

    private func bool(_ value: JSONValue, _ path: Path) -> Bool? {
        switch value {
        case .bool(let flag): return flag
        case .null: return nil
        default: return typeMismatch("true or false", value, path)
        }
    }

    private func strings(_ value: JSONValue, _ path: Path) -> [String] {
        array(value, path) { string($0, $1) }
    }

    private func array<T>(_ value: JSONValue, _ path: Path, _ element: (JSONValue, Path) -> T?) -> [T] {
        switch value {
        case .array(let items):
            var result: [T] = []
            result.reserveCapacity(items.count)
            let base = path.text
            for (offset, item) in items.enumerated() {
                let itemPath = Path(parent: base, index: offset)
                if item == .null {
                    problems.append(Problem(itemPath.text, "expected a value, found null"))
                } else if let decoded = element(item, itemPath) {
                    result.append(decoded)
                }
            }
            return result
        case .null: return []
        default:
            problems.append(Problem(path.text, "expected an array, found \(describe(value))"))
            return []
        }
    }

    private func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let text) where text.unicodeScalars.count <= 40: "the string \(OrgValidator.quoted(text))"
        case .number(let number): "the number \(OrgValidator.format(number))"
        case .bool(let flag): flag ? "true" : "false"
        default: value.kindName
        }
    }
}
