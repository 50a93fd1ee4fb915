import OrgKit

/// Drawing the dialogs: a centred box over the screen.
enum DialogViews {
    static func draw(_ dialog: Dialog, _ canvas: inout Canvas, _ state: AppState) {
        switch dialog {
        case .form(let form): drawForm(form, &canvas, state)
        case .picker(let picker): drawPicker(picker, &canvas, state)
        case .hats(let hats): drawHats(hats, &canvas, state)
        case .confirm(let confirm): drawConfirm(confirm, &canvas, state)
        case .export(let export): drawExport(export, &canvas, state)
        case .help(let help): drawHelp(help, &canvas, state)
        }
    }

    /// A cleared, boxed rectangle of about `width` × `height`, centred; returns its inside.
    static func frame(_ canvas: inout Canvas, _ state: AppState, width: Int, height: Int, title: String) -> Rect {
        let w = min(state.size.width - 2, width)
        let h = min(state.size.height - 2, height)
        let rect = Rect(x: (state.size.width - w) / 2, y: max(1, (state.size.height - h) / 2), width: w, height: h)
        canvas.fill(rect)
        Widgets.box(&canvas, rect, title: title)
        return rect.inset(1)
    }

    /// A text field with a visible cursor, scrolled so the cursor shows.
    static func drawField(_ field: TextField, _ canvas: inout Canvas, x: Int, y: Int, width: Int, focused: Bool) {
        let style = focused ? Style(underline: true) : Style(dim: true)
        canvas.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        let characters = field.characters
        // From the cursor back, as many characters as fit before it (leaving its own cell):
        // the cost is the field's width, not the text's length.
        var start = field.cursor
        var used = 0
        while start > 0 {
            let next = DisplayWidth.of(characters[start - 1])
            if used + next > width - 1 { break }
            used += next
            start -= 1
        }
        var column = x
        for index in start..<characters.count {
            let characterWidth = DisplayWidth.of(characters[index])
            if column + characterWidth > x + width { break }
            let cursorHere = focused && index == field.cursor
            canvas.put(String(characters[index]), x: column, y: y, style: cursorHere ? .reverse : style)
            column += characterWidth
        }
        if focused, field.cursor == characters.count, column < x + width {
            canvas.put(" ", x: column, y: y, style: .reverse)
        }
    }

    /// The dialog's keys on its last line, generated from the key table.
    /// Short of room, the notes after an entry's "·" go first ("Enter gives the hat ·
    /// shows the load after it" → "Enter gives the hat"), so every key stays.
    static func footer(_ canvas: inout Canvas, _ inner: Rect, _ entries: [FooterEntry]) {
        var line = FooterEntry.line(entries)
        if DisplayWidth.of(line) > inner.width - 2 {
            line = FooterEntry.line(entries.map(\.withoutNote))
        }
        canvas.put(line, x: inner.x + 1, y: inner.maxY - 1, style: .dim, limit: inner.width - 2)
    }

    static func error(_ canvas: inout Canvas, _ text: String?, x: Int, y: Int, width: Int) {
        guard let text else { return }
        canvas.put("✖ " + text, x: x, y: y, style: Style(foreground: .red, bold: true), limit: width)
    }

    // MARK: - Form

