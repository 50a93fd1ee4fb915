import Testing
@testable import OrgKit

/// A person's department (file format v1, optional) in the exports that list people: the
/// CSV (so that it imports back) and the Markdown report's people table. An org without a
/// department exports exactly as before.
@Suite("Departments in the CSV and Markdown exports")
struct DepartmentExportTests {
    static func org(openPosition: Bool = false) throws -> Org {
        try Org(name: "Northwind", roles: [Role(id: "svc", name: "Service Desk")], people: [
            Person(id: "dana", name: "Dana Reyes", title: "Owner", department: "Leadership", hats: [Hat(role: "svc", hoursPerWeek: 10)]),
            Person(id: "sam", name: "Sam Ortiz", department: "Service | Ops", reportsTo: "dana"),
            Person(id: "lee", name: "Lee Park", reportsTo: "sam", open: openPosition),
        ])
    }

    @Test("the CSV has a department column when someone has a department, and it imports back")
    func csv() throws {
        let org = try Self.org()
        let csv = CSVExport.render(org)
        let header = #""id","name","title","email","reports_to","dotted_to","hats","hours_per_week","external","department""#
        #expect(csv.hasPrefix(header + "\r\n"))
        #expect(csv.contains(#""sam","Sam Ortiz","","","dana","","","40","false","Service | Ops""#))
        let back = CSVImport.run(csv)
        let copy = try #require(back.org, "\(back.report.problems)")
        #expect(copy.people.map(\.department) == ["Leadership", "Service | Ops", nil])
        #expect(back.report.unused.isEmpty)
        // With an open position too: department, then open.
        let withOpen = CSVExport.render(try Self.org(openPosition: true))
        #expect(withOpen.hasPrefix(#""id","name","title","email","reports_to","dotted_to","hats","hours_per_week","external","department","open""#))
        #expect(try #require(CSVImport.run(withOpen).org).people.map(\.department) == ["Leadership", "Service | Ops", nil])
    }

    @Test("without departments the CSV header is as before")
    func csvWithout() throws {
        let plain = try Org(name: "N", people: [Person(id: "a", name: "A")])
        #expect(CSVExport.render(plain).hasPrefix(CSVExport.header.map { "\"\($0)\"" }.joined(separator: ",") + "\r\n"))
        #expect(!CSVExport.header.contains("department"))
    }

    @Test("the Markdown people table has a Department column when someone has a department, escaped like any cell")
    func markdown() throws {
        let markdown = MarkdownExport.render(try Self.org())
        #expect(markdown.contains("| Person | Title | Department | Hats | Hours | Capacity | Switching | Effective | Load |\n|---|---|---|---|--:|--:|--:|--:|--:|\n"))
        #expect(markdown.contains("| Dana Reyes | Owner | Leadership | "))
        #expect(markdown.contains("| Sam Ortiz |  | Service \\| Ops | "))
        #expect(markdown.contains("| Lee Park |  |  | "))
        let plain = MarkdownExport.render(try Org(name: "N", people: [Person(id: "a", name: "A")]))
        #expect(plain.contains("| Person | Title | Hats | Hours |"))
        #expect(!plain.contains("Department"))
    }
}
