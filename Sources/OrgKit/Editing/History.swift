/// Undo and redo: the edits made so far and the edits that undo them.
///
/// Undo goes all the way back to the opening state. `revision` names the current state,
/// so the builder can tell whether the org differs from what was last saved even after
/// undoing and redoing.
public struct History: Sendable {
    public struct Entry: Equatable, Sendable {
        public let edit: Edit
        public let inverse: Edit
        /// What the edit did, in words ("give Dana Reyes the Human Resources hat").
        public let summary: String
        let revision: Int
    }

    public private(set) var undoable: [Entry] = []
    public private(set) var redoable: [Entry] = []
    private var nextRevision = 1

    public init() {}

    /// Identifies the org's current state: equal revisions mean the same org.
    public var revision: Int { undoable.last?.revision ?? 0 }
    public var canUndo: Bool { !undoable.isEmpty }
    public var canRedo: Bool { !redoable.isEmpty }

    /// How many undo or redo steps lie between the current state and the state named
    /// `revision` (0 when it is the current one), or nil when no undo or redo reaches it
    /// (it was left behind by an edit made after undoing past it).
    public func steps(to revision: Int) -> Int? {
        if revision == self.revision { return 0 }
        if revision == 0 { return undoable.count }
        if let index = undoable.firstIndex(where: { $0.revision == revision }) { return undoable.count - 1 - index }
        if let index = redoable.firstIndex(where: { $0.revision == revision }) { return redoable.count - index }
        return nil
    }

    /// Applies `edit` to `org` and records it. Clears the redo list.
    @discardableResult
    public mutating func perform(_ edit: Edit, on org: inout Org) throws(EditError) -> Entry {
        let summary = edit.summary(in: org)
        let inverse = try org.apply(edit)
        let entry = Entry(edit: edit, inverse: inverse, summary: summary, revision: nextRevision)
        nextRevision += 1
        undoable.append(entry)
        redoable.removeAll()
        return entry
    }

    /// Undoes the last edit; returns it, or nil when there is nothing to undo.
    @discardableResult
    public mutating func undo(on org: inout Org) -> Entry? {
        guard let entry = undoable.last else { return nil }
        // An inverse always applies to the state its edit produced; if it ever did not,
        // keep the history as it is rather than lose the user's place.
        guard (try? org.apply(entry.inverse)) != nil else { return nil }
        undoable.removeLast()
        redoable.append(entry)
        return entry
    }

    /// Redoes the last undone edit; returns it, or nil when there is nothing to redo.
    @discardableResult
    public mutating func redo(on org: inout Org) -> Entry? {
        guard let entry = redoable.last else { return nil }
        guard (try? org.apply(entry.edit)) != nil else { return nil }
        redoable.removeLast()
        undoable.append(entry)
        return entry
    }
}