    static func drawForm(_ form: FormDialog, _ canvas: inout Canvas, _ state: AppState) {
        let labelWidth = min(22, (form.fields.map { DisplayWidth.of($0.label) }.max() ?? 8) + 1)
        // Hints wrap, never cut: the form is as tall as its longest hint needs, so it does
        // not change size as the focus moves.
        let hintWidth = max(1, min(state.size.width - 2, 68) - 4)
        let hintLines = form.fields.map { Widgets.wrap($0.hint ?? "", width: hintWidth).count }.max() ?? 1
        let height = form.fields.count + 5 + max(1, hintLines) + (form.note == nil ? 0 : 2)
        let inner = frame(&canvas, state, width: 68, height: height, title: form.title)
        var y = inner.y
        if let note = form.note {
            canvas.put(note, x: inner.x + 1, y: y, style: .dim, limit: inner.width - 2)
            y += 2
        }
        let hintTop = inner.maxY - 2 - max(1, hintLines)
        for (index, field) in form.fields.enumerated() where y < hintTop - 1 {
            let focused = index == form.focus
            canvas.put(field.label, x: inner.x + 1, y: y, style: focused ? .bold : .plain, limit: labelWidth)
            let fieldX = inner.x + 2 + labelWidth
            let fieldWidth = max(4, inner.maxX - fieldX - 1)
            switch field.kind {
            case .choice:
                canvas.put("‹ \(field.input.text) ›", x: fieldX, y: y, style: focused ? .reverse : .plain, limit: fieldWidth)
            case .roles:
                canvas.put(field.input.text, x: fieldX, y: y, style: focused ? .reverse : .plain, limit: fieldWidth)
            case .text, .number:
                drawField(field.input, &canvas, x: fieldX, y: y, width: fieldWidth, focused: focused)
            }
            y += 1
        }
        let focusedHint = form.fields.indices.contains(form.focus) ? form.fields[form.focus].hint : nil
        if let hint = focusedHint, form.error == nil {
            for (offset, line) in Widgets.wrap(hint, width: max(1, inner.width - 2)).enumerated() where hintTop + offset < inner.maxY - 1 {
                canvas.put(line, x: inner.x + 1, y: hintTop + offset, style: .dim, limit: inner.width - 2)
            }
        }
        error(&canvas, form.error, x: inner.x + 1, y: hintTop, width: inner.width - 2)
        footer(&canvas, inner, Dialog.form(form).footer)
    }

    // MARK: - Picker

