/// Makes user text safe to print on a terminal or in a plain-text file: control
/// characters (which could move the cursor, clear the screen or set the title) and bidi
/// controls (which could reorder what is shown) become a visible "?" or are dropped.
public enum TextSafety {
    public static func printable(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where isUnsafe(scalar) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                if isBidiControl(scalar) { continue }
                scalars.append(scalar == "\t" || scalar == "\n" || scalar == "\r" ? " " : "?")
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || isBidiControl(scalar)
    }

    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}
