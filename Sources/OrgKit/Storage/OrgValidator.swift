/// The rules every org obeys, checked on load and on construction. Each broken rule is one
/// `Problem` at the JSON path of the field at fault, so a user can go straight to it.
enum OrgValidator {
    /// A week has 168 hours: more for one person or one hat is a typo.
    static let hoursInWeek = 168.0
    /// Larger role or duty hours are a typo (and would overflow the arithmetic downstream).
    static let maxRoleHours = 1_000_000.0
    static let maxYears = 100.0
    static let maxTextLength = 10_000

    static func problems(in org: Org) -> [Problem] {
        var problems: [Problem] = []
        checkText(org.name, "name", allowEmpty: true, &problems)
        if let description = org.description { checkText(description, "description", allowEmpty: true, &problems) }

        let roleIds = checkIds(org.roles.map(\.id), "roles", kind: "role", &problems)
        _ = checkIds(org.duties.map(\.id), "duties", kind: "duty", &problems)
        // The org's own index holds each person id's first position: when it has one entry
        // a person, no id is repeated and it is what the duplicate check would build —
        // without hashing 100,000 ids once more.
        let known = org.personPositions
        let personIds = known.count == org.people.count ? known : checkIds(org.people.map(\.id), "people", kind: "person", &problems)
        let hasRole = { roleIds[$0] != nil }
        let hasPerson = { personIds[$0] != nil }

        problems += policyProblems(org.policy, hasRole: hasRole)
        for (position, role) in org.roles.enumerated() {
            problems += roleProblems(role, at: "roles[\(position)]", hasRole: hasRole)
        }
        for (position, duty) in org.duties.enumerated() {
            problems += dutyProblems(duty, at: "duties[\(position)]", hasRole: hasRole)
        }
        // People are checked each on their own: a large org's on all cores, in order.
        let people = org.people
        for found in Parallel.map(people.count, { personProblems(people[$0], at: "people[\($0)]", hasRole: hasRole, hasPerson: hasPerson) }) {
            problems += found
        }
        problems.append(contentsOf: cycleProblems(org.people, position: personIds))
        return problems
    }

    // MARK: - One entity at a time (shared with `Edit`, which checks only what it changes)

    static func roleProblems(_ role: Role, at path: @autoclosure () -> String, hasRole: (String) -> Bool) -> [Problem] {
        var problems: [Problem] = []
        if let reason = idProblem(role.id) { problems.append(Problem("\(path()).id", reason)) }
        checkText(role.name, "\(path()).name", &problems)
        checkOptionalText(role.category, "\(path()).category", &problems)
        checkOptionalText(role.summary, "\(path()).summary", &problems)
        for (offset, alias) in role.aliases.enumerated() { checkText(alias, "\(path()).aliases[\(offset)]", &problems) }
        var seenRelated: Set<String> = []
        for (offset, related) in role.related.enumerated() {
            let at = "\(path()).related[\(offset)]"
            if related == role.id {
                problems.append(Problem(at, "a role cannot be related to itself"))
            } else if !hasRole(related) {
                problems.append(Problem(at, "no role has id \(quoted(related))"))
            } else if !seenRelated.insert(related).inserted {
                problems.append(Problem(at, "\(quoted(related)) is listed twice"))
            }
        }
        if let hours = role.hoursPerWeek { checkHours(hours, "\(path()).hoursPerWeek", limit: maxRoleHours, &problems) }
        if let tier = role.tier, !(1...3).contains(tier) {
            problems.append(Problem("\(path()).tier", "tier must be 1, 2 or 3, not \(tier)"))
        }
        if let target = role.escalatesTo {
            if target == role.id {
                problems.append(Problem("\(path()).escalatesTo", "a role cannot escalate to itself"))
            } else if !hasRole(target) {
                problems.append(Problem("\(path()).escalatesTo", "no role has id \(quoted(target))"))
            }
        }
        if let years = role.requires?.minYears {
            checkHours(years, "\(path()).requires.minYears", limit: maxYears, unit: "years", &problems)
        }
        return problems
    }

