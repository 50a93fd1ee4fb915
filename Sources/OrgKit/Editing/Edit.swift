/// One change to an org. Every change the builder or a command makes is an `Edit`, applied
/// by `Org.apply(_:)`, which checks it first and returns the edit that undoes it.
public enum Edit: Equatable, Sendable {
    case renameOrg(String)
    case setPolicy(Policy)

    /// Adds a person at a position in the people list (nil: at the end).
    case addPerson(Person, at: Int? = nil)
    /// Removes a person nobody reports to; `Edit.removing(person:in:)` re-homes reports first.
    case removePerson(String)
    case renamePerson(String, to: String)
    case setTitle(person: String, title: String?)
    case setEmail(person: String, email: String?)
    case setDepartment(person: String, department: String?)
    case setManager(person: String, manager: String?)
    case addDottedLine(person: String, manager: String, at: Int? = nil)
    case removeDottedLine(person: String, manager: String)
    case setCapacity(person: String, hours: Double?)
    case setExternal(person: String, external: Bool)
    /// Open (a planned hire or a vacancy) or filled: `false` is "hired".
    case setOpen(person: String, open: Bool)
    case setQualifications(person: String, certifications: [String], yearsExperience: Double?)

    case addHat(person: String, hat: Hat, at: Int? = nil)
    case removeHat(person: String, role: String)
    case setHatHours(person: String, role: String, hours: Double?)

    case addRole(Role, at: Int? = nil)
    /// Removes a role nothing refers to; `Edit.removing(role:in:)` clears references first.
    case removeRole(String)
    /// Replaces the role with the same id (name, aliases, hours, requirements, ...).
    case updateRole(Role)

    case addDuty(Duty, at: Int? = nil)
    case removeDuty(String)
    /// Replaces the duty with the same id.
    case updateDuty(Duty)
    /// Gives a duty to another role, or to none.
    case moveDuty(String, toRole: String?)

    /// Several edits applied together, all or none, undone as one step.
    case batch([Edit], label: String)
}

/// Why an edit was refused. The org is unchanged.
public struct EditError: Error, Equatable, Sendable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