    static func drawPicker(_ picker: PickerDialog, _ canvas: inout Canvas, _ state: AppState) {
        let rows = Screens.pickerRows(state.size, items: picker.listLength)
        let inner = frame(&canvas, state, width: 84, height: rows + 7, title: picker.title)
        canvas.put("Filter:", x: inner.x + 1, y: inner.y, style: .bold)
        var counter = "\(picker.matches.count) of \(picker.items.count { $0.origin != .create })"
        if picker.marking != .none, !picker.marked.isEmpty { counter = "\(picker.marked.count) marked · " + counter }
        let counterWidth = max(12, DisplayWidth.of(counter))
        drawField(picker.query, &canvas, x: inner.x + 9, y: inner.y, width: max(4, inner.width - 12 - counterWidth), focused: true)
        canvas.put(Widgets.right(counter, counterWidth), x: inner.maxX - 1 - counterWidth, y: inner.y, style: .dim)
        // The labels take what the longest one listed needs (up to 11/20 of the width), the
        // details the rest: a load preview and the alias that matched fit beside short names.
        let longest = picker.matches.lazy.map { DisplayWidth.of(picker.items[$0].label) }.max() ?? 0
        let labelWidth = max(10, min(inner.width * 11 / 20, longest + 5))
        let area = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: rows)
        ListView.draw(&canvas, area, picker.list, count: picker.matches.count, box: inner.inset(-1)) { canvas, match, line, selected in
            let item = picker.items[picker.matches[match]]
            let y = line.y
            var style: Style = item.unavailable == nil ? .plain : .dim
            if selected { style.reverse = true }
            canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style)
            let mark = picker.marking == .none ? item.mark : (picker.marked.contains(item.id) ? "✓" : " ")
            canvas.put((selected ? "▸" : " ") + mark + " " + item.label, x: inner.x, y: y, width: labelWidth, style: style)
            var detail = item.detail
            // A match by alias says which: in place of the detail, or after it when the
            // detail must stay (a hat's load preview).
            if let keyword = picker.matchedKeyword(item) { detail = item.keepsDetail ? "\(detail) · also: \(keyword)" : "also: \(keyword)" }
            if selected, let reason = item.unavailable { detail = "✖ \(reason)" }
            canvas.put(detail, x: inner.x + labelWidth + 1, y: y, width: max(0, inner.width - labelWidth - 1), style: style.with(dim: item.unavailable != nil || !selected))
        }
        if picker.matches.isEmpty {
            canvas.put("Nothing matches \"\(picker.query.text)\".", x: inner.x + 2, y: inner.y + 2, style: .dim, limit: inner.width - 3)
        }
        footer(&canvas, inner, Dialog.picker(picker).footer)
    }

    // MARK: - Hats

    static func drawHats(_ dialog: HatsDialog, _ canvas: inout Canvas, _ state: AppState) {
        let org = state.document.org
        guard let person = org.person(dialog.person) else { return }
        let hours = Hours(org)
        let inner = frame(&canvas, state, width: 70, height: max(person.hats.count, 1) + 9, title: "Hats of \(person.name)")
        let rows = Screens.hatsRows(state.size, hats: person.hats.count)
        canvas.put(DisplayWidth.pad("Role", to: inner.width - 14) + "h/week", x: inner.x + 1, y: inner.y, style: .bold, limit: inner.width - 2)
        if person.hats.isEmpty {
            canvas.put("No hats yet: a gives one.", x: inner.x + 2, y: inner.y + 1, style: .dim)
        }
        let area = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: rows)
        ListView.draw(&canvas, area, dialog.list, count: person.hats.count, box: inner.inset(-1)) { canvas, index, line, selected in
            let hat = person.hats[index]
            let y = line.y
            let style: Style = selected ? .reverse : .plain
            canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style)
            canvas.put((selected ? "▸ " : "  ") + (org.role(hat.role)?.name ?? hat.role), x: inner.x, y: y, width: inner.width - 16, style: style)
            if selected, let editing = dialog.editing {
                if dialog.replacesOnType, !editing.text.isEmpty {
                    // Shown as selected: typing replaces it.
                    canvas.fill(Rect(x: inner.maxX - 14, y: y, width: 8, height: 1), style: Style(underline: true))
                    canvas.put(editing.text, x: inner.maxX - 14, y: y, style: Style(reverse: true, underline: true), limit: 8)
                } else {
                    drawField(editing, &canvas, x: inner.maxX - 14, y: y, width: 8, focused: true)
                }
                canvas.put("h", x: inner.maxX - 5, y: y, style: style)
            } else {
                let text = Format.oneDecimal(hours.hours(of: hat)) + (hat.hoursPerWeek == nil ? " share" : "")
                canvas.put(Widgets.right(text, 12), x: inner.maxX - 14, y: y, style: style)
            }
        }
        if let load = typedLoad(dialog, person, hours, org.policy) ?? state.load(of: person.id), !person.hats.isEmpty {
            let severity = load.severity(under: org.policy)
            let switching = load.switchLoss > 0 ? " · switching −\(Format.percent(load.switchLoss))" : ""
            let text = "\(Format.hours(load.allocatedHours)) · \(Format.count(load.hats, "hat"))\(switching) · effective \(Format.hours(load.effectiveHours)) → \(Format.percent(load.load))"
            canvas.put(text, x: inner.x + 1, y: inner.maxY - 3, style: Widgets.style(for: severity), limit: inner.width - 2)
        }
        error(&canvas, dialog.error, x: inner.x + 1, y: inner.maxY - 2, width: inner.width - 2)
        footer(&canvas, inner, Dialog.hats(dialog).footer)
    }

    /// The person's numbers with the hours being typed, so the total follows the typing;
    /// nil when nothing is typed that could be hours.
    static func typedLoad(_ dialog: HatsDialog, _ person: Person, _ hours: Hours, _ policy: Policy) -> PersonLoad? {
        guard let editing = dialog.editing, person.hats.indices.contains(dialog.list.selected) else { return nil }
        let raw = editing.text.trimmingSpaces.replacingOccurrences(of: ",", with: ".")
        var typed: Double?
        if !raw.isEmpty {
            guard let value = Double(raw), value.isFinite, value >= 0, value <= 168 else { return nil }
            typed = value
        }
        var person = person
        person.hats[dialog.list.selected].hoursPerWeek = typed
        return PersonLoad(person: person, hours: hours, policy: policy)
    }

    // MARK: - Confirm

    static func drawConfirm(_ confirm: ConfirmDialog, _ canvas: inout Canvas, _ state: AppState) {
        let answers = confirm.answers
        func text(_ answer: FooterEntry) -> String { "[\(answer.keys.map(\.label).joined(separator: " or "))] \(answer.label)" }
        let choicesWidth = answers.reduce(0) { $0 + DisplayWidth.of(text($1)) + 3 }
        let width = min(72, max(40, max(choicesWidth + 2, (confirm.lines.map(DisplayWidth.of).max() ?? 30) + 6)))
        let wrapped = confirm.lines.flatMap { Widgets.wrap($0, width: width - 4) + [] }
        // The choices, on as many rows as they need: a choice is never cut.
        var rows: [[FooterEntry]] = [[]]
        var used = 0
        for choice in answers {
            let needed = DisplayWidth.of(text(choice)) + 3
            if used > 0, used + needed - 3 > width - 4 {
                rows.append([])
                used = 0
            }
            rows[rows.count - 1].append(choice)
            used += needed
        }
        let inner = frame(&canvas, state, width: width, height: wrapped.count + 4 + rows.count, title: confirm.title)
        for (offset, line) in wrapped.enumerated() {
            canvas.put(line, x: inner.x + 1, y: inner.y + offset, style: offset == 0 ? .bold : .plain, limit: inner.width - 2)
        }
        for (row, choices) in rows.enumerated() {
            var x = inner.x + 1
            for choice in choices {
                let cancels = choice.ids.contains { confirm.choice($0)?.action == .cancel }
                x += canvas.put(text(choice), x: x, y: inner.maxY - rows.count + row, style: cancels ? .plain : .bold, limit: inner.maxX - x) + 3
            }
        }
    }

    // MARK: - Export

    static func drawExport(_ export: ExportDialog, _ canvas: inout Canvas, _ state: AppState) {
        let inner = frame(&canvas, state, width: 64, height: export.formats.count + 8, title: "Export")
        canvas.put("Format", x: inner.x + 1, y: inner.y, style: export.focus == 0 ? .bold : .plain)
        let rows = Screens.exportRows(state.size, formats: export.formats.count)
        let area = Rect(x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, height: rows)
        ListView.draw(&canvas, area, export.list, count: export.formats.count, box: inner.inset(-1)) { canvas, index, line, selected in
            let format = export.formats[index]
            let style: Style = selected ? (export.focus == 0 ? .reverse : .bold) : .plain
            canvas.put((selected ? "▸ " : "  ") + DisplayWidth.pad(format.rawValue, to: 10) + describe(format), x: line.x, y: line.y, width: line.width, style: style)
        }
        let y = inner.y + 2 + rows
        canvas.put("File", x: inner.x + 1, y: y, style: export.focus == 1 ? .bold : .plain)
        drawField(export.path, &canvas, x: inner.x + 7, y: y, width: inner.width - 9, focused: export.focus == 1)
        error(&canvas, export.error, x: inner.x + 1, y: y + 1, width: inner.width - 2)
        footer(&canvas, inner, Dialog.export(export).footer)
    }

    static func describe(_ format: ExportFormat) -> String {
        switch format.rawValue {
        case "text": "the tree as plain text"
        case "json": "the org file"
        case "dot": "Graphviz"
        case "mermaid": "Mermaid flowchart"
        case "svg": "a picture of the chart"
        case "html": "one page: chart, findings, tables"
        case "csv": "one row per person"
        case "markdown": "a report for a wiki"
        default: ""
        }
    }

    // MARK: - Help

    static func drawHelp(_ help: HelpDialog, _ canvas: inout Canvas, _ state: AppState) {
        let lines = Screens.helpLines(state.size)
        let inner = frame(&canvas, state, width: Screens.helpWidth, height: state.size.height - 2, title: "Keys — " + FooterEntry.line(Dialog.help(help).footer))
        ListView.draw(&canvas, inner, help.list, count: lines.count, box: inner.inset(-1)) { canvas, index, row, _ in
            canvas.put(lines[index].text, x: row.x + 1, y: row.y, style: lines[index].style, limit: row.width - 2)
        }
    }
}

