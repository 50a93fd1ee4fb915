import OrgKit

/// Every action a key can trigger. Tests press keys by these ids.
public enum BindingID: String, CaseIterable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom, collapse, expand, toggleCollapse
    case showChart, showPeople, showRoles, showDuties, showFindings, showPlan, nextView, previousView
    case addPerson, editPerson, deletePerson, setManager, dottedLines, editHats
    case addRole, addRoleFromCatalog, editRole, deleteRole
    case addDuty, editDuty, deleteDuty, moveDuty, matrixColumns, scrollLeft, scrollRight
    case sortPeople, reverseSort, jumpToSubject
    case applySuggestion, applyPlanStep, applyWholePlan, toggleAway, clearAway, editPolicy, renameOrg
    case undo, redo, save, saveAs, export
    case find, toggleDetail, scrollDetailsDown, scrollDetailsUp, help, redraw, quit
    case confirm, cancel, nextField, previousField, choiceDown, choiceUp
    case nextValue, previousValue, switchFocus, toggleMark, addHat, editHatHours, removeHat
    case deleteIt, replaceIt, saveAndQuit, discardAndQuit, overwriteFile, reloadFile, saveAsInstead
    case recoverCopy, discardCopy, keepCopy
}

/// Where a binding works: a view, or a kind of dialog (the one on top has the keys; see
/// `Dialog.keyContext`), or the start screen.
public enum BindingContext: String, CaseIterable, Sendable {
    case chart, people, roles, duties, findings, plan
    case form, picker, markingPicker, hats, hatsHours, export, help, start
    case deleteQuestion, quitQuestion, conflictQuestion, recoveryQuestion, replaceQuestion

    /// A view's own name (the tab's), or the dialog's.
    var title: String {
        if let tab = Tab.allCases.first(where: { $0.context == self }) { return tab.title }
        switch self {
        case .form: return "Forms"
        case .picker: return "Pickers"
        case .markingPicker: return "Pickers that mark several"
        case .hats: return "Hats dialog"
        case .hatsHours: return "Hats dialog, hours field"
        case .export: return "Export dialog"
        case .help: return "Help"
        case .start: return "Start screen"
        case .deleteQuestion: return "Delete"
        case .quitQuestion: return "Unsaved changes"
        case .conflictQuestion: return "Changed on disk"
        case .recoveryQuestion: return "Unsaved work found"
        case .replaceQuestion: return "Replace file?"
        default: return rawValue
        }
    }

    static let views: Set<BindingContext> = [.chart, .people, .roles, .duties, .findings, .plan]
    static let questions: Set<BindingContext> = [.deleteQuestion, .quitQuestion, .conflictQuestion, .recoveryQuestion, .replaceQuestion]

    /// A question's Esc is one of its answers (keep a recovery copy, or cancel).
    var isQuestion: Bool { Self.questions.contains(self) }
}

/// One row of the key table: the keys, the words for the status bar and the help screen,
/// where it applies, and (for some) why it is unavailable right now.
public struct Binding: Sendable {
    public let id: BindingID
    public let keys: [Key]
    /// A word or two for the status bar ("add", "hats").
    public let label: String
    /// One line for the help screen and docs/keys.md.
    public let help: String
    public let group: String
    public let contexts: Set<BindingContext>
    /// Shown in the status bar when it fits (in a view), or in the footer (of a dialog).
    public let hint: Bool
    /// How many of the keys the footer shows ("Esc or ? closes").
    public let hintKeys: Int
    /// Works while a dialog's text field has the focus. Every other key then goes to the
    /// field, so typed letters never trigger a binding.
    public let inFields: Bool
    /// Why the binding cannot be used now, or nil when it can.
    let unavailable: @Sendable (AppState) -> String?

    init(_ id: BindingID, _ keys: [Key], _ label: String, _ help: String, group: String,
         in contexts: Set<BindingContext> = BindingContext.views, hint: Bool = false, hintKeys: Int = 1,
         inFields: Bool = false, unavailable: @escaping @Sendable (AppState) -> String? = { _ in nil }) {
        self.id = id
        self.keys = keys
        self.label = label
        self.help = help
        self.group = group
        self.contexts = contexts
        self.hint = hint
        self.hintKeys = hintKeys
        self.inFields = inFields
        self.unavailable = unavailable
    }

