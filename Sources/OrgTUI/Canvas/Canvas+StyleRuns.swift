/// The screen with its styles written out, as ratatui's `Buffer` debug output: the text,
/// then for each row that has any, its runs of cells in one style other than plain. Golden
/// files store this where a wrong colour would mislead a user (a severity drawn in the
/// wrong colour), and a person reviews it as text.
extension Canvas {
    /// The line between the text and the style runs.
    public static let styleRunsHeading = "── styles: row: columns style \"text\" ──"

    public var styledText: String {
        var out = text + Self.styleRunsHeading + "\n"
        // Rows with the same runs (a box's sides) share one line: "rows 4-9: …".
        var row = 0
        while row < size.height {
            let runs = styleRuns(row: row).joined(separator: " · ")
            var last = row
            while last + 1 < size.height, styleRuns(row: last + 1).joined(separator: " · ") == runs { last += 1 }
            if !runs.isEmpty { out += (last == row ? "row \(row): " : "rows \(row)-\(last): ") + runs + "\n" }
            row = last + 1
        }
        return out
    }

    /// `3-9 red bold "✖ 2 critical"`: the columns (first-last, counted from 0), the style,
    /// and the text with its outer spaces trimmed (none when it is only spaces).
    func styleRuns(row: Int) -> [String] {
        var runs: [String] = []
        var column = 0
        while column < size.width {
            let style = self[column, row].style
            var end = column
            var text = ""
            while end < size.width, self[end, row].style == style {
                text += self[end, row].text
                end += 1
            }
            if style != .plain {
                let columns = end - 1 == column ? "\(column)" : "\(column)-\(end - 1)"
                let trimmed = text.trimming(" ")
                runs.append(columns + " " + Self.describe(style) + (trimmed.isEmpty ? "" : " \"\(trimmed)\""))
            }
            column = end
        }
        return runs
    }

    static func describe(_ style: Style) -> String {
        var words: [String] = []
        if style.foreground != .standard { words.append("\(style.foreground)") }
        if style.background != .standard { words.append("on \(style.background)") }
        if style.bold { words.append("bold") }
        if style.dim { words.append("dim") }
        if style.reverse { words.append("reverse") }
        if style.underline { words.append("underline") }
        return words.joined(separator: " ")
    }
}

extension String {
    fileprivate func trimming(_ character: Character) -> String {
        guard let first = firstIndex(where: { $0 != character }), let last = lastIndex(where: { $0 != character }) else { return "" }
        return String(self[first...last])
    }
}
