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
    /// Severity of every current finding, by key.
    let existing: [String: Finding.Severity]
    /// Positions of available internal people by room for one more hat, most room first.
    let byRoomForNewHat: [Int]
    /// Solid-line reports of each person, by position.
    let reports: [String: [Int]]
    /// For each role, the available internal wearers with the most room, most first.
    let roomiestWearers: [String: [Int]]

    static let candidateLimit = 16
    static let nearbyLimit = 24
    static let sharerLimit = 64
    /// Full verifications tried per finding: keeps the search linear in the org's size.
    static let verificationBudget = 24

    init(context: CheckContext, findings: [Finding], unavailable: Set<String>) {
        self.context = context
        self.unavailable = unavailable
        var existing: [String: Finding.Severity] = [:]
        for finding in findings { existing[finding.key] = max(existing[finding.key] ?? finding.severity, finding.severity) }
        self.existing = existing
        var reports: [String: [Int]] = [:]
        for (position, person) in context.org.people.enumerated() {
            if let manager = person.reportsTo { reports[manager, default: []].append(position) }
        }
        self.reports = reports
        let people = context.org.people
        let loads = context.loads
        let policy = context.policy
        var roomiest: [String: [(position: Int, room: Double)]] = [:]
        for (position, person) in people.enumerated() where !person.external && !unavailable.contains(person.id) {
            let room = Advisor.room(loads[position], hats: person.hats.count, policy: policy)
            for hat in person.hats {
                var list = roomiest[hat.role] ?? []
                if list.count < Self.candidateLimit + 1 || room > (list.last?.room ?? .infinity) {
                    let slot = list.firstIndex { $0.room < room } ?? list.count
                    list.insert((position, room), at: slot)
                    if list.count > Self.candidateLimit + 1 { list.removeLast() }
                    roomiest[hat.role] = list
                }
            }
        }
        roomiestWearers = roomiest.mapValues { $0.map(\.position) }
        byRoomForNewHat = people.indices
            .filter { !people[$0].external && !unavailable.contains(people[$0].id) }
            .map { ($0, Advisor.room(loads[$0], hats: people[$0].hats.count + 1, policy: policy)) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            .map(\.0)
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
                    let receivers = receiverAlreadyWears ? (roomiestWearers[hat.role] ?? []) : others
                    for receiver in receivers where mayTake(hat.role, amount, receiver, giver: giver, alreadyWearing: receiverAlreadyWears) {
                        guard budget > 0 else { return nil }
                        budget -= 1
                        if let found = move(hat, of: giver, to: receiver, amount: amount, whole: whole) { return found.suggestion }
                    }
                }
            }
        }
        // Nothing brings them under the line: offer the move that helps most. For each hat,
        // the receivers able to take the most hours are tried first.
        var best: (Suggestion, Double)?
        for (hat, hours) in hats {
            let pool = (roomiestWearers[hat.role] ?? []) + others
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
        guard var (suggestion, _) = best else { return nil }
        suggestion.text += " (not enough on its own: nobody has room for more)"
        return suggestion
    }

    /// Cheap checks before a full verification: the receiver is someone else, available,
    /// has the room, and would not cross the hat or duty limits by taking the role on.
    private func mayTake(_ role: String, _ amount: Double, _ position: Int, giver: Person, alreadyWearing: Bool?) -> Bool {
        let receiver = context.org.people[position]
        guard receiver.id != giver.id, !receiver.external, !unavailable.contains(receiver.id) else { return false }
        let wears = receiver.wears(role)
        if let alreadyWearing, wears != alreadyWearing { return false }
        guard room(for: position, role: role) >= amount else { return false }
        if !wears {
            let policy = context.policy
            if receiver.hats.count + 1 > policy.maxHats, receiver.hats.count <= policy.maxHats { return false }
            let duties = receiver.hats.reduce(0) { $0 + (context.hours.dutyCount[$1.role] ?? 0) }
            let more = context.hours.dutyCount[role] ?? 0
            if more > 0, duties + more > policy.maxDuties, duties <= policy.maxDuties { return false }
        }
        return true
    }

    /// Hours `position` could take on in `role` and stay at or under the warning line.
    private func room(for position: Int, role: String) -> Double {
        let person = context.org.people[position]
        return Advisor.room(context.loads[position], hats: person.hats.count + (person.wears(role) ? 0 : 1), policy: context.policy)
    }

    private func move(_ hat: Hat, of giver: Person, to receiverPosition: Int, amount: Double, whole: Bool) -> (suggestion: Suggestion, giverLoadAfter: Double?)? {
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
        let roleName = context.roleName(role)
        let what = whole ? "\(roleName) (\(Format.hours(amount)))" : "\(Format.hours(amount)) of \(roleName)"
        let text = "Move \(what) to \(receiver.name): \(change(giver, loads)), \(change(receiver, loads))"
        return (Suggestion(text: text, edit: .batch(edits, label: "move \(what) from \(giver.name) to \(receiver.name)")), loads[giver.id]?.load)
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
            guard createsNothing(Rules.personFindings(person, load: load, context: context)) else { return nil }
            loads[person.id] = load
        }

        guard let subject = org.role(role) else { return nil }
        let targetWearers = target.map { context.wearing($0).count } ?? 0
        guard createsNothing(Rules.roleFindings(subject, wearing: wearing, targetWearers: targetWearers, context: context)) else { return nil }
        // Roles that escalate to `role`: their target's wearers changed.
        for roleId in context.escalatingTo[role] ?? [] {
            guard let escalating = org.role(roleId) else { continue }
            var summary = context.wearing(roleId)
            for person in changed {
                guard let old = org.person(person.id), person.wears(roleId) || old.wears(roleId) else { continue }
                summary.alsoWearingTarget += (person.wears(roleId) && person.wears(role) ? 1 : 0) - (old.wears(roleId) && old.wears(role) ? 1 : 0)
            }
            guard createsNothing(Rules.roleFindings(escalating, wearing: summary, targetWearers: wearing.count, context: context)) else { return nil }
        }
        for dutyPosition in context.dutiesOfRole[role] ?? [] {
            let findings = Rules.dutyFindings(org.duties[dutyPosition], wearing: { $0 == role ? wearing : context.wearing($0) }, context: context)
            guard createsNothing(findings) else { return nil }
        }
        return loads
    }

    private func createsNothing(_ findings: [Finding]) -> Bool {
        findings.allSatisfy { finding in
            guard let before = existing[finding.key] else { return false }
            return finding.severity <= before
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
            let candidate = org.people[position]
            guard candidate.id != person.id, !candidate.external, !unavailable.contains(candidate.id) else { return }
            if seen.insert(position).inserted { result.append(position) }
        }
        if let manager = person.reportsTo, let position = org.position(ofPerson: manager) {
            consider(position)
            for colleague in (reports[manager] ?? []).prefix(Self.nearbyLimit) { consider(colleague) }
        }
        for report in (reports[person.id] ?? []).prefix(Self.nearbyLimit) { consider(report) }
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
