#if canImport(Glibc)
import Glibc
#endif

/// What the load checker found: every finding, ordered critical → warning → info and then
/// by subject name, and every person's numbers in file order.
public struct LoadReport: Equatable, Sendable {
    public var findings: [Finding]
    public var people: [PersonLoad]
    private var personIndex: IDMap<Int>

    init(findings: consuming [Finding], people: [PersonLoad]) {
        // Sort positions, then move each finding once: findings are large values.
        // The keys that decide almost every comparison, taken out once into flat arrays (a
        // key holding its own array is retained and released at every comparison): a
        // comparison of whole findings copies large values and walks names through
        // String's iterator.
        let order = findings.withUnsafeBufferPointer { buffer in
            var severities: [Finding.Severity] = []
            var starts: [Int] = []
            var names: [UInt8] = []
            severities.reserveCapacity(buffer.count)
            starts.reserveCapacity(buffer.count + 1)
            for index in buffer.indices {
                severities.append(buffer[index].severity)
                starts.append(names.count)
                names.append(contentsOf: buffer[index].subject.name.utf8)
            }
            starts.append(names.count)
            return severities.withUnsafeBufferPointer { severity in
                starts.withUnsafeBufferPointer { start in
                    names.withUnsafeBufferPointer { name in
                        Self.sortedPositions(buffer.count) { a, b in
                            if severity[a] != severity[b] { return severity[a] > severity[b] }
                            let names = Self.compareBytes(UnsafeBufferPointer(rebasing: name[start[a]..<start[a + 1]]),
                                                          UnsafeBufferPointer(rebasing: name[start[b]..<start[b + 1]]))
                            if names != 0 { return names < 0 }
                            // Same severity and name: the rest of `order`, read in place.
                            if buffer[a].rule != buffer[b].rule { return buffer[a].rule.rawValue < buffer[b].rule.rawValue }
                            if buffer[a].subject.id != buffer[b].subject.id { return buffer[a].subject.id < buffer[b].subject.id }
                            return buffer[a].detail < buffer[b].detail
                        }
                    }
                }
            }
        }
        // Into place by moves along the order's cycles: `order.map { findings[$0] }`, or
        // swaps, copy every finding (a large value: a retain per string in it).
        findings.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var placed = [Bool](repeating: false, count: order.count)
            for start in order.indices where !placed[start] {
                placed[start] = true
                guard order[start] != start else { continue }
                let first = (base + start).move()
                var hole = start
                while order[hole] != start {
                    let next = order[hole]
                    (base + hole).moveInitialize(from: base + next, count: 1)
                    placed[next] = true
                    hole = next
                }
                (base + hole).initialize(to: first)
            }
        }
        self.findings = findings
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

    static func index(_ people: [PersonLoad]) -> IDMap<Int> {
        var index = IDMap<Int>(minimumCapacity: people.count)
        // By position (`enumerated()` copies each load); the last position of an id, as
        // assigning each in turn keeps.
        for position in people.indices { index[people[position].id] = position }
        return index
    }

