extension Edit {
    /// Removes a person the way a user means it: their direct reports move up to the
    /// person's own manager, dotted lines to them are dropped, then the person goes.
    /// Returns nil when there is no such person.
    public static func removing(person id: String, in org: Org) -> Edit? {
        guard let person = org.person(id) else { return nil }
        let tied = org.positions(tiedTo: id)
        var edits: [Edit] = tied.reports.map { .setManager(person: org.people[$0].id, manager: person.reportsTo) }
        edits += tied.dotted.map { .removeDottedLine(person: org.people[$0].id, manager: id) }
        edits.append(.removePerson(id))
        return .batch(edits, label: "remove \(person.name)")
    }

    /// Removes a role and every reference to it: hats come off, its duties become
    /// unowned, links from other roles and policy conflicts naming it are dropped.
    public static func removing(role id: String, in org: Org) -> Edit? {
        guard let role = org.role(id) else { return nil }
        var edits: [Edit] = org.positions(wearing: id).map { .removeHat(person: org.people[$0].id, role: id) }
        for duty in org.duties where duty.role == id {
            edits.append(.moveDuty(duty.id, toRole: nil))
        }
        for other in org.roles where other.id != id && (other.related.contains(id) || other.escalatesTo == id) {
            var changed = other
            changed.related.removeAll { $0 == id }
            if changed.escalatesTo == id { changed.escalatesTo = nil }
            edits.append(.updateRole(changed))
        }
        if org.policy.conflicts.contains(where: { $0.roles.contains(id) }) {
            var policy = org.policy
            policy.conflicts.removeAll { $0.roles.contains(id) }
            edits.append(.setPolicy(policy))
        }
        edits.append(.removeRole(id))
        return .batch(edits, label: "remove role \(role.name)")
    }

    /// What removing a person does to their reports, in words, for a confirmation prompt.
    public static func removalConsequence(person id: String, in org: Org) -> String? {
        guard let person = org.person(id) else { return nil }
        let reports = org.positions(tiedTo: id).reports.map { org.people[$0] }
        guard !reports.isEmpty else { return "\(person.name) has no direct reports." }
        let destination = person.reportsTo.flatMap { org.person($0)?.name }.map { "will report to \($0)" }
            ?? "will have no manager (top of the chart)"
        let who = reports.count == 1 ? reports[0].name : "Their \(reports.count) direct reports"
        return "\(who) \(destination)."
    }
}
