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

    static func clean(_ text: String, keepingLines: Bool) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where isUnsafe(scalar) && !(keepingLines && (scalar == "\n" || scalar == "\t")) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
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
