import Foundation
import OrgKit

/// A modal window over the main screen. Dialogs stack: the hats dialog opens a role
/// picker on top of itself. Its keys are rows of the key table in its `keyContext`;
/// `App.dialogKey` performs them.
public enum Dialog: Sendable {
    case form(FormDialog)
    case picker(PickerDialog)
    case hats(HatsDialog)
    case confirm(ConfirmDialog)
    case export(ExportDialog)
    case help(HelpDialog)

    /// Where the dialog's keys are declared in the key table (its focus can change it).
    var keyContext: BindingContext {
        switch self {
        case .form: .form
        case .picker(let picker): picker.marking == .none ? .picker : .markingPicker
        case .hats(let hats): hats.editing == nil ? .hats : .hatsHours
        case .confirm(let confirm): confirm.context
        case .export: .export
        case .help: .help
        }
    }

    /// A text field has the focus: it takes typed keys, and only the bindings marked as
    /// working in fields apply.
    var fieldHasFocus: Bool {
        switch self {
        case .form(let form):
            guard form.fields.indices.contains(form.focus) else { return false }
            switch form.fields[form.focus].kind {
            case .choice, .roles: return false
            case .text, .number: return true
            }
        case .picker: return true
        case .hats(let hats): return hats.editing != nil
        case .export(let export): return export.focus == 1
        case .confirm, .help: return false
        }
    }

    /// The keys the dialog's footer shows, from the key table; a form or picker says what
    /// Enter does this time, a question names its answers.
    var footer: [FooterEntry] {
        var labels: [BindingID: String] = [:]
        switch self {
        case .form(let form): labels[.confirm] = form.enterLabel
        case .picker(let picker): labels[.confirm] = picker.enterLabel
        case .confirm(let confirm): labels = confirm.labels
        case .hats, .export, .help: break
        }
        return KeyMap.footer(for: keyContext, labels: labels)
    }

    var title: String {
        switch self {
        case .form(let form): form.title
        case .picker(let picker): picker.title
        case .hats: "Hats"
        case .confirm(let confirm): confirm.title
        case .export: "Export"
        case .help: "Keys"
        }
    }
}

// MARK: - Forms

/// One labelled field of a form.
public struct FormField: Sendable {
    public enum Kind: Sendable, Equatable {
        case text
        /// A number; empty means "not set" when `optional`.
        case number(optional: Bool)
        /// One of fixed values, changed with Space or ←/→.
        case choice([String])
        /// Roles of the org (ids in `picked`), chosen in a picker that Space opens: one
        /// (escalates to) or several (related roles). Backspace clears it.
        case roles(multiple: Bool)
    }
    public var label: String
    public var input: TextField
    public var kind: Kind
    /// Shown under the field when it has focus.
    public var hint: String?
    /// The ids a roles field holds; `input` shows their names.
    public var picked: [String] = []

    init(_ label: String, _ value: String = "", _ kind: Kind = .text, hint: String? = nil) {
        self.label = label
        self.input = TextField(value)
        self.kind = kind
        self.hint = hint
    }

    /// A roles field holding `ids`, shown by name.
    init(_ label: String, roles ids: [String], multiple: Bool, in org: Org, hint: String? = nil) {
        self.init(label, "", .roles(multiple: multiple), hint: hint)
        pick(ids, in: org)
    }

    /// Sets a roles field's ids and the names it shows.
    mutating func pick(_ ids: [String], in org: Org) {
        picked = ids
        input.set(ids.isEmpty ? "—" : ids.map { org.role($0)?.name ?? $0 }.joined(separator: ", "))
    }

    var value: String { input.text.trimmingSpaces }
}

/// What a form is for: decides the fields and what Enter does.
public enum FormPurpose: Sendable, Equatable {
    case addPerson(manager: String?)
    case editPerson(String)
    case addRole
    case editRole(String)
    case addDuty(role: String?)
    case editDuty(String)
    case policy
    case saveAs
    case renameOrg
    case openFile
}

public struct FormDialog: Sendable {
    public var title: String
    public var purpose: FormPurpose
    public var fields: [FormField]
    public var focus = 0
    /// Why the last Enter was refused; the dialog stays open.
    public var error: String?
    /// A line above the fields.
    public var note: String?

    /// What Enter does, for the footer.
    var enterLabel: String {
        switch purpose {
        case .openFile: "open"
        case .addPerson, .addRole, .addDuty: "add"
        case .saveAs: "save"
        default: "apply"
        }
    }
}

// MARK: - Pickers

