import Foundation

/// Where every box of an org chart goes: a classic chart while a manager's reports fit in a
/// row, and a compact one (leaves stacked in columns, teams folded) where they do not.
///
/// The layout works on blocks. A person's block is the rectangle holding their box and
/// everything under them; blocks never overlap, so boxes never do. Bottom-up, in one pass
/// over the people (children before parents, no recursion), each manager's block is made
/// from the blocks of their reports:
///
/// 1. **A row**, in the order given (the builder's order): every report's block side by
///    side, hanging from one bus, the manager centred over them — while the row is no wider
///    than `maxRowWidth`. Small orgs are all rows: a row per level, as a classic chart.
/// 2. Otherwise, **compact**. Reports with no reports of their own (leaves) are stacked in
///    columns, each on a vertical spine; very many get several columns, about
///    `targetAspect` times as wide as tall, never fewer than `minLeafRows` to a column.
///    Reports with teams stand in a row while the block stays no wider than `targetAspect`
///    times its height, else they are folded into a few columns of stacked blocks (the
///    count that brings the block closest to `targetAspect`).
/// 3. When a compact manager has both, the leaves come first, on the manager's own trunk:
///    the manager's line comes down to a bus the leaf columns hang from, and goes on down
///    the left, past them, to a second bus the teams hang from. So a stacked leaf is never
///    drawn as if it reported to a sibling beside it.
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
        /// The widest a row of one manager's reports may be before the compact layout.
        public var maxRowWidth: Double = 2000
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
    /// `widths[v]` is the width of v's box, `heights[v]` its height (default: every box
    /// `metrics.boxHeight` tall).
    public static func make(children: [[Int]], roots: [Int], widths: [Double], heights: [Double]? = nil, metrics: Metrics = Metrics()) -> ChartLayout {
        var builder = Builder(children: children, widths: widths, heights: heights ?? [Double](repeating: metrics.boxHeight, count: widths.count), metrics: metrics)
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
        var rootHeight: Double
    }

    struct Column {
        var items: [Item]
        /// Stacked on a spine (true) or a single block hanging straight down (false).
        var spine: Bool
        var width: Double
        var height: Double
    }

    /// The columns chosen for one parent, with the block they make. `upper` holds the leaf
    /// columns on the trunk when a compact manager has leaves and teams; `columns` then
    /// hang from the second bus below them.
    struct Arrangement {
        var upper: [Column] = []
        var columns: [Column]
        var upperWidth: Double = 0
        var upperHeight: Double = 0
        var childrenWidth: Double
        var childrenHeight: Double
        var blockWidth: Double
        var blockHeight: Double
        var aspect: Double { blockWidth / max(blockHeight, 1) }
        /// From the top of the children's area to the top of `columns`.
        var lowerTop: Double
    }

    struct Builder {
        let children: [[Int]]
        let widths: [Double]
        let heights: [Double]
        let metrics: Metrics
        /// The height of the box of the manager whose block is being made.
        var parentHeight: Double
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

        init(children: [[Int]], widths: [Double], heights: [Double], metrics: Metrics) {
            self.children = children
            self.widths = widths
            self.heights = heights
            self.metrics = metrics
            parentHeight = metrics.boxHeight
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
            let forest = arrange(roots.map(item), parentWidth: nil)
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
                boxes[node] = Rect(x: x + rootX[node], y: y, width: widths[node], height: heights[node])
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
            Item(node: node, width: blockWidth[node], height: blockHeight[node], rootX: rootX[node], rootWidth: widths[node], rootHeight: heights[node])
        }

        /// Makes the block of `node` from its children's blocks.
        mutating func place(_ node: Int) {
            let kids = children[node].map(item)
            segmentStart[node] = localSegments.count
            defer { segmentEnd[node] = localSegments.count }
            guard !kids.isEmpty else {
                blockWidth[node] = widths[node]
                blockHeight[node] = heights[node]
                rootX[node] = 0
                return
            }
            parentHeight = heights[node]
            let arrangement = arrange(kids, parentWidth: widths[node])
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

        /// A row, in order, while it fits `maxRowWidth`; else leaves in spine columns and
        /// subtrees in a row, or folded into columns when a row would make the block wider
        /// than `targetAspect`.
        func arrange(_ kids: [Item], parentWidth: Double?) -> Arrangement {
            let row = finish(upper: [], kids.map { column([$0], spine: false) }, parentWidth: parentWidth)
            if row.childrenWidth <= metrics.maxRowWidth || kids.count < 2 { return row }
            let leaves = kids.filter { children[$0.node].isEmpty }
            let subtrees = kids.filter { !children[$0.node].isEmpty }
            var leafColumns: [Column] = []
            if !leaves.isEmpty {
                let spine = parentWidth != nil
                let stepWidth = leaves.reduce(0) { $0 + $1.width } / Double(leaves.count) + metrics.columnGap + (spine ? metrics.indent : 0)
                let stepHeight = leaves.reduce(0) { $0 + $1.rootHeight } / Double(leaves.count) + metrics.stackGap
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
            // With a manager above, leaves and teams together: the leaves on the trunk.
            let trunk = parentWidth != nil && !leafColumns.isEmpty && !subtrees.isEmpty
            func build(_ count: Int) -> Arrangement {
                let folded = fold(subtrees, into: count, spine: parentWidth != nil)
                return trunk ? finish(upper: leafColumns, folded, parentWidth: parentWidth)
                    : finish(upper: [], leafColumns + folded, parentWidth: parentWidth)
            }
            guard subtrees.count > 1 else { return build(subtrees.count) }
            let wide = build(subtrees.count)
            if wide.aspect <= metrics.targetAspect { return wide }
            // Estimate the column count that balances the block, then try around it.
            let totalHeight = subtrees.reduce(0) { $0 + $1.height + metrics.stackGap }
            let averageWidth = subtrees.reduce(0) { $0 + $1.width } / Double(subtrees.count) + metrics.columnGap + metrics.indent
            let estimate = Int((metrics.targetAspect * totalHeight / averageWidth).squareRoot().rounded())
            var candidates: Set<Int> = [1, subtrees.count]
            for delta in -2...2 { candidates.insert(min(max(1, estimate + delta), subtrees.count)) }
            var best = wide
            var bestScore = score(wide)
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

        /// The width of columns side by side, with their gaps.
        func rowWidth(_ columns: [Column]) -> Double {
            columns.reduce(0) { $0 + $1.width } + metrics.columnGap * Double(max(0, columns.count - 1))
        }

        func finish(upper: [Column], _ columns: [Column], parentWidth: Double?) -> Arrangement {
            // The upper tier starts right of the trunk; the lower one at the block's left.
            let upperWidth = upper.isEmpty ? 0 : metrics.indent + rowWidth(upper)
            let upperHeight = upper.reduce(0) { max($0, $1.height) }
            let lowerTop = upper.isEmpty ? 0 : upperHeight + metrics.levelGap
            let childrenWidth = max(upperWidth, rowWidth(columns))
            let childrenHeight = lowerTop + columns.reduce(0) { max($0, $1.height) }
            var arrangement = Arrangement(upper: upper, columns: columns, upperWidth: upperWidth, upperHeight: upperHeight,
                                          childrenWidth: childrenWidth, childrenHeight: childrenHeight,
                                          blockWidth: childrenWidth, blockHeight: childrenHeight, lowerTop: lowerTop)
            if let parentWidth {
                let (left, right) = parentSpan(arrangement, parentWidth: parentWidth)
                arrangement.blockWidth = max(childrenWidth, right) - min(0, left)
                arrangement.blockHeight = parentHeight + (columns.isEmpty && upper.isEmpty ? 0 : metrics.levelGap + childrenHeight)
            }
            return arrangement
        }

        /// Where the parent's box goes relative to the children (before shifting): centred
        /// over the first and last attachment points of the bus it drops to.
        func parentSpan(_ arrangement: Arrangement, parentWidth: Double) -> (left: Double, right: Double) {
            let centre: Double
            if let last = arrangement.upper.last {
                // The trunk on the left, the last leaf column on the right.
                let lastX = metrics.indent + arrangement.upper.dropLast().reduce(0) { $0 + $1.width + metrics.columnGap }
                centre = (metrics.spineInset + lastX + attachX(last)) / 2
            } else if let first = arrangement.columns.first, let last = arrangement.columns.last {
                let lastX = arrangement.columns.dropLast().reduce(0) { $0 + $1.width + metrics.columnGap }
                centre = (attachX(first) + lastX + attachX(last)) / 2
            } else {
                return (0, parentWidth)
            }
            return (centre - parentWidth / 2, centre + parentWidth / 2)
        }

        // MARK: - Coordinates and connectors

        /// Places the columns inside the block: each child's block origin, the parent's box
        /// x, and the connectors (none for a forest).
        func positions(_ arrangement: Arrangement, parentBox parentWidth: Double?) -> (items: [(Int, Double, Double)], parentX: Double, segments: [Segment]) {
            var shift = 0.0
            var parentX = 0.0
            var top = 0.0
            if let parentWidth {
                let span = parentSpan(arrangement, parentWidth: parentWidth)
                shift = max(0, -span.left)
                parentX = span.left + shift
                top = parentHeight + metrics.levelGap
            }
            var items: [(Int, Double, Double)] = []
            var segments: [Segment] = []
            let connect = parentWidth != nil

            /// Lays out a row of columns from `x`, hanging from a bus at `busY`, their tops
            /// at `rowTop`; returns the attachment points on the bus.
            func row(_ columns: [Column], from start: Double, rowTop: Double, busY: Double) -> [Double] {
                var attachPoints: [Double] = []
                var x = start
                for column in columns {
                    let attach = x + attachX(column)
                    attachPoints.append(attach)
                    var y = rowTop
                    var lastTick = rowTop
                    for item in column.items {
                        let itemX = column.spine ? x + metrics.indent : x
                        items.append((item.node, itemX, y))
                        if connect, column.spine {
                            let tickY = y + item.rootHeight / 2
                            segments.append(Segment(x1: attach, y1: tickY, x2: itemX + item.rootX, y2: tickY))
                            lastTick = tickY
                        }
                        y += item.height + metrics.stackGap
                    }
                    if connect { segments.append(Segment(x1: attach, y1: busY, x2: attach, y2: column.spine ? lastTick : rowTop)) }
                    x += column.width + metrics.columnGap
                }
                return attachPoints
            }
            func bus(_ points: [Double], y: Double) {
                guard let low = points.min(), let high = points.max(), high - low > 0.01 else { return }
                segments.append(Segment(x1: low, y1: y, x2: high, y2: y))
            }

            let busY = parentHeight + metrics.levelGap / 2
            let centre = parentX + (parentWidth ?? 0) / 2
            if arrangement.upper.isEmpty {
                let points = row(arrangement.columns, from: shift, rowTop: top, busY: busY)
                if connect, !points.isEmpty {
                    segments.append(Segment(x1: centre, y1: parentHeight, x2: centre, y2: busY))
                    bus(points + [centre], y: busY)
                }
            } else {
                // The trunk: down the left from the first bus to the second.
                let trunkX = shift + metrics.spineInset
                let lowerTop = top + arrangement.lowerTop
                let lowerBusY = lowerTop - metrics.levelGap / 2
                let upper = row(arrangement.upper, from: shift + metrics.indent, rowTop: top, busY: busY)
                let lower = row(arrangement.columns, from: shift, rowTop: lowerTop, busY: lowerBusY)
                segments.append(Segment(x1: centre, y1: parentHeight, x2: centre, y2: busY))
                bus(upper + [centre, trunkX], y: busY)
                segments.append(Segment(x1: trunkX, y1: busY, x2: trunkX, y2: lowerBusY))
                bus(lower + [trunkX], y: lowerBusY)
            }
            return (items, parentX, segments)
        }
    }
}
