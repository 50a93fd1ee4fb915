import OrgKit

/// The questions asked before something that cannot be seen coming.
enum Confirms {
    static let cancel = ConfirmChoice(.cancel, .cancel)

    static func deletePerson(_ id: String, _ state: AppState) -> ConfirmDialog {
        let org = state.document.org
        let person = org.person(id)
        var lines = ["Delete \(person?.name ?? id)\(person?.title.map { " (\($0))" } ?? "")?"]
        if let consequence = Edit.removalConsequence(person: id, in: org) { lines.append(consequence) }
        if let hats = person?.hats, !hats.isEmpty {
            lines.append("Their hats go with them: \(hats.map { org.role($0.role)?.name ?? $0.role }.joined(separator: ", ")).")
        }
        lines.append("u undoes it.")
        return ConfirmDialog(title: "Delete", lines: lines, context: .deleteQuestion, choices: [ConfirmChoice(.deleteIt, .deletePerson(id)), cancel])
    }

    static func deleteRole(_ id: String, _ state: AppState) -> ConfirmDialog {
        let org = state.document.org
        let wearers = Hours(org).wearers(ofRole: id).compactMap { org.person($0)?.name }
        let duties = org.duties.filter { $0.role == id }.count
        var lines = ["Delete the role \(org.role(id)?.name ?? id)?"]
        if !wearers.isEmpty { lines.append("Its hat comes off \(wearers.count == 1 ? wearers[0] : "\(wearers.count) people").") }
        if duties > 0 { lines.append("Its \(Format.count(duties, "duty", "duties")) will have no role.") }
        lines.append("u undoes it.")
        return ConfirmDialog(title: "Delete", lines: lines, context: .deleteQuestion, choices: [ConfirmChoice(.deleteIt, .deleteRole(id)), cancel])
    }

    static func deleteDuty(_ id: String, _ state: AppState) -> ConfirmDialog {
        let name = state.document.org.duty(id)?.name ?? id
        return ConfirmDialog(title: "Delete", lines: ["Delete the duty “\(name)”?", "u undoes it."],
                             context: .deleteQuestion, choices: [ConfirmChoice(.deleteIt, .deleteDuty(id)), cancel])
    }

    static func quit(_ state: AppState) -> ConfirmDialog {
        let target = state.document.path.map { "to \($0) " } ?? ""
        // Changes since the last save (undoing past the save counts too).
        let count = state.document.history.steps(to: state.document.savedRevision)
        return ConfirmDialog(title: "Unsaved changes", lines: [
            count.map { "\(Format.count(max($0, 1), "change")) not saved." } ?? "Changes not saved.",
            "Save \(target)before quitting?",
        ], context: .quitQuestion, choices: [
            ConfirmChoice(.saveAndQuit, .saveAndQuit, label: state.document.path == nil ? "Save as…" : nil),
            ConfirmChoice(.discardAndQuit, .discardAndQuit),
            cancel,
        ])
    }

    static func conflict(_ path: String, _ state: AppState) -> ConfirmDialog {
        ConfirmDialog(title: "Changed on disk", lines: [
            "\(path) changed on disk since you opened or saved it.",
            "Another editor, or a git pull? Your changes are still here.",
        ], context: .conflictQuestion, choices: [
            ConfirmChoice(.overwriteFile, .overwrite),
            ConfirmChoice(.reloadFile, .reload),
            ConfirmChoice(.saveAsInstead, .saveAsInstead),
            cancel,
        ])
    }

    static func recover(_ copy: RecoveryStore.Copy, _ state: AppState) -> ConfirmDialog {
        let what = state.document.path ?? state.document.origin ?? "this org"
        var lines = ["There is unsaved work on \(what)"]
        if let host = copy.otherHost {
            lines.append("from a session on \(host) (it may still be running there).")
        } else {
            lines.append("from an earlier session that ended without saving.")
        }
        var facts = "\(Format.count(copy.org.people.count, "person", "people")), \(Format.count(copy.org.roles.count, "role"))"
        if let now = state.now { facts += ", written \(Format.age(now.timeIntervalSince(copy.written)))" }
        lines.append(facts + ".")
        if copy.fileChangedSince, let path = state.document.path {
            lines.append("\(path) changed on disk after it: recovering replaces that.")
        }
        if !state.recovery.pending.isEmpty {
            lines.append("\(Format.count(state.recovery.pending.count, "more copy", "more copies")) after this one.")
        }
        return ConfirmDialog(title: "Unsaved work found", lines: lines, context: .recoveryQuestion, choices: [
            ConfirmChoice(.recoverCopy, .recover(copy)),
            ConfirmChoice(.discardCopy, .discardRecovery(copy)),
            ConfirmChoice(.keepCopy, .keepRecovery(copy)),
        ])
    }

