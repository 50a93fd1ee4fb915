/// Finds the checker's suggestions: concrete changes (move a hat or some of its hours,
/// ask a provider, cross-train a backup, fill a role, add hours to a short role) that help
/// and create no finding of their own — offered only to people who can do the work (the
/// fit rule, docs/load-model.md). When there is none, it says why.
///
/// Each candidate change is verified by re-running the rules it can affect — the people it
/// changes (and, when a role's wearer count drops, the role's other equal-share wearers),
/// the role, the roles that escalate to it, and its duties — and comparing with the
/// findings of the org as it is. Candidates per finding are bounded, so the search stays
/// linear in the size of the org.
///
/// A class: the search hands the advisor to closures and helpers thousands of times per
/// finding, and a struct this size (the check's context, the finding set, the pools) was
/// copied at each of them — a retain and a release of every part (a tenth of a large
/// org's suggestion search). Everything in it is a constant, read from several threads.
final class Advisor: @unchecked Sendable {
    let context: CheckContext
    let unavailable: Set<String>
    /// The current findings, by subject.
    let findings: FindingSet
    /// The available internal people with the most room, most first.
    let byRoom: [Int]
    /// For each role, the available internal wearers with the most room, most first —
    /// all computed up front for a whole check (`everyRole`), else on demand.
    let roomiestWearers: IDMap<[Int]>?
    /// External providers wearing each role, by position.
    let providers: IDMap<[Int]>
    let kinship: Kinship
    /// What the fit rule asks of anyone taking on each role, worked out once.
    let fits: IDMap<Fit>
    /// `rankedNewcomers` by role, filled as findings ask (findings are advised in parallel).
    private let rankedPools = RankedPools()
    /// `roomiest` by role, kept by the caller between advisers while it stays true.
    private let roomiestCache: RoomiestCache?

    static let candidateLimit = 16
    static let nearbyLimit = 24
    static let sharerLimit = 64
    /// Roles of one kind whose wearers are looked at for someone new to a role.
    static let kinRoleLimit = 32
    /// A role nobody wore, now worn by one person for part of its hours: the single point
    /// of failure and the shortfall that replace "unfilled" are the point, not new problems.
    static let fillTolerates: Set<Finding.Rule> = [.understaffedRole, .singlePointOfFailure]
    /// Full verifications tried per finding: keeps the search linear in the org's size.
    static let verificationBudget = 24

    /// `kinship`: the org's, when the caller keeps it (it depends on the roles alone);
    /// `roomiest`: the roomiest wearers of roles, when the caller keeps them up to date.
    init(context: CheckContext, findings: FindingSet, unavailable: Set<String>, everyRole: Bool = false, kinship: Kinship? = nil,
         roomiest: RoomiestCache? = nil) {
        roomiestCache = roomiest
        self.context = context
        self.findings = findings
        self.unavailable = unavailable
        let people = context.org.people
        let loads = context.loads
        let kinship = kinship ?? Kinship(context.org)
        self.kinship = kinship
        // The pools every finding shares, kept by the caller while they stay true (the
        // staffing plan: a pass over everyone for each finding made a plan of 100,000 people
        // quadratic), else found now.
        let pools: AdvisorPools
        if let kept = roomiest?.pools.withLock({ $0 }), unavailable.isEmpty {
            pools = kept
        } else {
            pools = AdvisorPools(context, unavailable: unavailable, kinship: kinship)
            if let roomiest, unavailable.isEmpty { roomiest.pools.withLock { $0 = pools } }
        }
        byRoom = pools.byRoom
        providers = pools.providers
        fits = pools.fits
        if everyRole {
            var roomiest = IDMap<TopPositions>()
            for position in people.indices where !people[position].external && (unavailable.isEmpty || !unavailable.contains(people[position].id)) {
                for hat in people[position].hats {
                    roomiest.update(hat.role, default: TopPositions(limit: Self.candidateLimit + 1)) { $0.offer(position, loads[position].room) }
                }
            }
            roomiestWearers = roomiest.mapValues(\.positions)
        } else {
            roomiestWearers = nil
        }
    }

    /// The available internal wearers of `role` with the most room.
    func roomiest(_ role: String) -> [Int] {
        if let roomiestWearers { return roomiestWearers[role] ?? [] }
        if let roomiestCache {
            if let known = roomiestCache.wearers.withLock({ $0[role] }) { return known }
            let found = findRoomiest(role)
            roomiestCache.wearers.withLock { $0[role] = found }
            return found
        }
        return findRoomiest(role)
    }

    private func findRoomiest(_ role: String) -> [Int] {
        var top = TopPositions(limit: Self.candidateLimit + 1)
        for position in context.wearerPositions[role] ?? [] {
            guard isAvailableInternal(position) else { continue }
            top.offer(position, context.loads[position].room)
        }
        return top.positions
    }

    func suggestion(for finding: Finding) -> Suggestion? {
        advice(for: finding).suggestion
    }

    /// The suggestion for a finding, or why there is none.
    func advice(for finding: Finding) -> Advice {
        switch (finding.rule, finding.subject.kind) {
        case (.overload, .person): return relieve(finding.subject.id)
        case (.singlePointOfFailure, .role): return backup(role: finding.subject.id)
        case (.singlePointOfFailure, .duty):
            guard let role = context.org.duty(finding.subject.id)?.role else { return Advice(reason: "the duty has no role") }
            return backup(role: role)
        case (.unfilledRole, .role):
            if case .coveredOnlyByOpen = finding.explanation { return Advice(reason: Self.noAutomaticFix(finding)) }
            return fill(role: finding.subject.id)
        case (.understaffedRole, .role): return topUp(role: finding.subject.id)
        case (.roleConflict, .person): return separate(finding.subject.id, pair: finding.detail)
        default: return Advice(reason: Self.noAutomaticFix(finding))
        }
    }

    /// Why rules that need a person's judgement get no suggestion.
    static func noAutomaticFix(_ finding: Finding) -> String {
        switch finding.explanation {
        case .escalationToNobody(let role, let target):
            return "hats does not reorganise escalation: give \(target) to someone (if it has work, its unfilled-role finding has a suggestion), or change where \(role) escalates"
        case .escalationToSamePeople(let role, let target):
            return "hats does not reorganise escalation: have someone who does not wear \(role) wear \(target), or change where it escalates"
        case .coveredOnlyByOpen:
            return "the open position is the plan for it: mark it hired when someone starts, or cross-train a person as cover until then"
        default: break
        }
        return switch finding.rule {
        case .tooManyHats: "hats does not choose which hat to hand over: that is a judgement about the person (an overload, if any, has its own suggestion)"
        case .tooManyDuties: "hats does not choose which duties to hand over: move some to another role in the Duties view"
        case .escalation: "hats does not reorganise escalation"
        case .spanOfControl: "hats does not redraw the chart: put a team lead between this manager and some of their reports"
        case .qualification: "hats cannot train anyone: record the certification or experience, or give the hat to someone qualified"
        case .unownedDuty: "hats does not guess which role a duty belongs to: give it a role in the Duties view"
        default: "nothing to suggest for this finding"
        }
    }

    // MARK: - The fit rule

    /// Whether the person at `position` can take on `role`: they meet its requirements,
    /// and they already wear it, or (within one tier of its tier) wear a role related to
    /// it, next to it in an escalation chain, or of its kind of work. A role with no kind,
    /// no relations and no tier can go to anyone.
    func canTakeOn(_ role: String, _ position: Int) -> Bool {
        guard let fit = fits[role] else { return false }
        return canTakeOn(fit, position)
    }

