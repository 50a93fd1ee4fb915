import Foundation

/// Where every box of an org chart goes: a tidy tree whose leaves are stacked in columns.
///
/// The layout works on blocks. A person's block is the rectangle holding their box and
/// everything under them; blocks never overlap, so boxes never do. Bottom-up, in one pass
/// over the people (children before parents, no recursion), each manager's block is made
/// from the blocks of their reports:
///
/// 1. Reports with no reports of their own (leaves) are stacked in a column, hanging off a
///    vertical spine; a manager with very many leaves gets several such columns, about
///    `targetAspect` times as wide as tall, and never fewer than `minLeafRows` to a column.
/// 2. Reports with reports of their own (subtrees) stand in a row, as in a classic tidy
///    tree, while the manager's block stays no wider than `targetAspect` times its height.
///    When a row would be wider, the subtrees are folded into a few columns of stacked
///    blocks, choosing the number of columns that brings the block closest to
///    `targetAspect` (a handful of candidates, each checked in time linear in the number
///    of reports).
/// 3. The manager's box is centred over the first and last columns' connection points.
///
/// Every step is linear in the number of reports, so the whole layout is linear in the
/// number of people. Several roots (a forest) are arranged the same way, without a box
/// above them and without connectors.
public struct ChartLayout: Sendable {
    public struct Metrics: Sendable {
        public var boxHeight: Double = 70
        /// From a manager's box to the top of their reports.
        public var levelGap: Double = 36
        /// Between blocks stacked in one column.
        public var stackGap: Double = 14
        /// Between columns side by side.
        public var columnGap: Double = 24
        /// From a stacked column's left edge to its blocks.
        public var indent: Double = 26
        /// From a stacked column's left edge to its spine.
        public var spineInset: Double = 12
        public var minLeafRows: Int = 10
        /// Width ÷ height each block aims at (at most, when its reports fit in one row).
        public var targetAspect: Double = 2
        public init() {}
    }

    public struct Rect: Equatable, Sendable {
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double
        public init(x: Double, y: Double, width: Double, height: Double) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }
        public var maxX: Double { x + width }
        public var maxY: Double { y + height }
    }

    /// A straight connector line (reporting lines are drawn only with these).
    public struct Segment: Equatable, Sendable {
        public var x1: Double, y1: Double, x2: Double, y2: Double
    }

    /// The box of each node, by node index; nil for nodes not under the roots given.
    public var boxes: [Rect?]
    public var segments: [Segment]
    public var width: Double
    public var height: Double

    /// Lays out the forest under `roots`. `children[v]` are v's children in order;
    /// `widths[v]` is the width of v's box (all boxes are `metrics.boxHeight` tall).
    public static func make(children: [[Int]], roots: [Int], widths: [Double], metrics: Metrics = Metrics()) -> ChartLayout {
        var builder = Builder(children: children, widths: widths, metrics: metrics)
        return builder.run(roots: roots)
    }
}

extension ChartLayout {
    /// A child block as the parent sees it.
    struct Item {
        var node: Int
        var width: Double
        var height: Double
        /// Left edge of the child's own box within its block.
        var rootX: Double
        var rootWidth: Double
    }

    struct Column {
        var items: [Item]
        /// Stacked on a spine (true) or a single block hanging straight down (false).
        var spine: Bool
        var width: Double
        var height: Double
    }

    /// The columns chosen for one parent, with the block they make.
    struct Arrangement {
        var columns: [Column]
        var childrenWidth: Double
        var childrenHeight: Double
        var blockWidth: Double
        var blockHeight: Double
        var aspect: Double { blockWidth / max(blockHeight, 1) }
    }

    struct Builder {
        let children: [[Int]]
        let widths: [Double]
        let metrics: Metrics
        var blockWidth: [Double]
        var blockHeight: [Double]
        var rootX: [Double]
        /// Offset of a child's block within its parent's block.
        var offsetX: [Double]
        var offsetY: [Double]
        /// Connectors of each node's block, relative to it: `segments[segmentStart[v]..<segmentEnd[v]]`.
        var localSegments: [Segment] = []
        var segmentStart: [Int]
        var segmentEnd: [Int]

        init(children: [[Int]], widths: [Double], metrics: Metrics) {
            self.children = children
            self.widths = widths
            self.metrics = metrics
            let count = widths.count
            blockWidth = [Double](repeating: 0, count: count)
            blockHeight = [Double](repeating: 0, count: count)
            rootX = [Double](repeating: 0, count: count)
            offsetX = [Double](repeating: 0, count: count)
            offsetY = [Double](repeating: 0, count: count)
            segmentStart = [Int](repeating: 0, count: count)
            segmentEnd = [Int](repeating: 0, count: count)
        }