    public var keyLabels: String { keys.map(\.label).joined(separator: " ") }
}

/// The one key table: it drives key dispatch, the status-bar hints, the help screen and
/// the generated docs/keys.md, so none of them can drift from the others.
public enum KeyMap {
    static let people: Set<BindingContext> = [.chart, .people]
    /// Every picker; the ones that mark several have one more key.
    static let pickers: Set<BindingContext> = [.picker, .markingPicker]

    public static let bindings: [Binding] = [
        // Moving around
        Binding(.moveDown, [.down, .character("j")], "down", "Move down", group: "Move"),
        Binding(.moveUp, [.up, .character("k")], "up", "Move up", group: "Move"),
        Binding(.pageDown, [.pageDown, .control("d")], "page down", "Move down a page", group: "Move"),
        Binding(.pageUp, [.pageUp, .control("u")], "page up", "Move up a page", group: "Move"),
        Binding(.top, [.home, .character("g")], "top", "Go to the first row", group: "Move"),
        Binding(.bottom, [.end, .character("G")], "bottom", "Go to the last row", group: "Move"),
        Binding(.collapse, [.left, .character("h")], "collapse", "Collapse the selected person's team, or go to their manager", group: "Move", in: [.chart]),
        Binding(.expand, [.right, .character("l")], "expand", "Expand the selected person's team, or go to their first report", group: "Move", in: [.chart]),
        Binding(.toggleCollapse, [.character(" ")], "fold", "Fold or unfold the selected person's team", group: "Move", in: [.chart]),
        Binding(.scrollLeft, [.left, .character("h")], "scroll", "Scroll the matrix columns left", group: "Move", in: [.duties]),
        Binding(.scrollRight, [.right, .character("l")], "scroll", "Scroll the matrix columns right", group: "Move", in: [.duties]),
        Binding(.showChart, [.character("1")], "chart", "Show the chart", group: "Views"),
        Binding(.showPeople, [.character("2")], "people", "Show the people table", group: "Views"),
        Binding(.showRoles, [.character("3")], "roles", "Show the roles", group: "Views"),
        Binding(.showDuties, [.character("4")], "duties", "Show the duties matrix", group: "Views"),
        Binding(.showFindings, [.character("5")], "findings", "Show the findings", group: "Views"),
        Binding(.showPlan, [.character("6")], "plan", "Show the staffing plan: moves and hires that clear the findings", group: "Views"),
        Binding(.nextView, [.tab], "next view", "Next view", group: "Views"),
        Binding(.previousView, [.backTab], "previous view", "Previous view", group: "Views"),
        Binding(.toggleDetail, [.character("i")], "details", "Show or hide the details pane", group: "Views"),
        Binding(.find, [.character("/")], "find", "Find a person, role or duty by name or alias", group: "Views", hint: true),
        Binding(.scrollDetailsDown, [.character("J")], "details ↓", "Scroll the details pane down, when its border says N more ↓", group: "Views", hint: true,
                unavailable: { App.detailsScroll($0, down: true) }),
        Binding(.scrollDetailsUp, [.character("K")], "details ↑", "Scroll the details pane back up", group: "Views", hint: true,
                unavailable: { App.detailsScroll($0, down: false) }),

        // People
        Binding(.addPerson, [.character("a")], "add", "Add a person or an open position (under the selected one)", group: "People", in: people, hint: true),
        Binding(.editHats, [.enter, .character("t")], "hats", "Give and take hats, set their hours", group: "People", in: people, hint: true,
                unavailable: { $0.selectedPerson == nil ? "no person selected" : nil }),
        Binding(.editPerson, [.character("e")], "edit", "Edit name, title, e-mail, capacity, external, open position (hired), qualifications", group: "People", in: people,
                unavailable: { $0.selectedPerson == nil ? "no person selected" : nil }),
        Binding(.setManager, [.character("m")], "manager", "Choose the selected person's manager", group: "People", in: people, hint: true,
                unavailable: { $0.selectedPerson == nil ? "no person selected" : ($0.document.org.people.count < 2 ? "there is nobody else to report to" : nil) }),
        Binding(.dottedLines, [.character("o")], "dotted", "Add or remove a dotted-line manager", group: "People", in: people,
                unavailable: { $0.selectedPerson == nil ? "no person selected" : ($0.document.org.people.count < 2 ? "there is nobody else to report to" : nil) }),
        Binding(.deletePerson, [.character("d"), .delete], "delete", "Delete the selected person (asks first)", group: "People", in: people,
                unavailable: { $0.selectedPerson == nil ? "no person selected" : nil }),
        Binding(.sortPeople, [.character("s")], "sort", "Sort by the next column", group: "People", in: [.people]),
        Binding(.reverseSort, [.character("S")], "reverse", "Reverse the sort order", group: "People", in: [.people]),

        // Roles
        Binding(.addRole, [.character("a")], "add", "Add a role", group: "Roles", in: [.roles], hint: true),
        Binding(.addRoleFromCatalog, [.character("c")], "catalog", "Add roles from a catalog preset (search names and aliases)", group: "Roles", in: [.roles], hint: true),
        Binding(.editRole, [.character("e"), .enter], "edit", "Edit the selected role", group: "Roles", in: [.roles], hint: true,
                unavailable: { $0.selectedRole == nil ? "no role selected" : nil }),
        Binding(.deleteRole, [.character("d"), .delete], "delete", "Delete the selected role (asks first)", group: "Roles", in: [.roles],
                unavailable: { $0.selectedRole == nil ? "no role selected" : nil }),

        // Duties
        Binding(.addDuty, [.character("a")], "add", "Add a duty", group: "Duties", in: [.duties], hint: true),
        Binding(.editDuty, [.character("e"), .enter], "edit", "Edit the selected duty", group: "Duties", in: [.duties], hint: true,
                unavailable: { $0.selectedDuty == nil ? "no duty selected" : nil }),
        Binding(.moveDuty, [.character("m")], "move", "Move the selected duty to another role", group: "Duties", in: [.duties], hint: true,
                unavailable: { $0.selectedDuty == nil ? "no duty selected" : ($0.document.org.roles.isEmpty ? "there are no roles yet (3, then a)" : nil) }),
        Binding(.deleteDuty, [.character("d"), .delete], "delete", "Delete the selected duty (asks first)", group: "Duties", in: [.duties],
                unavailable: { $0.selectedDuty == nil ? "no duty selected" : nil }),
        Binding(.matrixColumns, [.character("v")], "people/roles", "Show people or roles across the matrix", group: "Duties", in: [.duties], hint: true),

        // Findings and what-if
        Binding(.jumpToSubject, [.enter], "go to", "Go to the person, role or duty of the finding", group: "Findings", in: [.findings], hint: true,
                unavailable: { $0.selectedFinding == nil ? "no finding selected" : nil }),
        Binding(.applySuggestion, [.character("f")], "fix", "Apply the suggestion shown in the details (undo with u)", group: "Findings",
                in: BindingContext.views.subtracting([.plan]), hint: true,
                unavailable: { App.isChecking($0) ? "the findings are still being checked; suggestions come with them in a moment"
                    : $0.currentSuggestion == nil ? ($0.noSuggestionReason.map { "no suggestion — \($0)" } ?? "no finding with a suggestion here") : nil }),
        Binding(.toggleAway, [.character("w")], "what-if", "Mark the selected person away (what-if), or back", group: "Findings", in: people, hint: true,
                unavailable: { $0.selectedPerson == nil ? "no person selected" : nil }),
        Binding(.clearAway, [.character("W")], "all back", "End the what-if: everyone back", group: "Findings",
                unavailable: { $0.away.isEmpty ? "nobody is marked away" : nil }),
        Binding(.applyPlanStep, [.character("f")], "apply step", "Apply the selected step of the plan (one undo step; the plan is worked out again)", group: "Plan", in: [.plan], hint: true,
                unavailable: { App.planUnavailable($0, step: true) }),
        Binding(.applyWholePlan, [.character("F")], "apply all", "Apply the whole plan, step by step (each step one undo step)", group: "Plan", in: [.plan], hint: true,
                unavailable: { App.planUnavailable($0, step: false) }),
        Binding(.editPolicy, [.character("p")], "policy", "Edit the policy: hours, switching model, thresholds", group: "Findings"),

        // History and file
        Binding(.undo, [.character("u"), .control("z")], "undo", "Undo the last edit", group: "File", hint: true,
                unavailable: { $0.document.history.canUndo ? nil : "nothing to undo" }),
        Binding(.redo, [.control("r"), .control("y")], "redo", "Redo", group: "File",
                unavailable: { $0.document.history.canRedo ? nil : "nothing to redo" }),
        Binding(.save, [.control("s")], "save", "Save", group: "File", hint: true),
        Binding(.saveAs, [.control("w")], "save as", "Save to another file", group: "File"),
        Binding(.export, [.character("x")], "export", "Export to text, Graphviz, Mermaid, SVG, HTML, CSV, Markdown or JSON", group: "File", hint: true),
        Binding(.renameOrg, [.character("N")], "rename", "Rename the org", group: "File"),
        Binding(.help, [.character("?"), .function(1)], "help", "Show every key", group: "File", hint: true),
        Binding(.redraw, [.control("l")], "redraw", "Draw the whole screen again (after another program wrote on it)", group: "File"),
        Binding(.quit, [.character("q"), .control("c")], "quit", "Quit (asks first if there are unsaved changes)", group: "File"),

        // Dialogs: one context per kind of dialog. A row's id says what the dialog does
        // (App+Dialogs.swift); the footer shows the hint rows, in this order.
        Binding(.confirm, [.enter], "apply", "Add, save, open or apply the form", group: "Forms", in: [.form], hint: true, inFields: true),
        Binding(.cancel, [.escape], "cancel", "Close the form at once, changing nothing", group: "Forms", in: [.form], hint: true, inFields: true),
        Binding(.nextField, [.tab, .down], "next field", "Next field", group: "Forms", in: [.form], hint: true, inFields: true),
        Binding(.previousField, [.backTab, .up], "previous field", "Previous field", group: "Forms", in: [.form], inFields: true),
        Binding(.nextValue, [.character(" "), .right], "next value", "In a choice field (‹ ›): the next value; typing a value's first letter picks it. In a role field (escalates to, related roles): opens a picker of the roles; Backspace clears the field", group: "Forms", in: [.form]),
        Binding(.previousValue, [.left], "previous value", "In a choice field: the previous value", group: "Forms", in: [.form]),

        Binding(.toggleMark, [.character(" "), .tab], "marks", "Mark or unmark the selected item and go to the next; Enter then takes every marked one (while a filter you are typing still matches several, Space is a space between words: Tab always marks)", group: "Pickers", in: [.markingPicker], hint: true, inFields: true),
        Binding(.confirm, [.enter], "choose", "Choose the selected item (the footer says what that does)", group: "Pickers", in: pickers, hint: true, inFields: true),
        Binding(.cancel, [.escape], "cancel", "Close the picker at once, changing nothing", group: "Pickers", in: pickers, hint: true, inFields: true),
        Binding(.choiceDown, [.down, .control("n")], "next", "Next item (typing filters the list by name and alias)", group: "Pickers", in: pickers, inFields: true),
        Binding(.choiceUp, [.up, .control("p")], "previous", "Previous item", group: "Pickers", in: pickers, inFields: true),
        Binding(.pageDown, [.pageDown], "page down", "Down a page of items", group: "Pickers", in: pickers, inFields: true),
        Binding(.pageUp, [.pageUp], "page up", "Up a page of items", group: "Pickers", in: pickers, inFields: true),

        Binding(.moveUp, [.up, .character("k")], "up", "Previous hat", group: "Hats dialog", in: [.hats]),
        Binding(.moveDown, [.down, .character("j")], "down", "Next hat", group: "Hats dialog", in: [.hats]),
        Binding(.addHat, [.character("a"), .insert], "add", "Give a hat: a role of the org, of a catalog, or a new one named as typed; it starts at the hours the role lacks (capped at the person's room), selected with its hours ready to type", group: "Hats dialog", in: [.hats], hint: true),
        Binding(.editHatHours, [.enter, .character("e")], "hours", "Type the selected hat's hours: the first character typed replaces them (with no hats: give one)", group: "Hats dialog", in: [.hats], hint: true),
        Binding(.removeHat, [.character("d"), .delete, .backspace], "remove", "Take the selected hat off", group: "Hats dialog", in: [.hats], hint: true),
        Binding(.cancel, [.escape], "close", "Close the hats dialog", group: "Hats dialog", in: [.hats], hint: true),
        Binding(.confirm, [.enter], "set hours (blank: an equal share of the role)", "Set the hours typed (blank: an equal share of the role)", group: "Hats dialog", in: [.hatsHours], hint: true, inFields: true),
        Binding(.cancel, [.escape], "cancel", "Stop typing the hours, changing nothing", group: "Hats dialog", in: [.hatsHours], hint: true, inFields: true),

        Binding(.confirm, [.enter], "export", "Export in the selected format to the file named", group: "Export dialog", in: [.export], hint: true, inFields: true),
        Binding(.switchFocus, [.tab, .backTab], "format/file", "Switch between the format list and the file name", group: "Export dialog", in: [.export], hint: true, inFields: true),
        Binding(.cancel, [.escape], "cancel", "Close without exporting", group: "Export dialog", in: [.export], hint: true, inFields: true),
        Binding(.choiceDown, [.down, .character("j")], "next", "Next format (typing other letters goes to the file name)", group: "Export dialog", in: [.export]),
        Binding(.choiceUp, [.up, .character("k")], "previous", "Previous format", group: "Export dialog", in: [.export]),

        Binding(.moveUp, [.up, .character("k")], "scroll", "Scroll up", group: "Help", in: [.help], hint: true),
        Binding(.moveDown, [.down, .character("j")], "scroll", "Scroll down", group: "Help", in: [.help], hint: true),
        Binding(.pageDown, [.pageDown, .character(" "), .control("d")], "page down", "Scroll down a page", group: "Help", in: [.help]),
        Binding(.pageUp, [.pageUp, .control("u")], "page up", "Scroll up a page", group: "Help", in: [.help]),
        Binding(.top, [.home, .character("g")], "top", "Go to the top", group: "Help", in: [.help]),
        Binding(.bottom, [.end, .character("G")], "bottom", "Go to the end", group: "Help", in: [.help]),
        Binding(.cancel, [.escape, .character("?"), .character("q"), .enter], "closes", "Close the help", group: "Help", in: [.help], hint: true, hintKeys: 2),

        Binding(.moveUp, [.up, .character("k")], "choose", "Previous choice", group: "Start screen", in: [.start], hint: true),
        Binding(.moveDown, [.down, .character("j")], "choose", "Next choice", group: "Start screen", in: [.start], hint: true),
        Binding(.top, [.home, .character("g")], "first", "First choice", group: "Start screen", in: [.start]),
        Binding(.bottom, [.end, .character("G")], "last", "Last choice", group: "Start screen", in: [.start]),
        Binding(.confirm, [.enter], "start", "Start from the selected preset, an empty org, or open a file", group: "Start screen", in: [.start], hint: true),
        Binding(.quit, [.character("q"), .control("c"), .escape], "quit", "Quit", group: "Start screen", in: [.start], hint: true),

        Binding(.deleteIt, [.character("y")], "Delete", "Delete it (u undoes it)", group: "Questions", in: [.deleteQuestion], hint: true),
        Binding(.replaceIt, [.character("y")], "Replace it", "Replace the existing file with the export", group: "Questions", in: [.replaceQuestion], hint: true),
        Binding(.saveAndQuit, [.character("s")], "Save and quit", "Save (or save as, for a new org), then quit", group: "Questions", in: [.quitQuestion], hint: true),
        Binding(.discardAndQuit, [.character("d")], "Discard and quit", "Quit without saving", group: "Questions", in: [.quitQuestion], hint: true),
        Binding(.overwriteFile, [.character("o")], "Overwrite it", "Save over the changed file", group: "Questions", in: [.conflictQuestion], hint: true),
        Binding(.reloadFile, [.character("r")], "Reload (drop mine)", "Reload the file, dropping your edits", group: "Questions", in: [.conflictQuestion], hint: true),
        Binding(.saveAsInstead, [.character("a")], "Save as…", "Save to another file instead", group: "Questions", in: [.conflictQuestion], hint: true),
        Binding(.recoverCopy, [.character("r")], "Recover it", "Open the unsaved copy (marked unsaved)", group: "Questions", in: [.recoveryQuestion], hint: true),
        Binding(.discardCopy, [.character("d")], "Discard it", "Delete the unsaved copy", group: "Questions", in: [.recoveryQuestion], hint: true),
        Binding(.keepCopy, [.escape], "Keep it for later", "Leave the copy, and any others, for next time", group: "Questions", in: [.recoveryQuestion], hint: true),
        Binding(.cancel, [.escape], "Cancel", "Change nothing", group: "Questions", in: [.deleteQuestion, .quitQuestion, .conflictQuestion, .replaceQuestion], hint: true),
        Binding(.confirm, [.enter], "first choice", "The first choice (the one on the left)", group: "Questions", in: BindingContext.questions),
    ]