/// One choice in a picker.
public struct PickerItem: Sendable, Equatable {
    public var id: String
    public var label: String
    /// A second column: a title, hours, a load preview.
    public var detail: String
    /// Other names the filter matches (aliases, titles).
    public var keywords: [String]
    /// Why it cannot be chosen (shown greyed out with the reason), or nil.
    public var unavailable: String?
    /// A mark before the label ("✓" for a dotted line already in place).
    public var mark: String
    /// The detail stays when the filter matched a keyword (a hat's load preview); else the
    /// matched keyword takes its place.
    public var keepsDetail: Bool
    /// Where the item comes from: the org, a catalog (listed after the org's), or the
    /// "Create …" item made from the filter.
    public var origin: Origin

    public enum Origin: Sendable, Equatable {
        case org
        /// A role of this preset catalog, not in the org yet.
        case catalog(String)
        /// Creates what the filter names.
        case create
    }

    init(id: String, label: String, detail: String = "", keywords: [String] = [], unavailable: String? = nil, mark: String = " ",
         keepsDetail: Bool = false, origin: Origin = .org) {
        self.keepsDetail = keepsDetail
        self.origin = origin
        self.id = id
        self.label = label
        self.detail = detail
        self.keywords = keywords
        self.unavailable = unavailable
        self.mark = mark
    }
}

public enum PickerPurpose: Sendable, Equatable {
    case manager(person: String)
    case dottedLine(person: String)
    case addHat(person: String)
    case catalogPreset
    case catalogRole(preset: String)
    case moveDuty(String)
    case find
    case startPreset
    /// Fills the roles field at `field` of the form under the picker.
    case formRoles(field: Int, multiple: Bool)
}

/// Whether a picker's items can be marked with Space to take several at once.
public enum Marking: Sendable, Equatable {
    /// One item: Enter takes the selected one.
    case none
    /// Enter takes the marked items, or the selected one when none is marked (roles from a catalog).
    case orSelected
    /// Enter takes exactly the marked items, none included (a set of links being edited).
    case exactly
}

public struct PickerDialog: Sendable {
    public var title: String
    public var purpose: PickerPurpose
    public var items: [PickerItem]
    public var query = TextField()
    /// Indexes into `items` that match the query, best first.
    public var matches: [Int] = []
    /// The selected match and the scroll of the matches.
    public var list = ListState()
    /// What Enter does here, for the footer ("sets the manager"); nil: "choose".
    public var enterLabel: String?
    /// Whether Space marks items to take several at once.
    public var marking: Marking
    /// The ids of the marked items, in the order they were marked.
    public var marked: [String] = []
    /// The last key typed a letter into the filter: Space then types a space (the filter
    /// matches words) rather than marking.
    public var typing = false
    /// What a "Create … “typed”" item makes ("role"), offered when no item of the org has
    /// the typed name; nil: none.
    public var creates: String?
    /// How many rows the list is sized for, when not one per item (catalog items show only
    /// once something is typed).
    public var rowsHint: Int?

    /// The rows the list is sized for.
    var listLength: Int { rowsHint ?? items.count }

    init(title: String, purpose: PickerPurpose, items: [PickerItem], enterLabel: String? = nil, marking: Marking = .none, marked: [String] = [],
         creates: String? = nil, rowsHint: Int? = nil) {
        self.title = title
        self.purpose = purpose
        self.items = items
        self.enterLabel = enterLabel
        self.marking = marking
        self.marked = marked
        self.creates = creates
        self.rowsHint = rowsHint
        refilter()
    }

    /// The name a "Create …" item would give: the filter, trimmed.
    var typedName: String { query.text.trimmingSpaces }

    /// Marks the selected item, or unmarks it; returns its label, or nil when nothing is selected.
    mutating func toggleMark() -> PickerItem? {
        guard let item = selectedItem else { return nil }
        if let index = marked.firstIndex(of: item.id) { marked.remove(at: index) } else { marked.append(item.id) }
        return item
    }

    /// What Enter takes: the marked items (in the order marked), or the selected one.
    var chosen: [PickerItem] {
        switch marking {
        case .none: return selectedItem.map { [$0] } ?? []
        case .orSelected where marked.isEmpty: return selectedItem.map { [$0] } ?? []
        case .orSelected, .exactly: return marked.compactMap { id in items.first { $0.id == id } }
        }
    }

    var selectedItem: PickerItem? {
        matches.indices.contains(list.selected) ? items[matches[list.selected]] : nil
    }

