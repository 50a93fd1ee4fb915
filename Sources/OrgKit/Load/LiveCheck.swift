/// The load check kept up to date edit by edit, for the builder and the staffing plan. An
/// edit that touches a few people (their hats, hours, capacity, manager; adding someone
/// at the end of the file, or removing the last person) re-runs only the rules it can
/// change: those people's, their managers', the roles whose wearers changed and the roles
/// escalating to them, their duties, and the equal-share wearers whose share moved. Any
/// other edit (a role, a duty, the policy, adding or removing someone elsewhere) checks
/// everything again. The findings are always those a full check of the same org would give.
///
/// The check does not keep the org: the caller passes it in. Holding a second reference
/// would make every edit of a large org copy all of its people (copy-on-write).
public struct LiveCheck: Sendable {
    var context: CheckContext
    var findings: FindingSet
    /// Findings per severity (info, warning, critical).
    private var counts: [Int]
    public internal(set) var unavailable: Set<String>
    /// Whether the findings are there: false for a check of the numbers alone (`findings:
    /// false`), which says it has no findings until a complete check takes its place.
    public private(set) var complete: Bool

    /// The check of `org`. With `findings: false`, only everyone's numbers (hours, loads,
    /// who wears what), kept up to date by `update` all the same: what a first frame needs,
    /// in a fraction of the time; the findings are worked out apart (`LiveCheck(org)`, off
    /// the builder's loop) and brought up to date with `catchUp`.
    public init(_ org: Org, unavailable: Set<String> = [], findings: Bool = true) {
        context = CheckContext(org: org, policy: org.policy)
        self.findings = findings ? FindingSet(context) : FindingSet(empty: context)
        counts = [0, 0, 0]
        self.unavailable = unavailable
        complete = findings
        for finding in self.findings.all { counts[finding.severity.rawValue] += 1 }
        context.org = .empty()
    }

    /// Brings a complete check of an earlier org up to date with `org`, which `edits`
    /// (each with its inverse, in the order they were made) made from it: as one batch,
    /// re-running only the rules they can change. Returns false, changing nothing, when the
    /// edits reach too far for that (the caller checks `org` in full instead).
    public mutating func catchUp(to org: Org, edits: [(edit: Edit, inverse: Edit)]) -> Bool {
        guard !edits.isEmpty else { return true }
        let batch = Edit.batch(edits.map(\.edit), label: "catch up")
        let inverse = Edit.batch(edits.reversed().map(\.inverse), label: "catch up")
        guard isLocal(batch, inverse: inverse, in: org) else { return false }
        update(to: org, edit: batch, inverse: inverse)
        return true
    }

    public var hours: Hours { context.hours }

    /// Everyone's numbers, by position in the org.
    public var loads: [PersonLoad] { context.loads }

    /// The positions of a role's wearers, in file order (those of `hours.wearers(ofRole:)`).
    public func wearerPositions(ofRole role: String) -> [Int] { context.wearerPositions[role] ?? [] }

    /// How many wear a role, and how many of them are not open positions (from the role's
    /// summary: no wearer read).
    public func holders(ofRole role: String) -> (count: Int, filled: Int) {
        let wearing = context.wearing(role)
        return (wearing.count, wearing.filled)
    }

    /// Everyone's solid-line reports, by position, in file order (for `ReportingTree`).
    public var reports: [[Int]] { context.children }

    public func load(of id: String, in org: Org) -> PersonLoad? {
        org.position(ofPerson: id).flatMap { context.loads.indices.contains($0) ? context.loads[$0] : nil }
    }

    public func count(_ severity: Finding.Severity) -> Int { complete ? counts[severity.rawValue] : 0 }

    /// Every finding in report order (sorts them: build it when it is going to be shown).
    public func report() -> LoadReport {
        LoadReport(findings: complete ? findings.all : [], people: context.loads)
    }

    /// The findings about one subject, most severe first.
    public func findings(about kind: Finding.Subject.Kind, _ id: String, in org: Org) -> [Finding] {
        guard complete else { return [] }
        return findings.about(kind, id, in: org).sorted(by: LoadReport.order)
    }

    /// The most severe finding about one subject, if any (for a row's symbol).
    public func worst(about kind: Finding.Subject.Kind, _ id: String, in org: Org) -> Finding.Severity? {
        guard complete else { return nil }
        return findings.about(kind, id, in: org).map(\.severity).max()
    }

    /// The checker's suggestion for a finding of `org`.
    public func suggestion(for finding: Finding, in org: Org) -> Suggestion? {
        advice(for: finding, in: org).suggestion
    }