    /// `(0..<count).sorted(by: before)` (a stable sort), a long list's two halves sorted
    /// on two cores and merged, the first half's first on a tie: the same order.
    static func sortedPositions(_ count: Int, by before: (Int, Int) -> Bool) -> [Int] {
        guard count >= 8_192 else { return Array(0..<count).sorted(by: before) }
        let middle = count / 2
        let halves = Parallel.map(2, minimum: 2) { half in
            (half == 0 ? Array(0..<middle) : Array(middle..<count)).sorted(by: before)
        }
        let (first, second) = (halves[0], halves[1])
        var merged: [Int] = []
        merged.reserveCapacity(count)
        var (i, j) = (0, 0)
        while i < first.count, j < second.count {
            if before(second[j], first[i]) {
                merged.append(second[j])
                j += 1
            } else {
                merged.append(first[i])
                i += 1
            }
        }
        merged += first[i...]
        merged += second[j...]
        return merged
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

    public static func == (lhs: LoadReport, rhs: LoadReport) -> Bool {
        lhs.findings == rhs.findings && lhs.people == rhs.people
    }

    public func load(of person: String) -> PersonLoad? {
        personIndex[person].map { people[$0] }
    }

    public func count(_ severity: Finding.Severity) -> Int {
        // By position: a closure over the elements copies each finding (a large value).
        var count = 0
        for index in findings.indices where findings[index].severity == severity { count += 1 }
        return count
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

/// The difference between checking an org as it is and as it would be, in four lists.
public struct ReportComparison: Equatable, Sendable {
    /// A finding before and after, on the same subject.
    public struct Change: Equatable, Sendable {
        public var before: Finding
        public var after: Finding
    }

    /// An overload whose load moves by at least this much (5 points) is worse or better.
    public static let loadStep = 0.05

    /// Findings on subjects that had none like them before.
    public var new: [Finding]
    /// Findings that go away, with nothing more severe in their place.
    public var resolved: [Finding]
    /// The same subject now has a more severe finding (a single point of failure that
    /// becomes an unfilled role), or an overload rose by 5 points or more.
    public var worse: [Change]
    /// The same finding, less severe, or an overload down by 5 points or more.
    public var better: [Change]

    public init(before: LoadReport, after: LoadReport) {
        var afterByKey: [String: Int] = [:]
        for (index, finding) in after.findings.enumerated() { afterByKey[finding.key] = index }
        var beforeKeys: Set<String> = []
        for finding in before.findings { beforeKeys.insert(finding.key) }
        // After-findings with no finding of their key before, by subject: candidates to
        // replace a finding that went away.
        var unmatchedBySubject: [Finding.Subject: [Int]] = [:]
        for (index, finding) in after.findings.enumerated() where !beforeKeys.contains(finding.key) {
            unmatchedBySubject[finding.subject, default: []].append(index)
        }
        var consumed: Set<Int> = []
        var resolved: [Finding] = []
        var worse: [Change] = []
        var better: [Change] = []
        for old in before.findings {
            if let index = afterByKey[old.key] {
                let now = after.findings[index]
                if now.severity > old.severity {
                    worse.append(Change(before: old, after: now))
                } else if now.severity < old.severity {
                    better.append(Change(before: old, after: now))
                } else if let was = old.load, let is_ = now.load {
                    if is_ - was >= Self.loadStep - 1e-9 || (is_.isInfinite && !was.isInfinite) {
                        worse.append(Change(before: old, after: now))
                    } else if was - is_ >= Self.loadStep - 1e-9 {
                        better.append(Change(before: old, after: now))
                    }
                }
                continue
            }
            // Replaced by a more severe finding about the same subject (the most severe
            // one, first in report order).
            if let replacement = unmatchedBySubject[old.subject]?.first(where: { !consumed.contains($0) && after.findings[$0].severity > old.severity }) {
                consumed.insert(replacement)
                worse.append(Change(before: old, after: after.findings[replacement]))
            } else {
                resolved.append(old)
            }
        }
        new = after.findings.enumerated().filter { !beforeKeys.contains($0.element.key) && !consumed.contains($0.offset) }.map(\.element)
        self.resolved = resolved
        self.worse = worse
        self.better = better
    }

    /// "new" or "worse" by the key of each finding a what-if made appear or worse (for
    /// marking them).
    public var marks: [String: String] {
        var marks: [String: String] = [:]
        for finding in new { marks[finding.key] = "new" }
        for change in worse { marks[change.after.key] = "worse" }
        return marks
    }
}

extension Finding {
    /// A load finding: an overload, an understaffed role or an unfilled role (but not a
    /// role covered only by open positions: hiring them clears that). What `hats plan`
    /// works on.
    public var isLoad: Bool {
        switch rule {
        case .overload, .understaffedRole: return true
        case .unfilledRole:
            if case .coveredOnlyByOpen = explanation { return false }
            return true
        default: return false
        }
    }

    /// The load of an overload finding.
    public var load: Double? {
        if case .overload(_, let load, _) = explanation { return load.load }
        return nil
    }
}
