import Foundation
import OrgKit

/// The org being edited, its undo history, and where it is saved.
public struct Document: Sendable {
    public var org: Org
    public var history = History()
    /// Where Ctrl-S saves; nil until the user picks a file (an org opened from a preset).
    public var path: String? { didSet { recoveryKey = RecoveryStore.key(path: path, origin: origin) } }
    /// `history.revision` when the org was last opened or saved.
    public var savedRevision: Int
    /// The file does not exist yet: the first save creates it.
    public var isNew: Bool
    /// What the org came from, for the title bar ("preset msp-10").
    public var origin: String? { didSet { recoveryKey = RecoveryStore.key(path: path, origin: origin) } }
    /// What the file held when it was opened or last saved: a save first checks it is
    /// unchanged, so another editor's work is never silently overwritten.
    public var fingerprint: FileFingerprint?

    public init(org: Org, path: String?, isNew: Bool = false, origin: String? = nil, fingerprint: FileFingerprint? = nil) {
        self.org = org
        self.path = path
        self.savedRevision = 0
        self.isNew = isNew
        self.origin = origin
        self.fingerprint = fingerprint
        recoveryKey = RecoveryStore.key(path: path, origin: origin)
    }

    public var isModified: Bool { history.revision != savedRevision }

    /// Names the document's recovery copy. Worked out when the path or origin is set, not
    /// per message: it makes the path absolute, which reads the working directory.
    public private(set) var recoveryKey: String

    /// The check a plain save (Ctrl-S) makes.
    var saveCheck: SaveCheck { .unchangedSince(isNew ? nil : fingerprint) }
}

/// The views the number keys and Tab switch between.
public enum Tab: Int, CaseIterable, Sendable {
    case chart = 1, people, roles, duties, findings, plan

    var title: String {
        switch self {
        case .chart: "Chart"
        case .people: "People"
        case .roles: "Roles"
        case .duties: "Duties"
        case .findings: "Findings"
        case .plan: "Plan"
        }
    }

    var context: BindingContext {
        switch self {
        case .chart: .chart
        case .people: .people
        case .roles: .roles
        case .duties: .duties
        case .findings: .findings
        case .plan: .plan
        }
    }
}

/// Columns the people table can be sorted by.
public enum PeopleSort: Int, CaseIterable, Sendable {
    case file, name, load, hours, hats

    var title: String {
        switch self {
        case .file: "chart order"
        case .name: "name"
        case .load: "load"
        case .hours: "hours"
        case .hats: "hats"
        }
    }
}

/// A short message in the status bar until the next key.
public struct StatusMessage: Equatable, Sendable {
    public enum Kind: Sendable { case info, success, error }
    public var text: String
    public var kind: Kind

    public init(text: String, kind: Kind) {
        self.text = text
        self.kind = kind
    }
}

/// Everything the builder shows. `App.update` changes it; `App.view` draws it.
public struct AppState: Sendable {
    public var document: Document
    public var size: Size
    public var tab: Tab = .chart
    /// The start screen (shown by `hats` with no file) instead of an org.
    public var starting: StartState?
    public var dialogs: [Dialog] = []
    public var status: StatusMessage?
    public var showDetail = true
    /// How far the details pane is scrolled (J, K); back to its top with any other key.
    public var detailScroll = 0
    public var quitting = false
    /// Keys pressed while the terminal was too small to show anything: ignored, and counted
    /// so the user is told.
    public var keysIgnoredWhileSmall = 0

    // Selections are ids, so they survive edits; each view's list keeps the row of its
    // selection and its scroll offset in `lists` (see App+Navigation).
    public var selectedPerson: String?
    public var selectedRole: String?
    public var selectedDuty: String?
    /// Findings have no id: their selection is the row in the findings list.
    public var selectedFindingIndex: Int {
        get { lists[.findings]?.selected ?? 0 }
        set { lists[.findings, default: ListState()].selected = newValue }
    }
    public var lists: [Tab: ListState] = [:]
    public var dutiesColumn = 0
    public var collapsed: Set<String> = []
    public var peopleSort: PeopleSort = .file
    public var peopleSortDescending = false
    public var matrixByRole = false

    /// People marked away (what-if).
    public var away: Set<String> = []
    /// Save, then quit when the save succeeds.
    public var quitAfterSave = false
    /// The time of the last tick.
    public var now: Date?
    /// When unsaved work needs its recovery copy written, and whether one exists.
    public var recovery = RecoveryTracker()
    /// The file changed on disk since it was opened or saved.
    public var diskChanged = false
    /// The staffing plan the Plan view shows, worked out off the main loop (App+Plan).
    public internal(set) var planner = PlanPane()

