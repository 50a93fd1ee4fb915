/// `hats plan --format json`: a stable document for scripts, described in docs/plan.md.
/// Numbers are rounded to 4 decimal places; an infinite load is null. Findings are written
/// as in `hats check --format json`, without suggestions.
extension Plan {
    public static let jsonVersion = 1

    public func jsonBytes() -> [UInt8] {
        let number = LoadReport.number
        func summary(_ counts: Counts) -> JSONValue {
            .object([JSONMember("critical", .number(Double(counts.critical))), JSONMember("warning", .number(Double(counts.warning))),
                     JSONMember("info", .number(Double(counts.info)))])
        }
        func finding(_ finding: Finding) -> JSONValue {
            var plain = finding
            plain.suggestion = nil
            plain.noSuggestion = nil
            return LoadReport.json(plain)
        }
        func hire(_ hire: Hire) -> JSONValue {
            var members = [
                JSONMember("id", .string(hire.id)),
                JSONMember("name", .string(hire.name)),
                JSONMember("title", .string(hire.title)),
                JSONMember("hoursPerWeek", number(hire.hoursPerWeek)),
                JSONMember("fullTime", .bool(hire.fullTime)),
                JSONMember("reportsTo", hire.manager.map(JSONValue.string) ?? .null),
                JSONMember("hats", .array(hire.hats.indices.map { index in
                    .object([JSONMember("role", .string(hire.hats[index].role)), JSONMember("hours", number(hire.hatHours[index]))])
                })),
                JSONMember("kindsOfWork", .array(hire.kinds.map(JSONValue.string))),
                JSONMember("certifications", .array(hire.certifications.map(JSONValue.string))),
                JSONMember("anyCertification", .array(hire.anyCertification.map { .array($0.map(JSONValue.string)) })),
            ]
            members.append(JSONMember("minYears", hire.minYears.map(number) ?? .null))
            return .object(members)
        }
        func step(_ step: Step) -> JSONValue {
            var members = [
                JSONMember("kind", .string(step.kind.rawValue)),
                JSONMember("text", .string(step.text)),
                JSONMember("loads", .array(step.loads.map { change in
                    .object([JSONMember("id", .string(change.id)), JSONMember("name", .string(change.name)),
                             JSONMember("before", change.before.map(number) ?? .null), JSONMember("after", number(change.after))])
                })),
                JSONMember("cleared", .array(step.cleared.map(finding))),
                JSONMember("eased", .array(step.eased.map(finding))),
                JSONMember("brings", .array(step.brings.map(finding))),
                JSONMember("summaryAfter", summary(step.findingsAfter)),
            ]
            if let value = step.hire { members.append(JSONMember("hire", hire(value))) }
            return .object(members)
        }
        let bound = lowerBound
        return JSONWriter.writeObject([
            ("version", { JSONWriter.write(.number(Double(Self.jsonVersion)), indent: 1, into: &$0) }),
            ("maxHires", { JSONWriter.write(maxHires.map { .number(Double($0)) } ?? .null, indent: 1, into: &$0) }),
            ("summaryBefore", { JSONWriter.write(summary(countsBefore), indent: 1, into: &$0) }),
            ("summaryAfter", { JSONWriter.write(summary(countsAfter), indent: 1, into: &$0) }),
            ("steps", { JSONWriter.writeArray(steps.count, indent: 1, into: &$0) { step(steps[$0]) } }),
            ("hires", { JSONWriter.write(.array(hires.map(hire)), indent: 1, into: &$0) }),
            ("lowerBound", { JSONWriter.write(.object([
                JSONMember("hours", number(bound.hours)), JSONMember("roomElsewhere", number(bound.roomElsewhere)),
                JSONMember("people", number(bound.people)), JSONMember("personHours", number(bound.personHours)),
            ]), indent: 1, into: &$0) }),
            ("unresolved", { JSONWriter.write(.array(unresolved.map { item in
                .object([JSONMember("finding", finding(item.finding)), JSONMember("reason", .string(item.reason))])
            }), indent: 1, into: &$0) }),
        ])
    }
}
