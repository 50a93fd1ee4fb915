/// Finds the checker's suggestions: concrete changes (move a hat or some of its hours,
/// cross-train a backup, fill a role) that help and create no finding of their own.
///
/// Each candidate change is verified by re-running the rules it can affect — the people it
/// changes (and, when a role's wearer count drops, the role's other equal-share wearers),
/// the role, the roles that escalate to it, and its duties — and comparing with the
/// findings of the org as it is. Candidates per finding are bounded, so the search stays
/// linear in the size of the org.
struct Advisor {
    let context: CheckContext
    let unavailable: Set<String>
    /// The current findings, by subject.
    let findings: FindingSet
    /// The available internal people with the most room for one more hat, most first.
    let byRoomForNewHat: [Int]
    /// For each role, the available internal wearers with the most room, most first —
    /// all computed up front for a whole check (`everyRole`), else on demand.
    let roomiestWearers: [String: [Int]]?

    static let candidateLimit = 16
    static let nearbyLimit = 24
    static let sharerLimit = 64
    /// Full verifications tried per finding: keeps the search linear in the org's size.
    static let verificationBudget = 24

    init(context: CheckContext, findings: FindingSet, unavailable: Set<String>, everyRole: Bool = false) {
        self.context = context
        self.findings = findings
        self.unavailable = unavailable
        let people = context.org.people
        let loads = context.loads
        let policy = context.policy
        // The few with the most room, by one pass (not a sort of everyone).
        var top = TopPositions(limit: Self.candidateLimit + Self.nearbyLimit)
        for (position, person) in people.enumerated() where !person.external && (unavailable.isEmpty || !unavailable.contains(person.id)) {
            top.offer(position, Advisor.room(loads[position], hats: person.hats.count + 1, policy: policy))
        }
        byRoomForNewHat = top.positions
        if everyRole {
            var roomiest: [String: TopPositions] = [:]
            for (position, person) in people.enumerated() where !person.external && (unavailable.isEmpty || !unavailable.contains(person.id)) {
                let room = Advisor.room(loads[position], hats: person.hats.count, policy: policy)
                for hat in person.hats {
                    roomiest[hat.role, default: TopPositions(limit: Self.candidateLimit + 1)].offer(position, room)
                }
            }
            roomiestWearers = roomiest.mapValues(\.positions)
        } else {
            roomiestWearers = nil
        }
    }

    /// The wearers of `role` with the most room at their current number of hats.
    func roomiest(_ role: String) -> [Int] {
        if let roomiestWearers { return roomiestWearers[role] ?? [] }
        var top = TopPositions(limit: Self.candidateLimit + 1)
        for id in context.hours.wearers(ofRole: role) {
            guard let position = context.org.position(ofPerson: id) else { continue }
            let person = context.org.people[position]
            guard !person.external, (unavailable.isEmpty || !unavailable.contains(person.id)) else { continue }
            top.offer(position, Advisor.room(context.loads[position], hats: person.hats.count, policy: context.policy))
        }
        return top.positions
    }

    func suggestion(for finding: Finding) -> Suggestion? {
        switch (finding.rule, finding.subject.kind) {
        case (.overload, .person): return relieve(finding.subject.id)
        case (.singlePointOfFailure, .role): return backup(role: finding.subject.id)
        case (.singlePointOfFailure, .duty): return context.org.duty(finding.subject.id)?.role.flatMap { backup(role: $0) }
        case (.unfilledRole, .role): return fill(role: finding.subject.id)
        default: return nil
        }
    }

    // MARK: - Overload: move a hat, or some of its hours

