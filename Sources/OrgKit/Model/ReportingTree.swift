/// The reporting lines of an org arranged for display: the tree of internal people and,
/// apart from it, the external providers. Children keep file order.
public struct ReportingTree: Sendable {
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
        var children = [[Int]](repeating: [], count: org.people.count)
        var roots: [Int] = []
        var externalRoots: [Int] = []
        for (position, person) in org.people.enumerated() {
            let manager = person.reportsTo.flatMap { org.position(ofPerson: $0) }
            if person.external {
                // An external person sits in the external section unless an external
                // provider above them already holds them.
                if let manager, org.people[manager].external {
                    children[manager].append(position)
                } else {
                    externalRoots.append(position)
                }
            } else if let manager, !org.people[manager].external {
                children[manager].append(position)
            } else {
                roots.append(position)
            }
        }
        self.children = children
        self.roots = roots
        self.externalRoots = externalRoots
    }

    /// The rows under `roots` in depth-first order, skipping the subtrees of people in
    /// `collapsed` (positions). Iterative, so a very deep chain cannot overflow the stack.
    public func rows(from roots: [Int], collapsed: Set<Int> = []) -> [Row] {
        var rows: [Row] = []
        var stack: [(position: Int, depth: Int, parentRow: Int?, isLast: Bool)] = []
        for (offset, root) in roots.enumerated().reversed() {
            stack.append((root, 0, nil, offset == roots.count - 1))
        }
        while let item = stack.popLast() {
            let kids = children[item.position]
            let rowIndex = rows.count
            rows.append(Row(person: item.position, depth: item.depth, parentRow: item.parentRow, isLast: item.isLast, childCount: kids.count))
            guard !collapsed.contains(item.position), !kids.isEmpty else { continue }
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
