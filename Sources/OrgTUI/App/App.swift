import Foundation
import OrgKit

/// The interactive builder as pure functions: `update` changes the state for a message
/// and returns effects as data; `view` draws the state. No terminal, no files.
public enum App {
    /// The builder opened on a document.
    /// With `checkOffLoopFrom`, an org of that many people or more shows its numbers at
    /// once and its findings when the `.check` effect answers (App+Check).
    public static func start(_ document: Document, size: Size, checkOffLoopFrom: Int? = nil) -> AppState {
        AppState(document: document, size: size, checkOffLoopFrom: checkOffLoopFrom)
    }

    /// The start screen of `hats` with no file: new from a preset, empty, or open a file.
    public static func startScreen(size: Size, checkOffLoopFrom: Int? = nil) -> AppState {
        var state = AppState(document: Document(org: .empty(), path: nil), size: size, checkOffLoopFrom: checkOffLoopFrom)
        state.starting = StartState()
        return state
    }

    public static func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
        let revision = state.document.history.revision
        let effects = handle(&state, msg)
        return keepRecovery(&state, msg, revisionBefore: revision, effects) + requestPlan(&state) + requestCheck(&state) + requestWhatIf(&state) + releaseRetired(&state)
    }

    /// Offers the copies of unsaved work found when opening the document, newest first,
    /// one after another.
    public static func offerRecovery(_ state: inout AppState, _ copies: [RecoveryStore.Copy]) {
        state.recovery.pending = copies
        offerNextRecovery(&state)
    }

    static func offerNextRecovery(_ state: inout AppState) {
        guard !state.recovery.pending.isEmpty else { return }
        let copy = state.recovery.pending.removeFirst()
        state.dialogs.append(.confirm(Confirms.recover(copy, state)))
    }

    static func handle(_ state: inout AppState, _ msg: Msg) -> [Effect] {
        switch msg {
        case .key(let key):
            state.status = nil
            return handleKey(key, &state)
        case .mouse(let event):
            state.status = nil
            handleMouse(event, &state)
            return []
        case .resize(let size):
            state.size = size
            keepSelectionVisible(&state)
            if state.keysIgnoredWhileSmall > 0, !Layout(state).isTooSmall {
                let keys = Format.count(state.keysIgnoredWhileSmall, "key")
                state.status = StatusMessage(text: "\(keys) typed while the terminal was too small \(state.keysIgnoredWhileSmall == 1 ? "was" : "were") ignored; nothing was changed", kind: .info)
                state.keysIgnoredWhileSmall = 0
            }
            return []
        case .saved(let path, let revision, let error, let fingerprint):
            if let error {
                state.quitAfterSave = false
                state.status = StatusMessage(text: "Not saved: \(path): \(error). Your changes are still here, unsaved.", kind: .error)
                return []
            }
            state.document.path = path
            state.document.savedRevision = revision
            state.document.isNew = false
            state.document.fingerprint = fingerprint
            state.diskChanged = false
            state.status = StatusMessage(text: "Saved \(path)", kind: .success)
            if state.quitAfterSave {
                state.quitting = true
                return [.quit]
            }
            return []
        case .exported(let path, let error):
            state.status = error.map { StatusMessage(text: "Not exported: \(path): \($0)", kind: .error) }
                ?? StatusMessage(text: "Exported \(path)", kind: .success)
            return []
        case .opened(let path, let result, let isNew, let fingerprint, let recovered):
            switch result {
            case .success(let org):
                let size = state.size
                let now = state.now
                let requests = state.checkRequests
                state = AppState(document: Document(org: org, path: path, isNew: isNew, fingerprint: fingerprint), size: size,
                                 checkOffLoopFrom: state.checkOffLoopFrom, checkRequests: requests)
                state.now = now
                if isNew { state.status = StatusMessage(text: "New org: Ctrl-S creates \(path)", kind: .info) }
                offerRecovery(&state, recovered)
            case .failure(let failure):
                state.starting?.error = failure.lines
            }
            return []
        case .terminate:
            state.quitting = true
            return [.quit]
        case .planned(let org, let plan):
            receive(plan, for: org, &state)
            return []
        case .checked(let id, let check):
            receive(check: check, id: id, &state)
            return []
        case .whatIfChecked(let id, let whatIf):
            receive(whatIf: whatIf, id: id, &state)
            return []
        case .planProgress(let progress):
            if state.planner.requested != nil { state.planner.progress = progress }
            return []
        case .saveConflict(let path):
            state.dialogs.append(.confirm(Confirms.conflict(path, state)))
            return []
        case .diskChanged:
            if !state.diskChanged, let path = state.document.path {
                state.status = StatusMessage(text: "\(path) changed on disk: Ctrl-S will ask before replacing it", kind: .info)
            }
            state.diskChanged = true
            return []
        case .tick(let date):
            state.now = date
            return []
        case .exportExists(let path, let format):
            state.dialogs.append(.confirm(Confirms.replaceExport(path, format)))
            return []
        case .recoveryWritten(let error):
            if error != nil {
                // The status bar says so, and why, until a copy is written again.
                state.status = nil
            } else {
                if state.recovery.failure != nil {
                    state.status = StatusMessage(text: "Crash protection back on: a recovery copy is kept again", kind: .success)
                }
                state.recovery.adopted = []
            }
            state.recovery.failure = error
            return []
        }
    }

    /// Keeps a recovery copy of unsaved work: written within 5 seconds or 20 edits of a
    /// change and when the process is told to terminate; removed once the work is saved
    /// or deliberately discarded.
    static func keepRecovery(_ state: inout AppState, _ msg: Msg, revisionBefore: Int, _ effects: [Effect]) -> [Effect] {
        var effects = effects
        let key = state.document.recoveryKey
        func writeCopy() {
            let copy = Effect.writeRecovery(state.document.org, key: key, retiring: state.recovery.adopted)
            if let quit = effects.firstIndex(of: .quit) { effects.insert(copy, at: quit) } else { effects.append(copy) }
            state.recovery.dueSince = nil
            state.recovery.editsSinceCopy = 0
            state.recovery.copyExists = true
        }
        let quitting = effects.contains(.quit)
        if case .terminate = msg {
            // Leaving because of SIGTERM or SIGHUP: keep the work whatever its age.
            if state.document.isModified { writeCopy() }
            return effects
        }
        guard state.document.isModified, !quitting else {
            // Saved, undone back to the file, or deliberately discarded: no copy needed.
            if state.recovery.copyExists { effects.append(.removeRecovery(key: key)) }
            effects += state.recovery.adopted.map { Effect.retireRecovery(path: $0) }
            state.recovery = RecoveryTracker(pending: state.recovery.pending, failure: state.recovery.failure)
            return effects
        }
        if state.document.history.revision != revisionBefore {
            state.recovery.editsSinceCopy += 1
            if state.recovery.dueSince == nil { state.recovery.dueSince = state.now ?? .distantPast }
            if state.recovery.editsSinceCopy >= RecoveryTracker.edits {
                writeCopy()
                return effects
            }
        }
        if case .tick(let date) = msg, let due = state.recovery.dueSince,
            date.timeIntervalSince(due) >= RecoveryTracker.seconds {
            writeCopy()
        }
        return effects
    }

    // MARK: - Keys

    static func handleKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        if Layout(state).isTooSmall {
            // Nothing can be seen, so nothing is edited blind; quitting still works.
            if key == .character("q") || key == .control("c") { return requestQuit(&state) }
            state.keysIgnoredWhileSmall += 1
            return []
        }
        if key.isPaste, state.dialogs.isEmpty {
            // Pasted text is never taken as commands (a paste of "dd" deletes nothing).
            state.status = StatusMessage(text: "Pasted text goes into a text field (a name, the / filter); nothing was changed", kind: .info)
            return []
        }
        if state.starting != nil { return startScreenKey(key, &state) }
        if !state.dialogs.isEmpty {
            state.detailScroll = 0
            return dialogKey(key, &state)
        }
        guard let binding = KeyMap.binding(for: key, in: state.tab.context) else {
            state.status = StatusMessage(text: "\(key.label) does nothing in \(state.tab.title) — ? lists the keys", kind: .info)
            return []
        }
        if let reason = binding.unavailable(state) {
            state.status = StatusMessage(text: "\(key.label) (\(binding.label)): \(reason)", kind: .error)
            return []
        }
        if binding.id != .scrollDetailsDown, binding.id != .scrollDetailsUp { state.detailScroll = 0 }
        let effects = perform(binding.id, &state)
        refreshSuggestion(&state)
        return effects
    }

    /// Runs one action of the key table.
    public static func perform(_ id: BindingID, _ state: inout AppState) -> [Effect] {
        let rows = Layout(state).listRows(for: state.tab)
        switch id {
        case .moveDown: moveSelection(by: 1, &state)
        case .moveUp: moveSelection(by: -1, &state)
        case .pageDown: moveSelection(by: rows, &state)
        case .pageUp: moveSelection(by: -rows, &state)
        case .top: moveSelection(by: Int.min / 2, &state)
        case .bottom: moveSelection(by: Int.max / 2, &state)
        case .collapse: collapseOrParent(&state)
        case .expand: expandOrChild(&state)
        case .toggleCollapse: toggleCollapse(&state)
        case .scrollLeft: state.dutiesColumn = max(0, state.dutiesColumn - 1)
        case .scrollRight: state.dutiesColumn = min(max(0, (state.matrix?.columns.count ?? 0) - 1), state.dutiesColumn + 1)
        case .showChart: switchTab(.chart, &state)
        case .showPeople: switchTab(.people, &state)
        case .showRoles: switchTab(.roles, &state)
        case .showDuties: switchTab(.duties, &state)
        case .showFindings: switchTab(.findings, &state)
        case .showPlan: switchTab(.plan, &state)
        case .nextView: switchTab(Tab(rawValue: state.tab.rawValue % Tab.allCases.count + 1) ?? .chart, &state)
        case .previousView: switchTab(Tab(rawValue: (state.tab.rawValue + Tab.allCases.count - 2) % Tab.allCases.count + 1) ?? .chart, &state)
        case .toggleDetail: state.showDetail.toggle(); keepSelectionVisible(&state)
        case .scrollDetailsDown: scrollDetails(down: true, &state)
        case .scrollDetailsUp: scrollDetails(down: false, &state)
        case .find: state.dialogs.append(.picker(Pickers.find(state)))
        case .addPerson: state.dialogs.append(.form(Forms.addPerson(manager: state.selectedPerson, state)))
        case .editPerson: if let id = state.selectedPerson { state.dialogs.append(.form(Forms.editPerson(id, state))) }
        case .editHats: if let id = state.selectedPerson { state.dialogs.append(.hats(HatsDialog(person: id))) }
        case .setManager: if let id = state.selectedPerson { state.dialogs.append(.picker(Pickers.manager(for: id, state))) }
        case .dottedLines: if let id = state.selectedPerson { state.dialogs.append(.picker(Pickers.dottedLines(for: id, state))) }
        case .deletePerson: if let id = state.selectedPerson { state.dialogs.append(.confirm(Confirms.deletePerson(id, state))) }
        case .sortPeople:
            state.peopleSort = PeopleSort(rawValue: (state.peopleSort.rawValue + 1) % PeopleSort.allCases.count) ?? .file
            state.peopleSortDescending = false
            state.peopleOrder = sortedPeople(state)
            state.status = StatusMessage(text: "Sorted by \(state.peopleSort.title)", kind: .info)
        case .reverseSort:
            state.peopleSortDescending.toggle()
            state.peopleOrder = sortedPeople(state)
        case .addRole: state.dialogs.append(.form(Forms.addRole(state)))
        case .addRoleFromCatalog: state.dialogs.append(.picker(Pickers.catalogPresets()))
        case .editRole: if let id = state.selectedRole { state.dialogs.append(.form(Forms.editRole(id, state))) }
        case .deleteRole: if let id = state.selectedRole { state.dialogs.append(.confirm(Confirms.deleteRole(id, state))) }
        case .addDuty: state.dialogs.append(.form(Forms.addDuty(state)))
        case .editDuty: if let id = state.selectedDuty { state.dialogs.append(.form(Forms.editDuty(id, state))) }
        case .moveDuty: if let id = state.selectedDuty { state.dialogs.append(.picker(Pickers.moveDuty(id, state))) }
        case .deleteDuty: if let id = state.selectedDuty { state.dialogs.append(.confirm(Confirms.deleteDuty(id, state))) }
        case .matrixColumns:
            state.matrixByRole.toggle()
            ensureMatrix(&state)
            state.dutiesColumn = 0
        case .jumpToSubject: jumpToSelectedFinding(&state)
        case .applySuggestion:
            if let suggestion = state.currentSuggestion, commit(suggestion.edit, &state) {
                state.status = StatusMessage(text: "Applied: \(suggestion.text) — u undoes it", kind: .success)
            }
        case .applyPlanStep: applyPlanStep(&state)
        case .applyWholePlan: applyWholePlan(&state)
        case .toggleAway:
            if let id = state.selectedPerson {
                if state.away.contains(id) { state.away.remove(id) } else { state.away.insert(id) }
                refresh(&state, .whatIf)
                keepSelectionVisible(&state)
            }
        case .clearAway:
            state.away = []
            refresh(&state, .whatIf)
        case .editPolicy: state.dialogs.append(.form(Forms.policy(state)))
        case .renameOrg: state.dialogs.append(.form(Forms.renameOrg(state)))
        case .undo:
            if let entry = state.document.history.undo(on: &state.document.org) {
                refresh(&state, .edit(entry.inverse, inverse: entry.edit))
                state.status = StatusMessage(text: "Undid: \(entry.summary)", kind: .info)
            }
        case .redo:
            if let entry = state.document.history.redo(on: &state.document.org) {
                refresh(&state, .edit(entry.edit, inverse: entry.inverse))
                state.status = StatusMessage(text: "Redid: \(entry.summary)", kind: .info)
            }
        case .save:
            guard let path = state.document.path else {
                state.dialogs.append(.form(Forms.saveAs(state)))
                return []
            }
            return [.save(state.document.org, path: path, revision: state.document.history.revision, check: state.document.saveCheck)]
        case .saveAs: state.dialogs.append(.form(Forms.saveAs(state)))
        case .export: state.dialogs.append(.export(Exports.dialog(state)))
        case .help: state.dialogs.append(.help(HelpDialog()))
        case .redraw: return [.redraw]
        case .quit: return requestQuit(&state)
        // Dialog actions: App+Dialogs.swift performs them for the dialog on top.
        case .confirm, .cancel, .nextField, .previousField, .choiceDown, .choiceUp, .nextValue, .previousValue, .switchFocus, .toggleMark,
             .addHat, .editHatHours, .removeHat, .deleteIt, .replaceIt, .saveAndQuit, .discardAndQuit, .overwriteFile,
             .reloadFile, .saveAsInstead, .recoverCopy, .discardCopy, .keepCopy: break
        }
        return []
    }

    static func requestQuit(_ state: inout AppState) -> [Effect] {
        guard state.document.isModified else {
            state.quitting = true
            return [.quit]
        }
        state.dialogs.append(.confirm(Confirms.quit(state)))
        return []
    }

    /// Applies an edit through the history; on refusal shows the reason. Returns success.
    @discardableResult
    public static func commit(_ edit: Edit, _ state: inout AppState) -> Bool {
        do {
            let entry = try state.document.history.perform(edit, on: &state.document.org)
            refresh(&state, .edit(entry.edit, inverse: entry.inverse))
            keepSelectionVisible(&state)
            state.status = StatusMessage(text: "Done: \(entry.summary)", kind: .success)
            return true
        } catch {
            state.status = StatusMessage(text: error.reason, kind: .error)
            return false
        }
    }

    static func switchTab(_ tab: Tab, _ state: inout AppState) {
        state.tab = tab
        if tab == .duties { ensureMatrix(&state) }
        if tab == .findings { ensureFindingsList(&state) }
        keepSelectionVisible(&state)
    }
}
