import OrgKit

extension App {
    /// Keys go to the dialog on top. Esc always cancels it at once.
    static func dialogKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard let dialog = state.dialogs.last else { return [] }
        let index = state.dialogs.count - 1
        if KeyMap.matches(.cancel, key, in: .dialog) {
            if case .hats(var hats) = dialog, hats.editing != nil {
                hats.editing = nil
                hats.error = nil
                state.dialogs[index] = .hats(hats)
            } else {
                state.dialogs.removeLast()
                if case .form(let form) = dialog, form.purpose == .saveAs { state.quitAfterSave = false }
                // A question whose Esc choice does something (keep a recovery copy).
                if case .confirm(let confirm) = dialog, let choice = confirm.choices.first(where: { $0.key == .escape }) {
                    return Confirms.act(choice.action, &state)
                }
            }
            return []
        }
        var effects: [Effect] = []
        switch dialog {
        case .form(var form):
            effects = formKey(key, &form, index, &state)
        case .picker(var picker):
            pickerKey(key, &picker, index, &state)
        case .hats(var hats):
            hatsKey(key, &hats, index, &state)
        case .confirm(let confirm):
            let choice = confirm.choices.first { $0.key == key } ?? (key == .enter ? confirm.choices.first : nil)
            if let choice {
                state.dialogs.removeLast()
                effects = Confirms.act(choice.action, &state)
            }
        case .export(var export):
            effects = exportKey(key, &export, index, &state)
        case .help(var help):
            let total = Screens.helpLines().count
            let rows = Screens.helpRows(state.size)
            switch key {
            case .down, .character("j"): help.list.scroll(by: 1, count: total, rows: rows)
            case .up, .character("k"): help.list.scroll(by: -1, count: total, rows: rows)
            case .pageDown, .character(" "), .control("d"): help.list.scroll(by: 10, count: total, rows: rows)
            case .pageUp, .control("u"): help.list.scroll(by: -10, count: total, rows: rows)
            case .home, .character("g"): help.list.scroll(by: -total, count: total, rows: rows)
            case .end, .character("G"): help.list.scroll(by: total, count: total, rows: rows)
            case .character("q"), .character("?"), .enter:
                state.dialogs.removeLast()
                return []
            default: break
            }
            state.dialogs[index] = .help(help)
        }
        refreshSuggestion(&state)
        return effects
    }

    /// An editing key in a text field; says so on the status line when the field is full.
    @discardableResult
    static func edit(_ field: inout TextField, _ key: Key, _ state: inout AppState) -> Bool {
        let used = field.handle(key)
        if field.refused > 0 {
            let what = key.isPaste ? "\(Format.grouped(field.refused)) pasted ones left out" : "nothing more fits"
            state.status = StatusMessage(text: "Field holds \(Format.grouped(TextField.maxLength)) characters: \(what)", kind: .error)
        }
        return used
    }

    private static func formKey(_ key: Key, _ form: inout FormDialog, _ index: Int, _ state: inout AppState) -> [Effect] {
        switch key {
        case .enter:
            form.error = nil
            if let effects = Forms.submit(&form, &state) {
                if state.dialogs.indices.contains(index) { state.dialogs.remove(at: index) }
                return effects
            }
        case .tab, .down:
            form.focus = (form.focus + 1) % form.fields.count
        case .backTab, .up:
            form.focus = (form.focus + form.fields.count - 1) % form.fields.count
        default:
            var field = form.fields[form.focus]
            if case .choice(let values) = field.kind {
                let current = values.firstIndex(of: field.input.text) ?? 0
                switch key {
                case .character(" "), .right: field.input.set(values[(current + 1) % values.count])
                case .left: field.input.set(values[(current + values.count - 1) % values.count])
                default:
                    // Typing the first letter of a value picks it.
                    if case .character(let letter) = key,
                        let match = values.first(where: { $0.lowercased().hasPrefix(String(letter).lowercased()) }) {
                        field.input.set(match)
                    }
                }
            } else {
                edit(&field.input, key, &state)
            }
            form.fields[form.focus] = field
            form.error = nil
        }
        if state.dialogs.indices.contains(index) { state.dialogs[index] = .form(form) }
        return []
    }

    private static func pickerKey(_ key: Key, _ picker: inout PickerDialog, _ index: Int, _ state: inout AppState) {
        let rows = Screens.pickerRows(state.size, items: picker.items.count)
        switch key {
        case _ where KeyMap.matches(.choiceDown, key, in: .dialog): picker.list.moveDown(count: picker.matches.count, rows: rows)
        case _ where KeyMap.matches(.choiceUp, key, in: .dialog): picker.list.moveUp(count: picker.matches.count, rows: rows)
        case .pageDown: picker.list.pageDown(count: picker.matches.count, rows: rows)
        case .pageUp: picker.list.pageUp(count: picker.matches.count, rows: rows)
        case .enter:
            guard let item = picker.selectedItem else {
                state.status = StatusMessage(text: "Nothing matches \"\(picker.query.text)\"", kind: .error)
                return
            }
            if let reason = item.unavailable {
                state.status = StatusMessage(text: "Can't choose \(item.label): \(reason)", kind: .error)
                return
            }
            // The picker closes first so that a choice can open the next dialog.
            state.dialogs.remove(at: index)
            if !Pickers.choose(item, picker, &state) {
                if case .catalogPreset = picker.purpose { return }
                state.dialogs.insert(.picker(picker), at: min(index, state.dialogs.count))
            }
            return
        default:
            if edit(&picker.query, key, &state) { picker.refilter() }
        }
        picker.list.fit(count: picker.matches.count, rows: rows)
        state.dialogs[index] = .picker(picker)
    }

    private static func hatsKey(_ key: Key, _ hats: inout HatsDialog, _ index: Int, _ state: inout AppState) {
        guard let person = state.document.org.person(hats.person) else {
            state.dialogs.remove(at: index)
            return
        }
        if var field = hats.editing {
            if key == .enter {
                let raw = field.text.trimmingSpaces.replacingOccurrences(of: ",", with: ".")
                let hours: Double?
                if raw.isEmpty {
                    hours = nil
                } else if let value = Double(raw), value.isFinite {
                    hours = value
                } else {
                    hats.error = "\"\(raw)\" is not a number of hours"
                    state.dialogs[index] = .hats(hats)
                    return
                }
                let hat = person.hats[hats.list.selected]
                if commit(.setHatHours(person: person.id, role: hat.role, hours: hours), &state) {
                    hats.editing = nil
                    hats.error = nil
                } else {
                    hats.error = state.status?.text
                }
            } else {
                edit(&field, key, &state)
                hats.editing = field
            }
            state.dialogs[index] = .hats(hats)
            return
        }
        let rows = Screens.hatsRows(state.size, hats: person.hats.count)
        switch key {
        case .down, .character("j"): hats.list.moveDown(count: person.hats.count, rows: rows)
        case .up, .character("k"): hats.list.moveUp(count: person.hats.count, rows: rows)
        case .character("a"), .insert:
            if person.hats.count == state.document.org.roles.count {
                state.status = StatusMessage(text: state.document.org.roles.isEmpty ? "There are no roles yet: add some in Roles (3)" : "\(person.name) already wears every role", kind: .error)
            } else {
                state.dialogs.append(.picker(Pickers.addHat(for: person.id, state)))
            }
        case .character("d"), .delete, .backspace:
            guard person.hats.indices.contains(hats.list.selected) else { return }
            commit(.removeHat(person: person.id, role: person.hats[hats.list.selected].role), &state)
            let left = state.document.org.person(person.id)?.hats.count ?? 0
            hats.list.fit(count: left, rows: Screens.hatsRows(state.size, hats: left))
        case .enter, .character("e"):
            guard person.hats.indices.contains(hats.list.selected) else {
                state.dialogs.append(.picker(Pickers.addHat(for: person.id, state)))
                break
            }
            let hat = person.hats[hats.list.selected]
            hats.editing = TextField(hat.hoursPerWeek.map(Forms.number) ?? "")
        default: break
        }
        if state.dialogs.indices.contains(index) { state.dialogs[index] = .hats(hats) }
    }

    private static func exportKey(_ key: Key, _ export: inout ExportDialog, _ index: Int, _ state: inout AppState) -> [Effect] {
        let rows = Screens.exportRows(state.size, formats: export.formats.count)
        switch key {
        case .enter:
            let path = export.path.text.trimmingSpaces
            guard !path.isEmpty else {
                export.error = "Where to? Type a file name."
                state.dialogs[index] = .export(export)
                return []
            }
            state.dialogs.remove(at: index)
            return [.export(state.document.org, format: export.formats[export.list.selected], path: path, document: state.document.path)]
        case .tab, .backTab:
            export.focus = 1 - export.focus
        case .down where export.focus == 0, .character("j") where export.focus == 0:
            export.list.moveDown(count: export.formats.count, rows: rows)
        case .up where export.focus == 0, .character("k") where export.focus == 0:
            export.list.moveUp(count: export.formats.count, rows: rows)
        default:
            if export.focus == 0, key.isText { export.focus = 1 }
            if export.focus == 1, edit(&export.path, key, &state) { export.pathEdited = true }
        }
        if !export.pathEdited { export.path.set(Exports.defaultPath(state, export.formats[export.list.selected])) }
        export.error = nil
        state.dialogs[index] = .export(export)
        return []
    }

    // MARK: - Start screen

    static func startScreenKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var start = state.starting else { return [] }
        if !state.dialogs.isEmpty {
            // The "open a file" form.
            return dialogKey(key, &state)
        }
        let rows = Screens.startRows(state.size, choices: start.choices.count)
        switch key {
        case .down, .character("j"): start.list.moveDown(count: start.choices.count, rows: rows)
        case .up, .character("k"): start.list.moveUp(count: start.choices.count, rows: rows)
        case .home, .character("g"): start.list.home(count: start.choices.count, rows: rows)
        case .end, .character("G"): start.list.end(count: start.choices.count, rows: rows)
        case .character("q"), .control("c"), .escape:
            state.quitting = true
            return [.quit]
        case .enter:
            start.error = []
            switch start.choices[start.list.selected] {
            case .preset(let name):
                guard let org = try? PresetCatalog.named(name)?.load() else { return [] }
                let size = state.size
                state = AppState(document: Document(org: org, path: nil, origin: "preset \(name)"), size: size)
                return []
            case .empty:
                let size = state.size
                state = AppState(document: Document(org: .empty(), path: nil), size: size)
                state.status = StatusMessage(text: "An empty org: a adds a person, 3 then a adds a role", kind: .info)
                return []
            case .open:
                state.dialogs.append(.form(Forms.openFile()))
            }
        default: break
        }
        state.starting = start
        return []
    }
}
