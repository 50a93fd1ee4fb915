import Foundation
import OrgKit

/// Small drawing helpers shared by the screens.
enum Widgets {
    static let severityColor: [Finding.Severity: Color] = [.critical: .red, .warning: .yellow, .info: .cyan]
    static let severitySymbol: [Finding.Severity: String] = [.critical: "✖", .warning: "▲", .info: "·"]

    static func style(for severity: Finding.Severity?) -> Style {
        guard let severity else { return Style(foreground: .green) }
        return Style(foreground: severityColor[severity] ?? .standard, bold: severity == .critical)
    }

    /// A box with a title in its top border; `focused` draws the title bold.
    static func box(_ canvas: inout Canvas, _ rect: Rect, title: String, focused: Bool = true) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let border = focused ? Style.plain : Style.dim
        canvas.put("┌" + String(repeating: "─", count: rect.width - 2) + "┐", x: rect.x, y: rect.y, style: border)
        for row in rect.y + 1..<rect.maxY - 1 {
            canvas.put("│", x: rect.x, y: row, style: border)
            canvas.put("│", x: rect.maxX - 1, y: row, style: border)
        }
        canvas.put("└" + String(repeating: "─", count: rect.width - 2) + "┘", x: rect.x, y: rect.maxY - 1, style: border)
        if !title.isEmpty, rect.width > 6 {
            canvas.put(" \(DisplayWidth.truncate(title, to: rect.width - 6)) ", x: rect.x + 2, y: rect.y, style: focused ? .bold : .plain)
        }
    }

    /// What a view's marks mean, on the bottom border of its box (left, clear of "N more ↓").
    /// Short of room it keeps the first explanations whole ("! critical · $ special project"
    /// → "! critical"), never half of one.
    static func legend(_ canvas: inout Canvas, _ box: Rect, _ text: String) {
        var parts = text.components(separatedBy: " · ")
        while !parts.isEmpty, DisplayWidth.of(parts.joined(separator: " · ")) > box.width - 20 { parts.removeLast() }
        guard !parts.isEmpty else { return }
        canvas.put(" \(parts.joined(separator: " · ")) ", x: box.x + 2, y: box.maxY - 1, style: .dim)
    }

    /// A load gauge of `width` cells: filled in proportion to the load (full above 100 %).
    static func gauge(_ load: Double, width: Int) -> String {
        let filled = load.isFinite ? min(width, Int((load * Double(width)).rounded())) : width
        return String(repeating: "█", count: max(0, filled)) + String(repeating: "░", count: max(0, width - filled))
    }

    /// "●●● " for three hats; "●●●+" for more than four.
    static func badges(_ count: Int) -> String {
        if count > 4 { return "●●●+" }
        return String(repeating: "●", count: count) + String(repeating: " ", count: 4 - count)
    }

    /// Text right-aligned in `width` columns.
    static func right(_ text: String, _ width: Int) -> String {
        let missing = width - DisplayWidth.of(text)
        return missing > 0 ? String(repeating: " ", count: missing) + text : DisplayWidth.truncate(text, to: width)
    }

    /// Words wrapped to `width` columns; a word longer than a line is cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        // A unit stays with its number: "188 %" and "45.0 h" never break.
        var words: [String] = []
        for word in TextSafety.printable(text).split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let isUnit = word.hasPrefix("%") || word == "h" || (word.hasPrefix("h") && word.dropFirst().first.map { !$0.isLetter } == true)
            if isUnit, let last = words.popLast() {
                words.append(last + "\u{A0}" + word)
            } else {
                words.append(word)
            }
        }
        for word in words {
            if current.isEmpty {
                current = DisplayWidth.truncate(word, to: width)
            } else if DisplayWidth.of(current) + 1 + DisplayWidth.of(word) <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = DisplayWidth.truncate(word, to: width)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.map { $0.replacingOccurrences(of: "\u{A0}", with: " ") }
    }
}

/// A line of text with a style, for panes that are built as lists of lines.
struct StyledLine {
    var text: String
    var style: Style
    /// Extra text drawn after `text` in its own style (a severity word, say).
    var tail: String = ""
    var tailStyle: Style = .plain

    init(_ text: String, _ style: Style = .plain, tail: String = "", tailStyle: Style = .plain) {
        self.text = text
        self.style = style
        self.tail = tail
        self.tailStyle = tailStyle
    }
}
