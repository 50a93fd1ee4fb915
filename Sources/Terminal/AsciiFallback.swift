/// What the session draws when no UTF-8 locale could be set: every cell becomes one
/// printable ASCII column. Box drawing becomes `-`, `|` and `+`, the app's symbols become
/// look-alikes, and anything else that is not ASCII becomes `?`.
public enum AsciiFallback {
    /// The ASCII text for one narrow (one-column) grapheme, always exactly one column.
    /// A wide grapheme is drawn as `wideReplacement` plus a space in its continuation cell.
    public static func cell(_ grapheme: String) -> String {
        let scalars = grapheme.unicodeScalars
        guard let first = scalars.first else { return " " }
        if scalars.count == 1 {
            if first.value >= 0x20, first.value < 0x7F { return grapheme }
            if let mapped = symbols[first.value] { return mapped }
            if let mapped = boxDrawing(first.value) { return mapped }
        }
        return "?"
    }

    /// Drawn in place of a wide (two-column) grapheme; its continuation cell gets a space.
    public static let wideReplacement = "?"

    /// The app's symbols. "…" would be "..." in running text; in a cell it must stay one
    /// column, so it is ".".
    static let symbols: [UInt32: String] = [
        0x2716: "X",  // ✖
        0x25B2: "!",  // ▲
        0x25CF: "*",  // ●
        0x25C7: "o",  // ◇
        0x25B8: ">",  // ▸
        0x25BE: "v",  // ▾
        0x2588: "#",  // █
        0x2591: ".",  // ░
        0x00B7: ".",  // ·
        0x2026: ".",  // …
        0x2192: ">",  // →
        0x2190: "<",  // ←
        0x2191: "^",  // ↑
        0x2193: "v",  // ↓
        0x21E2: ">",  // ⇢
        0x00A0: " ",  // no-break space
    ]

    /// U+2500–U+257F: horizontal lines → "-", vertical lines → "|", corners, tees and
    /// crosses → "+".
    static func boxDrawing(_ value: UInt32) -> String? {
        guard (0x2500...0x257F).contains(value) else { return nil }
        switch value {
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550,
             0x2574, 0x2576, 0x2578, 0x257A, 0x257C, 0x257E:
            return "-"
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551,
             0x2575, 0x2577, 0x2579, 0x257B, 0x257D, 0x257F:
            return "|"
        case 0x2571: return "/"
        case 0x2572: return "\\"
        case 0x2573: return "X"
        default:
            return "+"
        }
    }
}
