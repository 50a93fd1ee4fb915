/// What the load checker found: every finding, ordered critical → warning → info and then
/// by subject name, and every person's numbers in file order.
public struct LoadReport: Equatable, Sendable {
    public var findings: [Finding]
    public var people: [PersonLoad]
    private var personIndex: [String: Int]

    init(findings: [Finding], people: [PersonLoad]) {
        self.findings = findings.sorted(by: LoadReport.order)
        self.people = people
        var index: [String: Int] = [:]
        index.reserveCapacity(people.count)
        for (position, load) in people.enumerated() { index[load.id] = position }
        personIndex = index
    }

    public static func == (lhs: LoadReport, rhs: LoadReport) -> Bool {
        lhs.findings == rhs.findings && lhs.people == rhs.people
    }

    public func load(of person: String) -> PersonLoad? {
        personIndex[person].map { people[$0] }
    }

    public func count(_ severity: Finding.Severity) -> Int {
        findings.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }

    /// The most severe finding, if any.
    public var worst: Finding.Severity? {
        findings.first?.severity
    }

    public func findings(about kind: Finding.Subject.Kind, _ id: String) -> [Finding] {
        findings.filter { $0.subject.kind == kind && $0.subject.id == id }
    }

    /// Critical first, then warning, then info; within a severity by subject name, then
    /// rule, then subject id and detail, so the order never depends on the file's order.
    static func order(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.subject.name != b.subject.name { return a.subject.name.unicodeScalars.lexicographicallyPrecedes(b.subject.name.unicodeScalars) }
        if a.rule != b.rule { return a.rule.rawValue < b.rule.rawValue }
        if a.subject.id != b.subject.id { return a.subject.id < b.subject.id }
        return a.detail < b.detail
    }
}

/// The difference between checking an org as it is and as it would be.
public struct ReportComparison: Equatable, Sendable {
    /// Findings that appear (or get more severe) in the changed org.
    public var new: [Finding]
    /// Findings that go away in the changed org.
    public var resolved: [Finding]

    public init(before: LoadReport, after: LoadReport) {
        var beforeSeverity: [String: Finding.Severity] = [:]
        for finding in before.findings { beforeSeverity[finding.key] = finding.severity }
        var afterKeys: Set<String> = []
        for finding in after.findings { afterKeys.insert(finding.key) }
        new = after.findings.filter { finding in
            guard let old = beforeSeverity[finding.key] else { return true }
            return finding.severity > old
        }
        resolved = before.findings.filter { !afterKeys.contains($0.key) }
    }
}