    /// The checker's suggestion for a finding of `org`, or why there is none.
    public func advice(for finding: Finding, in org: Org) -> Advice {
        advice(for: finding, in: org, kinship: nil)
    }

    /// `advice`, with the org's `Kinship` and the roles' roomiest wearers when the caller
    /// keeps them.
    func advice(for finding: Finding, in org: Org, kinship: Kinship?, roomiest: RoomiestCache? = nil) -> Advice {
        guard complete else { return Advice(reason: "the findings are still being checked") }
        var context = self.context
        context.org = org
        return Advisor(context: context, findings: findings, unavailable: unavailable, kinship: kinship, roomiest: roomiest).advice(for: finding)
    }

    /// What a local update re-checked: the people whose numbers were worked out again
    /// (with their numbers before), and every finding of the subjects whose rules ran again,
    /// before and after. Findings of every other subject are as they were.
    struct Change {
        /// nil before: someone added.
        var loads: [(position: Int, before: PersonLoad?)] = []
        /// Roles whose wearers changed.
        var wearersChanged: Set<String> = []
        var before: [Finding] = []
        var after: [Finding] = []
    }

    /// Whether `update` to `org` re-runs only some rules for `edit` (else it checks
    /// everything).
    func isLocal(_ edit: Edit, inverse: Edit, in org: Org) -> Bool {
        reach(edit, inverse: inverse, in: org) != nil
    }

    /// How far `edit`, which made `org` from the org checked so far, reaches; nil when it
    /// is not local.
    private func reach(_ edit: Edit, inverse: Edit, in org: Org) -> Reach? {
        var reach = Reach()
        guard reach.add(edit, inverse: inverse) else { return nil }
        // Someone added or removed anywhere: the positions after them move by one.
        let checked = context.loads.count
        if let person = reach.added {
            guard org.people.count == checked + 1, org.position(ofPerson: person.id) != nil else { return nil }
        }
        if let (_, position) = reach.removed {
            guard org.people.count == checked - 1, position >= 0, position < checked else { return nil }
        }
        return reach
    }

    /// The what-if "these people away" (`WhatIf.without(away, in: org)`) from this check
    /// of `org`, re-running only the rules the absence can change — as an edit that takes
    /// off every hat of the people away and gives the hours of their shared hats to the
    /// others wearing those roles — and comparing only the findings of the subjects
    /// re-checked (every other finding is the same on both sides). The check and the
    /// comparison are those of a full check of the what-if org.
    public func whatIf(without away: Set<String>, in org: Org) -> WhatIfCheck {
        let result = WhatIf.change(away.sorted(), in: org, hours: context.hours)
        var check = self
        check.unavailable = away
        var change: Change?
        check.update(to: result.org, edit: .batch(result.edits, label: "what-if"),
                     inverse: .batch(result.inverses.reversed(), label: "what-if"), change: &change)
        let comparison = if !complete {
            // No findings yet on either side: nothing to compare.
            ReportComparison(before: LoadReport(findings: [], people: []), after: LoadReport(findings: [], people: []))
        } else if let change {
            ReportComparison(before: LoadReport(findings: change.before, people: []), after: LoadReport(findings: change.after, people: []))
        } else {
            ReportComparison(before: report(), after: check.report())
        }
        return WhatIfCheck(org: result.org, takenOver: result.takenOver, check: check, comparison: comparison)
    }

    /// Brings the check up to date with `org`, which `edit` (undone by `inverse`) made
    /// from the org checked so far.
    public mutating func update(to org: Org, edit: Edit, inverse: Edit) {
        var change: Change?
        update(to: org, edit: edit, inverse: inverse, change: &change)
    }

