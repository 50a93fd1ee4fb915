#if canImport(Glibc)
import Glibc
#endif

/// What the load checker found: every finding, ordered critical → warning → info and then
/// by subject name, and every person's numbers in file order.
public struct LoadReport: Equatable, Sendable {
    public var findings: [Finding]
    public var people: [PersonLoad]
    private var personIndex: [String: Int]

    init(findings: [Finding], people: [PersonLoad]) {
        // Sort positions, then move each finding once: findings are large values.
        // The keys that decide almost every comparison, taken out once: a comparison of
        // whole findings copies large values and walks names through String's iterator.
        let keys = findings.map { SortKey(severity: $0.severity, name: Array($0.subject.name.utf8)) }
        let order = findings.withUnsafeBufferPointer { buffer in
            buffer.indices.sorted { a, b in
                let (x, y) = (keys[a], keys[b])
                if x.severity != y.severity { return x.severity > y.severity }
                let names = Self.compareBytes(x.name, y.name)
                if names != 0 { return names < 0 }
                return LoadReport.order(buffer[a], buffer[b])
            }
        }
        self.findings = order.map { findings[$0] }
        self.people = people
        personIndex = Self.index(people)
    }

    /// A report from findings already in order, keeping another report's person index
    /// (the people are the same ones in the same places).
    init(sorted findings: [Finding], people: [PersonLoad], index other: LoadReport) {
        self.findings = findings
        self.people = people
        personIndex = other.personIndex.count == people.count ? other.personIndex : Self.index(people)
    }

    static func index(_ people: [PersonLoad]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(people.count)
        for (position, load) in people.enumerated() { index[load.id] = position }
        return index
    }

    struct SortKey {
        var severity: Finding.Severity
        var name: [UInt8]
    }

    /// -1, 0 or 1 as the bytes `a` sort before, with or after `b`.
    static func compareBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(a.count, b.count)
        let result = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
        if result != 0 { return result < 0 ? -1 : 1 }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    static func compareBytes(_ a: [UInt8], _ b: [UInt8]) -> Int {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in compareBytes(x, y) } }
    }

    /// -1, 0 or 1 as `a`'s UTF-8 bytes sort before, with or after `b`'s.
    static func compareBytes(_ a: String, _ b: String) -> Int {
        var (a, b) = (a, b)
        return a.withUTF8 { x in b.withUTF8 { y in compareBytes(x, y) } }
    }

    /// Two lists in `order`, as one list in `order`.
    static func merge(_ first: [Finding], _ second: [Finding]) -> [Finding] {
        if second.isEmpty { return first }
        if first.isEmpty { return second }
        var result: [Finding] = []
        result.reserveCapacity(first.count + second.count)
        var i = 0
        var j = 0
        while i < first.count, j < second.count {
            if order(second[j], first[i]) {
                result.append(second[j])
                j += 1
            } else {
                result.append(first[i])
                i += 1
            }
        }
        result += first[i...]
        result += second[j...]
        return result
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
        // UTF-8 byte order is Unicode scalar order; comparing bytes avoids String's
        // Unicode-equivalence comparison, which is slow for non-ASCII names.
        let names = compareBytes(a.subject.name, b.subject.name)
        if names != 0 { return names < 0 }
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