    /// What the fit rule asks of anyone taking on one role, read once for all the
    /// candidates looked at for it.
    struct Fit {
        let role: String
        /// The role's number in the kinship.
        let number: Int
        let requires: Requirements?
        let leadership: Bool
        let tier: Int?
        let open: Bool

        init?(_ role: String, in org: Org, kinship: Kinship) {
            guard let position = org.position(ofRole: role) else { return nil }
            self.role = role
            number = kinship.number(of: role)
            // Fields read in place, not a copy of the whole Role.
            requires = org.roles[position].requires
            leadership = kinship.isLeadership(number)
            tier = org.roles[position].tier
            open = kinship.isOpen(role)
        }
    }

    func canTakeOn(_ fit: Fit, _ position: Int) -> Bool {
        // Fields read in place, through the advisor: a local copy of the people, or of a
        // candidate's hats, is a retain and a release of an array both cores share (the
        // roomiest people are candidates for everyone's work), its count bouncing between
        // the cores.
        if let requires = fit.requires, !Rules.meets(context.org.people[position], requires) { return false }
        let count = context.org.people[position].hats.count
        for index in 0..<count where context.org.people[position].hats[index].role == fit.role { return true }
        // Each hat's role looked up once, for all three questions.
        var leads = false
        var own = 0
        var kin = false
        for index in 0..<count {
            let number = kinship.number(of: context.org.people[position].hats[index].role)
            leads = leads || kinship.isLeadership(number)
            own = max(own, kinship.tier(of: number))
            kin = kin || kinship.areKin(fit.number, number)
        }
        // Leadership work only to someone who already does some.
        if fit.leadership, !leads { return false }
        if let tier = fit.tier, own < tier - 1 { return false }
        return fit.open || kin
    }

    private func isAvailableInternal(_ position: Int) -> Bool {
        // Fields read in place, not a copy of the whole Person (nor of the people).
        !context.org.people[position].external && (unavailable.isEmpty || !unavailable.contains(context.org.people[position].id))
    }

    /// Internal people new to `role` who can take it on: those near `person` in the chart
    /// first (manager, colleagues, reports), then those wearing its kin with the most room.
    private func newcomers(to role: String, near person: Person?) -> [Int] {
        guard let fit = fits[role] else { return [] }
        // The person compared by position, not by id: reading a candidate's id copied the
        // whole candidate (ids are unique, so the two are the same test).
        let own = person.flatMap { context.org.position(ofPerson: $0.id) }
        var seen = PositionSet(minimumCapacity: 2 * (Self.candidateLimit + Self.nearbyLimit) + 1)
        var result: [Int] = []
        func consider(_ position: Int) {
            guard position != own, isAvailableInternal(position), !context.org.people[position].wears(role) else { return }
            guard seen.insert(position), canTakeOn(fit, position) else { return }
            result.append(position)
        }
        if let person {
            if let manager = person.reportsTo, let position = context.org.position(ofPerson: manager) {
                consider(position)
                for colleague in context.children[position].prefix(Self.nearbyLimit) { consider(colleague) }
            }
            if let own {
                for report in context.children[own].prefix(Self.nearbyLimit) { consider(report) }
            }
        }
        for (position, fits) in rankedNewcomers(to: fit) {
            guard position != own, isAvailableInternal(position), !context.org.people[position].wears(role) else { continue }
            if seen.insert(position), fits { result.append(position) }
        }
        return result
    }

    /// The roomiest of the wearers of `role`'s kin roles (and, for a role open to anyone,
    /// of everyone), each with whether they can take it on: the same for every finding
    /// about the role, so worked out once per check.
    private func rankedNewcomers(to fit: Fit) -> [(position: Int, fits: Bool)] {
        if let known = rankedPools.pools.withLock({ $0[fit.role] }) { return known }
        // One pass keeps the few with the most room, not a sort of them all.
        var ranked = TopPositions(limit: Self.candidateLimit + Self.nearbyLimit)
        var offered = PositionSet(minimumCapacity: 4 * Self.candidateLimit)
        func offer(_ position: Int) {
            if offered.insert(position) { ranked.offer(position, context.loads[position].room) }
        }
        for kin in kinship.kin(of: fit.role).prefix(Self.kinRoleLimit) { roomiest(kin).forEach(offer) }
        if fit.open { byRoom.forEach(offer) }
        let pool = ranked.positions.map { ($0, canTakeOn(fit, $0)) }
        rankedPools.pools.withLock { $0[fit.role] = pool }
        return pool
    }

    /// Who may receive `role`'s work, in order of preference: internal people who already
    /// wear it, external providers who already do it, internal people new to it.
    private func receivers(of role: String, from giver: Person?) -> [(Receiver, [Int])] {
        // By position, not by id (see newcomers).
        let own = giver.flatMap { context.org.position(ofPerson: $0.id) }
        let wearers = roomiest(role).filter { $0 != own }
        let outside = (providers[role] ?? []).filter { $0 != own }
        return [(.wearer, wearers), (.provider, outside), (.newcomer, newcomers(to: role, near: giver))]
    }

    enum Receiver { case wearer, provider, newcomer }

    // MARK: - Overload: move a hat, or some of its hours