    /// `update`, saying in `change` what it re-checked when the edit's reach is local (nil
    /// when it checked everything again).
    mutating func update(to org: Org, edit: Edit, inverse: Edit, change: inout Change?) {
        guard let reach = reach(edit, inverse: inverse, in: org) else {
            self = LiveCheck(org, unavailable: unavailable, findings: complete)
            change = nil
            return
        }
        context.org = org
        defer { context.org = .empty() }
        var changed = Change()
        defer { change = changed }

        // Someone removed: their findings go, and their place; the positions after theirs
        // move down by one.
        if let (_, position) = reach.removed {
            Self.replace(&findings.people[position], with: [], counts: &counts, change: &changed)
            context.loads.remove(at: position)
            findings.people.remove(at: position)
            context.children.remove(at: position)
            shiftPositions(from: position, by: -1)
        }
        // Someone added: room for them (the positions from theirs on move up by one), and a
        // place among their manager's reports.
        if let person = reach.added, let position = org.position(ofPerson: person.id) {
            shiftPositions(from: position, by: 1)
            context.loads.insert(PersonLoad(person: person, hours: context.hours, policy: context.policy), at: position)
            findings.people.insert([], at: position)
            context.children.insert([], at: position)
            // Their manager as added: later moves in the same batch follow below.
            if let manager = person.reportsTo, let managerPosition = org.position(ofPerson: manager) {
                Self.insertSorted(position, into: &context.children[managerPosition])
            }
        }

        // Solid lines that moved, in order: the managers' report lists (positions are the
        // org's, after any removal or addition above).
        for (person, old, new) in reach.managerMoves {
            guard let position = org.position(ofPerson: person) else { continue }
            if let old, let oldPosition = org.position(ofPerson: old) {
                context.children[oldPosition].removeAll { $0 == position }
            }
            if let new, let newPosition = org.position(ofPerson: new) {
                Self.insertSorted(position, into: &context.children[newPosition])
            }
        }
        // Roles and duties edited: what is kept of them is worked out again (a few hundred
        // roles and duties: cheap), and the wearers of the roles whose hours, duties, name,
        // requirements or kind of work changed are checked again.
        var wearersToCheck = reach.wearersAffected
        if reach.definitions {
            context.setRoles()
            // A kind of work is named after the first role of its category: the wearers of
            // every role of a category touched.
            if !reach.categoryKeys.isEmpty {
                for role in org.roles where reach.categoryKeys.contains(Hours.contextKey(role)) { wearersToCheck.insert(role.id) }
            }
        }
        // Hats given and taken, in order: the roles' wearer lists, in file order.
        var sharersBefore: [String: [String]] = [:]
        for change in reach.hatChanges {
            if sharersBefore[change.role] == nil { sharersBefore[change.role] = context.equalShareWearers[change.role] ?? [] }
            var wearers = context.hours.wearers(ofRole: change.role)
            var positions = context.wearerPositions[change.role] ?? []
            var facts = context.wearerFacts[change.role] ?? []
            if change.given {
                guard let position = org.position(ofPerson: change.person), !positions.contains(position) else { continue }
                let slot = positions.firstSlot(notBelow: position)
                wearers.insert(change.person, at: slot)
                positions.insert(position, at: slot)
                facts.insert(context.fact(of: change.role, target: org.role(change.role)?.escalatesTo, at: position), at: slot)
            } else {
                for index in wearers.indices.reversed() where wearers[index] == change.person {
                    wearers.remove(at: index)
                    positions.remove(at: index)
                    facts.remove(at: index)
                }
            }
            context.hours.setWearers(wearers, ofRole: change.role)
            context.wearerPositions[change.role] = positions.isEmpty ? nil : positions
            context.wearerFacts[change.role] = facts.isEmpty ? nil : facts
        }
        // What the summaries read of the wearers the edit touched, in every role they wear
        // (their hats, hours or escalation targets may have changed); every wearer's, of a
        // role edited (its escalation target may have changed).
        for id in reach.people.union(reach.hatChanges.map(\.person)) {
            if let position = org.position(ofPerson: id) { context.refreshFacts(at: position) }
        }
        if reach.definitions {
            for role in reach.rolesEdited where context.wearerPositions[role] != nil {
                context.wearerFacts[role] = context.facts(of: role)
            }
        }
        // Role summaries, and who takes an equal share.
        let wearersChanged = Set(reach.hatChanges.map(\.role))
        changed.wearersChanged = wearersChanged
        var roles = reach.roles.union(wearersChanged)
        for role in wearersChanged { roles.formUnion(context.escalatingTo[role] ?? []) }
        var people = reach.people
        for role in wearersToCheck { people.formUnion(context.hours.wearers(ofRole: role)) }
        for role in roles.union(reach.summaries).union(reach.definitions ? reach.rolesEdited : []) {
            context.summarise(role)
            if wearersChanged.contains(role) {
                // Everyone taking an equal share now gets a different share.
                people.formUnion(sharersBefore[role] ?? [])
                people.formUnion(context.equalShareWearers[role] ?? [])
            }
        }

        // The rules, again, for what the edit could change.
        for id in people {
            guard let position = org.position(ofPerson: id) else { continue }
            let person = org.people[position]
            changed.loads.append((position, reach.added?.id == id ? nil : context.loads[position]))
            context.loads[position] = PersonLoad(person: person, hours: context.hours, policy: context.policy)
            Self.replace(&findings.people[position], with: context.personFindings(at: position), counts: &counts, change: &changed)
        }
        if reach.definitions {
            // Every role's and duty's rules again (their names are in each other's messages).
            for role in Set(findings.roles.keys).subtracting(org.roles.map(\.id)) {
                var list = findings.roles[role] ?? []
                Self.replace(&list, with: [], counts: &counts, change: &changed)
                findings.roles[role] = nil
            }
            for role in org.roles {
                var list = findings.roles[role.id] ?? []
                Self.replace(&list, with: context.roleFindings(role), counts: &counts, change: &changed)
                findings.roles[role.id] = list.isEmpty ? nil : list
            }
            // Duties may have been added or removed anywhere: all of their lists again.
            for list in findings.duties {
                for finding in list { counts[finding.severity.rawValue] -= 1 }
                changed.before += list
            }
            findings.duties = org.duties.indices.map { context.dutyFindings(at: $0) }
            for list in findings.duties {
                for finding in list { counts[finding.severity.rawValue] += 1 }
                changed.after += list
            }
            return
        }
        for role in roles {
            if let subject = org.role(role) {
                var list = findings.roles[role] ?? []
                Self.replace(&list, with: context.roleFindings(subject), counts: &counts, change: &changed)
                findings.roles[role] = list.isEmpty ? nil : list
            }
            for position in context.dutiesOfRole[role] ?? [] {
                Self.replace(&findings.duties[position], with: context.dutyFindings(at: position), counts: &counts, change: &changed)
            }
        }
    }

