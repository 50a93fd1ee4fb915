import Foundation
import OrgKit
import Testing

/// Two public CSV files that nobody here wrote, imported with the real binary: excerpts in
/// Tests/CLITests/Corpus/samples that keep each source's header line exactly (see the
/// README there).
/// - `d3-org-chart-org.csv` mirrors d3-org-chart's sample `org.csv`
///   (github.com/bumbeishvili/sample-data, 1,516 rows);
/// - `oracle-hr-employees.csv` mirrors Oracle's HR sample schema, table `EMPLOYEES` (107 rows).
@Suite("Public sample files import and keep what they hold")
struct SampleFileTests {
    static let samples = HatsProcess.repositoryRoot.appendingPathComponent("Tests/CLITests/Corpus/samples")

    /// Imports the sample in a fresh directory; returns the run, the org and the directory.
    static func importSample(_ name: String, stdin: Bool = false) throws -> (run: HatsRun, org: Org, directory: URL) {
        let directory = try HatsProcess.temporaryDirectory()
        let source = samples.appendingPathComponent(name)
        try FileManager.default.copyItem(at: source, to: directory.appendingPathComponent(name))
        let run = stdin
            ? try HatsProcess.run(["import", "-", "-o", "org.json"], in: directory, input: Data(contentsOf: source))
            : try HatsProcess.run(["import", name, "-o", "org.json"], in: directory)
        #expect(run.status == 0, "\(name): \(run.stderr)")
        let org = try OrgFile.load(path: directory.appendingPathComponent("org.json").path).org
        return (run, org, directory)
    }

    /// `hats check` accepts the imported file: exit 0 with --fail-on never (2 would be an invalid file).
    static func expectChecks(_ directory: URL) throws {
        let check = try HatsProcess.run(["check", "org.json", "--fail-on", "never"], in: directory)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.isEmpty)
    }

    @Test("d3-org-chart's org.csv: name, positionName as the title, id + parentId; seven columns reported unused")
    func d3OrgChart() throws {
        let (run, org, directory) = try Self.importSample("d3-org-chart-org.csv")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(run.stderr == """
            d3-org-chart-org.csv: columns used:
              "name"          → name
              "positionName"  → title
              "id"            → id
              "parentId"      → reports to (a manager's id or e-mail)
            d3-org-chart-org.csv: columns not used: "imageUrl", "area", "profileUrl", "office", "tags", "isLoggedUser", "size"
            hats import: 17 people, 0 roles from d3-org-chart-org.csv → org.json

            """)
        #expect(org.people.count == 17)
        let top = try #require(org.person("O-6066"))
        #expect(top.name == "Ines Marlow")
        #expect(top.title == "Chief Executive Officer", "positionName, its trailing space trimmed")
        #expect(top.reportsTo == nil)
        #expect(org.person("O-6068")?.name == "Brandt Tomas", "a leading space is trimmed")
        #expect(org.person("O-6068")?.title == "CFO")
        #expect(org.person("O-6082")?.title == "Intern")
        #expect(org.person("O-6082")?.reportsTo == "O-6081")
        #expect(org.people.filter { $0.name == "Novak Petra" }.map(\.id) == ["O-6078", "O-6080"], "two people of one name stay two")
        #expect(org.people.allSatisfy { $0.title != nil && $0.email == nil && $0.department == nil })
        try Self.expectChecks(directory)
    }

    @Test("Oracle HR EMPLOYEES: First Last, EMAIL (SKING) reported and left out, JOB_ID as title, DEPARTMENT_ID as department")
    func oracleHR() throws {
        let (run, org, directory) = try Self.importSample("oracle-hr-employees.csv")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(run.stderr == """
            oracle-hr-employees.csv: columns used:
              "EMPLOYEE_ID"    → id
              "FIRST_NAME"     → first name
              "LAST_NAME"      → last name
              "JOB_ID"         → title
              "MANAGER_ID"     → reports to (a manager's id or e-mail)
              "DEPARTMENT_ID"  → department
            oracle-hr-employees.csv: columns not used: "EMAIL" (no value has an @), "PHONE_NUMBER", "HIRE_DATE", "SALARY", "COMMISSION_PCT"
            oracle-hr-employees.csv:2: note: EMAIL holds no e-mail address (no value has an @, like "SKING" here); the column is left out
            hats import: 18 people, 0 roles from oracle-hr-employees.csv → org.json

            """)
        #expect(org.people.count == 18)
        let king = try #require(org.person("100"))
        #expect(king.name == "Steven King")
        #expect(king.email == nil, "SKING is no e-mail address")
        #expect(king.title == "AD_PRES")
        #expect(king.department == "90")
        #expect(king.reportsTo == nil)
        #expect(org.person("102")?.name == "Henrik Van Dijk", "a last name of two words")
        #expect(org.person("103")?.reportsTo == "102")
        #expect(org.person("178")?.department == nil, "a row without DEPARTMENT_ID")
        #expect(org.people.allSatisfy { $0.email == nil })
        #expect(Set(org.people.compactMap(\.department)) == ["10", "20", "30", "50", "60", "80", "90", "100"])
        try Self.expectChecks(directory)
        // The department is kept in the saved file and shown by the exports that list people.
        let csv = try HatsProcess.run(["export", "org.json", "--format", "csv"], in: directory)
        #expect(csv.stdout.hasPrefix(#""id","name","title","email","reports_to","dotted_to","hats","hours_per_week","external","department""#))
        #expect(csv.stdout.contains(#""100","Steven King","AD_PRES","","","","","40","false","90""#))
        let markdown = try HatsProcess.run(["export", "org.json", "--format", "markdown"], in: directory)
        #expect(markdown.stdout.contains(#"| Steven King | AD\_PRES | 90 | "#))
    }

    @Test("the same files through standard input give the same orgs")
    func throughStandardInput() throws {
        for name in ["d3-org-chart-org.csv", "oracle-hr-employees.csv"] {
            let file = try Self.importSample(name)
            let piped = try Self.importSample(name, stdin: true)
            defer {
                try? FileManager.default.removeItem(at: file.directory)
                try? FileManager.default.removeItem(at: piped.directory)
            }
            #expect(piped.org.people == file.org.people, "\(name)")
            #expect(piped.run.stderr.hasPrefix("standard input: columns used:\n"), "\(name)")
        }
    }
}
