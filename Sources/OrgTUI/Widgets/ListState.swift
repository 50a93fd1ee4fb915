/// The selected row of a list and the first row its window shows, as ratatui's
/// `ListState`: a plain value kept in the app state, changed by `update`, read by
/// `ListView` when drawing. Every change takes the list's length and the window's height
/// as they are now, so a list that shrank (resize, filter, delete) is put right on the
/// next change, and `window` puts it right when drawing before then.
public struct ListState: Equatable, Sendable {
    public var selected: Int
    public var offset: Int

    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// The rows shown for a list of `count` rows in a window of `rows`: from the stored
    /// offset, but never leaving empty rows below while rows above are hidden — so a list
    /// that fits is always shown from its top.
    public func window(count: Int, rows: Int) -> Range<Int> {
        let rows = max(1, rows)
        let start = max(0, min(offset, count - rows))
        return start..<min(count, start + rows)
    }

    /// Selects `index` (clamped to the list) and scrolls the least that shows it.
    public mutating func select(_ index: Int, count: Int, rows: Int) {
        let rows = max(1, rows)
        selected = max(0, min(index, count - 1))
        offset = window(count: count, rows: rows).lowerBound
        if selected < offset { offset = selected }
        if selected >= offset + rows { offset = selected - rows + 1 }
    }

    /// Moves the selection by `delta` rows, clamped at both ends. With `selectable` (the
    /// rows that can be selected, in order), moves by `delta` of those rows instead, so
    /// headings and blank lines are stepped over.
    public mutating func move(by delta: Int, count: Int, rows: Int, among selectable: [Int]? = nil) {
        guard let selectable else {
            select(Self.adding(delta, to: selected), count: count, rows: rows)
            return
        }
        guard !selectable.isEmpty else { return fit(count: count, rows: rows) }
        let position = selectable.firstIndex(of: selected) ?? 0
        let target = max(0, min(Self.adding(delta, to: position), selectable.count - 1))
        select(selectable[target], count: count, rows: rows)
    }

    public mutating func moveDown(count: Int, rows: Int) { move(by: 1, count: count, rows: rows) }
    public mutating func moveUp(count: Int, rows: Int) { move(by: -1, count: count, rows: rows) }
    public mutating func pageDown(count: Int, rows: Int) { move(by: max(1, rows), count: count, rows: rows) }
    public mutating func pageUp(count: Int, rows: Int) { move(by: -max(1, rows), count: count, rows: rows) }
    public mutating func home(count: Int, rows: Int) { select(0, count: count, rows: rows) }
    public mutating func end(count: Int, rows: Int) { select(count - 1, count: count, rows: rows) }

    /// Keeps the selection in the list and on screen after the list or its window changed.
    public mutating func fit(count: Int, rows: Int) { select(selected, count: count, rows: rows) }

    /// Scrolls a list without a selection (a page of text) by `delta` rows.
    public mutating func scroll(by delta: Int, count: Int, rows: Int) {
        offset = max(0, min(Self.adding(delta, to: offset), count - max(1, rows)))
    }

    /// `value + delta` without overflow, for "move to the end" as a very large step.
    private static func adding(_ delta: Int, to value: Int) -> Int {
        let (sum, overflow) = value.addingReportingOverflow(delta)
        return overflow ? (delta > 0 ? Int.max : Int.min) : sum
    }
}
