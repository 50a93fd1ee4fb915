/// The load check kept up to date edit by edit, for the builder. An edit that touches a
/// few people (their hats, hours, capacity, manager) re-runs only the rules it can
/// change: those people's, the roles whose wearers changed and the roles escalating to
/// them, their duties, and the equal-share wearers whose share moved. Any other edit (a
/// role, a duty, the policy, adding or removing someone) checks everything again. The
/// result is always the report a full check of the same org would give.
public struct LiveCheck: Sendable {
    public private(set) var report: LoadReport
    var context: CheckContext
    var findings: FindingSet
    public let unavailable: Set<String>

    public init(_ org: Org, unavailable: Set<String> = []) {
        context = CheckContext(org: org, policy: org.policy)
        findings = FindingSet(context)
        report = LoadReport(findings: findings.all, people: context.loads)
        self.unavailable = unavailable
    }

    public var org: Org { context.org }
    public var hours: Hours { context.hours }

    /// The findings about one subject, most severe first.
    public func findings(about kind: Finding.Subject.Kind, _ id: String) -> [Finding] {
        findings.about(kind, id, in: context.org).sorted(by: LoadReport.order)
    }

    /// The checker's suggestion for a finding of this org.
    public func suggestion(for finding: Finding) -> Suggestion? {
        Advisor(context: context, findings: findings, unavailable: unavailable).suggestion(for: finding)
    }

    /// Brings the check up to date with `org`, which `edit` (undone by `inverse`) made
    /// from the org checked so far.
    public mutating func update(to org: Org, edit: Edit, inverse: Edit) {
        var reach = Reach()
        guard reach.add(edit, inverse: inverse, before: context.org, after: org) else {
            self = LiveCheck(org, unavailable: unavailable)
            return
        }
        let before = context
        context.org = org

        // Solid lines that moved: the managers' report lists.
        for (person, old, new) in reach.managerMoves {
            guard let position = org.position(ofPerson: person) else { continue }
            if let old, let oldPosition = org.position(ofPerson: old) {
                context.children[oldPosition].removeAll { $0 == position }
            }
            if let new, let newPosition = org.position(ofPerson: new) {
                let list = context.children[newPosition]
                let slot = list.firstIndex { $0 > position } ?? list.count
                context.children[newPosition].insert(position, at: slot)
            }
        }
        // Roles whose wearers changed: their wearer lists, in file order.
        for role in reach.wearersChanged {
            var wearers = before.hours.wearers(ofRole: role)
            for id in reach.people {
                let wore = before.org.person(id)?.wears(role) ?? false
                let wears = org.person(id)?.wears(role) ?? false
                if wore, !wears { wearers.removeAll { $0 == id } }
                if !wore, wears, let position = org.position(ofPerson: id) {
                    var low = 0
                    var high = wearers.count
                    while low < high {
                        let middle = (low + high) / 2
                        if (org.position(ofPerson: wearers[middle]) ?? 0) < position { low = middle + 1 } else { high = middle }
                    }
                    wearers.insert(id, at: low)
                }
            }
            context.hours.setWearers(wearers, ofRole: role)
        }
        // Role summaries, and who takes an equal share.
        var roles = reach.roles
        for role in reach.wearersChanged { roles.formUnion(context.escalatingTo[role] ?? []) }
        var people = reach.people
        for role in roles.union(reach.summaries) {
            context.summarise(role)
            if reach.wearersChanged.contains(role) {
                // Everyone taking an equal share now gets a different share.
                people.formUnion(before.equalShareWearers[role] ?? [])
                people.formUnion(context.equalShareWearers[role] ?? [])
            }
        }

        // The rules, again, for what the edit could change.
        var changedPeople: [Int] = []
        for id in people {
            guard let position = org.position(ofPerson: id) else { continue }
            let person = org.people[position]
            context.loads[position] = PersonLoad(person: person, allocated: context.hours.allocated(person), capacity: context.hours.capacity(person), policy: context.policy)
            findings.people[position] = context.personFindings(at: position)
            changedPeople.append(position)
        }
        var changedDuties: Set<Int> = []
        for role in roles {
            if let subject = org.role(role) {
                let found = context.roleFindings(subject)
                findings.roles[role] = found.isEmpty ? nil : found
            }
            for position in context.dutiesOfRole[role] ?? [] {
                findings.duties[position] = context.dutyFindings(at: position)
                changedDuties.insert(position)
            }
        }

        // The sorted list: drop what was said about those subjects, merge in what is said now.
        let personIds = Set(changedPeople.map { org.people[$0].id })
        let dutyIds = Set(changedDuties.map { org.duties[$0].id })
        let kept = report.findings.filter { finding in
            switch finding.subject.kind {
            case .person: !personIds.contains(finding.subject.id)
            case .role: !roles.contains(finding.subject.id)
            case .duty: !dutyIds.contains(finding.subject.id)
            }
        }
        var added: [Finding] = []
        for position in changedPeople { added += findings.people[position] }
        for role in roles { added += findings.roles[role] ?? [] }
        for position in changedDuties { added += findings.duties[position] }
        added.sort(by: LoadReport.order)
        report = LoadReport(sorted: LoadReport.merge(kept, added), people: context.loads, index: report)
    }
}

/// How far an edit reaches: the people, roles and solid lines it touches. `add` returns
/// false for an edit whose reach is not local (then everything is checked again).
struct Reach {
    var people: Set<String> = []
    /// Roles whose findings must be looked at again.
    var roles: Set<String> = []
    /// Roles whose wearers changed.
    var wearersChanged: Set<String> = []
    /// Roles whose summary must be recomputed (a hat changed between explicit hours and
    /// an equal share).
    var summaries: Set<String> = []
    var managerMoves: [(person: String, old: String?, new: String?)] = []

    mutating func add(_ edit: Edit, inverse: Edit, before: Org, after: Org) -> Bool {
        switch edit {
        case .setHatHours(let person, let role, _):
            people.insert(person)
            summaries.insert(role)
        case .addHat(let person, let hat, _):
            people.insert(person)
            roles.insert(hat.role)
            wearersChanged.insert(hat.role)
        case .removeHat(let person, let role):
            people.insert(person)
            roles.insert(role)
            wearersChanged.insert(role)
        case .setCapacity(let person, _), .setQualifications(let person, _, _), .setExternal(let person, _):
            people.insert(person)
        case .setManager(let person, let manager):
            guard case .setManager(_, let old) = inverse else { return false }
            if let old { people.insert(old) }
            if let manager { people.insert(manager) }
            managerMoves.append((person, old, manager))
        case .renamePerson(let person, _):
            // Its name is in its own findings and in those of the roles it alone holds.
            people.insert(person)
            for hat in after.person(person)?.hats ?? [] { roles.insert(hat.role) }
        case .setTitle, .setEmail, .addDottedLine, .removeDottedLine, .renameOrg:
            break
        case .batch(let edits, _):
            guard case .batch(let inverses, _) = inverse, inverses.count == edits.count else { return false }
            // Inverses come in reverse order; the intermediate orgs are not kept, so only
            // edits whose reach can be judged from the final org are taken.
            for (edit, inverse) in zip(edits, inverses.reversed()) {
                guard add(edit, inverse: inverse, before: before, after: after) else { return false }
            }
            if !managerMoves.isEmpty, edits.count > 1 { return false }
        default:
            return false
        }
        return true
    }
}
