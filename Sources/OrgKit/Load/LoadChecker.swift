/// The load checker: a pure function from an org (and its policy) to a report.
///
/// Linear in the size of the org: one pass over people, roles and duties, with lookups by
/// id. Suggestions are searched among a bounded set of candidates per finding.
public enum LoadChecker {
    /// Checks `org` under `policy` (the org's own by default). People in `unavailable`
    /// (away, in a what-if) are never proposed to take on work.
    public static func check(_ org: Org, policy: Policy? = nil, unavailable: Set<String> = [], suggestions: Bool = true) -> LoadReport {
        let context = CheckContext(org: org, policy: policy ?? org.policy)
        let findings = FindingSet(context)
        var all: [Finding] = []
        var advisor: Advisor?
        if suggestions {
            // Into a list of its own: the advisor reads the finding set, so writing the
            // suggestions into that set would copy it at every write. The list is made
            // while the advisor sets up (both only read the set and the context).
            _ = Parallel.map(2, minimum: 2) { task in
                if task == 0 {
                    all = findings.all
                } else {
                    advisor = Advisor(context: context, findings: findings, unavailable: unavailable, everyRole: true)
                }
            }
            let found = advisor ?? Advisor(context: context, findings: findings, unavailable: unavailable, everyRole: true)
            advisor = found
            // Each search only reads the org, so a large org's run on all cores, dealt out
            // finely: an overload's search takes far longer than most findings'.
            // Through a buffer: a closure capturing `all` itself would keep a second
            // reference to it, and `LoadReport` would then copy every finding to sort them.
            // Each search writes its own finding's advice in place (one slot per task): a
            // list of advice copied in afterwards was a pass on one core (14 ms at 100,000
            // people).
            all.withUnsafeMutableBufferPointer { buffer in
                let findings = buffer
                _ = Parallel.map(findings.count, chunksPerWorker: 32) { index in
                    let advice = found.advice(for: findings[index])
                    findings[index].suggestion = advice.suggestion
                    findings[index].noSuggestion = advice.reason
                }
            }
        } else {
            all = findings.all
        }
        let loads = context.loads
        // The working state (every finding a second time, the advisor's pools, the
        // context's tables) is freed on another thread while the caller goes on: at
        // 100,000 people that is tens of milliseconds of freeing, value by value.
        if all.count >= 4_096 {
            Parallel.release((consume context, consume findings, consume advisor))
        }
        // `consume`: the report sorts the findings in place, and a second reference to
        // the array would make it copy every finding first.
        return LoadReport(findings: consume all, people: loads)
    }

    /// The suggestion for one finding of `org`, without checking everything else.
    public static func suggestion(for finding: Finding, in org: Org, unavailable: Set<String> = []) -> Suggestion? {
        advice(for: finding, in: org, unavailable: unavailable).suggestion
    }

    /// The suggestion for one finding of `org`, or why there is none.
    public static func advice(for finding: Finding, in org: Org, unavailable: Set<String> = []) -> Advice {
        let context = CheckContext(org: org, policy: org.policy)
        return Advisor(context: context, findings: FindingSet(context), unavailable: unavailable).advice(for: finding)
    }
}

/// Everything the rules need, computed once per check and updated in place by `LiveCheck`.
struct CheckContext {
    var org: Org
    let policy: Policy
    var hours: Hours
    /// Each person's numbers, by position.
    var loads: [PersonLoad]
    /// Each person's solid-line reports, by position.
    var children: [[Int]]
    /// Roles whose `escalatesTo` is the key.
    var escalatingTo: IDMap<[String]>
    /// Duties by the role that owns them.
    var dutiesOfRole: IDMap<[Int]>
    /// Who wears each role, summed up.
    var wearing: IDMap<RoleWearing>
    /// Wearers of each role whose hat takes an equal share of the role's hours.
    var equalShareWearers: IDMap<[String]>
    /// The positions of each role's wearers, in the order of `hours.wearers` (kept with
    /// it): a role may have thousands of wearers, and looking each one up by id is what
    /// took the time.
    var wearerPositions: IDMap<[Int]>
    /// What each role's summary reads of each wearer, in the order of `wearerPositions`
    /// (kept with it). A role may have thousands of wearers: summed up from this list, a
    /// summary reads one short array, where reading each wearer's hats took a cache miss or
    /// two per wearer (most of an edit's time at 100,000 people, and of a plan's).
    var wearerFacts: IDMap<[WearerFact]>
    /// Whether any role has requirements: most orgs' have none, and then nobody's hats need
    /// looking up for the qualification rule.
    var anyRoleRequires = false