    static func dutyProblems(_ duty: Duty, at path: @autoclosure () -> String, hasRole: (String) -> Bool) -> [Problem] {
        var problems: [Problem] = []
        if let reason = idProblem(duty.id) { problems.append(Problem("\(path()).id", reason)) }
        checkText(duty.name, "\(path()).name", &problems)
        checkOptionalText(duty.area, "\(path()).area", &problems)
        if let role = duty.role, !hasRole(role) {
            problems.append(Problem("\(path()).role", "no role has id \(quoted(role))"))
        }
        if let hours = duty.hoursPerWeek { checkHours(hours, "\(path()).hoursPerWeek", limit: maxRoleHours, &problems) }
        return problems
    }

    static func personProblems(_ person: Person, at path: @autoclosure () -> String, hasRole: (String) -> Bool, hasPerson: (String) -> Bool) -> [Problem] {
        var problems: [Problem] = []
        if let reason = idProblem(person.id) { problems.append(Problem("\(path()).id", reason)) }
        checkText(person.name, "\(path()).name", &problems)
        checkOptionalText(person.title, "\(path()).title", &problems)
        checkOptionalText(person.email, "\(path()).email", &problems)
        checkOptionalText(person.department, "\(path()).department", &problems)
        for (offset, name) in person.certifications.enumerated() { checkText(name, "\(path()).certifications[\(offset)]", &problems) }
        if let manager = person.reportsTo {
            if manager == person.id {
                problems.append(Problem("\(path()).reportsTo", "a person cannot report to themselves"))
            } else if !hasPerson(manager) {
                problems.append(Problem("\(path()).reportsTo", "no person has id \(quoted(manager))"))
            }
        }
        for (offset, manager) in person.dottedTo.enumerated() {
            func at() -> String { "\(path()).dottedTo[\(offset)]" }
            if manager == person.id {
                problems.append(Problem(at(), "a person cannot have a dotted line to themselves"))
            } else if !hasPerson(manager) {
                problems.append(Problem(at(), "no person has id \(quoted(manager))"))
            } else if person.dottedTo[..<offset].contains(manager) {
                problems.append(Problem(at(), "\(quoted(manager)) is listed twice"))
            }
        }
        if let hours = person.hoursPerWeek { checkHours(hours, "\(path()).hoursPerWeek", limit: hoursInWeek, &problems) }
        if let years = person.yearsExperience { checkHours(years, "\(path()).yearsExperience", limit: maxYears, unit: "years", &problems) }
        // A person has a few hats and dotted lines: earlier ones are scanned, not hashed.
        for (offset, hat) in person.hats.enumerated() {
            problems += hatProblems(hat, at: "\(path()).hats[\(offset)]", hasRole: hasRole)
            if person.hats[..<offset].contains(where: { $0.role == hat.role }), hasRole(hat.role) {
                problems.append(Problem("\(path()).hats[\(offset)].role", "\(quoted(hat.role)) is worn twice; a role is worn once"))
            }
        }
        return problems
    }

    static func hatProblems(_ hat: Hat, at path: @autoclosure () -> String, hasRole: (String) -> Bool) -> [Problem] {
        var problems: [Problem] = []
        if !hasRole(hat.role) {
            problems.append(Problem("\(path()).role", "no role has id \(quoted(hat.role))"))
        }
        if let hours = hat.hoursPerWeek { checkHours(hours, "\(path()).hoursPerWeek", limit: hoursInWeek, &problems) }
        return problems
    }

    // MARK: - Pieces

