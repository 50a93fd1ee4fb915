import Testing
@testable import OrgKit
@testable import OrgTUI

/// The one list state every list of the builder scrolls with.
@Suite("List state")
struct ListStateTests {
    @Test("moving down scrolls the least that shows the selection; moving up scrolls back")
    func moving() {
        var list = ListState()
        for _ in 0..<4 { list.moveDown(count: 10, rows: 3) }
        #expect(list == ListState(selected: 4, offset: 2))
        list.moveUp(count: 10, rows: 3)
        list.moveUp(count: 10, rows: 3)
        #expect(list == ListState(selected: 2, offset: 2))
        list.moveUp(count: 10, rows: 3)
        #expect(list == ListState(selected: 1, offset: 1))
    }

    @Test("the ends stop the selection")
    func ends() {
        var list = ListState()
        list.moveUp(count: 5, rows: 3)
        #expect(list == ListState(selected: 0, offset: 0))
        list.end(count: 5, rows: 3)
        #expect(list == ListState(selected: 4, offset: 2))
        list.moveDown(count: 5, rows: 3)
        #expect(list == ListState(selected: 4, offset: 2))
        list.move(by: Int.max, count: 5, rows: 3)
        #expect(list.selected == 4)
        list.move(by: Int.min, count: 5, rows: 3)
        #expect(list == ListState(selected: 0, offset: 0))
        list.home(count: 5, rows: 3)
        #expect(list == ListState(selected: 0, offset: 0))
    }

    @Test("paging moves a window's height")
    func paging() {
        var list = ListState()
        list.pageDown(count: 20, rows: 5)
        #expect(list == ListState(selected: 5, offset: 1))
        list.pageDown(count: 20, rows: 5)
        #expect(list == ListState(selected: 10, offset: 6))
        list.pageDown(count: 20, rows: 5)
        list.pageDown(count: 20, rows: 5)
        #expect(list == ListState(selected: 19, offset: 15))
        list.pageUp(count: 20, rows: 5)
        #expect(list == ListState(selected: 14, offset: 14))
    }

    @Test("after the list shrinks the selection is clamped and no rows are left empty below")
    func shrinking() {
        var list = ListState()
        list.end(count: 30, rows: 5)
        #expect(list == ListState(selected: 29, offset: 25))
        list.fit(count: 12, rows: 5)
        #expect(list == ListState(selected: 11, offset: 7))
        #expect(list.window(count: 12, rows: 5) == 7..<12)
        // A taller window (a resize) shows more above, not empty rows below.
        list.fit(count: 12, rows: 8)
        #expect(list == ListState(selected: 11, offset: 4))
        list.fit(count: 0, rows: 8)
        #expect(list == ListState(selected: 0, offset: 0))
        #expect(list.window(count: 0, rows: 8).isEmpty)
    }

    @Test("a list that fits is shown from its top, even before the next change")
    func fitsFromTop() {
        var list = ListState()
        list.end(count: 40, rows: 10)
        #expect(list.offset == 30)
        // Filtered down, or the window grew: drawing already shows it from the top ...
        #expect(list.window(count: 6, rows: 10) == 0..<6)
        #expect(list.window(count: 40, rows: 50) == 0..<40)
        // ... and the next change stores that.
        list.fit(count: 6, rows: 10)
        #expect(list == ListState(selected: 5, offset: 0))
    }

    @Test("moving among the selectable rows steps over headings and blank lines")
    func selectable() {
        // Rows 0-2 people, 3 blank, 4 heading, 5-6 people.
        let selectable = [0, 1, 2, 5, 6]
        var list = ListState(selected: 2)
        list.move(by: 1, count: 7, rows: 10, among: selectable)
        #expect(list.selected == 5)
        list.move(by: -1, count: 7, rows: 10, among: selectable)
        #expect(list.selected == 2)
        list.move(by: 99, count: 7, rows: 10, among: selectable)
        #expect(list.selected == 6)
    }

    @Test("a page of text scrolls without a selection and stops at its last page")
    func text() {
        var list = ListState()
        list.scroll(by: 100, count: 30, rows: 10)
        #expect(list.offset == 20)
        list.scroll(by: -3, count: 30, rows: 10)
        #expect(list.offset == 17)
        list.scroll(by: 5, count: 4, rows: 10)
        #expect(list.offset == 0)
    }

    @Test("the widget draws the window and says how many rows are hidden below")
    func widget() {
        var canvas = Canvas(size: Size(width: 20, height: 5))
        let box = Rect(x: 0, y: 0, width: 20, height: 5)
        Widgets.box(&canvas, box, title: "")
        let list = ListState(selected: 4, offset: 2)
        ListView.draw(&canvas, box.inset(1), list, count: 10, box: box) { canvas, index, line, selected in
            canvas.put((selected ? "▸ " : "  ") + "row \(index)", x: line.x, y: line.y)
        }
        #expect(canvas.lines() == [
            "┌──────────────────┐",
            "│  row 2           │",
            "│  row 3           │",
            "│▸ row 4           │",
            "└───── 5 more ↓ ───┘",
        ])
    }
}