    static func replaceExport(_ path: String, _ format: ExportFormat) -> ConfirmDialog {
        ConfirmDialog(title: "Replace file?", lines: [
            "\(path) already exists.",
            "Replace it with the \(format.rawValue) export?",
        ], context: .replaceQuestion, choices: [
            ConfirmChoice(.replaceIt, .replaceExport(format, path: path)),
            cancel,
        ])
    }

    static func act(_ action: ConfirmAction, _ state: inout AppState) -> [Effect] {
        let org = state.document.org
        switch action {
        case .deletePerson(let id):
            if let edit = Edit.removing(person: id, in: org) { App.commit(edit, &state) }
        case .deleteRole(let id):
            if let edit = Edit.removing(role: id, in: org) { App.commit(edit, &state) }
        case .deleteDuty(let id):
            App.commit(.removeDuty(id), &state)
        case .saveAndQuit:
            state.quitAfterSave = true
            guard let path = state.document.path else {
                state.dialogs.append(.form(Forms.saveAs(state)))
                return []
            }
            return [.save(state.document.org, path: path, revision: state.document.history.revision, check: state.document.saveCheck)]
        case .overwrite:
            guard let path = state.document.path else { return [] }
            return [.save(state.document.org, path: path, revision: state.document.history.revision, check: .none)]
        case .reload:
            guard let path = state.document.path else { return [] }
            return [.open(path: path)]
        case .saveAsInstead:
            state.dialogs.append(.form(Forms.saveAs(state)))
        case .recover(let copy):
            state.document.org = copy.org
            state.document.history = History()
            // Not what the file holds: marked unsaved until saved.
            state.document.savedRevision = -1
            App.refresh(&state, .everything)
            let kept = state.recovery.pending.map(\.path)
            state.recovery.pending = []
            var text = "Recovered your unsaved work: Ctrl-S saves it"
            if !kept.isEmpty { text += " (\(Format.count(kept.count, "other copy", "other copies")) kept for next time)" }
            state.status = StatusMessage(text: text, kind: .success)
            // This session's own copy first; the old one goes only once that is on disk.
            state.recovery.adopted = [copy.path]
            state.recovery.copyExists = true
            state.recovery.dueSince = nil
            state.recovery.editsSinceCopy = 0
            return [.writeRecovery(copy.org, key: state.document.recoveryKey, retiring: [copy.path])]
        case .discardRecovery(let copy):
            state.status = StatusMessage(text: "Discarded the unsaved copy", kind: .info)
            App.offerNextRecovery(&state)
            return [.retireRecovery(path: copy.path)]
        case .keepRecovery(let copy):
            let more = state.recovery.pending.count
            state.recovery.pending = []
            state.status = StatusMessage(text: "Kept the unsaved copy\(more > 0 ? " (and \(more) more)" : "") for next time: \(copy.path)", kind: .info)
        case .replaceExport(let format, let path):
            return [.export(org, format: format, path: path, replacing: true, document: state.document.path)]
        case .discardAndQuit:
            state.quitting = true
            return [.quit]
        case .cancel:
            break
        }
        return []
    }
}

/// The export dialog: a format and where to write it.
enum Exports {
    static func dialog(_ state: AppState) -> ExportDialog {
        let formats = ExportFormat.allCases
        var dialog = ExportDialog(formats: formats, path: TextField())
        dialog.path.set(defaultPath(state, formats.first ?? .json))
        return dialog
    }

    static func defaultPath(_ state: AppState, _ format: ExportFormat) -> String {
        let base: String
        if let path = state.document.path {
            base = path.hasSuffix(".json") ? String(path.dropLast(5)) : path
        } else {
            base = OrgID.slug(state.document.org.name, fallback: "org")
        }
        let suffix = format == .json ? "-export" : ""
        return "\(base)\(suffix).\(fileExtension(format))"
    }

    static func fileExtension(_ format: ExportFormat) -> String {
        switch format.rawValue {
        case "text": "txt"
        case "markdown": "md"
        case "mermaid": "mmd"
        default: format.rawValue
        }
    }
}