    /// Every symbol the screens use, for the help screen and docs/keys.md.
    public static let symbols: [(symbol: String, meaning: String)] = [
        ("✖ ▲ ·", "a critical finding, a warning, a note (also red, yellow and cyan where there is colour)"),
        ("██░░░░ 86%", "a person's load: their hours ÷ the week left after switching between kinds of work; full above 100 %"),
        ("●●● ●●●+", "a person's hats, one dot each (+: more than four)"),
        ("○", "an open position: a planned hire or a vacancy"),
        ("◇ ext", "an external provider: listed apart, not load-checked"),
        ("┄", "has a dotted-line manager (named in the details)"),
        ("[+N]", "a folded team of N people (Space or → unfolds it)"),
        ("!", "a critical role or duty: one holder is a single point of failure"),
        ("$", "a special-project duty"),
        ("≈", "a hat that takes an equal share of its role's hours"),
        ("▸", "the selection"),
        ("N more ↓  N more ↑", "rows of a list or the details hidden below or above"),
        ("new worse", "in a what-if: a finding that appears, or gets more severe"),
        ("● unsaved", "changes since the last save (the title bar)"),
        ("⚠ changed on disk", "another program changed the file since it was opened or saved"),
        ("⚠ no crash copy", "the recovery copy of unsaved work cannot be written"),
    ]

