import Testing
@testable import Terminal

@Suite("ASCII fallback (no UTF-8 locale)")
struct AsciiFallbackTests {
    @Test("ASCII stays as it is")
    func ascii() {
        for text in ["a", "Z", " ", "~", "|", "-", "+", "?", "0"] {
            #expect(AsciiFallback.cell(text) == text)
        }
    }

    @Test("box drawing becomes - | and + for corners, tees and crosses")
    func boxDrawing() {
        for line in ["─", "━", "┄", "═", "╌"] { #expect(AsciiFallback.cell(line) == "-", "\(line)") }
        for line in ["│", "┃", "┆", "║"] { #expect(AsciiFallback.cell(line) == "|", "\(line)") }
        for corner in ["┌", "┐", "└", "┘", "├", "┤", "┬", "┴", "┼", "╭", "╮", "╯", "╰", "╔", "╬"] {
            #expect(AsciiFallback.cell(corner) == "+", "\(corner)")
        }
    }

    @Test("the app's symbols have ASCII look-alikes")
    func symbols() {
        let expected: [String: String] = [
            "✖": "X", "▲": "!", "●": "*", "◇": "o", "▸": ">", "▾": "v", "█": "#", "░": ".",
            "·": ".", "→": ">", "←": "<", "↑": "^", "↓": "v", "⇢": ">", "┄": "-",
        ]
        for (symbol, ascii) in expected {
            #expect(AsciiFallback.cell(symbol) == ascii, "\(symbol)")
        }
    }

    @Test("an ellipsis stays one column in a cell")
    func ellipsis() {
        #expect(AsciiFallback.cell("…") == ".")
    }

    @Test("anything else non-ASCII is ?, always one column")
    func others() {
        for text in ["é", "e\u{301}", "ë", "Ω", "€", "🙂", "\u{FFFD}", "a\u{301}"] {
            #expect(AsciiFallback.cell(text) == "?", "\(text)")
        }
        #expect(AsciiFallback.cell("") == " ")
        #expect(AsciiFallback.wideReplacement == "?")
    }

    @Test("every result is exactly one printable ASCII character")
    func oneColumn() {
        for value in UInt32(0x20)...0x2FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let result = AsciiFallback.cell(String(scalar))
            #expect(result.unicodeScalars.count == 1)
            #expect(result.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }, "U+\(String(value, radix: 16))")
        }
    }
}
