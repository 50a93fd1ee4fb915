/// Makes user text safe to print on a terminal or in a plain-text file: control
/// characters (which could move the cursor, clear the screen or set the title) become a
/// visible "?", line and paragraph separators (LF, CR, tab, VT, FF, NEL, U+2028, U+2029)
/// become a space, and bidi controls (which could reorder what is shown) are dropped.
///
/// This is the one sanitiser for everything `hats` prints that may hold user text or a
/// user's file name: messages, `check` reports, and any export shown on a terminal.
public enum TextSafety {
    /// One line of text: nothing in it can break the line or drive the terminal.
    public static func printable(_ text: String) -> String {
        clean(text, keepingLines: false)
    }

    /// Text of several lines (an export printed on a terminal): LF, CR LF and tab stay as
    /// they are; everything else as `printable` does it.
    public static func printableLines(_ text: String) -> String {
        clean(text, keepingLines: true)
    }

    /// `printable(text)` written as UTF-8 (a large report is written as bytes).
    public static func appendPrintable(_ text: String, to out: inout [UInt8]) {
        if mayBeUnsafe(text, keepingLines: false) {
            out.append(contentsOf: clean(text, keepingLines: false).utf8)
        } else {
            out.append(contentsOf: text.utf8)
        }
    }

    /// UTF-8 `bytes` (valid, as from a String) written as `printable` would write their text.
    public static func appendPrintable(bytes: [UInt8], to out: inout [UInt8]) {
        let unsafe = bytes.withUnsafeBufferPointer { mayBeUnsafe($0, keepingLines: false) }
        if unsafe {
            out.append(contentsOf: clean(String(decoding: bytes, as: UTF8.self), keepingLines: false).utf8)
        } else {
            out.append(contentsOf: bytes)
        }
    }

    static func clean(_ text: String, keepingLines: Bool) -> String {
        guard mayBeUnsafe(text, keepingLines: keepingLines) else { return text }
        var scalars = String.UnicodeScalarView()
        let all = Array(text.unicodeScalars)
        for (index, scalar) in all.enumerated() {
            if !isUnsafe(scalar) {
                scalars.append(scalar)
            } else if keepingLines, scalar == "\n" || scalar == "\t" {
                scalars.append(scalar)
            } else if keepingLines, scalar == "\r", index + 1 < all.count, all[index + 1] == "\n" {
                continue  // CR LF (a CSV's line ending) is one line break
            } else if isBidiControl(scalar) {
                continue
            } else {
                scalars.append(Escape.isLineBreaking(scalar) ? " " : "?")
            }
        }
        return String(scalars)
    }

    /// Whether `text` may hold a scalar `isUnsafe` finds, read from its UTF-8 bytes (most
    /// text has none, and a byte scan is far quicker than decoding every scalar): a byte
    /// below 0x20 or 0x7F, or the encodings of U+0080–U+009F (C2 80–9F), U+061C (D8 9C),
    /// U+200E–U+200F (E2 80 8E–8F), U+2028–U+202E (E2 80 A8–AE) and U+2066–U+2069
    /// (E2 81 A6–A9). Exactly when a scalar is unsafe (a test
    /// compares it with `isUnsafe` for every scalar).
    static func mayBeUnsafe(_ text: String, keepingLines: Bool) -> Bool {
        var text = text
        return text.withUTF8 { mayBeUnsafe($0, keepingLines: keepingLines) }
    }

    static func mayBeUnsafe(_ bytes: UnsafeBufferPointer<UInt8>, keepingLines: Bool) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 {
                if !(keepingLines && (byte == 0x0A || byte == 0x09)) { return true }
            } else if byte >= 0x7F {
                switch byte {
                case 0x7F: return true
                case 0xC2: if index + 1 < count, bytes[index + 1] <= 0x9F { return true }
                case 0xD8: if index + 1 < count, bytes[index + 1] == 0x9C { return true }
                case 0xE2:
                    guard index + 2 < count else { break }
                    let (second, third) = (bytes[index + 1], bytes[index + 2])
                    if second == 0x80, (0x8E...0x8F).contains(third) || (0xA8...0xAE).contains(third) { return true }
                    if second == 0x81, (0xA6...0xA9).contains(third) { return true }
                default: break
                }
            }
            index += 1
        }
        return false
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 || isBidiControl(scalar)
    }

    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}