    /// The binding for `key` in `context`, if any. While a text field has the focus only the
    /// bindings that work in fields count: the field takes every other key.
    public static func binding(for key: Key, in context: BindingContext, inField: Bool = false) -> Binding? {
        bindings.first { $0.contexts.contains(context) && $0.keys.contains(key) && (!inField || $0.inFields) }
    }

    public static func binding(_ id: BindingID) -> Binding? {
        bindings.first { $0.id == id }
    }

    /// The first key of a binding, for the tests and the hints.
    public static func key(_ id: BindingID) -> Key {
        binding(id)?.keys.first ?? .escape
    }

    /// Which hints the status bar keeps when not all fit, most wanted first (`?` always);
    /// the rest follow in table order. They are shown in table order.
    static let hintPriority: [BindingID] = [
        .help, .save, .undo, .scrollDetailsDown, .scrollDetailsUp, .applySuggestion, .applyPlanStep, .applyWholePlan,
        .editHats, .addPerson, .addRole, .addRoleFromCatalog, .editRole, .addDuty, .editDuty, .jumpToSubject,
        .toggleAway, .export, .find,
    ]

    /// The keys to show in the status bar (a view) or the footer (a dialog), in table order.
    static func hints(for context: BindingContext) -> [Binding] {
        bindings.filter { $0.hint && $0.contexts.contains(context) }
    }

