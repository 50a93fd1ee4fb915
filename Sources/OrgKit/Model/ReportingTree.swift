/// The reporting lines of an org arranged for display: the tree of internal people and,
/// apart from it, the external providers. Children keep file order.
public struct ReportingTree: Equatable, Sendable {
    /// One row of the tree in display order.
    public struct Row: Equatable, Sendable {
        /// Position of the person in `org.people`.
        public var person: Int
        /// 0 for a root.
        public var depth: Int
        /// Index (in the same rows array) of the row of the person's manager.
        public var parentRow: Int?
        /// Whether this is the last of its siblings.
        public var isLast: Bool
        public var childCount: Int
    }

    /// Positions of each person's solid-line reports, by person position.
    public let children: [[Int]]
    /// Internal people at the top: no manager, or a manager who is external.
    public let roots: [Int]
    /// External providers, with anything under them, shown apart from the tree.
    public let externalRoots: [Int]

    public init(_ org: Org) {
        let people = org.people
        var reports = [[Int]](repeating: [], count: people.count)
        for position in people.indices {
            if let manager = people[position].reportsTo.flatMap({ org.position(ofPerson: $0) }) {
                reports[manager].append(position)
            }
        }
        self.init(org, reports: reports)
    }

    /// The tree from everyone's solid-line reports by position, in file order (what
    /// `LiveCheck.reports` keeps up to date edit by edit): no id looked up, so the builder
    /// rebuilds it for 100,000 people within a frame.
    public init(_ org: Org, reports: [[Int]]) {
        // Who is a provider, read once (each read of a Person's field is a cache miss).
        let external = org.people.map(\.external)
        let count = external.count
        // The reports as they are (shared, not copied: at 100,000 people, building 100,000
        // lists again and freeing the old ones was most of an edit's time), but for the
        // managers with a report on the other side of the line between staff and providers.
        // (A list for each person: lists of another length are cut or padded.)
        var children = reports.count == count ? reports : Array(reports.prefix(count)) + Array(repeating: [], count: max(0, count - reports.count))
        // Held: under a manager on their own side of the line.
        var held = [Bool](repeating: false, count: count)
        for manager in children.indices {
            let side = external[manager]
            var crossing = false
            for report in children[manager] {
                if report < count && external[report] == side {
                    held[report] = true
                } else {
                    crossing = true
                }
            }
            if crossing { children[manager] = children[manager].filter { $0 < count && external[$0] == side } }
        }
        // At the top of their section: no manager (or one not in the file), or a manager on
        // the other side (an internal person under an external provider tops the tree; an
        // external one under staff sits in the external section).
        var roots: [Int] = []
        var externalRoots: [Int] = []
        for position in 0..<count where !held[position] {
            if external[position] { externalRoots.append(position) } else { roots.append(position) }
        }
        self.children = children
        self.roots = roots
        self.externalRoots = externalRoots
    }

    /// The rows under `roots` in depth-first order, skipping the subtrees of people in
    /// `collapsed` (positions). Iterative, so a very deep chain cannot overflow the stack.
    /// `reservingCapacity`: the rows expected (the tree's: everyone), room made at once.
    public func rows(from roots: [Int], collapsed: Set<Int> = [], reservingCapacity capacity: Int = 0) -> [Row] {
        var rows: [Row] = []
        rows.reserveCapacity(capacity)
        var stack: [(position: Int, depth: Int, parentRow: Int?, isLast: Bool)] = []
        for (offset, root) in roots.enumerated().reversed() {
            stack.append((root, 0, nil, offset == roots.count - 1))
        }
        while let item = stack.popLast() {
            let kids = children[item.position]
            let rowIndex = rows.count
            rows.append(Row(person: item.position, depth: item.depth, parentRow: item.parentRow, isLast: item.isLast, childCount: kids.count))
            guard !kids.isEmpty, collapsed.isEmpty || !collapsed.contains(item.position) else { continue }
            for (offset, child) in kids.enumerated().reversed() {
                stack.append((child, item.depth + 1, rowIndex, offset == kids.count - 1))
            }
        }
        return rows
    }

    /// The tree guide for `rows[index]`: "├─ ", "│  └─ " and so on (or ASCII "|- ",
    /// "`- "). Walks up the row's ancestors, so draw only the rows on screen.
    public static func guide(for index: Int, in rows: [Row], ascii: Bool = false) -> String {
        let row = rows[index]
        guard row.depth > 0 else { return "" }
        var columns: [String] = [row.isLast ? (ascii ? "`- " : "└─ ") : (ascii ? "|- " : "├─ ")]
        var ancestor = row.parentRow
        while let current = ancestor, rows[current].depth > 0 {
            columns.append(rows[current].isLast ? "   " : (ascii ? "|  " : "│  "))
            ancestor = rows[current].parentRow
        }
        return columns.reversed().joined()
    }
}
