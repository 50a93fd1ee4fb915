/// One escaper per output context, each written over `unicodeScalars`.
///
/// Never over `Character`s: Swift merges a `"` followed by a combining mark (U+0301) into
/// one grapheme, so a grapheme-level `replacingOccurrences(of: "\"", …)` lets it through
/// (see shared/design/PITFALLS.md). Every function here looks at each scalar on its own.
public enum Escape {
    // MARK: - Display normalisation (visual formats)

    /// Text for one line of a chart, a table cell or a label: line breaks, tabs and other
    /// line-like separators become one space (CR LF counts once), other control characters
    /// are dropped, and bidi controls (which could reorder what is shown) are dropped.
    /// Every other scalar is kept.
    public static func oneLine(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where isLineBreaking(scalar) || isDropped(scalar) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\n", previousWasCR { continue }
            if isLineBreaking(scalar) {
                out.append(" ")
            } else if !isDropped(scalar) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func isLineBreaking(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return !isLineBreaking(scalar) }
        return TextSafety.isBidiControl(scalar)
    }

    // MARK: - XML (SVG, HTML)

    /// Text for XML and HTML content and for quoted attribute values: `& < > " '` become
    /// entities, and characters XML 1.0 forbids (C0 controls other than tab, LF and CR;
    /// U+FFFE, U+FFFF) are dropped.
    public static func xml(_ text: String) -> String {
        // Most text needs nothing: hand it back without rebuilding it scalar by scalar.
        var clean = true
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&", "<", ">", "\"", "'": clean = false
            default: clean = isXMLChar(scalar)
            }
            if !clean { break }
        }
        if clean { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if isXMLChar(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
    static func isXMLChar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    // MARK: - Graphviz DOT

    /// The inside of a DOT quoted string (the caller adds the quotes): `\` → `\\` (so
    /// Graphviz's own escapes such as `\N` or `\l` cannot be formed), `"` → `\"`, a line
    /// break (LF, or CR LF, or CR) → `\n`, tab → space, other control characters and
    /// noncharacters (U+FFFE…) dropped, and `&` → `&amp;`: Graphviz decodes HTML character
    /// entities in every label, so `&lt;` in a name would otherwise be drawn as `<`.
    public static func dot(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": if !previousWasCR { out += "\\n" }
            case "\r": out += "\\n"
            case "\t": out += " "
            case "&": out += "&amp;"
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F..<0xA0).contains(value) || scalar.properties.isNoncharacterCodePoint { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: - CSV

    /// One CSV field per OWASP's CSV-injection advice: always quoted, `"` doubled, and a
    /// `'` put in front of a field that starts with `=`, `+`, `-`, `@`, tab, CR or LF so a
    /// spreadsheet never reads it as a formula. A field that already starts with `'`s
    /// followed by one of those gets one more `'`, so `CSVImport` can undo the guard
    /// exactly (`unguardFormula`).
    public static func csvField(_ text: String) -> String {
        var out = "\""
        if needsFormulaGuard(text) { out += "'" }
        for scalar in text.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        out += "\""
        return out
    }

    static func isFormulaTrigger(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "=", "+", "-", "@", "\t", "\r", "\n": true
        default: false
        }
    }

    /// Whether the field, after any leading `'`s, starts with a formula trigger.
    static func needsFormulaGuard(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            if scalar == "'" { continue }
            return isFormulaTrigger(scalar)
        }
        return false
    }

    /// Undoes `csvField`'s formula guard: one leading `'` is removed from a field whose
    /// remaining text (after any further `'`s) starts with a formula trigger.
    public static func unguardFormula(_ text: String) -> String {
        guard text.unicodeScalars.first == "'" else { return text }
        let rest = String(text.unicodeScalars.dropFirst())
        return needsFormulaGuard(rest) ? rest : text
    }

    /// A list item inside one CSV field (`hats`, `dotted_to`): `\` → `\\` and each of
    /// `separators` → `\` + it, so the list splits back exactly.
    public static func listItem(_ text: String, separators: Set<Unicode.Scalar>) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "\\" || separators.contains(scalar) { out += "\\" }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    // MARK: - Markdown

    /// Text for a Markdown table cell or list item (CommonMark + GitHub extensions), on one
    /// line (`oneLine` first). Every character Markdown gives a meaning to is
    /// backslash-escaped (`\ | * _ ~ \` [ ] < > # $`, a `:` before `//`, an `&` before a
    /// letter or `#`), so no emphasis, code, link, image, HTML, character reference, heading
    /// or math can form; a leading `-`, `+`, `=` or number followed by
    /// `.`/`)` is escaped so it cannot start a list inside a list item; leading spaces
    /// become `&#32;`; `www.` gets its dot escaped and an `@` between two address
    /// characters gets an empty HTML comment before it, because GitHub turns bare
    /// addresses into links even when they are escaped.
    public static func markdownCell(_ text: String) -> String {
        let scalars = Array(oneLine(text).unicodeScalars)
        var out = ""
        out.unicodeScalars.reserveCapacity(scalars.count + 8)
        var index = 0
        var leading = true
        var leadingDigits = 0
        while index < scalars.count {
            let scalar = scalars[index]
            defer { index += 1 }
            if leading {
                if scalar == " " {
                    out += "&#32;"
                    continue
                }
                if (0x30...0x39).contains(scalar.value) {
                    leadingDigits += 1
                    out.unicodeScalars.append(scalar)
                    continue
                }
                leading = false
                if leadingDigits > 0, scalar == "." || scalar == ")" {
                    out += "\\"
                    out.unicodeScalars.append(scalar)
                    continue
                }
                if leadingDigits == 0, scalar == "-" || scalar == "+" || scalar == "=" {
                    out += "\\"
                    out.unicodeScalars.append(scalar)
                    continue
                }
            }
            switch scalar {
            case "\\", "|", "*", "_", "~", "`", "[", "]", "<", ">", "#", "$":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case ":":
                // "https://…" would become a link; "\:" stops it.
                if index + 2 < scalars.count, scalars[index + 1] == "/", scalars[index + 2] == "/" { out += "\\" }
                out += ":"
            case "&":
                // "&amp;" or "&#60;" would be read as a character reference.
                if index + 1 < scalars.count, isEntityStart(scalars[index + 1]) { out += "\\" }
                out += "&"
            case ".":
                if index >= 3, isWWW(scalars[index - 3], scalars[index - 2], scalars[index - 1]) { out += "\\" }
                out += "."
            case "@":
                if index > 0, index + 1 < scalars.count, isAddressCharacter(scalars[index - 1]), isAddressCharacter(scalars[index + 1]) {
                    out += "<!-- -->"
                }
                out += "@"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isEntityStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "#" || (scalar.isASCII && scalar.properties.isAlphabetic)
    }

    private static func isWWW(_ a: Unicode.Scalar, _ b: Unicode.Scalar, _ c: Unicode.Scalar) -> Bool {
        [a, b, c].allSatisfy { $0 == "w" || $0 == "W" }
    }

    private static func isAddressCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
                || scalar == "." || scalar == "+" || scalar == "-" || scalar == "_"
        }
        return false
    }

    // MARK: - Mermaid

    /// The inside of a Mermaid `["…"]` label, on one line (`oneLine` first). Mermaid's
    /// entity codes replace every character with a meaning: `"` → `#quot;`, `#` → `#35;`
    /// (so user text cannot spell an entity), `%` → `#37;` (so `%%` can never open a
    /// comment or an `%%{init}%%` directive), `&` `<` `>` → `#amp;` `#lt;` `#gt;` (labels
    /// are rendered as HTML), `` ` `` → `#96;` (a backtick would start a Markdown string).
    public static func mermaidLabel(_ text: String) -> String {
        var out = ""
        for scalar in oneLine(text).unicodeScalars {
            switch scalar {
            case "\"": out += "#quot;"
            case "#": out += "#35;"
            case "%": out += "#37;"
            case "&": out += "#amp;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "`": out += "#96;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
