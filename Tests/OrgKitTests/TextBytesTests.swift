import Testing
@testable import OrgKit

/// The byte-level paths a large report is written with agree with the definitions they
/// stand in for.
@Suite("Text written as bytes")
struct TextBytesTests {
    @Test("the UTF-8 scan for unsafe text flags exactly the scalars isUnsafe names, alone and inside text")
    func unsafeScan() {
        var flagged = 0
        var wrong: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let alone = String(Character(scalar))
            let inside = "a—" + alone + "→b"
            for keepingLines in [false, true] {
                let expected = TextSafety.isUnsafe(scalar) && !(keepingLines && (scalar == "\n" || scalar == "\t"))
                if TextSafety.mayBeUnsafe(alone, keepingLines: keepingLines) != expected || TextSafety.mayBeUnsafe(inside, keepingLines: keepingLines) != expected {
                    wrong.append("U+\(String(value, radix: 16)) keepingLines: \(keepingLines)")
                }
            }
            if TextSafety.isUnsafe(scalar) { flagged += 1 }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
        // C0 (32), DEL and C1 (33), U+2028/9, bidi controls (5 + 4 + 2 + 1).
        #expect(flagged == 32 + 33 + 2 + 12)
    }

    @Test("appendPrintable writes what printable returns")
    func appendPrintable() {
        for text in ["Dana Reyes", "王芳", "Zoë — 45.0 h → 86 %", "tab\there", "bell\u{7}", "\u{202E}evil", "line\u{2028}break", "", "c1\u{85}x"] {
            var bytes: [UInt8] = [0x41]
            TextSafety.appendPrintable(text, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "A" + TextSafety.printable(text))
        }
        #expect(TextSafety.printable("a\u{202E}b\u{1B}[2Jc\u{2028}d") == "ab?[2Jc d")
        for text in ["Dana Reyes — 45.0 h", "bell\u{7}", "\u{202E}evil", "王芳"] {
            var bytes: [UInt8] = []
            TextSafety.appendPrintable(bytes: Array(text.utf8), to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == TextSafety.printable(text))
        }
    }

    @Test("numbers written as bytes read as before: one decimal, percentages, whole numbers")
    func numbers() {
        let cases: [(Double, String)] = [(0, "0.0"), (45, "45.0"), (27.04, "27.0"), (27.05, "27.1"), (0.96, "1.0"), (-0.04, "0.0"),
                                         (-0.5, "-0.5"), (-12.34, "-12.3"), (1_234_567.89, "1234567.9"), (.infinity, "∞"), (-.infinity, "—"), (.nan, "—")]
        for (value, text) in cases { #expect(Format.oneDecimal(value) == text, "\(value)") }
        let percents: [(Double, String)] = [(1.875, "188 %"), (0, "0 %"), (0.005, "1 %"), (1.25, "125 %"), (-0.125, "-13 %"), (.infinity, "∞ %")]
        for (value, text) in percents { #expect(Format.percent(value) == text, "\(value)") }
        let grouped: [(Int, String)] = [(0, "0"), (999, "999"), (1_000, "1,000"), (-1_000, "-1,000"), (-999, "-999"), (10_000, "10,000"),
                                        (1_234_567, "1,234,567"), (Int.min, "-9,223,372,036,854,775,808")]
        for (number, text) in grouped { #expect(Format.grouped(number) == text) }
        #expect(Format.hours(45) == "45.0 h")
        for number in [0, 7, -7, 10, 999, 1_000_000, Int.max, Int.min] {
            var bytes: [UInt8] = []
            Format.appendInteger(number, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(number))
        }
    }
}
