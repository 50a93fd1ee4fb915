import Foundation
import Testing
@testable import OrgKit

/// The SVG chart's layout: no two boxes overlap, parents sit centred over their children,
/// leaves are stacked, and a large org stays readable in shape.
@Suite("SVG chart layout")
struct ExportLayoutTests {
    /// The overlapping pairs among `boxes`, found with a grid of cells one box tall and as
    /// wide as the widest box: each box is compared only with the boxes in the cells it
    /// touches, so the check is linear, not quadratic, in the number of boxes.
    static func overlaps(_ boxes: [ChartLayout.Rect]) -> [(Int, Int)] {
        guard let cellWidth = boxes.map(\.width).max(), let cellHeight = boxes.map(\.height).max(), cellWidth > 0, cellHeight > 0 else { return [] }
        struct Cell: Hashable { var x: Int, y: Int }
        var grid: [Cell: [Int]] = [:]
        var found: [(Int, Int)] = []
        for (index, box) in boxes.enumerated() {
            let x0 = Int((box.x / cellWidth).rounded(.down)), x1 = Int((box.maxX / cellWidth).rounded(.down))
            let y0 = Int((box.y / cellHeight).rounded(.down)), y1 = Int((box.maxY / cellHeight).rounded(.down))
            var seen: Set<Int> = []
            for cx in x0...x1 {
                for cy in y0...y1 {
                    let cell = Cell(x: cx, y: cy)
                    for other in grid[cell, default: []] where seen.insert(other).inserted {
                        let b = boxes[other]
                        if box.x < b.maxX, b.x < box.maxX, box.y < b.maxY, b.y < box.maxY { found.append((other, index)) }
                    }
                    grid[cell, default: []].append(index)
                }
            }
        }
        return found
    }

    @Test("every hat shows in its box, whole: hats that fit share a line, a long one wraps with its hours")
    func everyHatShows() throws {
        let org = try #require(PresetCatalog.named("msp-10")).load()
        let svg = SVGExport.render(org)
        // The text nodes of the boxes' hat lines (the tooltips are <title> elements).
        let lines = svg.components(separatedBy: "fill=\"#1a1a1a\">").dropFirst().compactMap { $0.components(separatedBy: "</text>").first }
        for hat in ["CEO / Owner 22h · Sales &amp; Marketing 15h", "Human Resources 8h", "Office Manager / Admin Assistant 28h", "Bookkeeper / Accountant 5h"] {
            #expect(lines.contains(hat), "\(hat) is not on a line of its own box")
        }
        #expect(SVGExport.hatLines(["A 1h", "B 2h"], columns: 40) == ["A 1h · B 2h"], "hats that fit share a line")
        #expect(SVGExport.hatLines(["A 1h", "B 2h", "C 3h", "D 4h", "E 5h"], columns: 4) == ["A 1h", "B 2h", "C 3h", "D 4h", "E 5h"], "never cut, however many")
        #expect(SVGExport.hatLines(["Office Manager / Admin Assistant 28h"], columns: 20) == ["Office Manager /", "Admin Assistant 28h"])
    }

    /// The text of every `<text>` node of an SVG (tooltips are `<title>`, not counted).
    static func texts(_ svg: String) -> [String] {
        svg.components(separatedBy: "<text ").dropFirst().compactMap { node in
            node.components(separatedBy: ">").dropFirst().first.map { $0.components(separatedBy: "</text").first ?? $0 }
        }
    }

    @Test("msp-10 and every preset: no text cut in any box, siblings in the builder's order, ✖ and ▲ beside the loads, the legend explains the percentage and the date")
    func presetsReadWhole() throws {
        for preset in PresetCatalog.all {
            let org = try preset.load()
            let svg = SVGExport.render(org, asOf: Date(timeIntervalSince1970: 1_764_892_800))
            let texts = Self.texts(svg)
            #expect(!texts.contains { $0.contains("…") }, "\(preset.name): text cut: \(texts.filter { $0.contains("…") })")
            #expect(texts.contains { $0.hasPrefix("As of 2025-12-05 · load = hours ÷ the week left after switching between kinds of work") }, "\(preset.name)")
        }
        let org = try #require(PresetCatalog.named("msp-10")).load()
        let plan = SVGExport.plan(org)
        func box(_ id: String) throws -> ChartLayout.Rect {
            let position = try #require(org.position(ofPerson: id))
            return try #require(plan.rectOfPerson[position])
        }
        // Dana's three reports in one row, in the builder's order: Sam, Zoë, 王芳.
        #expect(try box("sam-ortiz").y == box("zoe-muller").y && box("zoe-muller").y == box("wang-fang").y)
        #expect(try box("sam-ortiz").x < box("zoe-muller").x && box("zoe-muller").x < box("wang-fang").x)
        let svg = SVGExport.render(org)
        #expect(svg.contains("✖ 166 %"), "Dana's load carries its symbol")
    }

