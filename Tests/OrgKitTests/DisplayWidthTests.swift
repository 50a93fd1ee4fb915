import Testing
@testable import OrgKit

@Suite("Display width")
struct DisplayWidthTests {
    /// The fast paths (ASCII, and scripts whose scalars are graphemes of a known width)
    /// give what the grapheme-by-grapheme rule gives.
    @Test("the fast paths agree with the grapheme rule, scalar by scalar and in names")
    func fastPathsAgree() {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x2FF, 0x370...0x52F, 0x3041...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3]
        var checked = 0
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = "a\(scalar)b"
                #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "U+\(String(value, radix: 16))")
                checked += 1
            }
        }
        #expect(checked > 30_000)
        for name in ["Zoë Müller", "Łukasz Żółć", "Αλέξης", "Дмитрий", "王芳", "さくら", "김민준", "e\u{301}mile", "👩‍💻 Ana", "❤️ Bo", "Ana\u{AD}Lee", "Пётр\u{483}"] {
            #expect(DisplayWidth.of(name) == name.reduce(0) { $0 + DisplayWidth.of($1) }, "\(name)")
        }
    }
}