    init(org: Org, policy: Policy) {
        self.org = org
        self.policy = policy
        var orgWithPolicy = org
        orgWithPolicy.policy = policy
        // People read in place by position: copying each whole Person (a dozen strings and
        // arrays, retained and released) cost more than the work done with it.
        let people = org.people
        // The hours, and the wearers' positions with everyone's reports, are independent
        // passes over everyone: one on each of two cores.
        var found: Hours?
        var positions = IDMap<[Int]>()
        var children = [[Int]](repeating: [], count: people.count)
        _ = Parallel.map(2, minimum: 2) { task in
            if task == 0 {
                found = Hours(orgWithPolicy)
                return
            }
            for position in people.indices {
                for hat in people[position].hats { positions.update(hat.role, default: []) { $0.append(position) } }
            }
            for position in people.indices {
                if let manager = people[position].reportsTo, let managerPosition = org.position(ofPerson: manager) {
                    children[managerPosition].append(position)
                }
            }
        }
        let hours = found ?? Hours(orgWithPolicy)
        self.hours = hours
        wearerPositions = positions
        // Everyone's numbers, on every core: the bulk of a first frame at 100,000 people.
        loads = Parallel.map(people.count, minimum: 4_096) { position in
            PersonLoad(person: people[position], hours: hours, policy: policy)
        }
        self.children = children
        (escalatingTo, dutiesOfRole) = Self.links(of: org)
        anyRoleRequires = org.roles.contains { $0.requires != nil }
        wearing = IDMap()
        equalShareWearers = IDMap()
        wearerFacts = IDMap()
        // Each role's facts and summary on every core (a role may have thousands of wearers).
        let roles = hours.wearers.keys
        let context = self
        let facts = Parallel.map(roles.count, minimum: 8) { context.facts(of: roles[$0]) }
        for (role, list) in zip(roles, facts) {
            wearerFacts[role] = list
            summarise(role)
        }
    }

    /// Works out again from `org` what is kept of its roles and duties (hours, kinds of
    /// work, escalations, duties by role), keeping the wearers: after a role or duty edit.
    mutating func setRoles() {
        hours.setRoles(of: org)
        (escalatingTo, dutiesOfRole) = Self.links(of: org)
        anyRoleRequires = org.roles.contains { $0.requires != nil }
    }

    /// Roles escalating to each role, and each role's duties by position.
    static func links(of org: Org) -> (escalatingTo: IDMap<[String]>, dutiesOfRole: IDMap<[Int]>) {
        var escalating = IDMap<[String]>()
        for role in org.roles {
            if let target = role.escalatesTo { escalating.update(target, default: []) { $0.append(role.id) } }
        }
        var duties = IDMap<[Int]>()
        for (position, duty) in org.duties.enumerated() {
            if let role = duty.role { duties.update(role, default: []) { $0.append(position) } }
        }
        return (escalating, duties)
    }

    /// Recomputes the summary and equal-share list of one role from its wearers.
    mutating func summarise(_ role: String) {
        store(summary(of: role), of: role)
    }

    private mutating func store(_ summary: (wearing: RoleWearing, equalShare: [String]), of role: String) {
        wearing[role] = summary.wearing.count == 0 ? nil : summary.wearing
        equalShareWearers[role] = summary.equalShare.isEmpty ? nil : summary.equalShare
    }

    /// A role's summary and the wearers taking an equal share of it, from its wearers'
    /// facts (in wearer order, so the hours add up as they always have).
    func summary(of role: String) -> (wearing: RoleWearing, equalShare: [String]) {
        let wearers = hours.wearers(ofRole: role)
        var summary = RoleWearing()
        var equalShare: [String] = []
        var filledWearer: String?
        for (index, fact) in (wearerFacts[role] ?? []).enumerated() {
            summary.count += 1
            if let explicit = fact.explicitHours {
                summary.explicitHours += explicit
            } else {
                equalShare.append(wearers[index])
                summary.equalShare += 1
            }
            if fact.wearsTarget { summary.alsoWearingTarget += 1 }
            if fact.open {
                summary.open += 1
            } else {
                filledWearer = wearers[index]
            }
        }
        summary.soleWearer = summary.count == 1 ? wearers.first : nil
        summary.soleFilledWearer = summary.filled == 1 ? filledWearer : nil
        return (summary, equalShare)
    }