    @Test("the overlap check finds overlaps")
    func overlapCheckWorks() {
        let boxes = [ChartLayout.Rect(x: 0, y: 0, width: 100, height: 50), ChartLayout.Rect(x: 99, y: 49, width: 10, height: 10),
                     ChartLayout.Rect(x: 300, y: 0, width: 100, height: 50)]
        #expect(Self.overlaps(boxes).count == 1)
    }

    @Test("no overlapping boxes and every box inside the drawing, for every preset and test org")
    func noOverlapsSmall() throws {
        for (name, org) in try ExportConsumerTests.orgs() {
            let plan = SVGExport.plan(org)
            #expect(plan.boxes.count == org.people.count, "\(name)")
            #expect(Self.overlaps(plan.boxes.map(\.rect)).isEmpty, "\(name)")
            for (_, box) in plan.boxes {
                #expect(box.x >= 0 && box.y >= 0 && box.maxX <= plan.width && box.maxY <= plan.height, "\(name)")
            }
        }
    }

    @Test("10,000 people: no overlaps, at most 10 times as wide as tall, made quickly")
    func tenThousand() throws {
        let org = try OrgGenerator.org(people: 10_000, seed: 2024)
        // HATS_WRITE_GENERATED=PATH saves the org, to time `hats export` on it (docs/exports.md).
        if let path = ProcessInfo.processInfo.environment["HATS_WRITE_GENERATED"] {
            try OrgFile.encode(org).write(toFile: path, atomically: true, encoding: .utf8)
        }
        let start = Date()
        let plan = SVGExport.plan(org)
        let layoutTime = Date().timeIntervalSince(start)
        let svgStart = Date()
        let svg = Exporter.export(org, as: .svg)
        let svgTime = Date().timeIntervalSince(svgStart)
        let aspect = plan.width / plan.height
        print("10,000 people: \(Int(plan.width)) × \(Int(plan.height)), aspect \(String(format: "%.2f", aspect)), layout \(String(format: "%.2f", layoutTime)) s, SVG \(svg.utf8.count / 1024) KB in \(String(format: "%.2f", svgTime)) s (this build)")
        #expect(plan.boxes.count == 10_000)
        #expect(Self.overlaps(plan.boxes.map(\.rect)).isEmpty)
        #expect(aspect <= 10)
        #expect(aspect >= 0.5)
    }

    @Test("other shapes stay within the aspect bound: one manager with 3,000 reports, a 5,000-deep chain")
    func extremeShapes() throws {
        let flat = try Org(name: "Flat", people: [Person(id: "boss", name: "Boss")] + (0..<3000).map { Person(id: "p\($0)", name: "Person \($0)", reportsTo: "boss") })
        let flatPlan = SVGExport.plan(flat)
        #expect(Self.overlaps(flatPlan.boxes.map(\.rect)).isEmpty)
        #expect(flatPlan.width / flatPlan.height <= 10)
        #expect(flatPlan.width / flatPlan.height >= 0.3)

        let chain = try Org(name: "Chain", people: (0..<5000).map { Person(id: "p\($0)", name: "Person \($0)", reportsTo: $0 == 0 ? nil : "p\($0 - 1)") })
        let chainPlan = SVGExport.plan(chain)
        #expect(chainPlan.boxes.count == 5000)
        #expect(Self.overlaps(chainPlan.boxes.map(\.rect)).isEmpty)
    }

