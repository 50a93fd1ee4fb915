import OrgKit

extension App {
    /// The whole screen for a state.
    public static func view(_ state: AppState) -> Canvas {
        Screens.render(state)
    }
}

/// Drawing: pure functions from the state to a Canvas.
enum Screens {
    static func render(_ state: AppState) -> Canvas {
        var canvas = Canvas(size: state.size)
        let layout = Layout(state)
        if layout.isTooSmall {
            tooSmall(&canvas, ignoredKeys: state.keysIgnoredWhileSmall)
            return canvas
        }
        if let start = state.starting {
            startScreen(&canvas, state, start)
            drawDialogs(&canvas, state)
            return canvas
        }
        header(&canvas, state)
        if let banner = layout.banner { whatIfBanner(&canvas, state, banner) }
        listPane(&canvas, state, layout.list)
        // What the details hide above and below, for the status bar's J and K hints: worked
        // out by drawing them, not again.
        let hidden = layout.detail.map { DetailPane.draw(&canvas, state, $0) } ?? (above: 0, below: 0)
        statusBar(&canvas, state, layout.status, detailsHidden: hidden)
        drawDialogs(&canvas, state)
        return canvas
    }

    // MARK: - Header

    static let tabLabels: [(Tab, String)] = Tab.allCases.map { ($0, " \($0.rawValue) \($0.title) ") }

    /// The header's title, and its markers in long and short forms.
    static func headerText(_ state: AppState) -> (title: String, long: String, short: String) {
        let document = state.document
        let source: String
        if let path = document.path {
            source = document.isNew ? "\(path) (new file)" : path
        } else {
            source = document.origin.map { "\($0), not saved yet" } ?? "not saved yet"
        }
        let name = document.org.name.isEmpty ? "Untitled org" : document.org.name
        let title = (state.size.width >= Layout.sideBySideWidth ? " hats  " : " ") + "\(name) — \(source)"
        var long = document.isModified ? "  ● unsaved" : ""
        if state.diskChanged { long += "  ⚠ changed on disk" }
        let unprotected = state.recovery.failure != nil && document.isModified
        if unprotected { long += "  ⚠ no crash copy" }
        let short = (document.isModified ? " ●" : "") + (state.diskChanged ? " ⚠ disk" : "") + (unprotected ? " ⚠ copy" : "")
        return (title, long, short)
    }

    /// Where each tab label is in the header, for drawing and for mouse clicks: whole names
    /// when they leave room for the markers and 24 columns of the title, else the current
    /// view's name and the others' numbers (" 1  2  3 Roles  4  5  6 ").
    static func tabPositions(_ state: AppState) -> [(Tab, String, Range<Int>)] {
        let width = state.size.width
        let text = headerText(state)
        let total = tabLabels.reduce(0) { $0 + DisplayWidth.of($1.1) }
        let full = width - total - 1 >= min(DisplayWidth.of(text.title), 24) + DisplayWidth.of(text.long)
        let labels = full ? tabLabels : tabLabels.map { tab, label in (tab, tab == state.tab ? label : " \(tab.rawValue) ") }
        var x = max(0, width - labels.reduce(0) { $0 + DisplayWidth.of($1.1) })
        return labels.map { tab, label in
            let range = x..<(x + DisplayWidth.of(label))
            x += DisplayWidth.of(label)
            return (tab, label, range)
        }
    }

    static func header(_ canvas: inout Canvas, _ state: AppState) {
        let width = state.size.width
        canvas.fill(Rect(x: 0, y: 0, width: width, height: 1), style: .reverse)
        let positions = tabPositions(state)
        let tabsStart = positions.first?.2.lowerBound ?? width
        let (title, long, short) = headerText(state)
        // The unsaved marker is never cut: the title gives way to it. Narrow: short
        // markers, so the org's name still shows.
        let marker = tabsStart - 1 - DisplayWidth.of(long) < 16 ? short : long
        let room = max(0, tabsStart - 1 - DisplayWidth.of(marker))
        let used = canvas.put(DisplayWidth.truncate(title, to: room), x: 0, y: 0, style: .reverse.with(bold: true))
        canvas.put(marker, x: used, y: 0, style: Style(foreground: .yellow, bold: true, reverse: true), limit: max(0, tabsStart - 1 - used))
        for (tab, label, range) in positions {
            let style = tab == state.tab ? Style(bold: true, underline: true) : .reverse
            canvas.put(label, x: range.lowerBound, y: 0, style: style)
        }
    }

    static func whatIfBanner(_ canvas: inout Canvas, _ state: AppState, _ rect: Rect) {
        let org = state.document.org
        let names = state.away.sorted().compactMap { org.person($0)?.name }
        let counts = state.comparison.map { " · \($0.new.count) new, \($0.worse.count) worse, \($0.better.count) better, \($0.resolved.count) resolved" } ?? ""
        let text = " What-if: \(names.joined(separator: ", ")) away\(counts) · w toggles, W ends"
        canvas.fill(rect, style: Style(foreground: .black, background: .yellow))
        canvas.put(text, x: rect.x, y: rect.y, style: Style(foreground: .black, background: .yellow, bold: true), limit: rect.width)
    }

    // MARK: - Status bar

