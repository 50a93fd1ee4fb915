extension Edit {
    /// A short description of the edit in the user's words ("give Dana Reyes the Human
    /// Resources hat"), for the history list, undo messages and the status line.
    /// Call it with the org as it was before the edit.
    public func summary(in org: Org) -> String {
        func person(_ id: String) -> String { org.person(id)?.name ?? id }
        func role(_ id: String) -> String { org.role(id)?.name ?? id }
        func hours(_ value: Double?) -> String { value.map { "\(OrgValidator.format($0)) h/week" } ?? "an even share" }
        switch self {
        case .renameOrg(let name): return "rename the org to \(name)"
        case .setPolicy: return "change the policy"
        case .addPerson(let new, _): return "add \(new.name)"
        case .removePerson(let id): return "remove \(person(id))"
        case .renamePerson(let id, let name): return "rename \(person(id)) to \(name)"
        case .setTitle(let id, let title): return title.map { "set \(person(id))'s title to \($0)" } ?? "clear \(person(id))'s title"
        case .setEmail(let id, _): return "change \(person(id))'s e-mail"
        case .setDepartment(let id, _): return "change \(person(id))'s department"
        case .setManager(let id, let manager):
            return manager.map { "make \(person(id)) report to \(person($0))" } ?? "put \(person(id)) at the top"
        case .addDottedLine(let id, let manager, _): return "add a dotted line from \(person(id)) to \(person(manager))"
        case .removeDottedLine(let id, let manager): return "remove the dotted line from \(person(id)) to \(person(manager))"
        case .setCapacity(let id, let value):
            return value.map { "set \(person(id))'s capacity to \(OrgValidator.format($0)) h/week" } ?? "reset \(person(id))'s capacity to the policy's"
        case .setExternal(let id, let external): return external ? "mark \(person(id)) as external" : "mark \(person(id)) as internal"
        case .setOpen(let id, let open): return open ? "mark \(person(id)) as an open position" : "mark \(person(id)) as hired"
        case .setQualifications(let id, _, _): return "change \(person(id))'s qualifications"
        case .addHat(let id, let hat, _): return "give \(person(id)) the \(role(hat.role)) hat"
        case .removeHat(let id, let roleId): return "take the \(role(roleId)) hat from \(person(id))"
        case .setHatHours(let id, let roleId, let value): return "set \(person(id))'s \(role(roleId)) hours to \(hours(value))"
        case .addRole(let new, _): return "add role \(new.name)"
        case .removeRole(let id): return "remove role \(role(id))"
        case .updateRole(let changed): return "edit role \(role(changed.id))"
        case .addDuty(let duty, _): return "add duty \(duty.name)"
        case .removeDuty(let id): return "remove duty \(org.duty(id)?.name ?? id)"
        case .updateDuty(let duty): return "edit duty \(org.duty(duty.id)?.name ?? duty.name)"
        case .moveDuty(let id, let target):
            let name = org.duty(id)?.name ?? id
            return target.map { "move duty \(name) to \(role($0))" } ?? "leave duty \(name) without a role"
        case .batch(_, let label): return label
        }
    }
}