    /// The facts of every wearer of `role`, from the org.
    func facts(of role: String) -> [WearerFact] {
        // Fields read in place: a role may have thousands of wearers, and a copy of each
        // whole Person costs more than these checks.
        let target = org.role(role)?.escalatesTo
        return (wearerPositions[role] ?? []).map { fact(of: role, target: target, at: $0) }
    }

    /// What a role's summary reads of the wearer at `position`.
    func fact(of role: String, target: String?, at position: Int) -> WearerFact {
        let hats = org.people[position].hats
        return WearerFact(explicitHours: hats.first(where: { $0.role == role })?.hoursPerWeek,
                          open: org.people[position].open,
                          wearsTarget: target.map { target in hats.contains { $0.role == target } } ?? false)
    }

    /// Works the facts out again, from the org, of the wearer at `position` in every role
    /// they wear (after an edit of their hats).
    mutating func refreshFacts(at position: Int) {
        for hat in org.people[position].hats {
            guard let positions = wearerPositions[hat.role] else { continue }
            let slot = positions.firstSlot(notBelow: position)
            guard slot < positions.count, positions[slot] == position else { continue }
            let fact = fact(of: hat.role, target: org.role(hat.role)?.escalatesTo, at: position)
            wearerFacts.update(hat.role, default: []) { $0[slot] = fact }
        }
    }

    func wearing(_ role: String) -> RoleWearing { wearing[role] ?? RoleWearing() }
    func directReports(_ position: Int) -> Int { children[position].count }

    // By position, not `org.person(id)?.name`: that copies the whole Person for its name.
    func personName(_ id: String) -> String { org.position(ofPerson: id).map { org.people[$0].name } ?? id }
    func roleName(_ id: String) -> String { org.position(ofRole: id).map { org.roles[$0].name } ?? id }

    func personFindings(at position: Int) -> [Finding] {
        Rules.personFindings(org.people[position], load: loads[position], context: self, position: position)
    }

    func roleFindings(_ role: Role) -> [Finding] {
        let targetWearers = role.escalatesTo.map { wearing($0).count } ?? 0
        return Rules.roleFindings(role, wearing: wearing(role.id), targetWearers: targetWearers, context: self)
    }

    func dutyFindings(at position: Int) -> [Finding] {
        Rules.dutyFindings(org.duties[position], wearing: { wearing($0) }, context: self)
    }
}

/// What a role's summary reads of one wearer.
struct WearerFact: Equatable {
    /// The hours their hat gives of its own (nil: an equal share of the role's hours).
    var explicitHours: Double?
    /// An open position.
    var open: Bool
    /// They wear the role's escalation target too.
    var wearsTarget: Bool
}

/// The findings of a check, kept by subject so that one subject's can be replaced.
struct FindingSet {
    var people: [[Finding]]
    var roles: [String: [Finding]]
    var duties: [[Finding]]

    init(_ context: CheckContext) {
        // Each person's rules on every core (they only read the context).
        people = Parallel.map(context.org.people.count, minimum: 4_096) { context.personFindings(at: $0) }
        var roles: [String: [Finding]] = [:]
        for role in context.org.roles {
            let found = context.roleFindings(role)
            if !found.isEmpty { roles[role.id] = found }
        }
        self.roles = roles
        duties = context.org.duties.indices.map { context.dutyFindings(at: $0) }
    }

    /// No findings yet, in the shape of the org's (a check of the numbers alone).
    init(empty context: CheckContext) {
        people = Array(repeating: [], count: context.org.people.count)
        roles = [:]
        duties = Array(repeating: [], count: context.org.duties.count)
    }

    /// Every finding, in no particular order (`LoadReport` sorts them).
    var all: [Finding] {
        // Reserved to its size: a finding is a large value (some 700 bytes), and growing by
        // doubling held the old and new buffers at once (at 100,000 people, 24 MB and 48 MB:
        // the peak of `hats check`).
        var count = 0
        for list in people { count += list.count }
        for list in roles.values { count += list.count }
        for list in duties { count += list.count }
        var result: [Finding] = []
        result.reserveCapacity(count)
        for list in people { result += list }
        for list in roles.values { result += list }
        for list in duties { result += list }
        return result
    }

    /// The current findings about a subject.
    func about(_ kind: Finding.Subject.Kind, _ id: String, in org: Org) -> [Finding] {
        switch kind {
        case .person: org.position(ofPerson: id).map { people[$0] } ?? []
        case .role: roles[id] ?? []
        case .duty: org.position(ofDuty: id).map { duties[$0] } ?? []
        }
    }
}
