/// Something the load checker wants a manager to look at.
public struct Finding: Equatable, Sendable {
    /// The rule ids are part of the public contract (`hats check --format json`).
    public enum Rule: String, CaseIterable, Sendable {
        case overload
        case tooManyHats = "too-many-hats"
        case tooManyDuties = "too-many-duties"
        case roleConflict = "role-conflict"
        case singlePointOfFailure = "single-point-of-failure"
        case unfilledRole = "unfilled-role"
        case understaffedRole = "understaffed-role"
        case unownedDuty = "unowned-duty"
        case escalation
        case spanOfControl = "span-of-control"
        case qualification
    }

    public enum Severity: Int, Comparable, CaseIterable, Sendable {
        case info = 0, warning, critical

        public var name: String {
            switch self {
            case .info: "info"
            case .warning: "warning"
            case .critical: "critical"
            }
        }

        public init?(name: String) {
            guard let match = Self.allCases.first(where: { $0.name == name }) else { return nil }
            self = match
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public struct Subject: Equatable, Hashable, Sendable {
        public enum Kind: String, Sendable { case person, role, duty }
        public var kind: Kind
        public var id: String
        public var name: String
        public init(kind: Kind, id: String, name: String) {
            self.kind = kind
            self.id = id
            self.name = name
        }
    }

    public var rule: Rule
    public var severity: Severity
    public var subject: Subject
    /// The facts behind the message; the words are put together only when asked for, so
    /// checking a large org does not format thousands of sentences nobody reads.
    public var explanation: Explanation
    /// A concrete, safe change that would help; nil when none is found.
    public var suggestion: Suggestion?
    /// Why there is no suggestion, when the check looked for one.
    public var noSuggestion: String?
    /// Distinguishes several findings of one rule on one subject (the role pair of a
    /// conflict, the role of a qualification gap).
    public var detail: String

    public init(rule: Rule, severity: Severity, subject: Subject, explanation: Explanation, suggestion: Suggestion? = nil, detail: String = "") {
        self.rule = rule
        self.severity = severity
        self.subject = subject
        self.explanation = explanation
        self.suggestion = suggestion
        self.detail = detail
    }

    /// Plain English with the numbers a manager needs.
    public var message: String { explanation.text }

    /// What makes two findings "the same finding" across two versions of an org (for
    /// what-if and for checking that a suggestion creates nothing new).
    public var key: String {
        "\(rule.rawValue)|\(subject.kind.rawValue)|\(subject.id)|\(detail)"
    }
}

/// A change the checker proposes, as an undoable edit plus its effect in words.
public struct Suggestion: Equatable, Sendable {
    /// "Move Human Resources (8.0 h) to 王芳: Dana Reyes 188 % → 141 %, 王芳 75 % → 100 %"
    public var text: String
    /// The edit that carries it out.
    public var edit: Edit
    /// The change as data, for scripts (`hats check --format json`).
    public var change: SuggestionChange?
    /// It helps but does not clear the finding on its own: the rest takes a hire.
    public var partial: Bool

    public init(text: String, edit: Edit, change: SuggestionChange? = nil, partial: Bool = false) {
        self.text = text
        self.edit = edit
        self.change = change
        self.partial = partial
    }
}

/// What a suggestion changes: `hours` of `role` go `from` one person (none for a fill)
/// `to` another.
public struct SuggestionChange: Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// Hours (or a whole hat) move from one person to another.
        case move
        /// A backup is cross-trained, taking a few hours from the only holder.
        case backup
        /// Someone gives a role hours it lacks (an unfilled or understaffed role).
        case give
    }

    public var kind: Kind
    public var role: String
    public var from: String?
    public var to: String
    public var hours: Double

    public init(kind: Kind, role: String, from: String?, to: String, hours: Double) {
        self.kind = kind
        self.role = role
        self.from = from
        self.to = to
        self.hours = hours
    }
}
