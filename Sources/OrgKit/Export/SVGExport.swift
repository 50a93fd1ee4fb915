import Foundation

/// The org chart as a standalone SVG drawn by hats itself (no Graphviz): a title, a
/// legend, the reporting tree laid out by `ChartLayout`, dotted lines drawn dashed, and the
/// external providers in their own frame below. Each box shows name, title, hats and a load
/// bar coloured by severity; the full text is in the box's `<title>` (a tooltip).
///
/// Vector only (a `viewBox`, no raster images), so it scales and prints sharply. No
/// scripts, no links, no styles: presentation attributes only. User text appears only in
/// text nodes and in `<title>`/`aria-label`, through `Escape.xml`.
public enum SVGExport {
    public static func render(_ org: Org, asOf: Date? = nil) -> String {
        render(ExportFacts(chartOnly: org, asOf: asOf), standalone: true)
    }

    /// Sizes, in SVG units (1 = 1 CSS px).
    enum Metrics {
        static let margin = 24.0
        static let header = 104.0
        static let boxPadding = 10.0
        static let minBoxWidth = 150.0
        static let maxBoxWidth = 300.0
        static let nameSize = 13.0
        static let smallSize = 11.0
        /// From one line of small text to the next.
        static let lineStep = 14.0
        /// Width of one display column (`DisplayWidth`) at each size: generous averages
        /// for a proportional sans-serif, so text stays inside its box.
        static let nameColumn = nameSize * 0.62
        static let smallColumn = smallSize * 0.6
        static let externalPadding = 16.0
        static let externalLabel = 28.0
        static let externalGap = 40.0
    }

    /// Every box, in absolute coordinates, and the size of the drawing.
    public struct Plan: Sendable {
        public var boxes: [(person: Int, rect: ChartLayout.Rect)]
        public var width: Double
        public var height: Double
        /// The frame around the external providers, if any.
        public var externalFrame: ChartLayout.Rect?
        var segments: [ChartLayout.Segment]
        var rectOfPerson: [ChartLayout.Rect?]
    }

    /// Text of one box, wrapped to its width: nothing a reader needs is cut. The box is as
    /// wide as its longest line wants (within `minBoxWidth`…`maxBoxWidth`); longer text
    /// goes on to the next line. Each line is a (text, kind) pair, drawn top-down.
    struct BoxText {
        enum Kind { case name, title, hat }
        var width: Double
        var lines: [(text: String, kind: Kind)]

        /// From the box's top to the first baseline, and between lines of each kind.
        static func step(_ kind: Kind) -> Double {
            switch kind {
            case .name: 16
            case .title, .hat: Metrics.lineStep
            }
        }

        /// The box's height: its lines, then the load bar and its figure.
        var height: Double {
            var baseline = 18.0
            for (index, line) in lines.enumerated() where index > 0 {
                baseline += line.kind == .title && lines[index - 1].kind == .name ? 15 : Self.step(line.kind)
            }
            // The title line is kept even when empty, so rows of boxes line up.
            if !lines.contains(where: { $0.kind == .title }) { baseline += 15 }
            return max(70, baseline + 23)
        }
    }