    static func policyProblems(_ policy: Policy, hasRole: (String) -> Bool) -> [Problem] {
        var problems: [Problem] = []
        if !(policy.hoursPerWeek > 0) || policy.hoursPerWeek > hoursInWeek {
            problems.append(Problem("policy.hoursPerWeek", "must be more than 0 and at most \(Int(hoursInWeek)) (the hours in a week), not \(format(policy.hoursPerWeek))"))
        }
        if !(policy.flatSwitchingLoss >= 0 && policy.flatSwitchingLoss < 1) {
            problems.append(Problem("policy.flatSwitchingLoss", "must be a fraction from 0 up to (not including) 1, not \(format(policy.flatSwitchingLoss))"))
        }
        if !(policy.availability > 0 && policy.availability <= 1) {
            problems.append(Problem("policy.availability", "must be a fraction above 0 and at most 1 (0.8 means 80 % of contract hours can be planned), not \(format(policy.availability))"))
        }
        if !(policy.warnAt > 0 && policy.warnAt <= 100) {
            problems.append(Problem("policy.warnAt", "must be a load above 0 (1.0 means 100 %), not \(format(policy.warnAt))"))
        }
        if !(policy.criticalAt > 0 && policy.criticalAt <= 100) {
            problems.append(Problem("policy.criticalAt", "must be a load above 0 (1.25 means 125 %), not \(format(policy.criticalAt))"))
        } else if policy.warnAt.isFinite, policy.criticalAt < policy.warnAt {
            problems.append(Problem("policy.criticalAt", "must not be below warnAt (\(format(policy.warnAt)))"))
        }
        if policy.maxHats < 1 { problems.append(Problem("policy.maxHats", "must be at least 1, not \(policy.maxHats)")) }
        if policy.maxDuties < 0 { problems.append(Problem("policy.maxDuties", "must not be negative")) }
        if policy.maxDirectReports < 1 { problems.append(Problem("policy.maxDirectReports", "must be at least 1, not \(policy.maxDirectReports)")) }
        for (position, conflict) in policy.conflicts.enumerated() {
            let path = "policy.conflicts[\(position)].roles"
            if conflict.roles.count != 2 {
                problems.append(Problem(path, "must name exactly two roles, not \(conflict.roles.count)"))
                continue
            }
            if conflict.roles[0] == conflict.roles[1] {
                problems.append(Problem(path, "names the same role twice"))
            }
            for (offset, role) in conflict.roles.enumerated() where !hasRole(role) {
                problems.append(Problem("\(path)[\(offset)]", "no role has id \(quoted(role))"))
            }
        }
        return problems
    }

    /// Reports empty, malformed and duplicate ids; returns the set of ids present.
    /// Each id's first position. (A dictionary, not a set of the ids: at 100,000 people,
    /// hashing every id once more for a set, and again for the cycle check, took longer
    /// than the rest of the validation.)
    private static func checkIds(_ ids: [String], _ collection: String, kind: String, _ problems: inout [Problem]) -> IDMap<Int> {
        var firstPosition = IDMap<Int>(minimumCapacity: ids.count)
        for (position, id) in ids.enumerated() {
            let first = firstPosition.value(of: id, adding: position)
            if first != position {
                problems.append(Problem("\(collection)[\(position)].id", "duplicate \(kind) id \(quoted(id)) (first used at \(collection)[\(first)])"))
            }
        }
        return firstPosition
    }