        mutating func run(roots: [Int]) -> ChartLayout {
            // Pre-order without recursion; reversed, it visits children before parents.
            var order: [Int] = []
            order.reserveCapacity(widths.count)
            var stack = roots.reversed() as [Int]
            while let node = stack.popLast() {
                order.append(node)
                stack.append(contentsOf: children[node].reversed())
            }
            for node in order.reversed() { place(node) }

            // The forest: the roots arranged like the reports of an invisible manager.
            let rootItems = roots.map(item)
            let forest = arrange(rootItems.filter { children[$0.node].isEmpty }, rootItems.filter { !children[$0.node].isEmpty }, parentWidth: nil)
            var boxes = [Rect?](repeating: nil, count: widths.count)
            var segments: [Segment] = []
            segments.reserveCapacity(localSegments.count)
            var originX = [Double](repeating: 0, count: widths.count)
            var originY = [Double](repeating: 0, count: widths.count)
            let placed = positions(forest, parentBox: nil)
            for (node, x, y) in placed.items {
                originX[node] = x
                originY[node] = y
            }
            for node in order {
                let x = originX[node]
                let y = originY[node]
                boxes[node] = Rect(x: x + rootX[node], y: y, width: widths[node], height: metrics.boxHeight)
                for segment in localSegments[segmentStart[node]..<segmentEnd[node]] {
                    segments.append(Segment(x1: segment.x1 + x, y1: segment.y1 + y, x2: segment.x2 + x, y2: segment.y2 + y))
                }
                for child in children[node] {
                    originX[child] = x + offsetX[child]
                    originY[child] = y + offsetY[child]
                }
            }
            return ChartLayout(boxes: boxes, segments: segments, width: forest.blockWidth, height: forest.blockHeight)
        }

        func item(_ node: Int) -> Item {
            Item(node: node, width: blockWidth[node], height: blockHeight[node], rootX: rootX[node], rootWidth: widths[node])
        }

        /// Makes the block of `node` from its children's blocks.
        mutating func place(_ node: Int) {
            let kids = children[node].map(item)
            segmentStart[node] = localSegments.count
            defer { segmentEnd[node] = localSegments.count }
            guard !kids.isEmpty else {
                blockWidth[node] = widths[node]
                blockHeight[node] = metrics.boxHeight
                rootX[node] = 0
                return
            }
            let arrangement = arrange(kids.filter { children[$0.node].isEmpty }, kids.filter { !children[$0.node].isEmpty }, parentWidth: widths[node])
            let placed = positions(arrangement, parentBox: widths[node])
            blockWidth[node] = arrangement.blockWidth
            blockHeight[node] = arrangement.blockHeight
            rootX[node] = placed.parentX
            for (child, x, y) in placed.items {
                offsetX[child] = x
                offsetY[child] = y
            }
            localSegments.append(contentsOf: placed.segments)
        }

        // MARK: - Choosing columns

        /// Leaves in spine columns; subtrees in a row, or folded into columns when a row
        /// would make the block wider than `targetAspect`.
        func arrange(_ leaves: [Item], _ subtrees: [Item], parentWidth: Double?) -> Arrangement {
            var leafColumns: [Column] = []
            if !leaves.isEmpty {
                let spine = parentWidth != nil
                let stepWidth = leaves.reduce(0) { $0 + $1.width } / Double(leaves.count) + metrics.columnGap + (spine ? metrics.indent : 0)
                let stepHeight = metrics.boxHeight + metrics.stackGap
                let balanced = (Double(leaves.count) * stepWidth / (metrics.targetAspect * stepHeight)).squareRoot().rounded(.up)
                let maxRows = max(metrics.minLeafRows, Int(balanced))
                let columnCount = (leaves.count + maxRows - 1) / maxRows
                let rows = (leaves.count + columnCount - 1) / columnCount
                var start = 0
                while start < leaves.count {
                    let chunk = Array(leaves[start..<min(start + rows, leaves.count)])
                    leafColumns.append(column(chunk, spine: spine && chunk.count > 1))
                    start += rows
                }
            }
            func build(_ count: Int) -> Arrangement {
                finish(leafColumns + fold(subtrees, into: count, spine: parentWidth != nil), parentWidth: parentWidth)
            }
            guard subtrees.count > 1 else { return build(subtrees.count) }
            let row = build(subtrees.count)
            if row.aspect <= metrics.targetAspect { return row }
            // Estimate the column count that balances the block, then try around it.
            let totalHeight = subtrees.reduce(0) { $0 + $1.height + metrics.stackGap }
            let averageWidth = subtrees.reduce(0) { $0 + $1.width } / Double(subtrees.count) + metrics.columnGap + metrics.indent
            let estimate = Int((metrics.targetAspect * totalHeight / averageWidth).squareRoot().rounded())
            var candidates: Set<Int> = [1, subtrees.count]
            for delta in -2...2 { candidates.insert(min(max(1, estimate + delta), subtrees.count)) }
            var best = row
            var bestScore = score(row)
            for count in candidates.sorted(by: >) where count != subtrees.count {
                let candidate = build(count)
                let candidateScore = score(candidate)
                if candidateScore < bestScore - 1e-9 {
                    best = candidate
                    bestScore = candidateScore
                }
            }
            return best
        }

        func score(_ arrangement: Arrangement) -> Double {
            abs(log(arrangement.aspect / metrics.targetAspect))
        }

