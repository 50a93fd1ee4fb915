import Testing
@testable import OrgKit

@Suite("OrgDiff")
struct OrgDiffTests {
    static func base() -> OrgBuilder {
        var builder = OrgBuilder()
        builder.role("r1", hours: 10, critical: true)
        builder.role("r2", hours: 20)
        builder.person("boss", hats: [("r1", 10)])
        builder.person("a", reportsTo: "boss", hats: [("r2", 20)])
        builder.person("b", reportsTo: "boss", hats: [("r2", 10)])
        return builder
    }

    @Test("a move, a rename, a re-houred hat and a role's hours: each as a field or hat change, by id")
    func changes() throws {
        let old = try Self.base().org()
        var builder = Self.base()
        builder.people[2].reportsTo = "a"
        builder.people[2].dottedTo = ["boss"]
        builder.people[1].name = "Anna"
        builder.people[1].hats[0].hoursPerWeek = 30
        builder.roles[0].hoursPerWeek = 12
        let diff = OrgDiff(old: old, new: try builder.org())
        #expect(!diff.same)
        #expect(diff.people.map(\.id) == ["a", "b"], "boss's file entry and load are unchanged")
        let a = diff.people[0]
        #expect(a.change == .changed && a.name == "Anna")
        #expect(a.fields == [OrgDiff.Field(name: "name", before: "Person a", after: "Anna")])
        #expect(a.hats == [OrgDiff.HatChange(change: .changed, role: "r2", roleName: "Role r2", hoursBefore: 20, hoursAfter: 30)])
        #expect(a.loadBefore?.allocatedHours == 20 && a.loadAfter?.allocatedHours == 30)
        #expect(diff.people[1].fields == [
            OrgDiff.Field(name: "reportsTo", before: "Person boss", after: "Anna"),
            OrgDiff.Field(name: "dottedTo", before: "", after: "Person boss"),
        ])
        #expect(diff.people[1].hats.isEmpty)
        #expect(diff.roles.map(\.id) == ["r1"])
        #expect(diff.roles[0].fields == [OrgDiff.Field(name: "hoursPerWeek", before: "10.0 h", after: "12.0 h")])
    }

    @Test("findings come from ReportComparison: the same four lists as the what-if")
    func findings() throws {
        let old = try Self.base().org()
        var builder = Self.base()
        builder.people[1].hats[0].hoursPerWeek = 60
        let new = try builder.org()
        let diff = OrgDiff(old: old, new: new)
        #expect(diff.findings == ReportComparison(before: LoadChecker.check(old), after: LoadChecker.check(new)))
        #expect(diff.findings.new.contains { $0.rule == .overload && $0.subject.id == "a" })
    }

    @Test("the same org: same, and nothing listed")
    func same() throws {
        let diff = OrgDiff(old: try Self.base().org(), new: try Self.base().org())
        #expect(diff.same && diff.isEmpty)
    }

    @Test("an open position added says so; one marked hired shows the open field change")
    func openPositions() throws {
        let old = try Self.base().org()
        var builder = Self.base()
        builder.person("hire", reportsTo: "boss", hats: [("r2", 10)])
        builder.people[3].open = true
        builder.people[2].open = true
        let opened = try builder.org()
        let diff = OrgDiff(old: old, new: opened)
        let added = try #require(diff.people.first { $0.id == "hire" })
        #expect(added.change == .added)
        #expect(added.fields.first == OrgDiff.Field(name: "open", before: nil, after: "open position"))
        builder.people[2].open = false
        let hired = OrgDiff(old: opened, new: try builder.org())
        #expect(hired.people.map(\.id) == ["b"])
        #expect(hired.people[0].fields == [OrgDiff.Field(name: "open", before: "open position", after: "filled")])
    }
}
