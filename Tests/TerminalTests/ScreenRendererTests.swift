import OrgKit
import OrgTUI
import Testing
@testable import Terminal

/// A model of what a terminal shows after a series of writes, with the rules real
/// terminals and curses follow: a wide glyph covers the next cell, and writing over
/// either half of a wide glyph blanks its other half.
struct SimulatedScreen: Equatable {
    enum Kind: Equatable { case narrow, wideLeft, wideRight }
    struct Slot: Equatable {
        var text = " "
        var style = Style.plain
        var kind = Kind.narrow
    }

    let width: Int
    let height: Int
    var slots: [Slot]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        slots = Array(repeating: Slot(), count: width * height)
    }

    mutating func apply(_ writes: [CellWrite]) {
        for write in writes { apply(write) }
    }

    mutating func apply(_ write: CellWrite) {
        precondition(write.x >= 0 && write.y >= 0 && write.x < width && write.y < height, "write outside the screen")
        precondition(!write.wide || write.x + 1 < width, "wide write at the right edge")
        breakWide(at: write.x, write.y)
        if write.wide { breakWide(at: write.x + 1, write.y) }
        let index = write.y * width + write.x
        slots[index] = Slot(text: write.text, style: write.style, kind: write.wide ? .wideLeft : .narrow)
        if write.wide { slots[index + 1] = Slot(text: "", style: write.style, kind: .wideRight) }
    }

    private mutating func breakWide(at x: Int, _ y: Int) {
        let index = y * width + x
        switch slots[index].kind {
        case .wideLeft where x + 1 < width: slots[index + 1] = Slot(style: slots[index + 1].style)
        case .wideRight where x > 0: slots[index - 1] = Slot(style: slots[index - 1].style)
        default: break
        }
        slots[index].kind = .narrow
    }

    func line(_ y: Int) -> String {
        (0..<width).map { slots[y * width + $0].text }.joined()
    }
}

@Suite("Drawing: clipping, wide graphemes, diffs")
struct ScreenRendererTests {
    static func width(_ scalar: Unicode.Scalar) -> Int { DisplayWidth.of(scalar) }

    func render(_ canvas: Canvas, screen: Size? = nil, unicode: Bool = true, terminalWidth: (Unicode.Scalar) -> Int = width) -> RenderedScreen {
        ScreenRenderer.render(canvas, screen: screen ?? canvas.size, unicode: unicode, terminalWidth: terminalWidth)
    }

    func show(_ writes: [CellWrite], size: Size) -> SimulatedScreen {
        var screen = SimulatedScreen(width: size.width, height: size.height)
        screen.apply(writes)
        return screen
    }

    @Test("the first draw writes every cell except the right halves of wide graphemes")
    func firstDraw() {
        var canvas = Canvas(size: Size(width: 10, height: 2))
        canvas.put("王芳 Zoë", x: 0, y: 0)
        canvas.put("├─┤", x: 1, y: 1, style: .bold)
        let writes = ScreenRenderer.changes(from: nil, to: render(canvas))
        #expect(writes.count == 20 - 2)
        #expect(!writes.contains { $0.y == 0 && ($0.x == 1 || $0.x == 3) })
        #expect(writes.filter { $0.wide }.map(\.text) == ["王", "芳"])
        #expect(writes.first { $0.x == 7 && $0.y == 0 }?.text == "ë")
        let screen = show(writes, size: canvas.size)
        #expect(screen.line(0) == "王芳 Zoë  ")
        #expect(screen.line(1) == " ├─┤      ")
    }

