/// Where everything goes on a screen of a given size. `update` uses it to keep the
/// selection visible, `view` to draw, so the two always agree.
struct Layout {
    static let minimum = Size(width: 60, height: 15)
    /// From this width the details pane sits beside the list; below, under it.
    static let sideBySideWidth = 100

    let size: Size
    let header: Rect
    let banner: Rect?
    /// The list pane, border included.
    let list: Rect
    /// The details pane, border included; nil when hidden.
    let detail: Rect?
    let status: Rect

    var isTooSmall: Bool { size.width < Self.minimum.width || size.height < Self.minimum.height }

    init(size: Size, whatIf: Bool, showDetail: Bool) {
        self.size = size
        header = Rect(x: 0, y: 0, width: size.width, height: 1)
        status = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        banner = whatIf ? Rect(x: 0, y: 1, width: size.width, height: 1) : nil
        let top = whatIf ? 2 : 1
        let main = Rect(x: 0, y: top, width: size.width, height: size.height - 1 - top)
        if !showDetail {
            list = main
            detail = nil
        } else if size.width >= Self.sideBySideWidth {
            let listWidth = size.width * 54 / 100
            list = Rect(x: 0, y: main.y, width: listWidth, height: main.height)
            detail = Rect(x: listWidth, y: main.y, width: size.width - listWidth, height: main.height)
        } else {
            let detailHeight = max(7, main.height * 2 / 5)
            list = Rect(x: 0, y: main.y, width: size.width, height: main.height - detailHeight)
            detail = Rect(x: 0, y: list.maxY, width: size.width, height: detailHeight)
        }
    }

    init(_ state: AppState) {
        self.init(size: state.size, whatIf: !state.away.isEmpty, showDetail: state.showDetail)
    }

    /// Rows of content inside the list pane (below its border and column headings).
    func listRows(for tab: Tab) -> Int {
        max(1, list.height - 2 - Self.headingRows(tab))
    }

    static func headingRows(_ tab: Tab) -> Int {
        switch tab {
        case .chart, .findings: 0
        case .people, .roles, .plan: 1
        case .duties: 1
        }
    }
}