    /// A dialog's footer, from its hint rows in table order: "Enter add · Esc cancel".
    /// `labels` lets a dialog say what Enter does this time ("save", "sets the manager").
    /// Neighbouring rows with the same label share one entry ("↑↓ scroll").
    static func footer(for context: BindingContext, labels: [BindingID: String] = [:]) -> [FooterEntry] {
        var entries: [FooterEntry] = []
        for binding in hints(for: context) {
            let label = labels[binding.id] ?? binding.label
            let keys = Array(binding.keys.prefix(binding.hintKeys))
            if let last = entries.last, last.label == label {
                entries[entries.count - 1].ids.append(binding.id)
                entries[entries.count - 1].keys += keys.prefix(1)
            } else {
                entries.append(FooterEntry(ids: [binding.id], keys: keys, label: label))
            }
        }
        return entries
    }

    /// Which keys of a dialog group still work in its text fields, or nil if it has none.
    static func fieldNote(group: String) -> String? {
        let rows = bindings.filter { $0.group == group && $0.inFields }
        guard !rows.isEmpty else { return nil }
        var keys: [String] = []
        for row in rows { for key in row.keys where !keys.contains("`\(key.label)`") { keys.append("`\(key.label)`") } }
        return "While a text field has the focus only \(keys.joined(separator: " ")) work as above; every other key goes to the field."
    }