extension Screens {
    /// The help frame's width at most.
    static let helpWidth = 96

    /// The help screen, generated from the key table, wrapped to the frame it is shown in
    /// (a line that does not fit goes on under its text, never cut).
    static func helpLines(_ size: Size) -> [StyledLine] {
        let width = max(20, min(size.width - 2, helpWidth) - 4)
        var lines: [StyledLine] = []
        func entry(_ key: String, _ text: String, keyWidth: Int = 16) {
            let wrapped = Widgets.wrap(text, width: max(8, width - 2 - keyWidth))
            for (offset, line) in wrapped.enumerated() {
                lines.append(StyledLine("  " + DisplayWidth.pad(offset == 0 ? key : "", to: keyWidth) + line))
            }
        }
        var groups: [String] = []
        for binding in KeyMap.bindings where !groups.contains(binding.group) { groups.append(binding.group) }
        for group in groups {
            if !lines.isEmpty { lines.append(StyledLine("")) }
            lines.append(StyledLine(group, .bold))
            for binding in KeyMap.bindings where binding.group == group {
                let titles = BindingContext.allCases.filter { binding.contexts.contains($0) }.map(\.title)
                // A dialog's group is named after it: its rows say where only when that differs.
                let whereText = binding.contexts.isSuperset(of: BindingContext.views) || (binding.contexts.isDisjoint(with: BindingContext.views) && titles == [group]) ? "" : "  (" + titles.joined(separator: ", ") + ")"
                entry(binding.keys.map(\.label).joined(separator: " "), binding.help + whereText)
            }
        }
        lines.append(StyledLine(""))
        lines.append(StyledLine("Symbols", .bold))
        for (symbol, meaning) in KeyMap.symbols { entry(symbol, meaning, keyWidth: 20) }
        lines.append(StyledLine(""))
        for line in Widgets.wrap("In text fields: type to edit; Ctrl-U clears, Ctrl-W deletes a word. Pickers filter as you type.", width: width) {
            lines.append(StyledLine(line, .dim))
        }
        return lines
    }

