import OrgKit

/// The responsibility matrix: duties grouped by area down, people (or roles) across, and
/// whether each column covers each duty.
public struct DutyMatrix: Sendable {
    public enum Row: Equatable, Sendable {
        case area(String)
        /// A position in `org.duties`.
        case duty(Int)
    }

    public struct Column: Equatable, Sendable {
        public var id: String
        public var name: String
    }

    public var rows: [Row] = []
    public var columns: [Column] = []
    public var byRole: Bool
    /// Roles each person wears, for the marks.
    private var rolesOf: [String: Set<String>] = [:]

    public init(org: Org, byRole: Bool) {
        self.byRole = byRole
        var areas: [String] = []
        var dutiesByArea: [String: [Int]] = [:]
        for (position, duty) in org.duties.enumerated() {
            let area = duty.area ?? "No area"
            if dutiesByArea[area] == nil { areas.append(area) }
            dutiesByArea[area, default: []].append(position)
        }
        for area in areas {
            rows.append(.area(area))
            rows += (dutiesByArea[area] ?? []).map(Row.duty)
        }
        let owningRoles = Set(org.duties.compactMap(\.role))
        if byRole {
            columns = org.roles.filter { owningRoles.contains($0.id) }.map { Column(id: $0.id, name: $0.name) }
        } else {
            for person in org.people {
                let worn = Set(person.hats.map(\.role))
                rolesOf[person.id] = worn
                if !worn.isDisjoint(with: owningRoles) { columns.append(Column(id: person.id, name: person.name)) }
            }
        }
    }

    /// Whether the column covers the duty.
    public func covers(_ duty: Duty, column: Column) -> Bool {
        guard let role = duty.role else { return false }
        return byRole ? column.id == role : (rolesOf[column.id]?.contains(role) ?? false)
    }

    /// Index of the row showing `dutyPosition`.
    func row(ofDuty dutyPosition: Int) -> Int? {
        rows.firstIndex(of: .duty(dutyPosition))
    }
}

/// What the start screen (`hats` with no file) offers.
public struct StartState: Sendable {
    public enum Choice: Equatable, Sendable {
        case preset(String)
        case empty
        case open
    }
    public var choices: [Choice]
    public var list = ListState()
    public var error: [String] = []

    public init() {
        choices = PresetCatalog.names.map(Choice.preset) + [.empty, .open]
    }
}
