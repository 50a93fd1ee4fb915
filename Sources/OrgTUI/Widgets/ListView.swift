/// Draws the window of a list that `ListState` says is shown, one row per line of `rect`,
/// and says how many rows are hidden below ("12 more ↓") on the bottom border of `box`.
/// The rows themselves are drawn by the caller, who knows what they hold.
enum ListView {
    /// Returns the rows drawn, for callers that lay out more by them.
    @discardableResult
    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ list: ListState, count: Int, box: Rect? = nil,
                     row draw: (inout Canvas, _ index: Int, _ line: Rect, _ selected: Bool) -> Void) -> Range<Int> {
        guard rect.height > 0 else {
            if let box { moreBelow(&canvas, box, hidden: count) }
            return 0..<0
        }
        let window = list.window(count: count, rows: rect.height)
        for index in window {
            draw(&canvas, index, Rect(x: rect.x, y: rect.y + index - window.lowerBound, width: rect.width, height: 1), index == list.selected)
        }
        if let box { moreBelow(&canvas, box, hidden: count - window.upperBound) }
        return window
    }

    /// "N more ↑" at the right of a box's top border, when rows are hidden above.
    static func moreAbove(_ canvas: inout Canvas, _ box: Rect, hidden: Int) {
        guard hidden > 0, box.width > 30 else { return }
        canvas.put(" \(hidden) more ↑ ", x: box.maxX - 14, y: box.y, style: .dim, limit: 13)
    }

    /// "N more ↓" at the right of a box's bottom border, when rows are hidden below.
    static func moreBelow(_ canvas: inout Canvas, _ box: Rect, hidden: Int) {
        guard hidden > 0, box.width > 12 else { return }
        canvas.put(" \(hidden) more ↓ ", x: box.maxX - 14, y: box.maxY - 1, style: .dim, limit: 13)
    }
}