    // MARK: - Small terminals and the start screen

    /// What to do, in as many words as fit: each line has shorter forms for narrow
    /// terminals, and the lines that matter most (the sizes) come first when few fit.
    static func tooSmall(_ canvas: inout Canvas, ignoredKeys: Int) {
        let size = canvas.size
        let need = Layout.minimum
        var choices: [[String]] = [
            ["hats needs at least \(need.width) × \(need.height)", "needs \(need.width) × \(need.height)", "need \(need.width)×\(need.height)", "\(need.width)×\(need.height)", "hats"],
            ["now \(size.width) × \(size.height)", "now \(size.width)×\(size.height)", "\(size.width)×\(size.height)"],
            ["enlarge the terminal, or q to quit", "enlarge it, or q to quit", "q quits", "q"],
        ]
        if ignoredKeys > 0 {
            let keys = Format.count(ignoredKeys, "key")
            choices.append(["\(keys) ignored until it is larger", "\(keys) ignored", "\(ignoredKeys) ignored"])
        }
        let lines = choices.prefix(size.height).map { forms in
            forms.first { DisplayWidth.of($0) <= size.width } ?? forms[forms.count - 1]
        }
        let top = max(0, (size.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let width = DisplayWidth.of(line)
            canvas.put(line, x: max(0, (size.width - width) / 2), y: top + offset, style: offset == 0 ? .bold : .plain)
        }
    }

    static func startScreen(_ canvas: inout Canvas, _ state: AppState, _ start: StartState) {
        let width = min(state.size.width - 4, 90)
        let x = (state.size.width - width) / 2
        var y = max(1, (state.size.height - start.choices.count - 10) / 2)
        canvas.put("hats", x: x, y: y, style: .bold)
        canvas.put("  org charts for IT teams and MSPs where everyone wears several hats", x: x + 4, y: y, style: .dim, limit: width - 4)
        y += 2
        canvas.put("Start from", x: x, y: y, style: .bold)
        y += 1
        let rows = startRows(state.size, choices: start.choices.count)
        let area = Rect(x: x, y: y, width: width, height: rows)
        ListView.draw(&canvas, area, start.list, count: start.choices.count) { canvas, index, line, selected in
            let choice = start.choices[index]
            let y = line.y
            let style: Style = selected ? .reverse : .plain
            let label: String
            let detail: String
            switch choice {
            case .preset(let name):
                label = name
                detail = PresetCatalog.named(name)?.summary ?? ""
            case .empty:
                label = "empty org"
                detail = "nobody yet: add people and roles yourself"
            case .open:
                label = "open a file…"
                detail = "an org file, or a new one to create"
            }
            canvas.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
            canvas.put((selected ? "▸ " : "  ") + DisplayWidth.pad(label, to: 18) + detail, x: x, y: y, width: width, style: style)
        }
        y += rows + 1
        for line in start.error {
            canvas.put(line, x: x, y: y, style: Style(foreground: .red, bold: true), limit: width)
            y += 1
        }
        canvas.put(FooterEntry.line(KeyMap.footer(for: .start)), x: x, y: min(state.size.height - 1, y + 1), style: .dim, limit: width)
    }
}
