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
}