    /// docs/keys.md, generated from the table (a test fails when the file is stale).
    public static func markdown() -> String {
        var text = """
            # Keys

            <!-- Generated from Sources/OrgTUI/KeyMap.swift by the test suite. Do not edit: change the
                 KeyMap and run `RECORD_SNAPSHOTS=1 swift test --filter KeyMapTests`. -->

            Every key of the interactive builder (`hats FILE`, `hats --preset NAME`). The same table
            drives the keys themselves, the hints in the status bar, the footers of the dialogs and the
            `?` help screen.
            A key that cannot be used right now says why in the status bar.

            """
        var groups: [String] = []
        for binding in bindings where !groups.contains(binding.group) { groups.append(binding.group) }
        for group in groups {
            text += "\n## \(group)\n\n| keys | what it does | where |\n|---|---|---|\n"
            for binding in bindings where binding.group == group {
                let keys = binding.keys.map { "`\($0.label)`" }.joined(separator: " ")
                let contexts = BindingContext.allCases.filter { binding.contexts.contains($0) }
                let whereText = binding.contexts.isSuperset(of: BindingContext.views)
                    ? "everywhere"
                    : contexts.map(\.title).joined(separator: ", ")
                text += "| \(keys) | \(binding.help) | \(whereText) |\n"
            }
            if let note = fieldNote(group: group) { text += "\n\(note)\n" }
        }
        text += "\n## Symbols\n\n| symbol | means |\n|---|---|\n"
        for (symbol, meaning) in symbols { text += "| `\(symbol)` | \(meaning) |\n" }
        text += """

            ## In text fields

            Type to edit; `←` `→` move, `Home`/`Ctrl-A` and `End`/`Ctrl-E` jump, `Backspace` and
            `Delete` remove, `Ctrl-U` clears to the start, `Ctrl-K` to the end, `Ctrl-W` removes a word.
            In pickers, typing filters the list (names and aliases) and `↑` `↓` choose. A paste goes
            into the field in one edit; a field holds at most 1,000 characters, and the status bar
            says when a paste or a key did not fit. Outside a text field a paste does nothing (it is
            never taken as keys).

            ## Mouse

            Where the terminal reports the mouse, a click selects a row or a view tab and the wheel
            scrolls.

            """
        return text
    }
}

/// One entry of a dialog's footer: the keys shown, what they do, and the rows they stand for.
struct FooterEntry: Equatable {
    var ids: [BindingID]
    var keys: [Key]
    var label: String

    /// "Enter add", "↑↓ scroll" (two rows), "Esc or ? close" (two keys of one row).
    var text: String {
        let keyText = ids.count > 1 ? keys.map(\.label).joined() : keys.map(\.label).joined(separator: " or ")
        return "\(keyText) \(label)"
    }

    /// The entry without the note after its label's "·" ("Enter gives the hat · shows the
    /// load after it" → "Enter gives the hat"): what the status bar shows, and a footer short
    /// of room.
    var withoutNote: FooterEntry {
        var short = self
        short.label = label.components(separatedBy: " · ").first ?? label
        return short
    }

    /// A footer as one line: "Enter add · Esc cancel · Tab next field".
    static func line(_ entries: [FooterEntry]) -> String {
        entries.map(\.text).joined(separator: " · ")
    }
}
