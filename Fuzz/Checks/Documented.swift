/// The normalisations docs/exports.md documents for each visual format, written here a
/// second time, independently of `Escape` and `TextSafety`, so the fuzzer checks the
/// exporters against the documentation rather than against themselves.
public enum Documented {
    /// "CR, LF, CR LF, tab and other line separators become a space": tab, LF, VT, FF, CR,
    /// NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// C0 controls, DEL and C1 controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// "bidi controls (U+202A–U+202E, U+2066–U+2069, …)": the embeddings, overrides and
    /// isolates, and the marks LRM, RLM and ALM.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    /// XML 1.0 `Char`.
    static func isXMLChar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// All visual formats: each text on one line. Line breaks (CR LF once) become a space;
    /// other controls and bidi controls are dropped.
    public static func oneLine(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\n", previousWasCR { continue }
            if isLineBreak(scalar) {
                out.append(" ")
            } else if !isControl(scalar), !isBidiControl(scalar) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `text`: the terminal rules — line breaks (tab, LF, CR, VT, FF, NEL, U+2028, U+2029)
    /// become a space, other controls a visible
    /// `?`, bidi controls are dropped.
    public static func terminal(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isBidiControl(scalar) { continue }
            if isLineBreak(scalar) {
                out.append(" ")
            } else if isControl(scalar) {
                out.append("?")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `svg`, `html`: one line, without the characters XML forbids.
    public static func xml(_ text: String) -> String {
        String(String.UnicodeScalarView(oneLine(text).unicodeScalars.filter(isXMLChar)))
    }

    /// `dot`: one line, without noncharacters.
    public static func dot(_ text: String) -> String {
        String(String.UnicodeScalarView(oneLine(text).unicodeScalars.filter { !$0.properties.isNoncharacterCodePoint }))
    }

    /// The import: a value of the e-mail column without an @ is not an e-mail, and is left
    /// out (import.md).
    public static func importedEmail(_ text: String) -> String? {
        text.unicodeScalars.contains("@") ? text : nil
    }

    /// CSV and the import: plain spaces at the two ends of a value are not kept.
    public static func trimSpaces(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}

/// The first index of `needle` in `hay` at or after `start`. Matching UTF-8 bytes is
/// matching Unicode scalars — never `Character`s, since a name that starts with a
/// combining mark merges with the character before it into one grapheme.
func indexOf(_ needle: [UInt8], in hay: [UInt8], from start: Int) -> Int? {
    if needle.isEmpty { return start }
    guard hay.count >= needle.count else { return nil }
    let first = needle[0]
    var index = start
    let last = hay.count - needle.count
    while index <= last {
        if hay[index] == first {
            var offset = 1
            while offset < needle.count, hay[index + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return index }
        }
        index += 1
    }
    return nil
}
