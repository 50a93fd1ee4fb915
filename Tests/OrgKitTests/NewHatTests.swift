import Testing
@testable import OrgKit

/// Where a new hat starts (`NewHat`): what the role lacks, capped at the wearer's room.
@Suite("New hat hours")
struct NewHatTests {
    static func org(_ people: [Person], roles: [Role] = [Role(id: "tech", name: "Technician", hoursPerWeek: 68)], policy: Policy = Policy()) throws -> Org {
        var org = Org.empty()
        try org.apply(.setPolicy(policy))
        for role in roles { try org.apply(.addRole(role)) }
        for person in people { try org.apply(.addPerson(person)) }
        return org
    }

    static func start(_ person: String, _ role: String = "tech", in org: Org) throws -> NewHat {
        NewHat(person: try #require(org.person(person)), role: role, org: org, hours: Hours(org))
    }

    @Test("nobody wears the role: all of it is unfilled, capped at a 40 h week")
    func cappedAtRoom() throws {
        let org = try Self.org([Person(id: "kim", name: "Kim")])
        let start = try Self.start("kim", in: org)
        #expect(start.unfilled == 68)
        #expect(start.room == 40)
        #expect(start.hours == 40)
        #expect(start.capped)
    }

    @Test("explicit hours of others are taken off; what is left fits")
    func afterExplicit() throws {
        let org = try Self.org([Person(id: "kim", name: "Kim", hats: [Hat(role: "tech", hoursPerWeek: 40)]), Person(id: "lee", name: "Lee")])
        let start = try Self.start("lee", in: org)
        #expect(start.hours == 28)
        #expect(!start.capped)
    }

    @Test("equal shares are counted with the newcomer: the role ends up exactly filled")
    func besideShares() throws {
        let org = try Self.org([Person(id: "a", name: "A", hats: [Hat(role: "tech")]), Person(id: "b", name: "B", hats: [Hat(role: "tech")]),
                                Person(id: "c", name: "C")])
        let start = try Self.start("c", in: org)
        #expect(start.hours == 22.7)
        var after = org
        try after.apply(.addHat(person: "c", hat: Hat(role: "tech", hoursPerWeek: start.hours)))
        let hours = Hours(after)
        let given = after.people.compactMap { $0.hats.first }.reduce(0) { $0 + hours.hours(of: $1) }
        #expect(abs(given - 68) < 0.1)
    }

    @Test("switching counts: a second kind of work leaves less room than the free hours")
    func switchingCounts() throws {
        let roles = [Role(id: "tech", name: "Technician", category: "Service", hoursPerWeek: 68), Role(id: "disp", name: "Dispatcher", hoursPerWeek: 22)]
        let org = try Self.org([Person(id: "kim", name: "Kim", hats: [Hat(role: "disp", hoursPerWeek: 22)])], roles: roles)
        let start = try Self.start("kim", in: org)
        let room = try #require(start.room)
        #expect(room < 18)
        #expect(room == (room * 2).rounded() / 2, "half hours")
        var after = org
        try after.apply(.addHat(person: "kim", hat: Hat(role: "tech", hoursPerWeek: start.hours)))
        let load = PersonLoad(person: try #require(after.person("kim")), hours: Hours(after), policy: after.policy)
        #expect(load.load <= 1)
    }

    @Test("an outside provider is not capped; a role without hours starts at an equal share")
    func providerAndNoHours() throws {
        let roles = [Role(id: "tech", name: "Technician", hoursPerWeek: 68), Role(id: "errands", name: "Errands")]
        let org = try Self.org([Person(id: "firm", name: "Firm", external: true)], roles: roles)
        let provider = try Self.start("firm", in: org)
        #expect(provider.room == nil)
        #expect(provider.hours == 68)
        #expect(try Self.start("firm", "errands", in: org).hours == nil)
    }

    @Test("someone already over the line gets a hat of 0 h, not more load")
    func noRoom() throws {
        let roles = [Role(id: "tech", name: "Technician", hoursPerWeek: 68), Role(id: "owner", name: "Owner", hoursPerWeek: 50)]
        let org = try Self.org([Person(id: "kim", name: "Kim", hats: [Hat(role: "owner")])], roles: roles)
        #expect(try Self.start("kim", in: org).hours == 0)
    }
}
