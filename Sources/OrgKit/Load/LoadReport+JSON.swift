/// `hats check --format json`: a stable document for scripts, described in
/// docs/load-model.md. Numbers are rounded to 4 decimal places; an infinite load is null.
extension LoadReport {
    public static let jsonVersion = 1

    public func json(whatIf: (without: [String], comparison: ReportComparison)? = nil) -> String {
        String(decoding: jsonBytes(whatIf: whatIf), as: UTF8.self)
    }

    /// The same document as UTF-8 bytes. The findings and people lists are written item by
    /// item, never held whole as JSON values (100,000 people would double the memory).
    public func jsonBytes(whatIf: (without: [String], comparison: ReportComparison)? = nil) -> [UInt8] {
        jsonBytes(whatIf: whatIf, flush: nil)
    }

    /// The same document handed to `emit` in pieces of about `piece` bytes, in order (their
    /// concatenation is `jsonBytes`): 100,000 people make 60 MB of JSON, never held whole.
    public func writeJSON(whatIf: (without: [String], comparison: ReportComparison)? = nil, piece: Int = 1 << 20,
                          to emit: ([UInt8]) -> Void) {
        withoutActuallyEscaping(emit) { emit in
            let rest = jsonBytes(whatIf: whatIf) { (out: inout [UInt8]) in
                guard out.count >= piece else { return }
                emit(out)
                out.removeAll(keepingCapacity: true)
            }
            if !rest.isEmpty { emit(rest) }
        }
    }

    private func jsonBytes(whatIf: (without: [String], comparison: ReportComparison)?, flush: ((inout [UInt8]) -> Void)?) -> [UInt8] {
        let away = Set(whatIf?.without ?? [])
        var members: [(key: String, write: (inout [UInt8]) -> Void)] = [
            ("version", { JSONWriter.write(.number(Double(Self.jsonVersion)), indent: 1, into: &$0) }),
            ("summary", { JSONWriter.write(.object(Finding.Severity.allCases.reversed().map { JSONMember($0.name, .number(Double(count($0)))) }), indent: 1, into: &$0) }),
            ("findings", { JSONWriter.writeArray(findings.count, indent: 1, into: &$0, flush: flush) { Self.json(findings[$0]) } }),
            ("people", { JSONWriter.writeArray(people.count, indent: 1, into: &$0, flush: flush) { Self.json(people[$0], away: away.contains(people[$0].id)) } }),
        ]
        if let whatIf {
            members.append(("whatIf", {
                JSONWriter.write(.object([
                    JSONMember("without", .array(whatIf.without.map(JSONValue.string))),
                    JSONMember("new", .array(whatIf.comparison.new.map(Self.json))),
                    JSONMember("worse", .array(whatIf.comparison.worse.map(Self.json))),
                    JSONMember("better", .array(whatIf.comparison.better.map(Self.json))),
                    JSONMember("resolved", .array(whatIf.comparison.resolved.map(Self.json))),
                ]), indent: 1, into: &$0)
            }))
        }
        return JSONWriter.writeObject(members)
    }

    /// A person's row; `away` in a what-if (no room: they are not there to take work).
    static func json(_ load: PersonLoad, away: Bool = false) -> JSONValue {
        .object([
            JSONMember("id", .string(load.id)),
            JSONMember("name", .string(load.name)),
            JSONMember("hats", .number(Double(load.hats))),
            JSONMember("kindsOfWork", Self.number(load.contexts)),
            JSONMember("allocatedHours", Self.number(load.allocatedHours)),
            JSONMember("capacityHours", Self.number(load.capacityHours)),
            JSONMember("switchLoss", Self.number(load.switchLoss)),
            JSONMember("effectiveHours", Self.number(load.effectiveHours)),
            JSONMember("load", Self.number(load.load)),
            JSONMember("room", load.external || away ? .null : Self.number(load.room)),
            JSONMember("external", .bool(load.external)),
            JSONMember("open", .bool(load.open)),
        ])
    }

    static func json(_ finding: Finding) -> JSONValue {
        var members = [
            JSONMember("rule", .string(finding.rule.rawValue)),
            JSONMember("severity", .string(finding.severity.name)),
            JSONMember("subject", .object([
                JSONMember("kind", .string(finding.subject.kind.rawValue)),
                JSONMember("id", .string(finding.subject.id)),
                JSONMember("name", .string(finding.subject.name)),
            ])),
            JSONMember("message", .string(finding.message)),
        ]
        if let suggestion = finding.suggestion {
            members.append(JSONMember("suggestion", .string(suggestion.text)))
            if suggestion.partial { members.append(JSONMember("partial", .bool(true))) }
            if let change = suggestion.change {
                var fields = [JSONMember("kind", .string(change.kind.rawValue)), JSONMember("role", .string(change.role))]
                if let from = change.from { fields.append(JSONMember("from", .string(from))) }
                fields.append(JSONMember("to", .string(change.to)))
                fields.append(JSONMember("hours", Self.number(change.hours)))
                members.append(JSONMember("change", .object(fields)))
            }
        } else if let reason = finding.noSuggestion {
            members.append(JSONMember("noSuggestion", .string(reason)))
        }
        return .object(members)
    }

    static func json(_ change: ReportComparison.Change) -> JSONValue {
        .object([JSONMember("before", json(change.before)), JSONMember("after", json(change.after))])
    }

    static func number(_ value: Double) -> JSONValue {
        guard value.isFinite else { return .null }
        return .number((value * 10_000).rounded() / 10_000)
    }
}
