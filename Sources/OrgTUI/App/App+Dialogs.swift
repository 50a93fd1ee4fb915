import OrgKit

extension App {
    /// Keys go to the dialog on top, through the key table: its context (`Dialog.keyContext`)
    /// names the rows that apply; a key with no row goes to the focused text field, if any.
    static func dialogKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard let dialog = state.dialogs.last else { return [] }
        let index = state.dialogs.count - 1
        let id = KeyMap.binding(for: key, in: dialog.keyContext, inField: dialog.fieldHasFocus)?.id
        if id == .cancel, !dialog.keyContext.isQuestion {
            close(dialog, index, &state)
            return []
        }
        var effects: [Effect] = []
        switch dialog {
        case .form(var form):
            effects = formKey(id, key, &form, index, &state)
        case .picker(var picker):
            pickerKey(id, key, &picker, index, &state)
        case .hats(var hats):
            hatsKey(id, key, &hats, index, &state)
        case .confirm(let confirm):
            // Every answer, Esc's too, is a row of the question's context.
            if let id, let choice = confirm.choice(id) {
                state.dialogs.removeLast()
                effects = Confirms.act(choice.action, &state)
                if key == .escape { return effects }
            }
        case .export(var export):
            effects = exportKey(id, key, &export, index, &state)
        case .help(var help):
            let total = Screens.helpLines(state.size).count
            let rows = Screens.helpRows(state.size)
            switch id {
            case .moveDown: help.list.scroll(by: 1, count: total, rows: rows)
            case .moveUp: help.list.scroll(by: -1, count: total, rows: rows)
            case .pageDown: help.list.scroll(by: 10, count: total, rows: rows)
            case .pageUp: help.list.scroll(by: -10, count: total, rows: rows)
            case .top: help.list.scroll(by: -total, count: total, rows: rows)
            case .bottom: help.list.scroll(by: total, count: total, rows: rows)
            default: break
            }
            state.dialogs[index] = .help(help)
        }
        refreshSuggestion(&state)
        return effects
    }

    /// Esc: the dialog closes at once, changing nothing; typing a hat's hours stops first.
    private static func close(_ dialog: Dialog, _ index: Int, _ state: inout AppState) {
        switch dialog {
        case .hats(var hats) where hats.editing != nil:
            hats.editing = nil
            hats.error = nil
            state.dialogs[index] = .hats(hats)
        case .form(let form):
            state.dialogs.removeLast()
            if form.purpose == .saveAs { state.quitAfterSave = false }
        default:
            state.dialogs.removeLast()
        }
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

    private static func formKey(_ id: BindingID?, _ key: Key, _ form: inout FormDialog, _ index: Int, _ state: inout AppState) -> [Effect] {
        switch id {
        case .confirm:
            form.error = nil
            if let effects = Forms.submit(&form, &state) {
                if state.dialogs.indices.contains(index) { state.dialogs.remove(at: index) }
                return effects
            }
        case .nextField:
            form.focus = (form.focus + 1) % form.fields.count
        case .previousField:
            form.focus = (form.focus + form.fields.count - 1) % form.fields.count
        case nil, .nextValue, .previousValue:
            var field = form.fields[form.focus]
            if case .roles = field.kind {
                // Space (or a typed letter, which starts the filter) opens the roles; Backspace clears.
                if key == .backspace || key == .delete {
                    field.pick([], in: state.document.org)
                } else if id == .nextValue || (id == nil && key.isText) {
                    if var picker = Pickers.formRoles(form, field: form.focus, state) {
                        if id == nil, edit(&picker.query, key, &state) {
                            picker.refilter()
                            picker.typing = true
                        }
                        state.dialogs.append(.picker(picker))
                    } else {
                        state.status = StatusMessage(text: "There are no other roles yet to choose from", kind: .error)
                    }
                }
            } else if case .choice(let values) = field.kind {
                let current = values.firstIndex(of: field.input.text) ?? 0
                switch id {
                case .nextValue: field.input.set(values[(current + 1) % values.count])
                case .previousValue: field.input.set(values[(current + values.count - 1) % values.count])
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
        default: break
        }
        if state.dialogs.indices.contains(index) { state.dialogs[index] = .form(form) }
        return []
    }

    private static func pickerKey(_ id: BindingID?, _ key: Key, _ picker: inout PickerDialog, _ index: Int, _ state: inout AppState) {
        let rows = Screens.pickerRows(state.size, items: picker.listLength)
        var id = id
        // Space right after a letter of a filter that still matches several items is a space
        // between words ("level 1"); else it marks.
        if id == .toggleMark, key == .character(" "), picker.typing, picker.matches.count > 1,
            picker.query.text.last.map({ $0 != " " }) == true { id = nil }
        switch id {
        case .choiceDown: picker.list.moveDown(count: picker.matches.count, rows: rows)
        case .choiceUp: picker.list.moveUp(count: picker.matches.count, rows: rows)
        case .pageDown: picker.list.pageDown(count: picker.matches.count, rows: rows)
        case .pageUp: picker.list.pageUp(count: picker.matches.count, rows: rows)
        case .toggleMark:
            if let item = picker.selectedItem, let reason = item.unavailable {
                state.status = StatusMessage(text: "Can't mark \(item.label): \(reason)", kind: .error)
            } else if picker.toggleMark() != nil {
                picker.list.moveDown(count: picker.matches.count, rows: rows)
            } else {
                state.status = StatusMessage(text: "Nothing matches \"\(picker.query.text)\"", kind: .error)
            }
        case .confirm:
            let chosen = picker.chosen
            if picker.marking != .exactly, chosen.isEmpty {
                state.status = StatusMessage(text: "Nothing matches \"\(picker.query.text)\"", kind: .error)
                return
            }
            if let item = chosen.first(where: { $0.unavailable != nil }), let reason = item.unavailable {
                state.status = StatusMessage(text: "Can't choose \(item.label): \(reason)", kind: .error)
                return
            }
            // The picker closes first so that a choice can open the next dialog.
            state.dialogs.remove(at: index)
            if !Pickers.choose(chosen, picker, &state) {
                if case .catalogPreset = picker.purpose { return }
                state.dialogs.insert(.picker(picker), at: min(index, state.dialogs.count))
            }
            return
        case nil:
            if edit(&picker.query, key, &state) {
                picker.refilter()
                picker.typing = key.isText
            }
        default: break
        }
        if id != nil { picker.typing = false }
        picker.list.fit(count: picker.matches.count, rows: rows)
        state.dialogs[index] = .picker(picker)
    }

    private static func hatsKey(_ id: BindingID?, _ key: Key, _ hats: inout HatsDialog, _ index: Int, _ state: inout AppState) {
        guard let person = state.document.org.person(hats.person) else {
            state.dialogs.remove(at: index)
            return
        }
        if var field = hats.editing {
            if id == .confirm {
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
                // Unchanged hours (Enter on a new hat's start) are no edit.
                if hours == hat.hoursPerWeek || commit(.setHatHours(person: person.id, role: hat.role, hours: hours), &state) {
                    hats.editing = nil
                    hats.error = nil
                } else {
                    hats.error = state.status?.text
                }
            } else if id == nil {
                if hats.replacesOnType, key.isText { field.set("") }
                hats.replacesOnType = false
                edit(&field, key, &state)
                hats.editing = field
            }
            state.dialogs[index] = .hats(hats)
            return
        }
        let rows = Screens.hatsRows(state.size, hats: person.hats.count)
        switch id {
        case .moveDown: hats.list.moveDown(count: person.hats.count, rows: rows)
        case .moveUp: hats.list.moveUp(count: person.hats.count, rows: rows)
        case .addHat:
            // Always a picker: a role that does not exist yet is created or brought from a catalog there.
            state.dialogs.append(.picker(Pickers.addHat(for: person.id, state)))
        case .removeHat:
            guard person.hats.indices.contains(hats.list.selected) else { return }
            commit(.removeHat(person: person.id, role: person.hats[hats.list.selected].role), &state)
            let left = state.document.org.person(person.id)?.hats.count ?? 0
            hats.list.fit(count: left, rows: Screens.hatsRows(state.size, hats: left))
        case .editHatHours:
            guard person.hats.indices.contains(hats.list.selected) else {
                state.dialogs.append(.picker(Pickers.addHat(for: person.id, state)))
                break
            }
            hats.editHours(of: hats.list.selected, person.hats)
        default: break
        }
        if state.dialogs.indices.contains(index) { state.dialogs[index] = .hats(hats) }
    }

    private static func exportKey(_ id: BindingID?, _ key: Key, _ export: inout ExportDialog, _ index: Int, _ state: inout AppState) -> [Effect] {
        let rows = Screens.exportRows(state.size, formats: export.formats.count)
        switch id {
        case .confirm:
            let path = export.path.text.trimmingSpaces
            guard !path.isEmpty else {
                export.error = "Where to? Type a file name."
                state.dialogs[index] = .export(export)
                return []
            }
            state.dialogs.remove(at: index)
            return [.export(state.document.org, format: export.formats[export.list.selected], path: path, document: state.document.path)]
        case .switchFocus:
            export.focus = 1 - export.focus
        case .choiceDown:
            export.list.moveDown(count: export.formats.count, rows: rows)
        case .choiceUp:
            export.list.moveUp(count: export.formats.count, rows: rows)
        case nil:
            // Typing in the format list starts the file name.
            if export.focus == 0, key.isText { export.focus = 1 }
            if export.focus == 1, edit(&export.path, key, &state) { export.pathEdited = true }
        default: break
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
        switch KeyMap.binding(for: key, in: .start)?.id {
        case .moveDown: start.list.moveDown(count: start.choices.count, rows: rows)
        case .moveUp: start.list.moveUp(count: start.choices.count, rows: rows)
        case .top: start.list.home(count: start.choices.count, rows: rows)
        case .bottom: start.list.end(count: start.choices.count, rows: rows)
        case .quit:
            state.quitting = true
            return [.quit]
        case .confirm:
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
