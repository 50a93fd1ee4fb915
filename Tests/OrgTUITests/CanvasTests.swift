import Testing
import OrgKit
@testable import OrgTUI

@Suite("Canvas")
struct CanvasTests {
    @Test("wide graphemes take two cells; overwriting half of one clears the other half")
    func wideGraphemes() {
        var canvas = Canvas(size: Size(width: 8, height: 2))
        #expect(canvas.put("王芳ab", x: 0, y: 0) == 6)
        #expect(canvas.lines()[0] == "王芳ab  ")
        #expect(canvas[1, 0].isContinuation)
        canvas.put("x", x: 1, y: 0)
        #expect(canvas.lines()[0] == " x芳ab  ")
        canvas.put("y", x: 2, y: 0)
        #expect(canvas.lines()[0] == " xy ab  ")
    }

    @Test("a wide grapheme that does not fit the limit becomes a space; text is clipped")
    func clipping() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        #expect(canvas.put("ab王", x: 0, y: 0, limit: 3) == 2)
        #expect(canvas.lines()[0] == "ab    ")
        canvas.put("abcdefgh", x: 3, y: 0)
        #expect(canvas.lines()[0] == "ab abc")
        canvas.put("Zoë Müller", x: 0, y: 0, width: 6)
        #expect(canvas.lines()[0] == "Zoë M…")
    }

    @Test("combining marks stay with their base; controls and bidi overrides are neutralised")
    func combiningAndControls() {
        var canvas = Canvas(size: Size(width: 10, height: 1))
        canvas.put("e\u{301}\u{1B}[2J\u{202E}x", x: 0, y: 0)
        #expect(canvas.lines()[0] == "e\u{301}?[2Jx    ")
    }

    @Test("putting outside the canvas does nothing, a 1×1 canvas works")
    func outside() {
        var canvas = Canvas(size: Size(width: 1, height: 1))
        canvas.put("hello", x: -3, y: 0)
        canvas.put("hello", x: 0, y: 5)
        canvas.put("王", x: 0, y: 0)
        canvas.fill(Rect(x: -5, y: -5, width: 50, height: 50), style: .reverse)
        #expect(canvas.lines() == [" "])
    }

    @Test("rectangles wholly outside the canvas do nothing (no crash)")
    func outsideRectangles() {
        var canvas = Canvas(size: Size(width: 7, height: 3))
        canvas.put("x", x: 2, y: 4, width: 3)
        canvas.fill(Rect(x: 9, y: 0, width: 3, height: 3))
        canvas.fill(Rect(x: 0, y: 5, width: 3, height: 3))
        canvas.restyle(Rect(x: 8, y: 8, width: 2, height: 2)) { $0.bold = true }
        #expect(canvas.lines() == ["       ", "       ", "       "])
    }

    @Test("a wide grapheme over another at the same column, and every overlap, leaves whole glyphs")
    func wideOverWide() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        canvas.put("日", x: 0, y: 0)
        canvas.put("王", x: 0, y: 0)
        #expect(canvas.lines() == ["王    "])
        canvas.put("王", x: 2, y: 0)
        canvas.put("王", x: 2, y: 0)
        canvas.put("x王y", x: 0, y: 0)
        #expect(canvas.lines() == ["x王y  "])
        canvas.put("日本", x: 1, y: 0)
        #expect(canvas.lines() == ["x日本 "])
        // Every cell's right half belongs to a wide grapheme on its left.
        for column in 0..<6 where canvas[column, 0].isContinuation {
            #expect(column > 0 && DisplayWidth.of(canvas[column - 1, 0].text) == 2)
        }
    }

    @Test("invisible format characters (U+FEFF, U+200B, U+2060, tag characters) take no cell and are not sent")
    func invisibleFormatCharacters() {
        var canvas = Canvas(size: Size(width: 12, height: 2))
        canvas.put("Sam\u{FEFF}Ortiz\u{FEFF}|", x: 0, y: 0)
        canvas.put("Lee\u{E0041}\u{E0042}\u{200B}\u{2060}Park|", x: 0, y: 1)
        #expect(canvas.lines() == ["SamOrtiz|   ", "LeePark|    "])
        for y in 0..<2 {
            for x in 0..<12 {
                #expect(!canvas[x, y].text.unicodeScalars.contains { $0.properties.isDefaultIgnorableCodePoint })
            }
        }
        // The emoji joiner and presentation selectors stay: they decide how emoji look.
        var emoji = Canvas(size: Size(width: 6, height: 1))
        emoji.put("👩\u{200D}💻✔\u{FE0F}", x: 0, y: 0)
        #expect(emoji[0, 0].text == "👩\u{200D}💻")
        #expect(emoji[2, 0].text == "✔\u{FE0F}")
    }

    @Test("the styled text lists each row's runs of one non-plain style, with their text")
    func styleRuns() {
        var canvas = Canvas(size: Size(width: 14, height: 4))
        canvas.put("Dana", x: 0, y: 0)
        canvas.put("166% ✖", x: 6, y: 0, style: Widgets.style(for: .critical))
        canvas.fill(Rect(x: 0, y: 1, width: 3, height: 1), style: .reverse)
        canvas.put("│", x: 0, y: 2, style: .dim)
        canvas.put("│", x: 0, y: 3, style: .dim)
        #expect(canvas.styledText == """
            Dana  166% ✖

            │
            │
            \(Canvas.styleRunsHeading)
            row 0: 6-11 red bold "166% ✖"
            row 1: 0-2 reverse
            rows 2-3: 0 dim "│"

            """)
    }
}