    /// Why `id` is not a usable id, or nil when it is.
    static func idProblem(_ id: String) -> String? {
        if id.isEmpty { return "an id must not be empty" }
        // Printable ASCII, no space at either end, at most 200 bytes: a good id, at once.
        if id.utf8.count <= 200, id.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }), id.utf8.first != 0x20, id.utf8.last != 0x20 {
            return nil
        }
        if id.unicodeScalars.count > 200 { return "an id must be at most 200 characters long" }
        if id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "an id must not contain control characters"
        }
        if let first = id.unicodeScalars.first, let last = id.unicodeScalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace {
            return "an id must not start or end with a space"
        }
        return nil
    }

    /// Empty, or white space only: not a name.
    static func isBlank(_ text: String) -> Bool {
        // A name starting with a printable ASCII character other than a space is not blank.
        if let first = text.utf8.first, first > 0x20, first < 0x7F { return false }
        return text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    private static func checkText(_ text: String, _ path: @autoclosure () -> String, allowEmpty: Bool = false, _ problems: inout [Problem]) {
        if !allowEmpty, isBlank(text) {
            problems.append(Problem(path(), "must not be empty"))
        } else if text.utf8.count > maxTextLength, text.unicodeScalars.count > maxTextLength {
            problems.append(Problem(path(), "is \(text.unicodeScalars.count) characters long; the most hats accepts is \(maxTextLength)"))
        }
    }

    private static func checkOptionalText(_ text: String?, _ path: @autoclosure () -> String, _ problems: inout [Problem]) {
        if let text { checkText(text, path(), allowEmpty: true, &problems) }
    }

    private static func checkHours(_ value: Double, _ path: @autoclosure () -> String, limit: Double, unit: String = "hours", _ problems: inout [Problem]) {
        if !value.isFinite {
            problems.append(Problem(path(), "must be a finite number"))
        } else if value < 0 {
            problems.append(Problem(path(), "must not be negative (\(format(value)))"))
        } else if value > limit {
            problems.append(Problem(path(), "\(format(value)) \(unit) is more than the \(format(limit)) allowed"))
        }
    }

    /// Each reporting cycle once, at the first person of the cycle in file order.
    /// `position`: each person id's first position.
    private static func cycleProblems(_ people: [Person], position: IDMap<Int>) -> [Problem] {
        let cycles = reportingCycles(count: people.count) { here in
            people[here].reportsTo.flatMap { $0 == people[here].id ? nil : position[$0] }
        }
        return cycles.map { cycle in
            let names = (cycle + [cycle[0]]).map { quoted(people[$0].id) }.joined(separator: " → ")
            return Problem("people[\(cycle[0])].reportsTo", "reporting cycle: \(names)")
        }
    }

    /// The reporting cycles among `count` people, where `manager(i)` is the position of
    /// person i's manager: each cycle once, in the order they are first met, its members
    /// in reporting order starting from the lowest position. Linear in `count`, and
    /// iterative, so a chain of a million people cannot overflow the stack. The one cycle
    /// rule, for org files and for CSV import alike.
    static func reportingCycles(count: Int, manager: (Int) -> Int?) -> [[Int]] {
        // 0 = unvisited, 1 = on the current walk, 2 = known to reach the top or a cycle.
        var state = [UInt8](repeating: 0, count: count)
        var cycles: [[Int]] = []
        for start in 0..<count where state[start] == 0 {
            var walk: [Int] = []
            var current: Int? = start
            while let here = current, state[here] == 0 {
                state[here] = 1
                walk.append(here)
                current = manager(here)
            }
            if let here = current, state[here] == 1, let cycleStart = walk.firstIndex(of: here) {
                let cycle = walk[cycleStart...]
                let first = cycle.min() ?? here
                cycles.append(Array(cycle.drop { $0 != first } + cycle.prefix { $0 != first }))
            }
            for visited in walk { state[visited] = 2 }
        }
        return cycles
    }

    /// Text quoted for a message (JSON escaping, so control characters show as `\u001b`).
    /// Text longer than `limit` characters is cut short with "…": a message echoes what is
    /// wrong, and a 50 MB id must not become a 50 MB line.
    static func quoted(_ text: String, limit: Int = 80) -> String {
        var out = ""
        let scalars = text.unicodeScalars
        if let end = scalars.index(scalars.startIndex, offsetBy: limit, limitedBy: scalars.endIndex), end < scalars.endIndex {
            JSONWriter.appendQuoted(String(scalars[..<end]) + "…", to: &out)
        } else {
            JSONWriter.appendQuoted(text, to: &out)
        }
        return out
    }

    static func format(_ value: Double) -> String {
        value.isFinite ? JSONWriter.formatNumber(value) : "\(value)"
    }
}
