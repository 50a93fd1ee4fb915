import Testing
@testable import OrgKit
@testable import OrgTUI

/// A person's department (from an import, or written in the file) is shown with the other
/// facts in the People view's details.
@Suite("The People view shows a person's department")
struct DepartmentTests {
    @Test("the details of a person with a department name it; without one, nothing is added")
    func details() throws {
        let org = try Org(name: "Acme", people: [
            Person(id: "dana", name: "Dana Reyes", title: "Owner", department: "Leadership"),
            Person(id: "sam", name: "Sam Ortiz", title: "Service Manager", reportsTo: "dana"),
        ])
        var driver = Driver(org: org, width: 100, height: 30)
        driver.press(.showPeople)
        let screen = driver.screen.replacingOccurrences(of: "\u{A0}", with: " ")
        #expect(screen.contains("│ Owner · department Leadership · reports"), "\(driver.screen)")
        driver.key(.down)
        #expect(!driver.screen.contains("department"), "\(driver.screen)")
    }

    @Test("e sets a person's department (one undo step), and the chart's SVG and the HTML show it")
    func editDepartment() throws {
        var driver = try Driver(width: 120, height: 40)
        driver.select(person: "lee-park")
        driver.press(.editPerson)
        for _ in 0..<3 { driver.press(.nextField) }
        #expect(driver.screen.contains("a team or department"), "\(driver.screen)")
        driver.type("Service Desk")
        driver.press(.confirm)
        #expect(driver.state.document.org.person("lee-park")?.department == "Service Desk")
        #expect(driver.screen.contains("department Service Desk"))
        let org = driver.state.document.org
        #expect(Exporter.export(org, as: .svg).contains("Level 1 Technician · Service Desk"))
        #expect(Exporter.export(org, as: .html).contains("<th>Department</th>"))
        driver.press(.undo)
        #expect(driver.state.document.org.person("lee-park")?.department == nil)
    }
}
