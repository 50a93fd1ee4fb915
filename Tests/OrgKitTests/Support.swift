import Foundation
@testable import OrgKit

/// The repository root, found from this file's path so tests run from any directory.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func readRepositoryFile(_ relativePath: String) throws -> String {
    try String(contentsOf: repositoryRoot.appendingPathComponent(relativePath), encoding: .utf8)
}

/// A small org with every kind of thing an edit can touch: a two-level tree, a dotted
/// line, shared and explicit hats, a duty without a role, role links and a conflict.
func sampleOrg() throws -> Org {
    try Org(
        name: "Sample",
        policy: Policy(conflicts: [RoleConflict(roles: ["ops", "books"], reason: "separation of duties")]),
        roles: [
            Role(id: "lead", name: "Lead", hoursPerWeek: 20, critical: true),
            Role(id: "ops", name: "Operations", aliases: ["Ops"], related: ["lead"], tier: 1, escalatesTo: "lead"),
            Role(id: "books", name: "Bookkeeping", requires: Requirements(certifications: ["CPA"], minYears: 2)),
        ],
        duties: [
            Duty(id: "d1", name: "Run the stand-up", role: "lead", hoursPerWeek: 2),
            Duty(id: "d2", name: "Patch servers", area: "Ops", role: "ops", hoursPerWeek: 10, critical: true),
            Duty(id: "d3", name: "Orphan duty", hoursPerWeek: 1),
        ],
        people: [
            Person(id: "ann", name: "Ann", title: "Boss", hats: [Hat(role: "lead", hoursPerWeek: 20)]),
            Person(id: "bo", name: "Bo", reportsTo: "ann", hats: [Hat(role: "ops")]),
            Person(id: "cy", name: "Cy", reportsTo: "ann", dottedTo: ["bo"], hoursPerWeek: 30, hats: [Hat(role: "ops"), Hat(role: "books", hoursPerWeek: 5)]),
            Person(id: "di", name: "Di", reportsTo: "bo", external: true),
        ]
    )
}