    private func relieve(_ id: String) -> Advice {
        guard let position = context.org.position(ofPerson: id) else { return Advice(reason: "that person is not in the org") }
        let giver = context.org.people[position]
        let load = context.loads[position]
        let policy = context.policy
        // Smallest hats first: the least disruptive move that is enough wins. One list,
        // sorted in place (stable, as `sorted` is: the order worn on a tie).
        var hats: [(Hat, Double)] = []
        hats.reserveCapacity(giver.hats.count)
        for hat in giver.hats {
            let hours = context.hours.hours(of: hat)
            if hours > 0 { hats.append((hat, hours)) }
        }
        hats.sort { $0.1 < $1.1 }
        guard !hats.isEmpty else { return Advice(reason: "none of \(giver.name)'s hats has hours to move: their capacity is the problem") }
        var budget = Self.verificationBudget
        var search = SearchNotes()
        search.fit.reserveCapacity(4 * Self.candidateLimit)
        // Receivers by hat and kind, found only when the search gets that far: most
        // overloads are solved by someone who already wears the role.
        var newcomerPools = [[Int]?](repeating: nil, count: hats.count)
        func pool(_ index: Int, _ kind: Receiver) -> [Int] {
            let role = hats[index].0.role
            switch kind {
            case .wearer: return roomiest(role).filter { $0 != position }
            case .provider: return providers[role] ?? []
            case .newcomer:
                if let found = newcomerPools[index] { return found }
                let found = newcomers(to: role, near: giver)
                newcomerPools[index] = found
                return found
            }
        }
        // What each hat offers: all of it (when that alone is enough), or the fewest hours
        // — each worked out when the search first asks (most searches end at the first hat).
        var amounts = [(whole: Double??, part: Double??)](repeating: (nil, nil), count: hats.count)
        func amount(_ index: Int, whole: Bool) -> Double? {
            let (hat, hours) = hats[index]
            if whole {
                if let known = amounts[index].whole { return known }
                let found = giverLoad(giver, role: hat.role, keeping: 0) <= policy.warnAt ? hours : nil
                amounts[index].whole = .some(found)
                return found
            }
            if let known = amounts[index].part { return known }
            let found = leastToShed(giver, at: position, hat: hat, hours: hours)
            amounts[index].part = .some(found)
            return found
        }

        for rank in [Receiver.wearer, .provider, .newcomer] {
            for whole in [true, false] {
                for (index, (hat, _)) in hats.enumerated() {
                    guard let amount = amount(index, whole: whole) else { continue }
                    for receiver in pool(index, rank) {
                        search.fit.append(receiver)
                        guard mayTake(hat.role, amount, receiver, rank) else { continue }
                        search.roomy = true
                        guard budget > 0 else { return search.advice(self, roles: hats.map(\.0.role), for: giver.name) }
                        budget -= 1
                        if let found = move(hat, of: giver, at: position, to: receiver, amount: amount, whole: whole) { return Advice(found.suggestion()) }
                        search.refused = true
                    }
                }
            }
        }
        // Nothing brings them under the line: offer the move that helps most. For each hat,
        // the receivers able to take the most hours are tried first.
        var best: (() -> Suggestion, Double)?
        for (index, (hat, hours)) in hats.enumerated() {
            // Into one list of its size (a list per kind, joined, grew and copied).
            let pools = (pool(index, .wearer), pool(index, .provider), pool(index, .newcomer))
            var candidates: [(Int, Receiver, Double)] = []
            candidates.reserveCapacity(pools.0.count + pools.1.count + pools.2.count)
            for (kind, positions) in [(Receiver.wearer, pools.0), (.provider, pools.1), (.newcomer, pools.2)] {
                for position in positions {
                    // An upper bound first (no switching loss); the exact room, a
                    // bisection, only for those the order reaches.
                    let load = context.loads[position]
                    let bound = kind == .provider ? hours
                        : min(hours, halfHoursDown(max(0, policy.warnAt * load.capacityHours * load.availability - load.allocatedHours)))
                    candidates.append((position, kind, bound))
                }
            }
            let options = RoomOrder(candidates) { [self] position, kind in
                let amount = kind == .provider ? hours : min(hours, room(for: position, role: hat.role))
                return amount > 0 && mayTake(hat.role, amount, position, kind) ? amount : nil
            }
            for (receiver, amount) in options {
                search.roomy = true
                guard budget > 0 else { break }
                budget -= 1
                guard let found = move(hat, of: giver, at: position, to: receiver, amount: amount, whole: amount == hours),
                    let after = found.giverLoadAfter, after < load.load else { continue }
                if best == nil || after < (best?.1 ?? .infinity) { best = (found.suggestion, after) }
                break
            }
        }
        guard let (found, _) = best else { return search.advice(self, roles: hats.map(\.0.role), for: giver.name) }
        var suggestion = found()
        suggestion.text += " (not enough on its own: nobody who can do this work has room for more — that takes a hire)"
        suggestion.partial = true
        return Advice(suggestion)
    }

    /// The giver's load with their hat for `role` down to `keeping` hours (0: taken off).
    private func giverLoad(_ giver: Person, role: String, keeping: Double) -> Double {
        let hours = context.hours
        if keeping <= 0 {
            return PersonLoad.load(of: giver, hours: hours, policy: context.policy, hatHours: nil, without: role)
        }
        return PersonLoad.load(of: giver, hours: hours, policy: context.policy, hatHours: { $0.role == role ? keeping : hours.hours(of: $0) })
    }

    /// The fewest half hours of `hat` to move for the giver to be at or under the warning
    /// line keeping the hat, or nil when moving fewer than all of them is not enough.
    /// (With switching weighted by hours, shedding hours can change the loss, so each
    /// amount is tried, from the estimate up.)
    private func leastToShed(_ giver: Person, at position: Int, hat: Hat, hours: Double) -> Double? {
        let load = context.loads[position]
        let estimate = halfHoursUp(load.allocatedHours - context.policy.warnAt * load.effectiveHours)
        guard estimate > 0, estimate < hours else { return nil }
        let fits = { (amount: Double) in self.giverLoad(giver, role: hat.role, keeping: hours - amount) <= self.context.policy.warnAt }
        if fits(estimate) { return estimate }
        // The fewest half hours above the estimate that are enough (bisection: fewer hours
        // kept is less load, to within what switching changes).
        var low = estimate
        var high = halfHoursDown(hours - 0.5)
        guard high > low, fits(high) else { return nil }
        while high - low > 0.5 {
            let middle = halfHoursUp((low + high) / 2)
            if middle >= high { break }
            if fits(middle) { high = middle } else { low = middle }
        }
        return high
    }

    /// Cheap checks before a full verification: the receiver is available, can take the
    /// work on, has the room after switching, and would not cross the hat or duty limits.
    /// A provider who already does the work is not load-checked (their hours are theirs).
    private func mayTake(_ role: String, _ amount: Double, _ position: Int, _ kind: Receiver) -> Bool {
        // Read in place through the advisor, not through local copies of the people or the
        // policy (shared by both cores: see canTakeOn).
        // A provider already does the work: its requirements still hold (the fit rule).
        if kind == .provider { return context.org.people[position].external && canTakeOn(role, position) }
        guard isAvailableInternal(position) else { return false }
        // Over the line even if switching cost nothing: no need to look further.
        let (allocated, capacity, availability) = (context.loads[position].allocatedHours, context.loads[position].capacityHours,
                                                   context.loads[position].availability)
        guard allocated + amount <= context.policy.warnAt * capacity * availability else { return false }
        guard canTakeOn(role, position) else { return false }
        if !context.org.people[position].wears(role) {
            let hatCount = context.org.people[position].hats.count
            if hatCount + 1 > context.policy.maxHats, hatCount <= context.policy.maxHats { return false }
            var duties = 0
            for index in 0..<hatCount { duties += context.hours.dutyCount(ofRole: context.org.people[position].hats[index].role) }
            let more = context.hours.dutyCount(ofRole: role)
            if more > 0, duties + more > context.policy.maxDuties, duties <= context.policy.maxDuties { return false }
        }
        return loadWith(position, role: role, adding: amount) <= context.policy.warnAt
    }

    /// The receiver's load with `amount` more hours of `role`.
    private func loadWith(_ position: Int, role: String, adding amount: Double) -> Double {
        let hours = context.hours
        // The person read in place, not copied.
        if context.org.people[position].wears(role) {
            return PersonLoad.load(of: context.org.people[position], hours: hours, policy: context.policy,
                                   hatHours: { $0.role == role ? hours.hours(of: $0) + amount : hours.hours(of: $0) })
        }
        return PersonLoad.load(of: context.org.people[position], hours: hours, policy: context.policy, hatHours: nil, adding: (role, amount))
    }

    /// The most half hours of `role` the person at `position` could take on and stay at or
    /// under the warning line, switching included.
    private func room(for position: Int, role: String) -> Double {
        let load = context.loads[position]
        var low = 0.0
        var high = halfHoursDown(max(0, context.policy.warnAt * load.capacityHours * load.availability - load.allocatedHours))
        guard high > 0 else { return 0 }
        if loadWith(position, role: role, adding: high) <= context.policy.warnAt { return high }
        // Bisect on half hours: low fits, high does not.
        while high - low > 0.5 {
            let middle = halfHoursDown((low + high) / 2)
            if middle <= low { break }
            if loadWith(position, role: role, adding: middle) <= context.policy.warnAt { low = middle } else { high = middle }
        }
        return low
    }

