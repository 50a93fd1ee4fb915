/// The facts behind a finding's message, kept as values; `text` puts them into words.
public enum Explanation: Equatable, Sendable {
    case overload(person: String, load: PersonLoad, contexts: [WorkContext])
    case tooManyHats(person: String, roles: [String], allowed: Int)
    case tooManyDuties(person: String, duties: Int, hats: Int, allowed: Int)
    case roleConflict(person: String, first: String, second: String, reason: String?)
    case spanOfControl(person: String, reports: Int, allowed: Int)
    case qualification(person: String, role: String, gaps: [String])
    case onlyHolderOfRole(holder: String, role: String)
    case onlyHolderOfDuty(holder: String, duty: String, role: String)
    case unfilledRole(role: String, critical: Bool, hours: Double, duties: Int)
    case understaffedRole(role: String, critical: Bool, needs: Double, given: Double, wearers: Int, fullTime: Double)
    case unownedDuty(duty: String, critical: Bool)
    /// A critical role (`role` nil) or critical duty of `role` worn only by open positions.
    case coveredOnlyByOpen(subject: String, role: String?, positions: [String])
    case escalationToNobody(role: String, target: String)
    case escalationToSamePeople(role: String, target: String)

    /// `text` written as UTF-8 (a large report is written as bytes; an overload's words,
    /// most of its findings, are made straight into them).
    public func appendText(to out: inout [UInt8]) {
        if case .overload(let person, let load, let contexts) = self {
            Rules.appendOverloadMessage(person, load, contexts, to: &out)
        } else {
            out += text.utf8
        }
    }

    public var text: String {
        switch self {
        case .overload(let person, let load, let contexts):
            return Rules.overloadMessage(person, load, contexts)
        case .tooManyHats(let person, let roles, let allowed):
            return "\(person) wears \(roles.count) hats (\(roles.joined(separator: ", "))); the policy allows \(allowed)"
        case .tooManyDuties(let person, let duties, let hats, let allowed):
            return "\(person) carries \(duties) duties across \(Format.count(hats, "hat")); the policy allows \(allowed)"
        case .roleConflict(let person, let first, let second, let reason):
            var message = "\(person) wears both \(first) and \(second)"
            if let reason, !reason.isEmpty { message += ": \(reason)" }
            return message
        case .spanOfControl(let person, let reports, let allowed):
            return "\(person) has \(reports) direct reports; the policy allows \(allowed) (McKinsey 2017: \(Rules.spanName(reports)))"
        case .qualification(let person, let role, let gaps):
            return "\(person) wears \(role) but \(gaps.joined(separator: "; "))"
        case .onlyHolderOfRole(let holder, let role):
            return "\(holder) is the only one wearing \(role), a critical role: nobody covers it when they are away"
        case .onlyHolderOfDuty(let holder, let duty, let role):
            return "Only \(holder) covers \(Rules.quoted(duty)), a critical duty of \(role)"
        case .unfilledRole(let role, let critical, let hours, let duties):
            var parts: [String] = []
            if hours > 0 { parts.append("\(Format.hours(hours)) a week") }
            if duties > 0 { parts.append(Format.count(duties, "duty", "duties")) }
            return "Nobody wears \(role)\(critical ? ", a critical role" : "") (\(parts.joined(separator: ", ")))"
        case .understaffedRole(let role, let critical, let needs, let given, let wearers, let fullTime):
            let who = wearers == 1 ? "its wearer gives" : "its \(wearers) wearers give"
            return "\(role)\(critical ? ", a critical role," : "") needs \(Format.hours(needs)) a week; \(who) \(Format.hours(given)): \(Rules.shortMessage(needs - given, fullTime: fullTime))"
        case .unownedDuty(let duty, let critical):
            return "No role owns \(critical ? "the critical duty " : "")\(Rules.quoted(duty))"
        case .coveredOnlyByOpen(let subject, let role, let positions):
            let what = role.map { "a critical duty of \($0)" } ?? "a critical role"
            let by = positions.count == 1 ? "an open position" : "open positions"
            return "\(subject), \(what), is covered only by \(by) (\(positions.joined(separator: ", ")))"
        case .escalationToNobody(let role, let target):
            return "\(role) escalates to \(target), which nobody wears: escalations have nowhere to go"
        case .escalationToSamePeople(let role, let target):
            return "Everyone who wears \(role) also wears \(target), the role it escalates to: escalations reach the same people"
        }
    }
}