    /// The hats, " · " between those that share a line, wrapped at `columns` display
    /// columns; a hat longer than a line goes on over the next, its hours kept with it.
    static func hatLines(_ hats: [String], columns: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for hat in hats {
            let joined = current.isEmpty ? hat : current + " · " + hat
            if DisplayWidth.of(joined) <= columns {
                current = joined
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            for piece in wrap(hat, columns: columns) {
                if !current.isEmpty { lines.append(current) }
                current = piece
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Words wrapped at `columns`; a single word longer than a line is split.
    static func wrap(_ text: String, columns: Int) -> [String] {
        let columns = max(1, columns)
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ").map(String.init) {
            let joined = current.isEmpty ? word : current + " " + word
            if DisplayWidth.of(joined) <= columns {
                current = joined
                continue
            }
            if !current.isEmpty { lines.append(current) }
            var rest = Substring(word)
            while DisplayWidth.of(String(rest)) > columns {
                // As many characters as fit, at least one.
                var used = 0
                var end = rest.startIndex
                while end < rest.endIndex, end == rest.startIndex || used + DisplayWidth.of(rest[end]) <= columns {
                    used += DisplayWidth.of(rest[end])
                    end = rest.index(after: end)
                }
                lines.append(String(rest[..<end]))
                rest = rest[end...]
            }
            current = String(rest)
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    static func boxTexts(_ facts: ExportFacts) -> [BoxText] {
        facts.org.people.map { person in
            let name = Escape.oneLine(person.name)
            let title = Escape.oneLine(ExportFacts.chartTitle(person))
            let hats = facts.hatTexts(person).map(Escape.oneLine)
            let wanted = max(Double(DisplayWidth.of(name)) * Metrics.nameColumn,
                             Double(DisplayWidth.of(title)) * Metrics.smallColumn,
                             Double(DisplayWidth.of(hats.joined(separator: " · "))) * Metrics.smallColumn,
                             hats.map { Double(DisplayWidth.of($0)) * Metrics.smallColumn }.max() ?? 0) + 2 * Metrics.boxPadding
            let width = min(Metrics.maxBoxWidth, max(Metrics.minBoxWidth, wanted.rounded(.up)))
            let inner = width - 2 * Metrics.boxPadding
            var lines = wrap(name, columns: Int(inner / Metrics.nameColumn)).map { (text: $0, kind: BoxText.Kind.name) }
            if !title.isEmpty { lines += wrap(title, columns: Int(inner / Metrics.smallColumn)).map { ($0, .title) } }
            lines += hatLines(hats, columns: Int(inner / Metrics.smallColumn)).map { ($0, .hat) }
            return BoxText(width: width, lines: lines)
        }
    }

    public static func plan(_ org: Org) -> Plan {
        let facts = ExportFacts(chartOnly: org)
        return plan(facts, texts: boxTexts(facts))
    }

    /// Every box of a level (its depth in the chart) as tall as the tallest there: the
    /// boxes of a row share a height, and no row takes the height of another's fullest box.
    static func heights(_ facts: ExportFacts, texts: [BoxText]) -> [Double] {
        let children = facts.tree.children
        var depth = [Int](repeating: 0, count: texts.count)
        var stack = facts.tree.roots + facts.tree.externalRoots
        while let node = stack.popLast() {
            for child in children[node] {
                depth[child] = depth[node] + 1
                stack.append(child)
            }
        }
        var tallest: [Int: Double] = [:]
        for (index, text) in texts.enumerated() { tallest[depth[index]] = max(tallest[depth[index]] ?? 0, text.height) }
        return depth.map { tallest[$0] ?? 70 }
    }

    /// The title line's height: the HTML page leaves it out (its heading names the org).
    static let titleHeight = 34.0

    static func plan(_ facts: ExportFacts, texts: [BoxText], titled: Bool = true) -> Plan {
        let widths = texts.map(\.width)
        let heights = heights(facts, texts: texts)
        let layoutMetrics = ChartLayout.Metrics()
        let main = ChartLayout.make(children: facts.tree.children, roots: facts.tree.roots, widths: widths, heights: heights, metrics: layoutMetrics)
        let external = ChartLayout.make(children: facts.tree.children, roots: facts.tree.externalRoots, widths: widths, heights: heights, metrics: layoutMetrics)
        var rects = [ChartLayout.Rect?](repeating: nil, count: widths.count)
        var segments: [ChartLayout.Segment] = []
        var boxes: [(person: Int, rect: ChartLayout.Rect)] = []
        boxes.reserveCapacity(widths.count)
        func add(_ layout: ChartLayout, dx: Double, dy: Double) {
            for (person, box) in layout.boxes.enumerated() {
                guard let box else { continue }
                let moved = ChartLayout.Rect(x: box.x + dx, y: box.y + dy, width: box.width, height: box.height)
                rects[person] = moved
                boxes.append((person, moved))
            }
            for segment in layout.segments {
                segments.append(ChartLayout.Segment(x1: segment.x1 + dx, y1: segment.y1 + dy, x2: segment.x2 + dx, y2: segment.y2 + dy))
            }
        }
        let top = Metrics.margin + Metrics.header - (titled ? 0 : titleHeight)
        add(main, dx: Metrics.margin, dy: top)
        var width = max(main.width, legendWidth(facts))
        var height = top + main.height
        var frame: ChartLayout.Rect?
        if !facts.tree.externalRoots.isEmpty {
            let frameY = height + (main.height > 0 ? Metrics.externalGap : 0)
            let frameWidth = max(external.width + 2 * Metrics.externalPadding, 220)
            let frameHeight = Metrics.externalLabel + external.height + Metrics.externalPadding
            frame = ChartLayout.Rect(x: Metrics.margin, y: frameY, width: frameWidth, height: frameHeight)
            add(external, dx: Metrics.margin + Metrics.externalPadding, dy: frameY + Metrics.externalLabel)
            width = max(width, frameWidth)
            height = frameY + frameHeight
        }
        return Plan(boxes: boxes, width: (width + 2 * Metrics.margin).rounded(.up), height: (height + Metrics.margin).rounded(.up),
                    externalFrame: frame, segments: segments, rectOfPerson: rects)
    }

    // MARK: - Drawing

    static func render(_ facts: ExportFacts, standalone: Bool) -> String {
        let org = facts.org
        let texts = boxTexts(facts)
        // In a page (HTML) the page's heading names the org: the chart does not again.
        let titled = standalone
        let plan = plan(facts, texts: texts, titled: titled)
        let n = ExportFacts.number
        let orgName = org.name.isEmpty ? "Org chart" : org.name
        var out = ""
        out.reserveCapacity(700 * max(1, org.people.count) + 4000)
        if standalone { out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" }
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(n(plan.width))\" height=\"\(n(plan.height))\" viewBox=\"0 0 \(n(plan.width)) \(n(plan.height))\""
        out += " font-family=\"Helvetica, Arial, 'Noto Sans', 'Noto Sans CJK SC', sans-serif\" role=\"img\" aria-label=\"\(Escape.xml("Org chart: " + Escape.oneLine(orgName)))\">\n"
        out += "<title>\(Escape.xml("Org chart: " + Escape.oneLine(orgName)))</title>\n"
        out += "<defs><marker id=\"hats-dotted-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 z\" fill=\"#7b5ea7\"/></marker></defs>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(n(plan.width))\" height=\"\(n(plan.height))\" fill=\"#ffffff\"/>\n"
        if titled {
            out += "<text x=\"\(n(Metrics.margin))\" y=\"\(n(Metrics.margin + 22))\" font-size=\"22\" font-weight=\"bold\" fill=\"#1a1a1a\">\(Escape.xml(Escape.oneLine(orgName)))</text>\n"
        }
        out += legend(facts, y: Metrics.margin + 44 - (titled ? 0 : titleHeight))

        // Reporting lines, then dotted lines, then boxes on top.
        out += "<g fill=\"none\" stroke=\"#8a8a8a\" stroke-width=\"1.2\">\n"
        var path = ""
        var inPath = 0
        for segment in plan.segments {
            path += "M\(n(segment.x1)) \(n(segment.y1))L\(n(segment.x2)) \(n(segment.y2))"
            inPath += 1
            if inPath == 400 {
                out += "<path d=\"\(path)\"/>\n"
                path = ""
                inPath = 0
            }
        }
        if !path.isEmpty { out += "<path d=\"\(path)\"/>\n" }
        out += "</g>\n"

        out += "<g fill=\"none\" stroke=\"#7b5ea7\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" marker-end=\"url(#hats-dotted-arrow)\">\n"
        for (position, person) in org.people.enumerated() {
            guard let to = plan.rectOfPerson[position] else { continue }
            for manager in person.dottedTo.compactMap(org.position(ofPerson:)) {
                guard let from = plan.rectOfPerson[manager] else { continue }
                out += "<path d=\"\(dottedPath(from: from, to: to))\"/>\n"
            }
        }
        out += "</g>\n"

        if let frame = plan.externalFrame {
            out += "<rect x=\"\(n(frame.x))\" y=\"\(n(frame.y))\" width=\"\(n(frame.width))\" height=\"\(n(frame.height))\" rx=\"10\" fill=\"#f7f8fc\" stroke=\"#3949ab\" stroke-width=\"1\" stroke-dasharray=\"5 4\"/>\n"
            out += "<text x=\"\(n(frame.x + Metrics.externalPadding))\" y=\"\(n(frame.y + 19))\" font-size=\"13\" font-weight=\"bold\" fill=\"#3949ab\">External providers</text>\n"
        }

        for (person, rect) in plan.boxes {
            box(org.people[person], rect: rect, text: texts[person], facts: facts, into: &out)
        }
        out += "</svg>\n"
        return out
    }

    static func box(_ person: Person, rect: ChartLayout.Rect, text: BoxText, facts: ExportFacts, into out: inout String) {
        let n = ExportFacts.number
        let band = facts.band(person)
        let left = rect.x + Metrics.boxPadding
        var tooltip = [Escape.oneLine(person.name)]
        let title = ExportFacts.chartTitle(person)
        if !title.isEmpty { tooltip.append(Escape.oneLine(title)) }
        let hats = facts.hatTexts(person)
        if !hats.isEmpty { tooltip.append(Escape.oneLine(hats.joined(separator: " · "))) }
        tooltip.append(person.external ? "external provider" : "load \(facts.loadText(person))")
        out += "<g><title>\(Escape.xml(tooltip.joined(separator: " — ")))</title>"
        out += "<rect x=\"\(n(rect.x))\" y=\"\(n(rect.y))\" width=\"\(n(rect.width))\" height=\"\(n(rect.height))\" rx=\"6\" fill=\"\(band.fill)\" stroke=\"\(band.stroke)\" stroke-width=\"\(band == .critical || band == .warning ? "1.6" : "1")\"\(person.open ? " stroke-dasharray=\"5 3\"" : "")/>"
        var baseline = rect.y + 18
        for (index, line) in text.lines.enumerated() {
            if index > 0 { baseline += line.kind == .title && text.lines[index - 1].kind == .name ? 15 : BoxText.step(line.kind) }
            if index > 0, line.kind == .hat, text.lines[index - 1].kind == .name { baseline += 15 - BoxText.step(.hat) + Metrics.lineStep }
            switch line.kind {
            case .name:
                out += "<text x=\"\(n(left))\" y=\"\(n(baseline))\" font-size=\"\(n(Metrics.nameSize))\" font-weight=\"bold\" fill=\"#1a1a1a\">\(Escape.xml(line.text))</text>"
            case .title:
                out += "<text x=\"\(n(left))\" y=\"\(n(baseline))\" font-size=\"\(n(Metrics.smallSize))\" fill=\"#444444\">\(Escape.xml(line.text))</text>"
            case .hat:
                out += "<text x=\"\(n(left))\" y=\"\(n(baseline))\" font-size=\"\(n(Metrics.smallSize))\" fill=\"#1a1a1a\">\(Escape.xml(line.text))</text>"
            }
        }
        // The load bar and its figure sit at the box's foot, level across a row.
        let extra = rect.height - 70
        let right = rect.maxX - Metrics.boxPadding
        if person.external || person.hats.isEmpty {
            out += "<text x=\"\(n(left))\" y=\"\(n(rect.y + 62 + extra))\" font-size=\"10\" fill=\"#555555\">\(person.external ? "external provider" : "no hats")</text>"
        } else if let load = facts.load(person) {
            let barWidth = rect.width - 2 * Metrics.boxPadding - 46
            let scale = 1.5
            let filled = barWidth * min(max(load.load.isFinite ? load.load : scale, 0), scale) / scale
            let barY = rect.y + 55 + extra
            out += "<rect x=\"\(n(left))\" y=\"\(n(barY))\" width=\"\(n(barWidth))\" height=\"7\" rx=\"2\" fill=\"#ffffff\" stroke=\"#b0b0b0\" stroke-width=\"0.6\"/>"
            if filled > 0 {
                out += "<rect x=\"\(n(left))\" y=\"\(n(barY))\" width=\"\(n(filled))\" height=\"7\" rx=\"2\" fill=\"\(band.stroke)\"/>"
            }
            let full = left + barWidth / scale
            out += "<path d=\"M\(n(full)) \(n(barY - 2))L\(n(full)) \(n(barY + 9))\" stroke=\"#1a1a1a\" stroke-width=\"0.8\"/>"
            // The severity by symbol too, not by colour alone (as the builder shows it).
            let symbol = band == .critical ? "✖ " : (band == .warning ? "▲ " : "")
            out += "<text x=\"\(n(right))\" y=\"\(n(rect.y + 62 + extra))\" font-size=\"10\" text-anchor=\"end\" fill=\"\(symbol.isEmpty ? "#1a1a1a" : band.stroke)\"\(symbol.isEmpty ? "" : " font-weight=\"bold\"")>\(symbol)\(Escape.xml(Format.percent(load.load)))</text>"
        }
        out += "</g>\n"
    }

    static func dottedPath(from manager: ChartLayout.Rect, to person: ChartLayout.Rect) -> String {
        let n = ExportFacts.number
        let sx = manager.x + manager.width / 2
        let ex = person.x + person.width / 2
        let sy: Double
        let ey: Double
        var bend: Double
        if manager.maxY <= person.y {
            sy = manager.maxY
            ey = person.y
            bend = max(30, (ey - sy) / 2)
        } else if person.maxY <= manager.y {
            sy = manager.y
            ey = person.maxY
            bend = -max(30, (sy - ey) / 2)
        } else {
            // Side by side: arch over the top.
            sy = manager.y
            ey = person.y
            bend = -40
            return "M\(n(sx)) \(n(sy))C\(n(sx)) \(n(sy + bend)) \(n(ex)) \(n(ey + bend)) \(n(ex)) \(n(ey))"
        }
        return "M\(n(sx)) \(n(sy))C\(n(sx)) \(n(sy + bend)) \(n(ex)) \(n(ey - bend)) \(n(ex)) \(n(ey))"
    }

    // MARK: - Legend

    static let legendBands: [ExportFacts.Band] = [.ok, .warning, .critical, .idle, .external]

    static func legendItemWidth(_ label: String) -> Double {
        22 + Double(DisplayWidth.of(label)) * Metrics.smallColumn + 18
    }

    static func legendWidth(_ facts: ExportFacts) -> Double {
        max(Double(DisplayWidth.of(explanation(facts))) * Metrics.smallColumn, legendLineWidth(facts))
    }

    static func legendLineWidth(_ facts: ExportFacts) -> Double {
        legendBands.reduce(0) { $0 + legendItemWidth(facts.legend($1)) }
            + legendItemWidth("reports to") + 14 + legendItemWidth("dotted line") + 14
            + (hasOpen(facts) ? legendItemWidth(openLegend) + 14 : 0)
    }

    /// Only a chart with an open position explains the dashed box, so others stay as they were.
    static func hasOpen(_ facts: ExportFacts) -> Bool { facts.org.people.contains(where: \.open) }
    static let openLegend = "open position"

    static func legend(_ facts: ExportFacts, y: Double) -> String {
        let n = ExportFacts.number
        var out = "<g font-size=\"\(n(Metrics.smallSize))\" fill=\"#1a1a1a\">\n"
        var x = Metrics.margin
        for band in legendBands {
            let label = facts.legend(band)
            out += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"16\" height=\"12\" rx=\"3\" fill=\"\(band.fill)\" stroke=\"\(band.stroke)\"/>"
            out += "<text x=\"\(n(x + 22))\" y=\"\(n(y + 10))\">\(Escape.xml(label))</text>\n"
            x += legendItemWidth(label)
        }
        out += "<path d=\"M\(n(x)) \(n(y + 6))L\(n(x + 28)) \(n(y + 6))\" stroke=\"#8a8a8a\" stroke-width=\"1.2\"/>"
        out += "<text x=\"\(n(x + 34))\" y=\"\(n(y + 10))\">reports to</text>\n"
        x += legendItemWidth("reports to") + 14
        out += "<path d=\"M\(n(x)) \(n(y + 6))L\(n(x + 28)) \(n(y + 6))\" stroke=\"#7b5ea7\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" marker-end=\"url(#hats-dotted-arrow)\"/>"
        out += "<text x=\"\(n(x + 34))\" y=\"\(n(y + 10))\">dotted line</text>\n"
        if hasOpen(facts) {
            x += legendItemWidth("dotted line") + 14
            out += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"16\" height=\"12\" rx=\"3\" fill=\"#ffffff\" stroke=\"#555555\" stroke-dasharray=\"3 2\"/>"
            out += "<text x=\"\(n(x + 22))\" y=\"\(n(y + 10))\">\(openLegend)</text>\n"
        }
        out += "<text x=\"\(n(Metrics.margin))\" y=\"\(n(y + 32))\" fill=\"#444444\">\(Escape.xml(explanation(facts)))</text>\n"
        out += "</g>\n"
        return out
    }

    /// The legend's second line: the date, and what the percentage means.
    static func explanation(_ facts: ExportFacts) -> String {
        let policy = facts.org.policy
        return "As of \(facts.asOf) · load = hours ÷ the week left after switching between kinds of work · "
            + "✖ over \(Format.percent(policy.criticalAt)), ▲ over \(Format.percent(policy.warnAt))"
    }
}