    /// A verified move, with its suggestion built only when asked for: the search verifies
    /// many moves and keeps few.
    private func move(_ hat: Hat, of giver: Person, at giverPosition: Int, to receiverPosition: Int, amount: Double, whole: Bool,
                      because conflict: String? = nil) -> (suggestion: () -> Suggestion, giverLoadAfter: Double?)? {
        // One copy of the receiver, the one that changes: the few roomiest people receive
        // most moves, from both cores, and each copy retains every part of them.
        var newReceiver = context.org.people[receiverPosition]
        guard newReceiver.id != giver.id else { return nil }
        let receiver = (id: newReceiver.id, name: newReceiver.name, external: newReceiver.external)
        let role = hat.role
        let hours = context.hours.hours(of: hat)
        var newGiver = giver
        var edits: [Edit] = []
        edits.reserveCapacity(2)
        if whole {
            newGiver.hats.removeAll { $0.role == role }
            edits.append(.removeHat(person: giver.id, role: role))
        } else {
            setHours(&newGiver, role: role, hours - amount)
            edits.append(.setHatHours(person: giver.id, role: role, hours: hours - amount))
        }
        if let existingHat = newReceiver.hat(for: role) {
            let total = context.hours.hours(of: existingHat) + amount
            setHours(&newReceiver, role: role, total)
            edits.append(.setHatHours(person: receiver.id, role: role, hours: total))
        } else {
            let given = whole ? hat : Hat(role: role, hoursPerWeek: amount)
            newReceiver.hats.append(given)
            edits.append(.addHat(person: receiver.id, hat: given))
        }
        guard let loads = verify([newGiver, newReceiver], at: [giverPosition, receiverPosition], role: role, receiver: receiver.id) else { return nil }
        let suggestion = { [self] in
            // Written as UTF-8 bytes and made a String once: one suggestion for each of tens
            // of thousands of overloads, and each part appended to a String cost some 360
            // instructions (callgrind).
            var what: [UInt8] = []
            what.reserveCapacity(64)
            if whole {
                what += context.roleName(role).utf8
                what += " (".utf8
                Format.appendHours(amount, to: &what)
                what += ")".utf8
            } else {
                Format.appendHours(amount, to: &what)
                what += " of ".utf8
                what += context.roleName(role).utf8
            }
            var text: [UInt8] = []
            text.reserveCapacity(what.count + 200)
            if receiver.external {
                text += "Ask ".utf8; text += receiver.name.utf8; text += " to take on ".utf8; text += what
                text += ": an outside provider who already does this work, so it costs money; ".utf8
            } else {
                text += "Move ".utf8; text += what; text += " to ".utf8; text += receiver.name.utf8; text += ": ".utf8
            }
            if let conflict {
                text += giver.name.utf8; text += " no longer wears both ".utf8; text += conflict.utf8; text += ", ".utf8
            }
            appendChange((giver.id, giver.name), loads, to: &text)
            if !receiver.external {
                text += ", ".utf8
                appendChange((receiver.id, receiver.name), loads, to: &text)
            }
            var label: [UInt8] = Array("move ".utf8)
            label.reserveCapacity(what.count + 80)
            label += what; label += " from ".utf8; label += giver.name.utf8; label += " to ".utf8; label += receiver.name.utf8
            return Suggestion(text: String(decoding: text, as: UTF8.self), edit: .batch(edits, label: String(decoding: label, as: UTF8.self)),
                              change: SuggestionChange(kind: .move, role: role, from: giver.id, to: receiver.id, hours: amount))
        }
        return (suggestion, loads[giver.id]?.load)
    }

    // MARK: - Role conflict: hand one side to someone who can do it

    private func separate(_ id: String, pair: String) -> Advice {
        guard let position = context.org.position(ofPerson: id) else { return Advice(reason: "that person is not in the org") }
        let person = context.org.people[position]
        let roles = pair.split(separator: "+").map(String.init)
        guard roles.count == 2 else { return Advice(reason: "the conflict does not name two roles") }
        let names = "\(context.roleName(roles[0])) and \(context.roleName(roles[1]))"
        // The smaller side first: less to hand over.
        let sides = roles.compactMap { role in person.hat(for: role).map { ($0, context.hours.hours(of: $0)) } }.sorted { $0.1 < $1.1 }
        var budget = Self.verificationBudget
        var search = SearchNotes()
        for rank in [Receiver.wearer, .provider, .newcomer] {
            for (hat, hours) in sides {
                for (kind, pool) in receivers(of: hat.role, from: person) where kind == rank {
                    for receiver in pool {
                        search.fit.append(receiver)
                        guard mayTake(hat.role, hours, receiver, kind) else { continue }
                        search.roomy = true
                        guard budget > 0 else { return search.advice(self, roles: roles, for: person.name) }
                        budget -= 1
                        if let found = move(hat, of: person, at: position, to: receiver, amount: hours, whole: true, because: names) { return Advice(found.suggestion()) }
                        search.refused = true
                    }
                }
            }
        }
        return search.advice(self, roles: roles, for: person.name)
    }

    // MARK: - Single point of failure: cross-train a backup

    private func backup(role: String) -> Advice {
        // The backup stands in for someone who is away: it has to be a person already there.
        let holders = context.hours.wearers(ofRole: role).filter { context.org.person($0)?.open != true }
        guard holders.count == 1, let holderPosition = context.org.position(ofPerson: holders[0]) else { return Advice(reason: "the role has more than one wearer") }
        let holder = context.org.people[holderPosition]
        guard let hat = holder.hat(for: role) else { return Advice(reason: "the role has no wearer") }
        let hours = context.hours.hours(of: hat)
        // Leadership is covered by a deputy, not by sharing its hours: someone who stands
        // in while the leader is away, with what they may decide written down. The leader
        // keeps the work; the deputy's hat has no hours (a small shop does not hire a
        // second owner or service manager to cover the first).
        let deputy = kinship.isLeadership(role)
        let share = deputy ? 0 : hours >= 1 ? min(4, max(1, halfHoursDown(hours / 4))) : 0
        var newHolder = holder
        var edits: [Edit] = []
        if !deputy {
            setHours(&newHolder, role: role, hours - share)
            edits.append(.setHatHours(person: holder.id, role: role, hours: hours - share))
        }
        var budget = Self.verificationBudget
        var search = SearchNotes(deputy: deputy)
        for receiverPosition in newcomers(to: role, near: holder) where !context.org.people[receiverPosition].open {
            search.fit.append(receiverPosition)
            guard mayTake(role, share, receiverPosition, .newcomer) else { continue }
            search.roomy = true
            guard budget > 0 else { break }
            budget -= 1
            let receiver = context.org.people[receiverPosition]
            var newReceiver = receiver
            let given = Hat(role: role, hoursPerWeek: share)
            newReceiver.hats.append(given)
            guard let loads = verify(deputy ? [newReceiver] : [newHolder, newReceiver], at: deputy ? [receiverPosition] : [holderPosition, receiverPosition],
                                     role: role, receiver: receiver.id) else { search.refused = true; continue }
            edits.append(.addHat(person: receiver.id, hat: given))
            let roleName = context.roleName(role)
            if deputy {
                let text = "Name \(receiver.name) deputy for \(roleName): a hat of 0 h a week, to stand in while \(holder.name) is away, with what they may decide written down (no load changes)"
                return Advice(Suggestion(text: text, edit: .batch(edits, label: "make \(receiver.name) deputy for \(roleName)"),
                                         change: SuggestionChange(kind: .backup, role: role, from: holder.id, to: receiver.id, hours: 0)))
            }
            let taking = share > 0 ? ", taking \(Format.hours(share)) a week from \(holder.name)" : ""
            let text = "Cross-train \(receiver.name) as a backup for \(roleName)\(taking): \(change(receiver, loads)), \(change(holder, loads))"
            return Advice(Suggestion(text: text, edit: .batch(edits, label: "make \(receiver.name) a backup for \(roleName)"),
                                     change: SuggestionChange(kind: .backup, role: role, from: holder.id, to: receiver.id, hours: share)))
        }
        return search.advice(self, roles: [role], for: nil)
    }