    static func statusBar(_ canvas: inout Canvas, _ state: AppState, _ rect: Rect, detailsHidden: (above: Int, below: Int) = (0, 0)) {
        var x = rect.x + 1
        if state.status == nil, let failure = state.recovery.failure, state.document.isModified {
            // Until a copy is written again, the one thing worth the whole line.
            let text = "Crash protection off: \(failure)"
            canvas.put(DisplayWidth.truncate(text, to: rect.width - 2), x: x, y: rect.y, style: Style(foreground: .red, bold: true))
            return
        }
        // Below 100 columns the counts go without their words ("✖ 1  ▲ 5  · 0"), so the
        // keys have the room.
        let words = rect.width >= Layout.sideBySideWidth
        if App.isChecking(state) {
            // The findings are being worked out off the loop: no counts to show yet.
            x += canvas.put("checking…", x: x, y: rect.y, style: Style(foreground: .cyan)) + 2
        }
        for severity in Finding.Severity.allCases.reversed() where !App.isChecking(state) {
            let count = state.count(severity)
            let symbol = Widgets.severitySymbol[severity] ?? ""
            let text = "\(symbol) \(Format.grouped(count))" + (words ? " \(severity == .warning ? (count == 1 ? "warning" : "warnings") : severity.name)" : "")
            x += canvas.put(text, x: x, y: rect.y, style: count > 0 ? Widgets.style(for: severity) : .dim) + 2
        }
        x += 1
        let room = rect.maxX - x - 1
        if let status = state.status, DisplayWidth.of(status.text) <= room {
            canvas.put(status.text, x: x, y: rect.y, style: statusStyle(status.kind))
            return
        } else if let status = state.status {
            // Too long beside the counts: the message takes the whole line. What an edit did,
            // or why a key did nothing, is worth more than counts shown again a key later.
            canvas.fill(rect)
            canvas.put(DisplayWidth.truncate(status.text, to: rect.width - 2), x: rect.x + 1, y: rect.y, style: statusStyle(status.kind))
            return
        }

        var hints: [String] = []
        if state.starting == nil, state.dialogs.isEmpty {
            // The hints that fit, by priority (? help always), shown in table order. J and K
            // only when the details have more to show that way.
            let candidates = KeyMap.hints(for: state.tab.context).filter { binding in
                switch binding.id {
                case .scrollDetailsDown: detailsHidden.below > 0
                case .scrollDetailsUp: detailsHidden.above > 0
                default: true
                }
            }
            let rank = { (binding: Binding) in KeyMap.hintPriority.firstIndex(of: binding.id) ?? KeyMap.hintPriority.count }
            var chosen: Set<BindingID> = []
            var width = 0
            let ranked = candidates.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
            for binding in ranked {
                let hintWidth = DisplayWidth.of("\(keyText(binding.keys.first)) \(binding.label)") + 2
                if width + hintWidth - 2 <= room {
                    chosen.insert(binding.id)
                    width += hintWidth
                }
            }
            hints = candidates.filter { chosen.contains($0.id) }.map { "\(keyText($0.keys.first)) \($0.label)" }
        } else {
            // The dialog's own keys, from the table, as its footer shows them.
            // A note after "·" stays in the dialog's own footer.
            hints = (state.dialogs.last?.footer ?? KeyMap.footer(for: .start)).map { entry in
                entry.withoutNote.text
            }
        }
        var used = 0
        for hint in hints {
            let width = DisplayWidth.of(hint)
            if used + width > room { break }
            canvas.put(hint, x: x + used, y: rect.y, style: .dim)
            used += width + 2
        }
    }

    static func statusStyle(_ kind: StatusMessage.Kind) -> Style {
        switch kind {
        case .info: .plain
        case .success: Style(foreground: .green)
        case .error: Style(foreground: .red, bold: true)
        }
    }

    /// Short key names for the status bar ("⏎" for Enter, "^S" for Ctrl-S).
    static func keyText(_ key: Key?) -> String {
        guard let key else { return "" }
        switch key {
        case .enter: return "⏎"
        case .control(let letter): return "^" + String(letter).uppercased()
        default: return key.label
        }
    }

    // MARK: - Dialogs

    static func drawDialogs(_ canvas: inout Canvas, _ state: AppState) {
        for dialog in state.dialogs {
            DialogViews.draw(dialog, &canvas, state)
        }
    }

    /// Rows of items a picker shows at this screen size (update scrolls with it).
    /// Sized to the picker's items, so it does not jump while the filter narrows them.
    static func pickerRows(_ size: Size, items: Int) -> Int {
        max(3, min(16, size.height - 10, items))
    }

    // The rows the other dialogs' lists get, for drawing and for scrolling alike: what is
    // left of the dialog's frame (at most the screen) after its other lines.

    /// The hats dialog: the frame is the hats plus 9 lines; 7 of them are not the list.
    static func hatsRows(_ size: Size, hats: Int) -> Int {
        max(1, min(size.height - 2, max(hats, 1) + 9) - 7)
    }

    /// The export dialog: the frame is the formats plus 8 lines; 7 of them are not the list.
    static func exportRows(_ size: Size, formats: Int) -> Int {
        max(1, min(formats, min(size.height - 2, formats + 8) - 7))
    }

    /// The help screen: all of the screen but its frame and the line above and below.
    static func helpRows(_ size: Size) -> Int {
        max(1, size.height - 4)
    }

    /// The start screen: the lines below its title, less the blank line and the keys line.
    static func startRows(_ size: Size, choices: Int) -> Int {
        let top = max(1, (size.height - choices - 10) / 2) + 3
        return max(1, min(choices, size.height - top - 3))
    }
}