    @Test("an unchanged canvas writes nothing; one changed cell writes one cell")
    func diff() {
        var canvas = Canvas(size: Size(width: 12, height: 3))
        canvas.put("王芳 Zoë", x: 1, y: 1)
        let first = render(canvas)
        #expect(ScreenRenderer.changes(from: first, to: render(canvas)).isEmpty)
        canvas.put("x", x: 8, y: 2)
        #expect(ScreenRenderer.changes(from: first, to: render(canvas)) == [CellWrite(x: 8, y: 2, text: "x", style: .plain, wide: false)])
        var restyled = canvas
        restyled.restyle(Rect(x: 0, y: 0, width: 1, height: 1)) { $0.bold = true }
        #expect(ScreenRenderer.changes(from: render(canvas), to: render(restyled)).map(\.x) == [0])
    }

    @Test("a different size redraws everything")
    func sizeChange() {
        let small = render(Canvas(size: Size(width: 3, height: 2)))
        let large = render(Canvas(size: Size(width: 4, height: 2)))
        #expect(ScreenRenderer.changes(from: small, to: large).count == 8)
    }

    @Test("a canvas larger than the screen is clipped; a wide grapheme cut by the edge is a space")
    func clipping() {
        var canvas = Canvas(size: Size(width: 10, height: 4))
        canvas.put("ab王芳", x: 0, y: 0)
        canvas.put("last row", x: 0, y: 3)
        let rendered = render(canvas, screen: Size(width: 3, height: 2))
        #expect(rendered.size == Size(width: 3, height: 2))
        let screen = show(ScreenRenderer.changes(from: nil, to: rendered), size: rendered.size)
        #expect(screen.line(0) == "ab ")
        #expect(screen.line(1) == "   ")
    }

    @Test("a canvas smaller than the screen draws only its own cells")
    func smallCanvas() {
        var canvas = Canvas(size: Size(width: 2, height: 1))
        canvas.put("hi", x: 0, y: 0)
        let rendered = render(canvas, screen: Size(width: 80, height: 24))
        #expect(rendered.size == Size(width: 2, height: 1))
        #expect(ScreenRenderer.changes(from: nil, to: rendered).map(\.text) == ["h", "i"])
    }