    // MARK: - Unfilled role: give it to someone who can do it and has room

    private func fill(role: String) -> Advice {
        let hours = context.hours.hours(ofRole: role)
        let roleName = context.roleName(role)
        var partial: (Int, Double)?
        var budget = Self.verificationBudget
        var search = SearchNotes()
        // A critical role given to an open position would still have nobody there.
        let critical = context.org.role(role)?.critical == true
        for receiverPosition in newcomers(to: role, near: nil) where !(critical && context.org.people[receiverPosition].open) {
            search.fit.append(receiverPosition)
            let receiver = context.org.people[receiverPosition]
            if mayTake(role, hours, receiverPosition, .newcomer) {
                search.roomy = true
                guard budget > 0 else { break }
                budget -= 1
                var newReceiver = receiver
                newReceiver.hats.append(Hat(role: role))
                if let loads = verify([newReceiver], at: [receiverPosition], role: role, receiver: receiver.id, tolerating: [.singlePointOfFailure]) {
                    return Advice(Suggestion(text: "Give \(receiver.name) the \(roleName) hat (\(Format.hours(hours))): \(change(receiver, loads))",
                                             edit: .addHat(person: receiver.id, hat: Hat(role: role)),
                                             change: SuggestionChange(kind: .give, role: role, from: nil, to: receiver.id, hours: hours)))
                }
                search.refused = true
            } else if partial == nil {
                let amount = room(for: receiverPosition, role: role)
                if amount > 0, mayTake(role, amount, receiverPosition, .newcomer) { partial = (receiverPosition, amount) }
            }
        }
        guard let (receiverPosition, amount) = partial else { return search.advice(self, roles: [role], for: nil) }
        search.roomy = true
        let receiver = context.org.people[receiverPosition]
        var newReceiver = receiver
        let given = Hat(role: role, hoursPerWeek: amount)
        newReceiver.hats.append(given)
        // Part of a role is still short: the understaffed finding that replaces this one
        // is the point, not a new problem.
        guard let loads = verify([newReceiver], at: [receiverPosition], role: role, receiver: receiver.id, tolerating: Self.fillTolerates) else {
            search.refused = true
            return search.advice(self, roles: [role], for: nil)
        }
        return Advice(Suggestion(text: "Give \(receiver.name) the \(roleName) hat for \(Format.hours(amount)) of its \(Format.hours(hours)): \(change(receiver, loads)) (still \(Rules.shortMessage(hours - amount, fullTime: context.policy.hoursPerWeek)) — a hire)",
                                 edit: .addHat(person: receiver.id, hat: given),
                                 change: SuggestionChange(kind: .give, role: role, from: nil, to: receiver.id, hours: amount), partial: true))
    }

    // MARK: - Understaffed role: more hours from those who can give them

    private func topUp(role: String) -> Advice {
        let roleHours = context.hours.hours(ofRole: role)
        let short = halfHoursUp(roleHours - context.wearing(role).given(roleHours))
        let roleName = context.roleName(role)
        guard short > 0 else { return Advice(reason: "the role is not short") }
        var budget = Self.verificationBudget
        var search = SearchNotes()
        // The top-up leaving the least short, when none closes the gap.
        var best: (Suggestion, Double)?
        for (kind, pool) in receivers(of: role, from: nil) {
            for receiverPosition in pool {
                search.fit.append(receiverPosition)
                let amount = kind == .provider ? short : min(short, room(for: receiverPosition, role: role))
                guard amount > 0, mayTake(role, amount, receiverPosition, kind) else { continue }
                search.roomy = true
                guard budget > 0 else { break }
                budget -= 1
                let receiver = context.org.people[receiverPosition]
                var newReceiver = receiver
                var edit: Edit
                // What the wearers give afterwards: a new wearer shrinks everyone else's
                // equal share, so it may help less than its hours, or not at all.
                var after = context.wearing(role)
                if let hat = receiver.hat(for: role) {
                    let total = context.hours.hours(of: hat) + amount
                    setHours(&newReceiver, role: role, total)
                    edit = .setHatHours(person: receiver.id, role: role, hours: total)
                    if hat.hoursPerWeek == nil { after.equalShare -= 1; after.explicitHours += total } else { after.explicitHours += amount }
                } else {
                    let given = Hat(role: role, hoursPerWeek: amount)
                    newReceiver.hats.append(given)
                    edit = .addHat(person: receiver.id, hat: given)
                    after.count += 1
                    after.explicitHours += amount
                }
                let still = max(0, roleHours - after.given(roleHours))
                guard still < short - 0.25 else { continue }
                guard let loads = verify([newReceiver], at: [receiverPosition], role: role, receiver: receiver.id, tolerating: [.understaffedRole]) else { search.refused = true; continue }
                let rest = still >= Rules.minimumShortfall ? " (still \(Rules.shortMessage(still, fullTime: context.policy.hoursPerWeek)) — a hire)" : ""
                let text: String
                switch kind {
                case .provider: text = "Ask \(receiver.name) for \(Format.hours(amount)) more of \(roleName): an outside provider who already does it, so it costs money\(rest)"
                case .wearer: text = "Have \(receiver.name) give \(roleName) \(Format.hours(amount)) more: \(change(receiver, loads))\(rest)"
                case .newcomer: text = "Give \(receiver.name) \(Format.hours(amount)) of \(roleName): \(change(receiver, loads))\(rest)"
                }
                let suggestion = Suggestion(text: text, edit: edit, change: SuggestionChange(kind: .give, role: role, from: nil, to: receiver.id, hours: amount),
                                            partial: !rest.isEmpty)
                if still < Rules.minimumShortfall { return Advice(suggestion) }
                if best == nil || still < (best?.1 ?? .infinity) { best = (suggestion, still) }
            }
        }
        if let (suggestion, _) = best { return Advice(suggestion) }
        return search.advice(self, roles: [role], for: nil)
    }

    // MARK: - Verification

