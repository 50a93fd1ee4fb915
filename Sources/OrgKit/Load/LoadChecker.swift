/// The load checker: a pure function from an org (and its policy) to a report.
///
/// Linear in the size of the org: one pass over people, roles and duties, with lookups by
/// id. Suggestions are searched among a bounded set of candidates per finding.
public enum LoadChecker {
    /// Checks `org` under `policy` (the org's own by default). People in `unavailable`
    /// (away, in a what-if) are never proposed to take on work.
    public static func check(_ org: Org, policy: Policy? = nil, unavailable: Set<String> = [], suggestions: Bool = true) -> LoadReport {
        let context = CheckContext(org: org, policy: policy ?? org.policy)
        var findings = context.baseFindings()
        if suggestions {
            let advisor = Advisor(context: context, findings: findings, unavailable: unavailable)
            for index in findings.indices where findings[index].suggestion == nil {
                findings[index].suggestion = advisor.suggestion(for: findings[index])
            }
        }
        return LoadReport(findings: findings, people: context.loads)
    }

    /// The suggestion for one finding of `org`, without checking everything else: what the
    /// builder asks for the finding it is showing.
    public static func suggestion(for finding: Finding, in org: Org, unavailable: Set<String> = []) -> Suggestion? {
        let context = CheckContext(org: org, policy: org.policy)
        let findings = context.baseFindings()
        return Advisor(context: context, findings: findings, unavailable: unavailable).suggestion(for: finding)
    }
}

/// Everything the rules need, computed once per check.
struct CheckContext {
    let org: Org
    let policy: Policy
    let hours: Hours
    let loads: [PersonLoad]
    let directReports: [String: Int]
    /// Roles whose `escalatesTo` is the key.
    let escalatingTo: [String: [String]]
    /// Duties by the role that owns them.
    let dutiesOfRole: [String: [Int]]
    /// Who wears each role, summed up.
    let wearing: [String: RoleWearing]
    /// Wearers of each role whose hat takes an equal share of the role's hours.
    let equalShareWearers: [String: [String]]

    init(org: Org, policy: Policy) {
        self.org = org
        self.policy = policy
        var orgWithPolicy = org
        orgWithPolicy.policy = policy
        let hours = Hours(orgWithPolicy)
        self.hours = hours
        loads = org.people.map { person in
            PersonLoad(person: person, allocated: hours.allocated(person), capacity: hours.capacity(person), policy: policy)
        }
        var reports: [String: Int] = [:]
        for person in org.people {
            if let manager = person.reportsTo { reports[manager, default: 0] += 1 }
        }
        directReports = reports
        var escalating: [String: [String]] = [:]
        for role in org.roles {
            if let target = role.escalatesTo { escalating[target, default: []].append(role.id) }
        }
        escalatingTo = escalating
        var duties: [String: [Int]] = [:]
        for (position, duty) in org.duties.enumerated() {
            if let role = duty.role { duties[role, default: []].append(position) }
        }
        dutiesOfRole = duties
        var wearing: [String: RoleWearing] = [:]
        var equalShare: [String: [String]] = [:]
        for person in org.people {
            for hat in person.hats {
                if hat.hoursPerWeek == nil { equalShare[hat.role, default: []].append(person.id) }
                var summary = wearing[hat.role] ?? RoleWearing()
                summary.count += 1
                summary.soleWearer = summary.count == 1 ? person.id : nil
                if let target = org.role(hat.role)?.escalatesTo, person.wears(target) { summary.alsoWearingTarget += 1 }
                wearing[hat.role] = summary
            }
        }
        self.wearing = wearing
        equalShareWearers = equalShare
    }

    func wearing(_ role: String) -> RoleWearing { wearing[role] ?? RoleWearing() }

    func baseFindings() -> [Finding] {
        var findings: [Finding] = []
        for (position, person) in org.people.enumerated() {
            findings += Rules.personFindings(person, load: loads[position], context: self)
        }
        for role in org.roles {
            let targetWearers = role.escalatesTo.map { wearing($0).count } ?? 0
            findings += Rules.roleFindings(role, wearing: wearing(role.id), targetWearers: targetWearers, context: self)
        }
        for duty in org.duties {
            findings += Rules.dutyFindings(duty, wearing: { wearing($0) }, context: self)
        }
        return findings
    }

    func personName(_ id: String) -> String { org.person(id)?.name ?? id }
    func roleName(_ id: String) -> String { org.role(id)?.name ?? id }
}