    @Test("0×0 and 1×1 screens and canvases do not crash")
    func tinySizes() {
        var one = Canvas(size: Size(width: 1, height: 1))
        one.put("王", x: 0, y: 0)
        for screen in [Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: 0, height: 5), Size(width: 5, height: 0)] {
            for canvas in [Canvas(size: Size(width: 0, height: 0)), one, Canvas(size: Size(width: 3, height: 3))] {
                let rendered = render(canvas, screen: screen)
                let writes = ScreenRenderer.changes(from: nil, to: rendered)
                #expect(writes.count <= 9)
                _ = show(writes, size: rendered.size)
            }
        }
    }

    @Test("without UTF-8: ASCII look-alikes, a wide grapheme is ? plus a space")
    func asciiMode() {
        var canvas = Canvas(size: Size(width: 14, height: 1))
        canvas.put("╭─王 Zoë ✖…", x: 0, y: 0)
        let writes = ScreenRenderer.changes(from: nil, to: render(canvas, unicode: false))
        #expect(writes.allSatisfy { !$0.wide })
        #expect(writes.allSatisfy { $0.text.unicodeScalars.allSatisfy { $0.value < 0x7F } && $0.text.unicodeScalars.count == 1 })
        #expect(show(writes, size: canvas.size).line(0) == "+-?  Zo? X.   ")
    }

    @Test("when the terminal's tables disagree about a width, curses and the canvas stay in step")
    func widthMismatch() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        canvas.put("❤\u{FE0F}a", x: 0, y: 0)  // 2 columns for the canvas (emoji presentation)
        #expect(canvas[1, 0].isContinuation)
        let narrowTables: (Unicode.Scalar) -> Int = { $0.value == 0x2764 ? 1 : DisplayWidth.of($0) }
        let screen = show(ScreenRenderer.changes(from: nil, to: render(canvas, terminalWidth: narrowTables)), size: canvas.size)
        #expect(screen.line(0) == "❤ a   ")
        let unknown: (Unicode.Scalar) -> Int = { $0.value < 0x7F ? 1 : -1 }
        var other = Canvas(size: Size(width: 4, height: 1))
        other.put("é王", x: 0, y: 0)
        #expect(show(ScreenRenderer.changes(from: nil, to: render(other, terminalWidth: unknown)), size: other.size).line(0) == "??  ")
    }

    @Test("combining marks stay with their base character")
    func combining() {
        var canvas = Canvas(size: Size(width: 4, height: 1))
        canvas.put("e\u{301}x", x: 0, y: 0)
        let writes = ScreenRenderer.changes(from: nil, to: render(canvas))
        #expect(writes.first?.text == "e\u{301}")
        #expect(show(writes, size: canvas.size).line(0) == "e\u{301}x  ")
    }

    /// What the screen must show for a canvas row: its text, where a continuation cell
    /// with no wide grapheme before it, or a wide grapheme with no continuation after it,
    /// shows a space (Canvas can leave both behind, see `orphanContinuation`).
    static func expectedLine(_ canvas: Canvas, _ row: Int) -> String {
        func isWide(_ x: Int) -> Bool {
            let cell = canvas[x, row]
            return !cell.isContinuation && DisplayWidth.of(cell.text) == 2
        }
        var line = ""
        for x in 0..<canvas.size.width {
            let cell = canvas[x, row]
            let paired = x + 1 < canvas.size.width && canvas[x + 1, row].isContinuation
            if cell.isContinuation {
                line += x > 0 && isWide(x - 1) ? "" : " "
            } else if isWide(x), !paired {
                line += " "
            } else {
                line += cell.text
            }
        }
        return line
    }

    @Test("a wide grapheme written over another is drawn whole")
    func wideOverWide() {
        var canvas = Canvas(size: Size(width: 4, height: 1))
        canvas.put("日", x: 0, y: 0)
        canvas.put("王", x: 0, y: 0)
        let screen = show(ScreenRenderer.changes(from: nil, to: render(canvas)), size: canvas.size)
        #expect(screen.line(0) == Self.expectedLine(canvas, 0))
        #expect(screen.line(0) == "王  ")
        var overlapped = Canvas(size: Size(width: 4, height: 1))
        overlapped.put("王", x: 2, y: 0)
        overlapped.put("王", x: 2, y: 0)
        overlapped.put("x王y", x: 0, y: 0)
        let overlappedScreen = show(ScreenRenderer.changes(from: nil, to: render(overlapped)), size: overlapped.size)
        #expect(overlappedScreen.line(0) == Self.expectedLine(overlapped, 0))
        #expect(overlappedScreen.line(0) == "x王y")
    }

    @Test("drawing only the changes shows the same screen as drawing everything", arguments: 0..<40)
    func incrementalEqualsFull(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let pieces = ["a", "b", " ", "王", "芳", "ë", "e\u{301}", "─", "│", "🙂", "Zoë", "日本", "x王y"]
        let styles = [Style.plain, .bold, Style(foreground: .red), Style(background: .blue), .reverse]
        let size = Size(width: Int.random(in: 1...9, using: &random), height: Int.random(in: 1...4, using: &random))
        var canvas = Canvas(size: size)
        var screen = SimulatedScreen(width: size.width, height: size.height)
        var previous: RenderedScreen?
        for _ in 0..<30 {
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let text = pieces[Int.random(in: 0..<pieces.count, using: &random)]
                let style = styles[Int.random(in: 0..<styles.count, using: &random)]
                canvas.put(text, x: Int.random(in: -1...size.width, using: &random), y: Int.random(in: 0..<size.height, using: &random), style: style)
            }
            let rendered = render(canvas)
            screen.apply(ScreenRenderer.changes(from: previous, to: rendered))
            previous = rendered
            let full = show(ScreenRenderer.changes(from: nil, to: rendered), size: size)
            #expect(screen == full, "seed \(seed)")
            for row in 0..<size.height {
                #expect(screen.line(row) == Self.expectedLine(canvas, row), "seed \(seed) row \(row)")
            }
        }
    }
}
