/// `hats diff --format json`: a stable document for scripts, described in docs/diff.md.
/// Findings are written as `hats check --format json` writes them.
extension OrgDiff {
    public static let jsonVersion = 1

    public func jsonBytes() -> [UInt8] {
        let members: [(key: String, write: (inout [UInt8]) -> Void)] = [
            ("version", { JSONWriter.write(.number(Double(Self.jsonVersion)), indent: 1, into: &$0) }),
            ("same", { JSONWriter.write(.bool(same), indent: 1, into: &$0) }),
            ("org", { JSONWriter.write(.array(org.map(Self.json)), indent: 1, into: &$0) }),
            ("people", { JSONWriter.write(.array(people.map(Self.json)), indent: 1, into: &$0) }),
            ("roles", { JSONWriter.write(.array(roles.map(Self.json)), indent: 1, into: &$0) }),
            ("duties", { JSONWriter.write(.array(duties.map(Self.json)), indent: 1, into: &$0) }),
            ("findings", {
                JSONWriter.write(.object([
                    JSONMember("new", .array(findings.new.map(LoadReport.json))),
                    JSONMember("worse", .array(findings.worse.map(LoadReport.json))),
                    JSONMember("better", .array(findings.better.map(LoadReport.json))),
                    JSONMember("resolved", .array(findings.resolved.map(LoadReport.json))),
                ]), indent: 1, into: &$0)
            }),
        ]
        return JSONWriter.writeObject(members)
    }

    static func json(_ field: Field) -> JSONValue {
        .object([
            JSONMember("field", .string(field.name)),
            JSONMember("before", field.before.map(JSONValue.string) ?? .null),
            JSONMember("after", field.after.map(JSONValue.string) ?? .null),
        ])
    }

    static func json(_ hat: HatChange) -> JSONValue {
        .object([
            JSONMember("change", .string(hat.change.rawValue)),
            JSONMember("role", .string(hat.role)),
            JSONMember("roleName", .string(hat.roleName)),
            JSONMember("hoursBefore", hat.hoursBefore.map(LoadReport.number) ?? .null),
            JSONMember("hoursAfter", hat.hoursAfter.map(LoadReport.number) ?? .null),
        ])
    }

    static func json(_ person: PersonChange) -> JSONValue {
        .object([
            JSONMember("change", .string(person.change.rawValue)),
            JSONMember("id", .string(person.id)),
            JSONMember("name", .string(person.name)),
            JSONMember("fields", .array(person.fields.map(json))),
            JSONMember("hats", .array(person.hats.map(json))),
            JSONMember("loadBefore", person.loadBefore.map { LoadReport.json($0) } ?? .null),
            JSONMember("loadAfter", person.loadAfter.map { LoadReport.json($0) } ?? .null),
        ])
    }

    static func json(_ item: ItemChange) -> JSONValue {
        .object([
            JSONMember("change", .string(item.change.rawValue)),
            JSONMember("id", .string(item.id)),
            JSONMember("name", .string(item.name)),
            JSONMember("fields", .array(item.fields.map(json))),
        ])
    }
}
