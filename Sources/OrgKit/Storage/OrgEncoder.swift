/// Builds the canonical JSON of an org: known keys in the order of `OrgDecoder`'s key lists,
/// optional fields left out when not set, then unknown fields sorted by key.
enum OrgEncoder {
    static func encode(_ org: Org) -> JSONValue {
        var members: [JSONMember] = [
            JSONMember("format", .string("hats")),
            JSONMember("version", .number(Double(OrgFile.version))),
            JSONMember("name", .string(org.name)),
        ]
        if let description = org.description { members.append(JSONMember("description", .string(description))) }
        members.append(JSONMember("policy", encode(org.policy)))
        members.append(JSONMember("roles", .array(org.roles.map(encode))))
        members.append(JSONMember("duties", .array(org.duties.map(encode))))
        members.append(JSONMember("people", .array(org.people.map(encode))))
        return .object(members + sorted(org.extra))
    }

    static func encode(_ policy: Policy) -> JSONValue {
        let members: [JSONMember] = [
            JSONMember("hoursPerWeek", .number(policy.hoursPerWeek)),
            JSONMember("switching", .string(policy.switching.rawValue)),
            JSONMember("flatSwitchingLoss", .number(policy.flatSwitchingLoss)),
            JSONMember("availability", .number(policy.availability)),
            JSONMember("warnAt", .number(policy.warnAt)),
            JSONMember("criticalAt", .number(policy.criticalAt)),
            JSONMember("maxHats", .number(Double(policy.maxHats))),
            JSONMember("maxDuties", .number(Double(policy.maxDuties))),
            JSONMember("maxDirectReports", .number(Double(policy.maxDirectReports))),
            JSONMember("conflicts", .array(policy.conflicts.map { conflict in
                var members = [JSONMember("roles", strings(conflict.roles))]
                optional(conflict.reason, "reason", &members)
                return .object(members + sorted(conflict.extra))
            })),
        ]
        return .object(members + sorted(policy.extra))
    }

    static func encode(_ role: Role) -> JSONValue {
        var members = [JSONMember("id", .string(role.id)), JSONMember("name", .string(role.name))]
        optional(role.category, "category", &members)
        optional(role.summary, "summary", &members)
        list(role.aliases, "aliases", &members)
        list(role.related, "related", &members)
        optional(role.hoursPerWeek, "hoursPerWeek", &members)
        flag(role.critical, "critical", &members)
        optional(role.tier.map(Double.init), "tier", &members)
        optional(role.escalatesTo, "escalatesTo", &members)
        if let requires = role.requires, !requires.isEmpty {
            var inner: [JSONMember] = []
            list(requires.certifications, "certifications", &inner)
            list(requires.anyCertification, "anyCertification", &inner)
            optional(requires.minYears, "minYears", &inner)
            members.append(JSONMember("requires", .object(inner + sorted(requires.extra))))
        }
        return .object(members + sorted(role.extra))
    }

    static func encode(_ duty: Duty) -> JSONValue {
        var members = [JSONMember("id", .string(duty.id)), JSONMember("name", .string(duty.name))]
        optional(duty.area, "area", &members)
        optional(duty.role, "role", &members)
        optional(duty.hoursPerWeek, "hoursPerWeek", &members)
        flag(duty.critical, "critical", &members)
        flag(duty.specialProject, "specialProject", &members)
        return .object(members + sorted(duty.extra))
    }

    static func encode(_ person: Person) -> JSONValue {
        var members = [JSONMember("id", .string(person.id)), JSONMember("name", .string(person.name))]
        optional(person.title, "title", &members)
        optional(person.email, "email", &members)
        optional(person.department, "department", &members)
        optional(person.reportsTo, "reportsTo", &members)
        list(person.dottedTo, "dottedTo", &members)
        optional(person.hoursPerWeek, "hoursPerWeek", &members)
        flag(person.external, "external", &members)
        flag(person.open, "open", &members)
        list(person.certifications, "certifications", &members)
        optional(person.yearsExperience, "yearsExperience", &members)
        members.append(JSONMember("hats", .array(person.hats.map { hat in
            var members = [JSONMember("role", .string(hat.role))]
            optional(hat.hoursPerWeek, "hoursPerWeek", &members)
            return .object(members + sorted(hat.extra))
        })))
        return .object(members + sorted(person.extra))
    }

    // MARK: - Helpers

    private static func optional(_ value: String?, _ key: String, _ members: inout [JSONMember]) {
        if let value { members.append(JSONMember(key, .string(value))) }
    }

    private static func optional(_ value: Double?, _ key: String, _ members: inout [JSONMember]) {
        if let value { members.append(JSONMember(key, .number(value))) }
    }

    private static func flag(_ value: Bool, _ key: String, _ members: inout [JSONMember]) {
        if value { members.append(JSONMember(key, .bool(true))) }
    }

    private static func list(_ values: [String], _ key: String, _ members: inout [JSONMember]) {
        if !values.isEmpty { members.append(JSONMember(key, strings(values))) }
    }

    private static func strings(_ values: [String]) -> JSONValue {
        .array(values.map(JSONValue.string))
    }

    /// Unknown fields in the order they are written: by key, over Unicode scalars. The
    /// decoder keeps them in this order too, so a decoded org equals its saved copy.
    static func sorted(_ extra: [JSONMember]) -> [JSONMember] {
        extra.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
    }
}