    private func relieve(_ id: String) -> Suggestion? {
        guard let position = context.org.position(ofPerson: id) else { return nil }
        let giver = context.org.people[position]
        let load = context.loads[position]
        let policy = context.policy
        // Smallest hats first: the least disruptive move that is enough wins.
        let hats = giver.hats.map { ($0, context.hours.hours(of: $0)) }.filter { $0.1 > 0 }.sorted { $0.1 < $1.1 }
        // Hours to shed while keeping every hat.
        let shed = load.allocatedHours - policy.warnAt * load.effectiveHours
        let giverEffectiveWithOneLess = load.capacityHours * (1 - policy.switchLoss(hats: giver.hats.count - 1))
        let others = candidates(near: giver)
        var budget = Self.verificationBudget

        for receiverAlreadyWears in [true, false] {
            for whole in [true, false] {
                for (hat, hours) in hats {
                    let amount = whole ? hours : halfHoursUp(shed)
                    if whole {
                        guard giverEffectiveWithOneLess > 0, (load.allocatedHours - hours) / giverEffectiveWithOneLess <= policy.warnAt else { continue }
                    } else {
                        guard shed > 0, amount < hours else { continue }
                    }
                    let receivers = receiverAlreadyWears ? roomiest(hat.role) : others
                    for receiver in receivers where mayTake(hat.role, amount, receiver, giver: giver, alreadyWearing: receiverAlreadyWears) {
                        guard budget > 0 else { return nil }
                        budget -= 1
                        if let found = move(hat, of: giver, to: receiver, amount: amount, whole: whole) { return found.suggestion() }
                    }
                }
            }
        }
        // Nothing brings them under the line: offer the move that helps most. For each hat,
        // the receivers able to take the most hours are tried first.
        var best: (() -> Suggestion, Double)?
        for (hat, hours) in hats {
            let pool = roomiest(hat.role) + others
            let options = pool
                .map { ($0, min(hours, halfHoursDown(room(for: $0, role: hat.role)))) }
                .filter { $0.1 > 0 && mayTake(hat.role, $0.1, $0.0, giver: giver, alreadyWearing: nil) }
                .sorted { $0.1 > $1.1 }
            for (receiver, amount) in options {
                guard budget > 0 else { break }
                budget -= 1
                guard let found = move(hat, of: giver, to: receiver, amount: amount, whole: amount == hours),
                    let after = found.giverLoadAfter, after < load.load else { continue }
                if best == nil || after < (best?.1 ?? .infinity) { best = (found.suggestion, after) }
                break
            }
        }
        guard let (found, _) = best else { return nil }
        var suggestion = found()
        suggestion.text += " (not enough on its own: nobody has room for more)"
        return suggestion
    }

    /// Cheap checks before a full verification: the receiver is someone else, available,
    /// has the room, and would not cross the hat or duty limits by taking the role on.
    private func mayTake(_ role: String, _ amount: Double, _ position: Int, giver: Person, alreadyWearing: Bool?) -> Bool {
        // Fields read in place (people[position].x): a copy of a whole Person costs more
        // than all of these checks.
        let people = context.org.people
        guard people[position].id != giver.id, !people[position].external,
            unavailable.isEmpty || !unavailable.contains(people[position].id) else { return false }
        let wears = people[position].wears(role)
        if let alreadyWearing, wears != alreadyWearing { return false }
        let hatCount = people[position].hats.count
        guard room(for: position, wearing: wears) >= amount else { return false }
        if !wears {
            let policy = context.policy
            if hatCount + 1 > policy.maxHats, hatCount <= policy.maxHats { return false }
            let duties = people[position].hats.reduce(0) { $0 + (context.hours.dutyCount[$1.role] ?? 0) }
            let more = context.hours.dutyCount[role] ?? 0
            if more > 0, duties + more > policy.maxDuties, duties <= policy.maxDuties { return false }
        }
        return true
    }

    /// Hours `position` could take on in `role` and stay at or under the warning line.
    private func room(for position: Int, role: String) -> Double {
        room(for: position, wearing: context.org.people[position].wears(role))
    }

    /// The same, when whether they wear the role is known.
    private func room(for position: Int, wearing: Bool) -> Double {
        Advisor.room(context.loads[position], hats: context.org.people[position].hats.count + (wearing ? 0 : 1), policy: context.policy)
    }