    /// Moves every position from `start` on by `offset` (-1: the person at `start` removed,
    /// already gone from the per-person arrays; +1: someone inserted at `start`) in the
    /// report lists and the roles' wearer positions. A removed person's place among their
    /// manager's reports and their roles' wearers goes too.
    private mutating func shiftPositions(from start: Int, by offset: Int) {
        for index in context.children.indices {
            guard let last = context.children[index].last, last >= start else { continue }
            if offset < 0 { context.children[index].removeAll { $0 == start } }
            for slot in context.children[index].indices where context.children[index][slot] >= start + (offset < 0 ? 1 : 0) {
                context.children[index][slot] += offset
            }
        }
        var emptied = false
        for entry in context.wearerPositions.keys.indices {
            let role = context.wearerPositions.keys[entry]
            guard let last = context.wearerPositions.values[entry].last, last >= start else { continue }
            let removed = context.wearerPositions.updateValue(at: entry) { positions -> Int? in
                var slot = positions.firstSlot(notBelow: start)
                var removed: Int?
                if offset < 0, positions[slot] == start {
                    positions.remove(at: slot)
                    removed = slot
                }
                while slot < positions.count {
                    positions[slot] += offset
                    slot += 1
                }
                return removed
            }
            if let removed {
                var wearers = context.hours.wearers(ofRole: role)
                wearers.remove(at: removed)
                context.hours.setWearers(wearers, ofRole: role)
                context.wearerFacts.update(role, default: []) { $0.remove(at: removed) }
                emptied = emptied || wearers.isEmpty
            }
        }
        if emptied {
            context.wearerPositions = context.wearerPositions.filter { !$1.isEmpty }
            context.wearerFacts = context.wearerFacts.filter { !$1.isEmpty }
        }
    }

    private static func insertSorted(_ value: Int, into list: inout [Int]) {
        list.insert(value, at: list.firstSlot(notBelow: value))
    }

    private static func replace(_ list: inout [Finding], with new: [Finding], counts: inout [Int], change: inout Change) {
        for finding in list { counts[finding.severity.rawValue] -= 1 }
        for finding in new { counts[finding.severity.rawValue] += 1 }
        change.before += list
        change.after += new
        list = new
    }
}

/// How far an edit reaches: the people, roles and solid lines it touches. `add` returns
/// false for an edit whose reach is not local (then everything is checked again).
struct Reach {
    var people: Set<String> = []
    /// Roles whose findings must be looked at again.
    var roles: Set<String> = []
    /// Hats given (true) or taken (false), in the order the edit makes them.
    var hatChanges: [(person: String, role: String, given: Bool)] = []
    /// Roles whose summary must be recomputed (a hat changed between explicit hours and
    /// an equal share).
    var summaries: Set<String> = []
    var managerMoves: [(person: String, old: String?, new: String?)] = []
    /// Someone added (local only at the end of the file), or removed (only the last
    /// person, at `position`): at most one per edit.
    var added: Person?
    var removed: (person: Person, position: Int)?
    /// Whether a role or a duty was added, removed or changed.
    var definitions = false
    /// Roles added, removed or changed (their summaries are worked out again).
    var rolesEdited: Set<String> = []
    /// Roles whose wearers' numbers or findings a role or duty edit can change.
    var wearersAffected: Set<String> = []
    /// Kinds of work (`Hours.contextKey`) of roles added, removed or recategorised.
    var categoryKeys: Set<String> = []