    /// Orgs of this many people or more are opened with their findings worked out off the
    /// main loop (App+Check); nil: always on it (the in-process default, and small orgs).
    public var checkOffLoopFrom: Int?
    /// The complete check being worked out off the loop, and the edits made meanwhile.
    public internal(set) var pendingCheck: PendingCheck?
    /// Requests for a complete check or a what-if made so far (each answer names its
    /// request).
    var checkRequests = 0
    /// Orgs of this many people or more, opened with `checkOffLoopFrom`, work out what-ifs
    /// off the main loop too (App+Check): `w` marks the person away at once, and the
    /// numbers, findings and comparison of the what-if follow ("checking…" until then).
    var whatIfOffLoopFrom = App.whatIfOffLoopFrom
    /// The what-if being worked out off the loop: its request's id, and whether the request
    /// has gone out.
    var pendingWhatIf: (id: Int, requested: Bool)?
    /// The what-if that just came back from off the loop, for `refresh` to show.
    var arrivedWhatIf: WhatIfCheck?
    /// What-ifs let go of, to be freed off the loop (`.release`) when the runner works off it.
    var retired: [any Sendable] = []

    // Derived from the org; refreshed after every edit (see App+Refresh).
    /// The load check of the org as it is, kept current edit by edit.
    public internal(set) var live: LiveCheck
    /// The check of the org as it would be with the away people gone (what-if).
    var whatIfCheck: LiveCheck?
    /// That org.
    var whatIfOrg: Org?
    /// Every finding in order, for the Findings view (built while it is shown: sorting
    /// tens of thousands of findings at every keystroke elsewhere would be waste).
    public internal(set) var findingsList: [Finding] = []
    public internal(set) var comparison: ReportComparison?
    public internal(set) var tree: ReportingTree
    public internal(set) var chartRows: [ReportingTree.Row] = []
    public internal(set) var externalRows: [ReportingTree.Row] = []
    public internal(set) var peopleOrder: [Int] = []
    /// The duties matrix, built while the Duties view is shown.
    public internal(set) var matrix: DutyMatrix?
    /// Keys of findings that are new in the what-if.
    var whatIfMarks: [String: String] = [:]
    /// Hours each person takes over from the away people in the what-if, by person id.
    var takenOver: [String: [TakenOver]] = [:]
    /// The suggestion for what the details pane shows, if any.
    public internal(set) var currentSuggestion: Suggestion?
    /// Why there is no suggestion for the selection's findings, when there is none.
    public internal(set) var noSuggestionReason: String?
    var suggestionKey: String?
    /// The selection's load finding needs more than one move, or a hire: the details point
    /// to the Plan view.
    public internal(set) var needsPlan = false

    /// `checkRequests`: the requests for a complete check made by the state this one
    /// replaces, so an answer to one of them is never taken for an answer to this one's.
    public init(document: Document, size: Size, checkOffLoopFrom: Int? = nil) {
        self.init(document: document, size: size, checkOffLoopFrom: checkOffLoopFrom, checkRequests: 0)
    }

    init(document: Document, size: Size, checkOffLoopFrom: Int?, checkRequests: Int) {
        self.document = document
        self.size = size
        self.checkOffLoopFrom = checkOffLoopFrom
        self.checkRequests = checkRequests
        // Placeholders: `refresh(.everything)` works both out for the org.
        live = LiveCheck(.empty())
        tree = ReportingTree(.empty())
        App.refresh(&self, .everything)
        selectedPerson = chartRows.first.map { document.org.people[$0.person].id }
        selectedRole = document.org.roles.first?.id
        selectedDuty = document.org.duties.first?.id
        App.refreshSuggestion(&self)
    }

    /// What the screen shows: the what-if's check when someone is away, else the org's.
    var check: LiveCheck { whatIfCheck ?? live }
    /// The org the screen's numbers are about: the what-if's, else the document's.
    var checkedOrg: Org { whatIfOrg ?? document.org }

    /// A person's numbers as the screen shows them.
    public func load(of id: String) -> PersonLoad? { check.load(of: id, in: checkedOrg) }

    /// How many findings of a severity there are.
    public func count(_ severity: Finding.Severity) -> Int { check.count(severity) }
    /// The hours arithmetic of the org as it is.
    public var hours: Hours { live.hours }

    /// The finding selected in the Findings view.
    public var selectedFinding: Finding? {
        findingsList.indices.contains(selectedFindingIndex) ? findingsList[selectedFindingIndex] : nil
    }

    /// Where the keys go now: the dialog on top, the start screen, or the view.
    var context: BindingContext { dialogs.last?.keyContext ?? (starting == nil ? tab.context : .start) }
}

/// Keeps the recovery copy within 5 seconds or 20 edits of the work it protects.
public struct RecoveryTracker: Equatable, Sendable {
    /// The copy is due from this time (the first unsaved edit since the last copy).
    public var dueSince: Date?
    public var editsSinceCopy = 0
    public var copyExists = false
    /// Copies of ended sessions still to be offered, after the one on screen.
    public var pending: [RecoveryStore.Copy] = []
    /// Copies recovered into this session: removed once this session's own copy of the
    /// work is written, or the work is saved (never before: they are all there is).
    public var adopted: [String] = []
    /// Why the last copy could not be written: crash protection is off until one is.
    public var failure: String?

    static let seconds: TimeInterval = 4
    static let edits = 20
}