    /// Re-runs the rules the change touches. Returns the changed people's loads, or nil if
    /// the change creates or worsens any finding (but one of `tolerating` about the role),
    /// or pushes an internal receiver over the warning line. Changed people may only differ
    /// from the org in their hat for `role`.
    /// `positions`: the changed people's places in the org, which every caller knows (a
    /// lookup by id is a cache miss in a large org's index).
    private func verify(_ changed: [Person], at positions: [Int], role: String, receiver: String, tolerating: Set<Finding.Rule> = []) -> ChangedLoads? {
        precondition(positions.count == changed.count, "a position for each changed person")
        // `context.org` and `context.policy` read where needed: a local copy of either is a
        // retain and a release of each of its parts at every verification.
        // Roles read in place by position (a copy of a whole Role is a retain of each part).
        guard let rolePosition = context.org.position(ofRole: role) else { return nil }
        let target = context.org.roles[rolePosition].escalatesTo
        // The changed person with an id, if any (the last, as a dictionary would keep): a
        // change touches one or two people, so a search, not a table of copies.
        func replaced(_ id: String) -> Int? { changed.lastIndex { $0.id == id } }

        // Who wears `role` after the change, summed up. The people as they are now are read
        // in place, by position (a copy of each whole Person was a tenth of this function).
        let people = context.org.people
        var wearing = context.wearing(role)
        // One or two ids: a list, not a hashed set.
        var removed: [String] = []
        var added: [String] = []
        // By index: `for person in changed` copies each one.
        for index in changed.indices {
            let position = positions[index]
            let (before, after) = (people[position].hat(for: role), changed[index].hat(for: role))
            if before != nil && after == nil { wearing.count -= 1; removed.append(changed[index].id) }
            if before == nil && after != nil { wearing.count += 1; added.append(changed[index].id) }
            if let before {
                if let explicit = before.hoursPerWeek { wearing.explicitHours -= explicit } else { wearing.equalShare -= 1 }
            }
            if let after {
                if let explicit = after.hoursPerWeek { wearing.explicitHours += explicit } else { wearing.equalShare += 1 }
            }
            if let target {
                wearing.alsoWearingTarget += (after != nil && changed[index].wears(target) ? 1 : 0) - (before != nil && people[position].wears(target) ? 1 : 0)
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
        func isOpen(_ id: String) -> Bool { replaced(id).map { changed[$0].open } ?? context.org.position(ofPerson: id).map { people[$0].open } ?? false }
        if wearing.open == 0, !added.contains(where: isOpen) {
            wearing.soleFilledWearer = wearing.soleWearer
        } else {
            // Open positions among the wearers: rare, so counted afresh rather than tracked.
            let now = context.hours.wearers(ofRole: role).filter { !removed.contains($0) } + added
            let filled = now.filter { !isOpen($0) }
            wearing.open = now.count - filled.count
            wearing.soleFilledWearer = filled.count == 1 ? filled.first : nil
        }

        let share = context.hours.hours(ofRole: role) / Double(max(wearing.count, 1))
        // The closure holds the advisor (a class: one retain), not a copy of the hours
        // (a retain and a release of each of their tables).
        let hatHours: (Hat) -> Double = { [unowned self] hat in
            hat.hoursPerWeek ?? (hat.role == role ? share : context.hours.hours(of: hat))
        }
        // Equal-share wearers get more when the count drops; when it rises they only get less.
        var sharers: [Int] = []
        if wearing.count < oldWearers {
            let ids = context.equalShareWearers[role] ?? []
            guard ids.count <= Self.sharerLimit else { return nil }
            sharers = ids.filter { replaced($0) == nil }.compactMap { context.org.position(ofPerson: $0) }
        }
        var loads = ChangedLoads()
        // The changed people, then the sharers (read in place).
        func check(_ person: Person, at position: Int) -> Bool {
            let load = PersonLoad(person: person, hours: context.hours, policy: context.policy, hatHours: hatHours)
            if person.id == receiver, !person.external, !(load.load <= context.policy.warnAt) { return false }
            // Nobody already over the line is pushed further over it (a sharer whose
            // equal share grows).
            if !person.external, load.load > context.policy.warnAt, load.load > context.loads[position].load + 1e-9 { return false }
            guard createsNothing(Rules.personFindings(person, load: load, context: context, hatHours: hatHours, explained: false, position: position), aboutPersonAt: position) else { return false }
            loads.set(person.id, load.load, before: context.loads[position].load)
            return true
        }
        for index in changed.indices {
            guard check(changed[index], at: positions[index]) else { return nil }
        }
        for position in sharers {
            guard check(people[position], at: position) else { return nil }
        }

        let targetWearers = target.map { context.wearing($0).count } ?? 0
        let roleAfter = Rules.roleFindings(context.org.roles[rolePosition], wearing: wearing, targetWearers: targetWearers, context: context).filter { !tolerating.contains($0.rule) }
        guard createsNothing(roleAfter, about: .role, role) else { return nil }
        // Roles that escalate to `role`: their target's wearers changed.
        for roleId in context.escalatingTo[role] ?? [] {
            guard let escalating = context.org.position(ofRole: roleId) else { continue }
            var summary = context.wearing(roleId)
            for index in changed.indices {
                let old = people[positions[index]].hats
                let wore = old.contains { $0.role == roleId }
                let wears = changed[index].wears(roleId)
                guard wears || wore else { continue }
                summary.alsoWearingTarget += (wears && changed[index].wears(role) ? 1 : 0) - (wore && old.contains { $0.role == role } ? 1 : 0)
            }
            guard createsNothing(Rules.roleFindings(context.org.roles[escalating], wearing: summary, targetWearers: wearing.count, context: context), about: .role, roleId) else { return nil }
        }
        for dutyPosition in context.dutiesOfRole[role] ?? [] {
            let found = Rules.dutyFindings(context.org.duties[dutyPosition], wearing: { $0 == role ? wearing : context.wearing($0) }, context: context).filter { !tolerating.contains($0.rule) }
            guard createsNothing(found, about: .duty, context.org.duties[dutyPosition].id) else { return nil }
        }
        return loads
    }

    /// Whether `after` (a subject's findings after a change) has nothing that is not
    /// already there about that subject, or is more severe than it.
    private func createsNothing(_ after: [Finding], about kind: Finding.Subject.Kind, _ id: String) -> Bool {
        guard !after.isEmpty else { return true }
        return createsNothing(after, comparedWith: findings.about(kind, id, in: context.org))
    }

    /// The same for the person at `position`.
    private func createsNothing(_ after: [Finding], aboutPersonAt position: Int) -> Bool {
        guard !after.isEmpty else { return true }
        return createsNothing(after, comparedWith: findings.people[position])
    }

    private func createsNothing(_ after: [Finding], comparedWith before: [Finding]) -> Bool {
        after.allSatisfy { finding in
            before.contains { $0.rule == finding.rule && $0.detail == finding.detail && finding.severity <= $0.severity }
        }
    }

    // MARK: - Helpers

    private func setHours(_ person: inout Person, role: String, _ hours: Double) {
        if let index = person.hats.firstIndex(where: { $0.role == role }) {
            person.hats[index].hoursPerWeek = hours
        }
    }

    private func change(_ person: Person, _ loads: ChangedLoads) -> String {
        var text: [UInt8] = []
        appendChange((person.id, person.name), loads, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// "Dana Reyes 166 % → 86 %"
    private func appendChange(_ person: (id: String, name: String), _ loads: ChangedLoads, to text: inout [UInt8]) {
        // The load before from the verification (no lookup by id), else from the org.
        let change = loads[person.id]
        let before = change?.before ?? context.loads[context.org.position(ofPerson: person.id) ?? 0].load
        let after = change?.load ?? before
        text += person.name.utf8
        text += " ".utf8
        Format.appendPercent(before, to: &text)
        text += " → ".utf8
        Format.appendPercent(after, to: &text)
    }
}

/// Hours rounded up or down to the half hour: the grain of every amount the advisor and
/// the plan offer.
func halfHoursUp(_ hours: Double) -> Double { (hours * 2).rounded(.up) / 2 }
func halfHoursDown(_ hours: Double) -> Double { max(0, (hours * 2).rounded(.down) / 2) }

/// A suggestion, or why there is none.
public struct Advice: Equatable, Sendable {
    public var suggestion: Suggestion?
    /// Why there is no suggestion ("nobody else can take on …"); nil when there is one.
    public var reason: String?

    init(_ suggestion: Suggestion) {
        self.suggestion = suggestion
        reason = nil
    }

    init(reason: String) {
        suggestion = nil
        self.reason = reason
    }
}

/// What a search saw, to say why it found nothing.
struct SearchNotes {
    /// Positions of people who can take the work on.
    /// (A list, made a set only when the search found nothing: most searches succeed, and
    /// a set per search was a hashing and an allocation for nothing.)
    var fit: [Int] = []
    /// Whether anyone who can take it on had the room.
    var roomy = false
    /// Whether a change that fits was refused for creating another finding.
    var refused = false
    /// Whether the search was for a deputy (cover for a leadership role): a leader is not
    /// hired to cover a leader.
    var deputy = false

    func advice(_ advisor: Advisor, roles: [String], for person: String?) -> Advice {
        let fit = Set(self.fit)
        let org = advisor.context.org
        let names = roles.map { advisor.context.roleName($0) }
        let work = person.map { "\($0)'s work (\(names.joined(separator: ", ")))" } ?? names.joined(separator: " or ")
        if fit.isEmpty {
            guard advisor.byRoom.count > (person == nil ? 0 : 1) || org.people.contains(where: { !$0.external && $0.name != person }) else {
                return Advice(reason: "there is nobody in the org yet who could take on \(work)")
            }
            let subjects = roles.compactMap { org.role($0) }
            var who = ["wears it", "a related role"]
            let kinds = Set(subjects.compactMap(Hours.kindOfWork)).sorted()
            if !kinds.isEmpty { who.append("a role of its kind of work (\(kinds.joined(separator: ", ")))") }
            var needs: [String] = []
            if let tier = subjects.compactMap(\.tier).max() { needs.append("is at tier \(max(0, tier - 1)) or above") }
            if subjects.contains(where: { !($0.requires?.isEmpty ?? true) }) { needs.append("meets its requirements") }
            if roles.contains(where: advisor.kinship.isLeadership) { needs.append("already does leadership work") }
            let also = needs.isEmpty ? "" : " and \(needs.joined(separator: " and "))"
            if deputy {
                return Advice(reason: "nobody else can stand in for \(work): no one available \(Self.list(who, "or"))\(also) — choose a deputy and write down what they may decide (hats does not hire a leader: that is your call)")
            }
            return Advice(reason: "nobody else can take on \(work): no one available \(Self.list(who, "or"))\(also) — this needs a hire")
        }
        let who = fit.sorted().prefix(3).map { org.people[$0].name }
        if !roomy {
            let list = Self.list(who + (fit.count > 3 ? ["\(fit.count - 3) more"] : []), "and")
            if deputy {
                // A deputy who is at the limit already could not stand in.
                let can = fit.count == 1 ? "could but is at the limit already" : "could but are at the limit already"
                return Advice(reason: "nobody who can stand in for \(work) is free to (\(list) \(can)) — name a deputy once one of them has room (hats does not hire a leader: that is your call)")
            }
            let can = fit.count == 1 ? "can take it on but has no room" : "can take it on but have no room"
            return Advice(reason: "nobody who can take on \(work) has room for it (\(list) \(can)) — this needs a hire")
        }
        return Advice(reason: "every change that would help \(refused ? "creates another finding (a role conflict, too many hats or duties, or a role left short)" : "was outside the search's bounds")")
    }

    static func list(_ items: [String], _ word: String) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " \(word) " + (items.last ?? "")
    }
}

/// Which roles are kin for the fit rule: related (either side's `related`), next to each
/// other in an escalation chain (`escalatesTo` either way), or of the same kind of work.
///
/// Kept by role number (`number(of:)`): the advisor asks about every hat of every
/// candidate, and answering by id hashed each role's id several times per hat.
struct Kinship {
    /// Every role id the org names (its roles, then ids only referred to), by number.
    private var numbers = IDMap<Int>()
    private var ids: [String] = []
    private var linked: [Set<Int>] = []
    /// The kind of work of each role, as a number (-1: none).
    private var kind: [Int] = []
    private var rolesOfKind: [[Int]] = []
    private var leadership: [Bool] = []
    private var tiers: [Int] = []

    init(_ org: Org) {
        for role in org.roles { _ = number(adding: role.id) }
        var kinds: [String: Int] = [:]
        for role in org.roles {
            let number = numbers[role.id] ?? 0
            if let tier = role.tier { tiers[number] = tier }
            if Self.isLeadership(role) { leadership[number] = true }
            for other in role.related where other != role.id { link(number, self.number(adding: other)) }
            if let target = role.escalatesTo, target != role.id { link(number, self.number(adding: target)) }
            if let category = Hours.kindOfWork(role) {
                let key = category.lowercased()
                let kindNumber = kinds[key] ?? rolesOfKind.count
                if kindNumber == rolesOfKind.count {
                    kinds[key] = kindNumber
                    rolesOfKind.append([])
                }
                kind[number] = kindNumber
                rolesOfKind[kindNumber].append(number)
            }
        }
    }

    private mutating func number(adding id: String) -> Int {
        if let known = numbers[id] { return known }
        numbers[id] = ids.count
        ids.append(id)
        linked.append([])
        kind.append(-1)
        leadership.append(false)
        tiers.append(0)
        return ids.count - 1
    }

    private mutating func link(_ a: Int, _ b: Int) {
        linked[a].insert(b)
        linked[b].insert(a)
    }

    /// A role's number, or -1 for an id the org never names (kin to nothing, no tier, not
    /// leadership).
    func number(of role: String) -> Int { numbers[role] ?? -1 }

    /// A role with no kind of work and no relations: anyone may take it on.
    func isOpen(_ role: String) -> Bool {
        let number = number(of: role)
        return number < 0 || (kind[number] < 0 && linked[number].isEmpty)
    }

    /// Leadership work: a role of a leadership, management or executive kind, or one
    /// whose name is a leader's (owner, CEO, director, head, lead, service manager, …).
    static func isLeadership(_ role: Role) -> Bool {
        let kind = (Hours.kindOfWork(role) ?? "").lowercased()
        if ["leadership", "management", "executive"].contains(where: { kind.contains($0) }) { return true }
        let name = role.name.lowercased()
        let words = Set(name.split { !$0.isLetter }.map(String.init))
        if !words.isDisjoint(with: Self.leaderWords) { return true }
        return Self.leaderPhrases.contains { name.contains($0) }
    }

    static let leaderWords: Set<String> = ["owner", "ceo", "cio", "cto", "coo", "cfo", "ciso", "director", "head", "founder",
                                           "president", "chief", "lead", "vp", "principal"]
    static let leaderPhrases = ["service manager", "general manager", "operations manager", "it manager", "team manager",
                                "delivery manager", "managing partner"]

    func isLeadership(_ role: String) -> Bool { isLeadership(number(of: role)) }
    func isLeadership(_ number: Int) -> Bool { number >= 0 && leadership[number] }

    /// A role's tier, 0 when it has none.
    func tier(of role: String) -> Int { tier(of: number(of: role)) }
    func tier(of number: Int) -> Int { number >= 0 ? tiers[number] : 0 }

    func areKin(_ a: String, _ b: String) -> Bool {
        a == b || areKin(number(of: a), number(of: b))
    }

    /// `areKin` by number (distinct ids: the same id is always kin).
    func areKin(_ a: Int, _ b: Int) -> Bool {
        guard a >= 0, b >= 0 else { return false }
        if a == b { return true }
        // Leaders can stand in for one another (the service manager as the owner's deputy).
        if leadership[a], leadership[b] { return true }
        if linked[a].contains(b) { return true }
        return kind[a] >= 0 && kind[a] == kind[b]
    }

    /// The roles kin to `role`, linked ones first.
    func kin(of role: String) -> [String] {
        let number = number(of: role)
        guard number >= 0 else { return [] }
        var result = linked[number].map { ids[$0] }.sorted()
        if kind[number] >= 0 {
            result += rolesOfKind[kind[number]].filter { $0 != number && !linked[number].contains($0) }.map { ids[$0] }
        }
        if leadership[number] {
            let leaders = leadership.indices.filter { leadership[$0] }.map { ids[$0] }.sorted()
            result += leaders.filter { $0 != role && !result.contains($0) }
        }
        return result
    }
}

/// The loads a verified change leaves its people with, by id: a change touches one or two
/// people and a few sharers, so a list searched from its end (the latest, as a dictionary
/// would keep), not a hashed table of whole `PersonLoad`s.
struct ChangedLoads {
    private var entries: [(id: String, load: Double, before: Double)] = []

    /// The load after the change, and before it.
    subscript(id: String) -> (load: Double, before: Double)? {
        entries.last { $0.id == id }.map { ($0.load, $0.before) }
    }

    mutating func set(_ id: String, _ load: Double, before: Double) {
        entries.append((id, load, before))
    }
}

/// The advisor's memo of `rankedNewcomers`: a class, so copies of the advisor share it.
final class RankedPools: Sendable {
    let pools = Locked<[String: [(position: Int, fits: Bool)]]>([:])
}

/// The available internal wearers of each role with the most room (`Advisor.roomiest`),
/// kept across advisers by a caller that forgets a role's entry whenever its wearers, or
/// the room of one of them, change (the staffing plan, step by step).
final class RoomiestCache: Sendable {
    let wearers = Locked<[String: [Int]]>([:])
    /// The advisor's pools for everyone (the people with the most room, the providers, the
    /// fits), kept while no step changes them.
    let pools = Locked<AdvisorPools?>(nil)

    func forget<Roles: Sequence>(_ roles: Roles) where Roles.Element == String {
        wearers.withLock { known in for role in roles { known[role] = nil } }
    }

    func forgetAll() {
        wearers.withLock { $0 = [:] }
        pools.withLock { $0 = nil }
    }

    /// The people at `positions` have new numbers (`loads`, by position; someone added is
    /// the last): the pools are forgotten when that can change them — one of them is among
    /// the people with the most room or a provider, or now has as much room as the last of
    /// those (or there are fewer of those than the advisor takes).
    func changed(_ positions: [Int], loads: [PersonLoad]) {
        pools.withLock { pools in
            guard let known = pools else { return }
            for position in positions {
                let load = loads[position]
                if load.external || known.byRoom.contains(position) || !(known.lastRoom.map { load.room < $0 } ?? false) {
                    pools = nil
                    return
                }
            }
        }
    }
}

/// An advisor's pools for everyone, which `RoomiestCache` keeps between advisers.
struct AdvisorPools {
    /// The available internal people with the most room, most first.
    var byRoom: [Int]
    /// The room of the last of `byRoom` when it is full (nil: fewer people than it takes).
    var lastRoom: Double?
    /// External providers wearing each role, by position.
    var providers: IDMap<[Int]>
    /// What the fit rule asks of anyone taking on each role.
    var fits: IDMap<Advisor.Fit>

    init(byRoom: [Int], lastRoom: Double?, providers: IDMap<[Int]>, fits: IDMap<Advisor.Fit>) {
        self.byRoom = byRoom
        self.lastRoom = lastRoom
        self.providers = providers
        self.fits = fits
    }

    /// The pools of the org in `context`, by one pass over everyone (not a sort).
    init(_ context: CheckContext, unavailable: Set<String>, kinship: Kinship) {
        let people = context.org.people
        var top = TopPositions(limit: Advisor.candidateLimit + Advisor.nearbyLimit)
        var providers = IDMap<[Int]>()
        // Fields read in place: `enumerated()` copied each whole Person.
        for position in people.indices {
            if people[position].external {
                for hat in people[position].hats { providers.update(hat.role, default: []) { $0.append(position) } }
                continue
            }
            guard unavailable.isEmpty || !unavailable.contains(people[position].id) else { continue }
            top.offer(position, context.loads[position].room)
        }
        var fits = IDMap<Advisor.Fit>(minimumCapacity: context.org.roles.count)
        for position in context.org.roles.indices {
            let id = context.org.roles[position].id
            if fits[id] == nil { fits[id] = Advisor.Fit(id, in: context.org, kinship: kinship) }
        }
        self.init(byRoom: top.positions, lastRoom: top.entries.count == top.limit ? top.entries.last?.value : nil,
                  providers: providers, fits: fits)
    }
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

/// Receivers in the order of the hours they can take, most first (ties: the order they
/// were offered in), with each one's exact hours computed only when the order reaches it:
/// `bound` is never less than what `exact` gives, so a candidate whose exact hours beat
/// every bound still waiting is the next one.
struct RoomOrder: Sequence, IteratorProtocol {
    private var waiting: [(position: Int, kind: Advisor.Receiver, bound: Double, index: Int)]
    private var cursor = 0
    private var ready: [(position: Int, amount: Double, index: Int)] = []
    private let exact: (Int, Advisor.Receiver) -> Double?

    init(_ candidates: [(Int, Advisor.Receiver, Double)], exact: @escaping (Int, Advisor.Receiver) -> Double?) {
        // One list, sorted in place (a map, a filter and a sort made three).
        var waiting: [(position: Int, kind: Advisor.Receiver, bound: Double, index: Int)] = []
        waiting.reserveCapacity(candidates.count)
        for index in candidates.indices where candidates[index].2 > 0 {
            waiting.append((candidates[index].0, candidates[index].1, candidates[index].2, index))
        }
        waiting.sort { $0.bound != $1.bound ? $0.bound > $1.bound : $0.index < $1.index }
        self.waiting = waiting
        ready.reserveCapacity(waiting.count)
        self.exact = exact
    }

    mutating func next() -> (Int, Double)? {
        while true {
            let best = ready.indices.max { a, b in
                ready[a].amount != ready[b].amount ? ready[a].amount < ready[b].amount : ready[a].index > ready[b].index
            }
            if cursor < waiting.count {
                let candidate = waiting[cursor]
                let beaten = best.map { ready[$0].amount > candidate.bound || (ready[$0].amount == candidate.bound && ready[$0].index < candidate.index) } ?? false
                if !beaten {
                    cursor += 1
                    if let amount = exact(candidate.position, candidate.kind) { ready.append((candidate.position, amount, candidate.index)) }
                    continue
                }
            }
            guard let best else { return nil }
            let found = ready.remove(at: best)
            return (found.position, found.amount)
        }
    }
}