    mutating func add(_ edit: Edit, inverse: Edit) -> Bool {
        switch edit {
        case .setHatHours(let person, let role, _):
            people.insert(person)
            summaries.insert(role)
            // The hours the role's wearers give (understaffed-role).
            roles.insert(role)
        case .addHat(let person, let hat, _):
            people.insert(person)
            hatChanges.append((person, hat.role, true))
        case .removeHat(let person, let role):
            people.insert(person)
            hatChanges.append((person, role, false))
        case .setCapacity(let person, _), .setQualifications(let person, _, _):
            people.insert(person)
        case .setExternal, .setOpen:
            // A provider or an open position is no single point of failure: the roles they
            // wear change too.
            return false
        case .setManager(let person, let manager):
            guard case .setManager(_, let old) = inverse else { return false }
            if let old { people.insert(old) }
            if let manager { people.insert(manager) }
            managerMoves.append((person, old, manager))
        case .renamePerson:
            // A name is in the messages of others (the only holder of a role): check all.
            return false
        case .setTitle, .setEmail, .setDepartment, .addDottedLine, .removeDottedLine, .renameOrg:
            break
        case .addPerson(let person, _):
            guard added == nil, removed == nil else { return false }
            added = person
            people.insert(person.id)
            // Their manager's span of control.
            if let manager = person.reportsTo { people.insert(manager) }
            for hat in person.hats { hatChanges.append((person.id, hat.role, true)) }
        case .removePerson:
            guard case .addPerson(let person, let position?) = inverse, added == nil, removed == nil else { return false }
            removed = (person, position)
            if let manager = person.reportsTo { people.insert(manager) }
            for hat in person.hats { hatChanges.append((person.id, hat.role, false)) }
        case .addRole(let role, _):
            definitions = true
            rolesEdited.insert(role.id)
            categoryKeys.insert(Hours.contextKey(role))
        case .removeRole(let id):
            guard case .addRole(let role, _) = inverse else { return false }
            definitions = true
            rolesEdited.insert(id)
            categoryKeys.insert(Hours.contextKey(role))
        case .updateRole(let role):
            guard case .updateRole(let old) = inverse else { return false }
            definitions = true
            rolesEdited.insert(role.id)
            // What the wearers' own rules read of the role: its name (in their messages),
            // hours, requirements and kind of work.
            if old.name != role.name || old.hoursPerWeek != role.hoursPerWeek || old.requires != role.requires || old.category != role.category {
                wearersAffected.insert(role.id)
            }
            if Hours.contextKey(old) != Hours.contextKey(role) || Hours.kindOfWork(old) != Hours.kindOfWork(role) {
                categoryKeys.formUnion([Hours.contextKey(old), Hours.contextKey(role)])
            }
        case .addDuty(let duty, _):
            definitions = true
            dutyMoved(from: nil, to: duty.role)
        case .removeDuty:
            guard case .addDuty(let duty, _) = inverse else { return false }
            definitions = true
            dutyMoved(from: duty.role, to: nil)
        case .updateDuty(let duty):
            guard case .updateDuty(let old) = inverse else { return false }
            definitions = true
            dutyMoved(from: old.role, to: duty.role)
        case .moveDuty(_, let role):
            guard case .moveDuty(_, let old) = inverse else { return false }
            definitions = true
            dutyMoved(from: old, to: role)
        case .batch(let edits, _):
            guard case .batch(let inverses, _) = inverse, inverses.count == edits.count else { return false }
            // Inverses come in reverse order.
            for (edit, inverse) in zip(edits, inverses.reversed()) {
                guard add(edit, inverse: inverse) else { return false }
            }
        default:
            return false
        }
        return true
    }

    /// A duty added to, taken from or moved between roles: their hours and duty counts,
    /// so their wearers' numbers and findings, and the roles' own.
    private mutating func dutyMoved(from old: String?, to new: String?) {
        for role in [old, new].compactMap({ $0 }) {
            rolesEdited.insert(role)
            wearersAffected.insert(role)
        }
    }
}

extension Array where Element == Int {
    /// The first index of this sorted list whose value is `value` or more.
    func firstSlot(notBelow value: Int) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