    @Test("a small org is a classic chart: a row per level, in the given order, each manager centred over their reports")
    func classic() {
        // 0 → 1, 2, 3 (1 and 3 with two leaves each, 2 a leaf): as the builder lists them.
        let children: [[Int]] = [[1, 2, 3], [4, 5], [], [6, 7], [], [], [], []]
        let widths = [Double](repeating: 160, count: children.count)
        let layout = ChartLayout.make(children: children, roots: [0], widths: widths)
        let boxes = layout.boxes.compactMap { $0 }
        #expect(boxes.count == 8)
        #expect(Self.overlaps(boxes).isEmpty)
        func box(_ node: Int) -> ChartLayout.Rect { layout.boxes[node] ?? ChartLayout.Rect(x: -1, y: -1, width: 0, height: 0) }
        func centre(_ node: Int) -> Double { box(node).x + 80 }
        // One row per level, in order: the leaf 2 between 1 and 3, level with them.
        #expect(box(1).y == box(2).y && box(2).y == box(3).y)
        #expect(box(1).x < box(2).x && box(2).x < box(3).x)
        #expect(Set([4, 5, 6, 7].map { box($0).y }).count == 1)
        #expect(box(4).x < box(5).x && box(5).x < box(6).x && box(6).x < box(7).x)
        // Centred over the first and last report.
        #expect(abs(centre(0) - (centre(1) + centre(3)) / 2) < 0.01)
        #expect(abs(centre(1) - (centre(4) + centre(5)) / 2) < 0.01)
        Self.connectorsInside(layout)
    }

    @Test("too many reports for a row: the leaves stack on the manager's trunk, apart from the teams, which hang below")
    func compactIsUnambiguous() {
        // 0 → 1 (a team of two), then 14 leaves: far wider than a row may be.
        var children: [[Int]] = [[1] + Array(4..<18), [2, 3], [], []]
        children += [[Int]](repeating: [], count: 14)
        let widths = [Double](repeating: 160, count: children.count)
        let layout = ChartLayout.make(children: children, roots: [0], widths: widths)
        let boxes = layout.boxes.compactMap { $0 }
        #expect(boxes.count == 18)
        #expect(Self.overlaps(boxes).isEmpty)
        func box(_ node: Int) -> ChartLayout.Rect { layout.boxes[node] ?? ChartLayout.Rect(x: -1, y: -1, width: 0, height: 0) }
        let leaves = (4..<18).map(box)
        // The leaves in columns, in order, all above the team (which hangs below them all).
        #expect(leaves.allSatisfy { $0.maxY < box(1).y }, "the team is below every stacked leaf")
        #expect(zip(leaves, leaves.dropFirst()).allSatisfy { $0.x < $1.x || ($0.x == $1.x && $0.maxY < $1.y) })
        // No leaf sits level with the team's manager: nothing reads as reporting to a sibling.
        #expect(!leaves.contains { $0.y == box(1).y })
        // The trunk: one vertical from the first bus down to the team's bus, left of every leaf.
        let indent = ChartLayout.Metrics().indent
        let trunk = layout.segments.filter { $0.x1 == $0.x2 && $0.x1 < leaves.map(\.x).min()! - indent && $0.y2 - $0.y1 > 200 }
        #expect(trunk.count == 1, "\(layout.segments)")
        Self.connectorsInside(layout)
    }

    @Test("a manager with only leaves, too many for a row: spine columns hanging from the manager's bus")
    func leafColumns() {
        let children: [[Int]] = [Array(1...30)] + [[Int]](repeating: [], count: 30)
        let widths = [Double](repeating: 160, count: children.count)
        let layout = ChartLayout.make(children: children, roots: [0], widths: widths)
        let leaves = (1...30).compactMap { layout.boxes[$0] }
        #expect(Self.overlaps(leaves).isEmpty)
        #expect(Set(leaves.map(\.x)).count > 1 && Set(leaves.map(\.x)).count < 30, "stacked in a few columns")
        Self.connectorsInside(layout)
    }

    /// Every connector stays inside the drawing.
    static func connectorsInside(_ layout: ChartLayout, sourceLocation: SourceLocation = #_sourceLocation) {
        for segment in layout.segments {
            #expect(min(segment.x1, segment.x2) >= 0 && max(segment.x1, segment.x2) <= layout.width, sourceLocation: sourceLocation)
            #expect(min(segment.y1, segment.y2) >= 0 && max(segment.y1, segment.y2) <= layout.height, sourceLocation: sourceLocation)
        }
    }
}