    /// A verified move, with its suggestion built only when asked for: the search verifies
    /// many moves and keeps few.
    private func move(_ hat: Hat, of giver: Person, to receiverPosition: Int, amount: Double, whole: Bool) -> (suggestion: () -> Suggestion, giverLoadAfter: Double?)? {
        let receiver = context.org.people[receiverPosition]
        guard receiver.id != giver.id else { return nil }
        let role = hat.role
        let hours = context.hours.hours(of: hat)
        var newGiver = giver
        var edits: [Edit] = []
        if whole {
            newGiver.hats.removeAll { $0.role == role }
            edits.append(.removeHat(person: giver.id, role: role))
        } else {
            setHours(&newGiver, role: role, hours - amount)
            edits.append(.setHatHours(person: giver.id, role: role, hours: hours - amount))
        }
        var newReceiver = receiver
        if let existingHat = receiver.hat(for: role) {
            let total = context.hours.hours(of: existingHat) + amount
            setHours(&newReceiver, role: role, total)
            edits.append(.setHatHours(person: receiver.id, role: role, hours: total))
        } else {
            let given = whole ? hat : Hat(role: role, hoursPerWeek: amount)
            newReceiver.hats.append(given)
            edits.append(.addHat(person: receiver.id, hat: given))
        }
        guard let loads = verify([newGiver, newReceiver], role: role, receivers: [receiver.id]) else { return nil }
        let suggestion = { [self] in
            let roleName = context.roleName(role)
            let what = whole ? "\(roleName) (\(Format.hours(amount)))" : "\(Format.hours(amount)) of \(roleName)"
            let text = "Move \(what) to \(receiver.name): \(change(giver, loads)), \(change(receiver, loads))"
            return Suggestion(text: text, edit: .batch(edits, label: "move \(what) from \(giver.name) to \(receiver.name)"))
        }
        return (suggestion, loads[giver.id]?.load)
    }

    // MARK: - Single point of failure: cross-train a backup

    private func backup(role: String) -> Suggestion? {
        let holders = context.hours.wearers(ofRole: role)
        guard holders.count == 1, let holderPosition = context.org.position(ofPerson: holders[0]) else { return nil }
        let holder = context.org.people[holderPosition]
        guard let hat = holder.hat(for: role) else { return nil }
        let hours = context.hours.hours(of: hat)
        let share = hours >= 1 ? min(4, max(1, halfHoursDown(hours / 4))) : 0
        var newHolder = holder
        setHours(&newHolder, role: role, hours - share)
        var edits: [Edit] = [.setHatHours(person: holder.id, role: role, hours: hours - share)]
        var budget = Self.verificationBudget
        for receiverPosition in candidates(near: holder) where mayTake(role, share, receiverPosition, giver: holder, alreadyWearing: false) {
            guard budget > 0 else { return nil }
            budget -= 1
            let receiver = context.org.people[receiverPosition]
            var newReceiver = receiver
            let given = Hat(role: role, hoursPerWeek: share)
            newReceiver.hats.append(given)
            guard let loads = verify([newHolder, newReceiver], role: role, receivers: [receiver.id]) else { continue }
            edits.append(.addHat(person: receiver.id, hat: given))
            let roleName = context.roleName(role)
            let taking = share > 0 ? ", taking \(Format.hours(share)) a week from \(holder.name)" : ""
            let text = "Cross-train \(receiver.name) as a backup for \(roleName)\(taking): \(change(receiver, loads)), \(change(holder, loads))"
            return Suggestion(text: text, edit: .batch(edits, label: "make \(receiver.name) a backup for \(roleName)"))
        }
        return nil
    }

    // MARK: - Unfilled role: give it to someone with room