        /// Splits `items` in order into `count` columns of about equal height.
        func fold(_ items: [Item], into count: Int, spine: Bool) -> [Column] {
            guard !items.isEmpty, count > 0 else { return [] }
            if count >= items.count { return items.map { column([$0], spine: false) } }
            let total = items.reduce(0) { $0 + $1.height + metrics.stackGap }
            let target = total / Double(count)
            var columns: [Column] = []
            var current: [Item] = []
            var height = 0.0
            for (index, item) in items.enumerated() {
                let remainingItems = items.count - index
                let remainingColumns = count - columns.count
                if !current.isEmpty, remainingColumns > 1,
                    height + item.height / 2 > target || remainingItems < remainingColumns {
                    columns.append(column(current, spine: spine && current.count > 1))
                    current = []
                    height = 0
                }
                current.append(item)
                height += item.height + metrics.stackGap
            }
            if !current.isEmpty { columns.append(column(current, spine: spine && current.count > 1)) }
            return columns
        }

        func column(_ items: [Item], spine: Bool) -> Column {
            let inset = spine ? metrics.indent : 0
            let width = inset + items.reduce(0) { max($0, $1.width) }
            let height = items.reduce(0) { $0 + $1.height } + metrics.stackGap * Double(max(0, items.count - 1))
            return Column(items: items, spine: spine, width: width, height: height)
        }

        func attachX(_ column: Column) -> Double {
            if column.spine { return metrics.spineInset }
            guard let first = column.items.first else { return 0 }
            return first.rootX + first.rootWidth / 2
        }

        func finish(_ columns: [Column], parentWidth: Double?) -> Arrangement {
            let childrenWidth = columns.reduce(0) { $0 + $1.width } + metrics.columnGap * Double(max(0, columns.count - 1))
            let childrenHeight = columns.reduce(0) { max($0, $1.height) }
            var blockWidth = childrenWidth
            var blockHeight = childrenHeight
            if let parentWidth {
                let (left, right) = parentSpan(columns, parentWidth: parentWidth)
                blockWidth = max(childrenWidth, right) - min(0, left)
                blockHeight = metrics.boxHeight + (columns.isEmpty ? 0 : metrics.levelGap + childrenHeight)
            }
            return Arrangement(columns: columns, childrenWidth: childrenWidth, childrenHeight: childrenHeight, blockWidth: blockWidth, blockHeight: blockHeight)
        }

        /// Where the parent's box goes relative to the children's row (before shifting).
        func parentSpan(_ columns: [Column], parentWidth: Double) -> (left: Double, right: Double) {
            guard let first = columns.first, let last = columns.last else { return (0, parentWidth) }
            let lastX = columns.dropLast().reduce(0) { $0 + $1.width + metrics.columnGap }
            let centre = (attachX(first) + lastX + attachX(last)) / 2
            return (centre - parentWidth / 2, centre + parentWidth / 2)
        }

        // MARK: - Coordinates and connectors

        /// Places the columns inside the block: each child's block origin, the parent's box
        /// x, and the connectors (none for a forest).
        func positions(_ arrangement: Arrangement, parentBox parentWidth: Double?) -> (items: [(Int, Double, Double)], parentX: Double, segments: [Segment]) {
            let columns = arrangement.columns
            var shift = 0.0
            var parentX = 0.0
            var top = 0.0
            if let parentWidth {
                let span = parentSpan(columns, parentWidth: parentWidth)
                shift = max(0, -span.left)
                parentX = span.left + shift
                top = metrics.boxHeight + metrics.levelGap
            }
            var items: [(Int, Double, Double)] = []
            var segments: [Segment] = []
            let busY = metrics.boxHeight + metrics.levelGap / 2
            var attachPoints: [Double] = []
            var x = shift
            for column in columns {
                let attach = x + attachX(column)
                attachPoints.append(attach)
                var y = top
                var lastTick = top
                for item in column.items {
                    let itemX = column.spine ? x + metrics.indent : x
                    items.append((item.node, itemX, y))
                    if parentWidth != nil, column.spine {
                        let tickY = y + metrics.boxHeight / 2
                        segments.append(Segment(x1: attach, y1: tickY, x2: itemX + item.rootX, y2: tickY))
                        lastTick = tickY
                    }
                    y += item.height + metrics.stackGap
                }
                if parentWidth != nil {
                    segments.append(Segment(x1: attach, y1: busY, x2: attach, y2: column.spine ? lastTick : top))
                }
                x += column.width + metrics.columnGap
            }
            if let parentWidth, let low = attachPoints.min(), let high = attachPoints.max() {
                let centre = parentX + parentWidth / 2
                segments.append(Segment(x1: centre, y1: metrics.boxHeight, x2: centre, y2: busY))
                let from = min(low, centre)
                let to = max(high, centre)
                if to - from > 0.01 {
                    segments.append(Segment(x1: from, y1: busY, x2: to, y2: busY))
                }
            }
            return (items, parentX, segments)
        }
    }
}