    /// Keeps the items whose label or keywords contain every word of the query (ignoring
    /// case and accents): the org's items before a catalog's; within each, label-prefix
    /// matches first, then label matches, then keywords. Catalog items show only once
    /// something is typed, unless the org has nothing to choose. A "Create … “typed”" item
    /// comes after the org's matches and the catalog's names that start with the typed text.
    mutating func refilter() {
        items.removeAll { $0.origin == .create }
        let words = query.text.searchFolded.split(separator: " ").map(String.init)
        let hasCatalog = items.contains { $0.origin != .org }
        guard !words.isEmpty else {
            // Every item again: the selection stays where it was (`update` fits it).
            let orgOnly = hasCatalog && items.contains { $0.origin == .org && $0.unavailable == nil }
            matches = items.indices.filter { !orgOnly || items[$0].origin == .org }
            return
        }
        var ranked: [(index: Int, group: Int, rank: Int)] = []
        for (index, item) in items.enumerated() {
            let label = item.label.searchFolded
            let keywords = item.keywords.map(\.searchFolded)
            let inLabel = words.allSatisfy { label.contains($0) }
            let anywhere = words.allSatisfy { word in label.contains(word) || keywords.contains { $0.contains(word) } }
            guard anywhere else { continue }
            let rank = label.hasPrefix(words[0]) ? 0 : (inLabel ? 1 : 2)
            ranked.append((index, item.origin == .org ? 0 : 1, rank))
        }
        ranked.sort { ($0.group, $0.rank, $0.index) < ($1.group, $1.rank, $1.index) }
        matches = ranked.map(\.index)
        let typed = typedName
        if let what = creates, !typed.isEmpty,
            !items.contains(where: { $0.origin == .org && $0.label.searchFolded == typed.searchFolded }) {
            items.append(PickerItem(id: "", label: "Create \(what) “\(typed)”", detail: "a new \(what), no hours yet", keepsDetail: true, origin: .create))
            let slot = ranked.filter { $0.group == 0 || $0.rank == 0 }.count
            matches.insert(items.count - 1, at: slot)
        }
        list = ListState()
    }

    /// The keyword that matched the query, to show why an item is listed ("also: DevOps").
    func matchedKeyword(_ item: PickerItem) -> String? {
        let words = query.text.searchFolded.split(separator: " ").map(String.init)
        guard !words.isEmpty, !words.allSatisfy({ item.label.searchFolded.contains($0) }) else { return nil }
        return item.keywords.first { keyword in words.contains { keyword.searchFolded.contains($0) } }
    }
}

// MARK: - Hats, confirmations, export, help

public struct HatsDialog: Sendable {
    public var person: String
    /// The selected hat and the scroll of the hats.
    public var list = ListState()
    /// The hours field while editing the selected hat's hours.
    public var editing: TextField?
    /// The field shows the hours as they are: the first character typed replaces them
    /// (as a selected text would), an editing key edits them.
    public var replacesOnType = false
    public var error: String?

    /// Starts typing the hours of the hat at `index` of `hats`.
    mutating func editHours(of index: Int, _ hats: [Hat]) {
        guard hats.indices.contains(index) else { return }
        editing = TextField(hats[index].hoursPerWeek.map(Forms.number) ?? "")
        replacesOnType = true
        error = nil
    }
}

public enum ConfirmAction: Sendable, Equatable {
    case deletePerson(String)
    case deleteRole(String)
    case deleteDuty(String)
    case saveAndQuit
    case discardAndQuit
    case overwrite
    case reload
    case saveAsInstead
    case recover(RecoveryStore.Copy)
    case discardRecovery(RecoveryStore.Copy)
    case keepRecovery(RecoveryStore.Copy)
    case replaceExport(ExportFormat, path: String)
    case cancel
}

/// What one answer of a question does. Its key and words come from the key table (the
/// question's context); `label` replaces the words when they depend on the case.
public struct ConfirmChoice: Sendable, Equatable {
    public var id: BindingID
    public var action: ConfirmAction
    public var label: String?

    init(_ id: BindingID, _ action: ConfirmAction, label: String? = nil) {
        self.id = id
        self.action = action
        self.label = label
    }
}

public struct ConfirmDialog: Sendable {
    public var title: String
    public var lines: [String]
    /// Which question this is: its answers' keys are the hint rows of this context.
    public var context: BindingContext
    public var choices: [ConfirmChoice]

    var labels: [BindingID: String] {
        var labels: [BindingID: String] = [:]
        for choice in choices { labels[choice.id] = choice.label }
        return labels
    }

    /// The answers as the footer shows them, left to right; Enter takes the first.
    var answers: [FooterEntry] { Dialog.confirm(self).footer }

    func choice(_ id: BindingID) -> ConfirmChoice? {
        let id = id == .confirm ? answers.first?.ids.first : id
        return choices.first { $0.id == id }
    }
}

public struct ExportDialog: Sendable {
    public var formats: [ExportFormat]
    public var list = ListState()
    public var path: TextField
    /// 0: the format list; 1: the path field.
    public var focus = 0
    /// True once the user typed a path: changing the format then keeps it.
    public var pathEdited = false
    public var error: String?
}

public struct HelpDialog: Sendable {
    /// Only its offset is used: the help is read, not chosen from.
    public var list = ListState()
}

extension String {
    /// Lowercased, accents removed, for type-to-filter matching.
    var searchFolded: String {
        var scalars = String.UnicodeScalarView()
        for scalar in self.decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            scalars.append(scalar)
        }
        return String(scalars)
    }
}