    private func fill(role: String) -> Suggestion? {
        let hours = context.hours.hours(ofRole: role)
        let roleName = context.roleName(role)
        var partial: (Int, Double)?
        var budget = Self.verificationBudget
        for receiverPosition in byRoomForNewHat.prefix(Self.candidateLimit) {
            let receiver = context.org.people[receiverPosition]
            let room = Advisor.room(context.loads[receiverPosition], hats: receiver.hats.count + 1, policy: context.policy)
            if room >= hours {
                guard budget > 0 else { break }
                budget -= 1
                var newReceiver = receiver
                newReceiver.hats.append(Hat(role: role))
                if let loads = verify([newReceiver], role: role, receivers: [receiver.id]) {
                    return Suggestion(text: "Give \(receiver.name) the \(roleName) hat (\(Format.hours(hours))): \(change(receiver, loads))",
                                      edit: .addHat(person: receiver.id, hat: Hat(role: role)))
                }
            } else if partial == nil, halfHoursDown(room) > 0 {
                partial = (receiverPosition, halfHoursDown(room))
            }
        }
        guard let (receiverPosition, amount) = partial else { return nil }
        let receiver = context.org.people[receiverPosition]
        var newReceiver = receiver
        let given = Hat(role: role, hoursPerWeek: amount)
        newReceiver.hats.append(given)
        guard let loads = verify([newReceiver], role: role, receivers: [receiver.id]) else { return nil }
        return Suggestion(text: "Give \(receiver.name) the \(roleName) hat for \(Format.hours(amount)) of its \(Format.hours(hours)): \(change(receiver, loads))",
                          edit: .addHat(person: receiver.id, hat: given))
    }

    // MARK: - Verification

    /// Re-runs the rules the change touches. Returns the changed people's loads, or nil if
    /// the change creates or worsens any finding, or pushes a receiver over the warning line.
    /// Changed people may only differ from the org in their hat for `role`.
    private func verify(_ changed: [Person], role: String, receivers: Set<String>) -> [String: PersonLoad]? {
        let org = context.org
        let policy = context.policy
        let target = org.role(role)?.escalatesTo
        var replaced: [String: Person] = [:]
        for person in changed { replaced[person.id] = person }

        // Who wears `role` after the change, summed up.
        var wearing = context.wearing(role)
        var removed: Set<String> = []
        var added: [String] = []
        for person in changed {
            guard let old = org.person(person.id) else { return nil }
            let (before, after) = (old.wears(role), person.wears(role))
            if before && !after { wearing.count -= 1; removed.insert(person.id) }
            if !before && after { wearing.count += 1; added.append(person.id) }
            if let target {
                wearing.alsoWearingTarget += (after && person.wears(target) ? 1 : 0) - (before && old.wears(target) ? 1 : 0)
            }
        }
        let oldWearers = context.wearing(role).count
        if wearing.count == 1 {
            wearing.soleWearer = oldWearers <= removed.count + 1
                ? (context.hours.wearers(ofRole: role).first { !removed.contains($0) } ?? added.first)
                : nil
        } else {
            wearing.soleWearer = nil
        }

        let share = context.hours.hours(ofRole: role) / Double(max(wearing.count, 1))
        func hatHours(_ hat: Hat) -> Double {
            hat.hoursPerWeek ?? (hat.role == role ? share : context.hours.hours(of: hat))
        }
        // Equal-share wearers get more when the count drops; when it rises they only get less.
        var affected = changed
        if wearing.count < oldWearers {
            let sharers = context.equalShareWearers[role] ?? []
            guard sharers.count <= Self.sharerLimit else { return nil }
            affected += sharers.filter { replaced[$0] == nil }.compactMap { org.person($0) }
        }
        var loads: [String: PersonLoad] = [:]
        for person in affected {
            let allocated = person.hats.reduce(0) { $0 + hatHours($1) }
            let load = PersonLoad(person: person, allocated: allocated, capacity: context.hours.capacity(person), policy: policy)
            if receivers.contains(person.id), !(load.load <= policy.warnAt) { return nil }
            guard createsNothing(Rules.personFindings(person, load: load, context: context), about: .person, person.id) else { return nil }
            loads[person.id] = load
        }

        guard let subject = org.role(role) else { return nil }
        let targetWearers = target.map { context.wearing($0).count } ?? 0
        guard createsNothing(Rules.roleFindings(subject, wearing: wearing, targetWearers: targetWearers, context: context), about: .role, role) else { return nil }
        // Roles that escalate to `role`: their target's wearers changed.
        for roleId in context.escalatingTo[role] ?? [] {
            guard let escalating = org.role(roleId) else { continue }
            var summary = context.wearing(roleId)
            for person in changed {
                guard let old = org.person(person.id), person.wears(roleId) || old.wears(roleId) else { continue }
                summary.alsoWearingTarget += (person.wears(roleId) && person.wears(role) ? 1 : 0) - (old.wears(roleId) && old.wears(role) ? 1 : 0)
            }
            guard createsNothing(Rules.roleFindings(escalating, wearing: summary, targetWearers: wearing.count, context: context), about: .role, roleId) else { return nil }
        }
        for dutyPosition in context.dutiesOfRole[role] ?? [] {
            let found = Rules.dutyFindings(org.duties[dutyPosition], wearing: { $0 == role ? wearing : context.wearing($0) }, context: context)
            guard createsNothing(found, about: .duty, org.duties[dutyPosition].id) else { return nil }
        }
        return loads
    }

    /// Whether `after` (a subject's findings after a change) has nothing that is not
    /// already there about that subject, or is more severe than it.
    private func createsNothing(_ after: [Finding], about kind: Finding.Subject.Kind, _ id: String) -> Bool {
        guard !after.isEmpty else { return true }
        let before = findings.about(kind, id, in: context.org)
        return after.allSatisfy { finding in
            before.contains { $0.rule == finding.rule && $0.detail == finding.detail && finding.severity <= $0.severity }
        }
    }

    // MARK: - Candidates

    /// People who could take on work from `person`: those nearby in the chart first
    /// (manager, colleagues under the same manager, reports), then those with the most room.
    private func candidates(near person: Person) -> [Int] {
        let org = context.org
        var seen: Set<Int> = []
        var result: [Int] = []
        func consider(_ position: Int) {
            guard org.people[position].id != person.id, !org.people[position].external,
                unavailable.isEmpty || !unavailable.contains(org.people[position].id) else { return }
            if seen.insert(position).inserted { result.append(position) }
        }
        if let manager = person.reportsTo, let position = org.position(ofPerson: manager) {
            consider(position)
            for colleague in context.children[position].prefix(Self.nearbyLimit) { consider(colleague) }
        }
        if let own = org.position(ofPerson: person.id) {
            for report in context.children[own].prefix(Self.nearbyLimit) { consider(report) }
        }
        for position in byRoomForNewHat.prefix(Self.candidateLimit + Self.nearbyLimit) { consider(position) }
        return result
    }

    /// Hours a person could still take on with `hats` hats and stay at or under warnAt.
    static func room(_ load: PersonLoad, hats: Int, policy: Policy) -> Double {
        policy.warnAt * load.capacityHours * (1 - policy.switchLoss(hats: hats)) - load.allocatedHours
    }

    // MARK: - Helpers

    private func setHours(_ person: inout Person, role: String, _ hours: Double) {
        if let index = person.hats.firstIndex(where: { $0.role == role }) {
            person.hats[index].hoursPerWeek = hours
        }
    }

    private func change(_ person: Person, _ loads: [String: PersonLoad]) -> String {
        let before = context.loads[context.org.position(ofPerson: person.id) ?? 0].load
        let after = loads[person.id]?.load ?? before
        return "\(person.name) \(Format.percent(before)) → \(Format.percent(after))"
    }

    private func halfHoursUp(_ hours: Double) -> Double { (hours * 2).rounded(.up) / 2 }
    private func halfHoursDown(_ hours: Double) -> Double { max(0, (hours * 2).rounded(.down) / 2) }
}

/// The positions with the largest values seen, at most `limit` of them, largest first
/// (ties: the earlier position first) — one pass instead of sorting everyone.
struct TopPositions {
    let limit: Int
    private(set) var entries: [(position: Int, value: Double)] = []

    init(limit: Int) {
        self.limit = limit
    }

    mutating func offer(_ position: Int, _ value: Double) {
        if entries.count == limit, let last = entries.last, !(value > last.value) { return }
        var slot = entries.count
        while slot > 0, value > entries[slot - 1].value { slot -= 1 }
        entries.insert((position, value), at: slot)
        if entries.count > limit { entries.removeLast() }
    }

    var positions: [Int] { entries.map(\.position) }
}
