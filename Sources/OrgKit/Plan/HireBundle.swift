/// One hire the plan proposes: an open position and the work it takes over.
///
/// The bundle starts from one load finding (the seed) and adds work while it fits:
/// - **no leadership work** (hiring a leader is the owner's call, not arithmetic);
/// - hats of **one kind of work, or two related ones** (a role of the second kind must be
///   related to, or escalate to or from, a role already in the bundle);
/// - **no role conflict** of the policy, at most `maxHats` hats and `maxDuties` duties;
/// - **at or under the warning line** after switching, at full time or, when the work is
///   small, at half or three quarters of it;
/// - from an overloaded person, **lower-tier work first** (an L3 doing L1 work costs an
///   MSP far more than an L1 doing it), then work outside their main kind, then the most
///   hours; whole hats where the person keeps other work, else the fewest half hours that
///   bring them under the line.
/// The certifications and experience the bundle's roles require are what to hire for.
struct HireBundle {
    /// A piece of work taken: `hours` of `role`, from the person at `giver` (nil: hours a
    /// short or unfilled role lacks).
    struct Take {
        var role: String
        var hours: Double
        var giver: Int?
        /// The giver's whole hat.
        var whole: Bool
    }

    var hire: Plan.Hire
    var takes: [Take]
    var edit: Edit

    /// A load finding a hire could help with.
    struct Demand {
        var finding: Finding
        /// The overloaded person's position, or nil for a short or unfilled role.
        var person: Int?
        /// The role that is short or unfilled, and the hours it lacks.
        var role: String?
        var hours: Double
        /// How far below the person's own tier their lowest-tier handover-able work is.
        var tierGap: Int
    }

    /// The load findings left, in the order hires are tried for them: critical first, then
    /// the most lower-tier work on higher-tier people, then the most hours.
    static func demands(_ state: PlanState) -> [Demand] {
        let org = state.org
        let hours = state.live.hours
        let kinship = state.kinship
        var result: [Demand] = []
        for finding in state.loadFindings {
            switch finding.explanation {
            case .overload:
                guard let position = org.position(ofPerson: finding.subject.id) else { continue }
                let load = state.live.loads[position]
                let person = org.people[position]
                let own = person.hats.map { kinship.tier(of: $0.role) }.max() ?? 0
                let gap = person.hats.filter { !kinship.isLeadership($0.role) && hours.hours(of: $0) > 0 }
                    .map { Self.tierGap(own, kinship.tier(of: $0.role)) }.max() ?? 0
                result.append(Demand(finding: finding, person: position, role: nil,
                                     hours: max(0, load.allocatedHours - org.policy.warnAt * load.effectiveHours), tierGap: max(0, gap)))
            case .understaffedRole(_, _, let needs, let given, _, _):
                result.append(Demand(finding: finding, person: nil, role: finding.subject.id, hours: max(0, needs - given), tierGap: 0))
            case .unfilledRole(_, _, let roleHours, _):
                result.append(Demand(finding: finding, person: nil, role: finding.subject.id, hours: roleHours, tierGap: 0))
            default: continue
            }
        }
        // Sort positions, then move each demand once: demands hold findings, large values.
        return result.indices.sorted { a, b in
            let (x, y) = (result[a], result[b])
            if x.finding.severity != y.finding.severity { return x.finding.severity > y.finding.severity }
            if x.tierGap != y.tierGap { return x.tierGap > y.tierGap }
            if abs(x.hours - y.hours) > 1e-9 { return x.hours > y.hours }
            return a < b
        }.map { result[$0] }
    }

    /// How far below `own` (the highest tier a person works at) work of `tier` is; work
    /// with no tier is no one's lower-tier work.
    static func tierGap(_ own: Int, _ tier: Int) -> Int { tier > 0 ? max(0, own - tier) : 0 }

    /// The bundles to try for `seed`, best first: the seed's work with whatever else fits,
    /// then the seed's work alone. Why none could be made goes to `reasons`.
    static func options(seed: Demand, demands: [Demand], state: PlanState, number: Int, reasons: inout [String]) -> [HireBundle] {
        var builder = Builder(state: state, number: number)
        guard builder.add(seed, reasons: &reasons) else { return [] }
        let alone = builder
        for demand in demands where demand.finding.key != seed.finding.key {
            // A full hire takes nothing from an overloaded person (`relieve` finds no room
            // for any of their hats): skip the work of finding that out.
            if demand.person != nil, builder.isFull { continue }
            var ignored: [String] = []
            _ = builder.add(demand, reasons: &ignored)
        }
        var result: [HireBundle] = []
        if let full = builder.bundle() { result.append(full) }
        if builder.takes.count > alone.takes.count, let small = alone.bundle() { result.append(small) }
        return result
    }

    /// "Hire a full-time Level 1 Technician (“Hire 1”, an open position reporting to Sam
    /// Ortiz): Service Desk (Level 1) (12.0 h) from Raj Patel; hire for CompTIA A+"
    func text(in org: Org) -> String {
        let time = hire.fullTime ? "full-time" : "part-time (\(Format.hours(hire.hoursPerWeek)) a week)"
        let manager = hire.manager.flatMap(org.person).map { ", reporting to \($0.name)" } ?? ""
        let work = takes.map { take -> String in
            let role = org.role(take.role)?.name ?? take.role
            guard let giver = take.giver else { return "\(Format.hours(take.hours)) of \(role) (short)" }
            let name = org.people[giver].name
            return take.whole ? "\(role) (\(Format.hours(take.hours))) from \(name)" : "\(Format.hours(take.hours)) of \(role) from \(name)"
        }
        var text = "Hire a \(time) \(hire.title) (“\(hire.name)”, an open position\(manager)): \(work.joined(separator: ", "))"
        let needs = hire.needs
        if !needs.isEmpty { text += "; hire for \(needs)" }
        let carried = hire.hats.reduce(0) { $0 + ($1.hoursPerWeek ?? 0) }
        if carried < hire.hoursPerWeek / 2 {
            text += " — only \(Format.hours(carried)) of work: an outside provider or a few hours of someone's week may suit better than a hire"
        }
        return text
    }

    /// Puts a bundle together piece by piece.
    struct Builder {
        let state: PlanState
        let org: Org
        let hours: Hours
        let kinship: Kinship
        let number: Int
        var takes: [Take] = []
        /// Each giver as they would be after the takes so far.
        var givers: [Int: Person] = [:]
        var hats: [Hat] = []
        var kinds: [String] = []

        init(state: PlanState, number: Int) {
            self.state = state
            org = state.org
            hours = state.live.hours
            kinship = state.kinship
            self.number = number
        }

        var policy: Policy { org.policy }

        /// The hire's hours in a full week.
        var fullTime: Double { policy.hoursPerWeek }

        /// A role's kind of work, or the role itself when it has no kind.
        func kind(_ role: String) -> String {
            org.role(role).flatMap(Hours.kindOfWork).map { $0.lowercased() } ?? "role:" + role
        }

        /// Why the hire cannot take `role` on, or nil when it can.
        func refusal(_ role: String) -> String? {
            guard let subject = org.role(role) else { return "the role is not in the org" }
            if kinship.isLeadership(role) { return "\(subject.name) is leadership work: the plan does not hire a leader (that is your call)" }
            if hats.contains(where: { $0.role == role }) { return nil }
            let kind = kind(role)
            if !kinds.isEmpty, !kinds.contains(kind) {
                if kinds.count >= 2 { return "a hire carries at most two kinds of work" }
                guard hats.contains(where: { kinship.areKin($0.role, role) }) else { return "\(subject.name) is unrelated to the hire's other work" }
            }
            // One person's tier: work at most one tier apart (as the fit rule asks of anyone).
            let tier = kinship.tier(of: role)
            if tier > 0, let other = hats.map({ kinship.tier(of: $0.role) }).filter({ $0 > 0 }).first(where: { abs($0 - tier) > 1 }) {
                return "\(subject.name) (tier \(tier)) is too far from the hire's tier \(other) work"
            }
            for conflict in policy.conflicts where conflict.roles.count == 2 && conflict.roles.contains(role) {
                let other = conflict.roles[0] == role ? conflict.roles[1] : conflict.roles[0]
                if hats.contains(where: { $0.role == other }) { return "\(subject.name) conflicts with the hire's other work" }
            }
            if hats.count + 1 > policy.maxHats { return "a hire wears at most \(policy.maxHats) hats (the policy's limit)" }
            let duties = hats.reduce(0) { $0 + hours.dutyCount(ofRole: $1.role) } + hours.dutyCount(ofRole: role)
            if hours.dutyCount(ofRole: role) > 0, duties > policy.maxDuties { return "a hire holds at most \(policy.maxDuties) duties (the policy's limit)" }
            return nil
        }

        /// The hire as it stands, at `capacity` hours a week.
        func person(capacity: Double) -> Person {
            Person(id: "hire", name: "Hire", hoursPerWeek: capacity, open: true, hats: hats)
        }

        func hireLoad(capacity: Double? = nil) -> Double {
            PersonLoad(person: person(capacity: capacity ?? fullTime), hours: hours, policy: policy,
                       hatHours: { $0.hoursPerWeek ?? 0 }).load
        }

        /// The most hours of any role the full-time hire could still take, before
        /// switching: `room(for:)` never gives more.
        var roomBound: Double {
            halfHoursDown(max(0, policy.warnAt * fullTime * policy.availability - hats.reduce(0) { $0 + ($1.hoursPerWeek ?? 0) }))
        }

        /// Whether the hire has no room for another half hour of anything.
        var isFull: Bool { roomBound <= 0 }

        /// How many more hours of `role` the full-time hire could take at the line.
        func room(for role: String) -> Double {
            var low = 0.0
            var high = roomBound
            guard high > 0 else { return 0 }
            if fits(role, high) { return high }
            while high - low > 0.5 {
                let middle = halfHoursDown((low + high) / 2)
                if middle <= low { break }
                if fits(role, middle) { low = middle } else { high = middle }
            }
            return low
        }

        func fits(_ role: String, _ amount: Double) -> Bool {
            var copy = self
            copy.give(role, amount)
            return copy.hireLoad() <= policy.warnAt + 1e-9
        }

        mutating func give(_ role: String, _ amount: Double) {
            if let index = hats.firstIndex(where: { $0.role == role }) {
                hats[index].hoursPerWeek = (hats[index].hoursPerWeek ?? 0) + amount
            } else {
                hats.append(Hat(role: role, hoursPerWeek: amount))
                let kind = kind(role)
                if !kinds.contains(kind) { kinds.append(kind) }
            }
        }

        /// What a new wearer of `role` must take on top of `amount` so the role's other
        /// equal-share wearers, whose share shrinks when it has one wearer more, still
        /// leave it as covered as before.
        func shareCompensation(_ role: String) -> Double {
            guard !hats.contains(where: { $0.role == role }) else { return 0 }
            let wearers = hours.wearers(ofRole: role)
            let count = Double(wearers.count)
            guard count > 0 else { return 0 }
            let sharers = (state.live.context.equalShareWearers[role] ?? []).filter { id in
                // A giver whose hat is now explicit no longer shares.
                guard let position = org.position(ofPerson: id), let giver = givers[position] else { return true }
                return giver.hat(for: role)?.hoursPerWeek == nil && giver.wears(role)
            }
            let roleHours = hours.hours(ofRole: role)
            return Double(sharers.count) * (roleHours / count - roleHours / (count + 1))
        }

        /// Adds what the hire can take of `demand`; false (with why in `reasons`) if none.
        mutating func add(_ demand: Demand, reasons: inout [String]) -> Bool {
            if let position = demand.person { return relieve(position, reasons: &reasons) }
            guard let role = demand.role else { return false }
            if let refused = refusal(role) { reasons.append(refused); return false }
            let wanted = halfHoursUp(demand.hours) + shareCompensation(role)
            let amount = min(wanted, room(for: role))
            guard amount >= 0.5 || (wanted == 0 && hats.count < policy.maxHats) else {
                reasons.append("the hire has no room left for it")
                return false
            }
            give(role, amount)
            takes.append(Take(role: role, hours: amount, giver: nil, whole: false))
            return true
        }

        /// The giver at `position` as the takes so far leave them.
        func giver(_ position: Int) -> Person { givers[position] ?? org.people[position] }

        func giverLoad(_ person: Person) -> Double {
            PersonLoad(person: person, hours: hours, policy: policy, hatHours: { $0.hoursPerWeek ?? hours.hours(of: $0) }).load
        }

        /// Takes work off the overloaded person at `position` until they are at the line,
        /// or the hire is full.
        mutating func relieve(_ position: Int, reasons: inout [String]) -> Bool {
            var person = giver(position)
            guard giverLoad(person) > policy.warnAt else { return false }
            let own = person.hats.map { kinship.tier(of: $0.role) }.max() ?? 0
            // Their main kind: the one with the most hours.
            var byKind: [String: Double] = [:]
            for hat in person.hats { byKind[kind(hat.role), default: 0] += hours.hours(of: hat) }
            let main = byKind.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
            let order = person.hats.enumerated().map { index, hat in
                (hat: hat, hours: hat.hoursPerWeek ?? hours.hours(of: hat), gap: HireBundle.tierGap(own, kinship.tier(of: hat.role)), mainKind: kind(hat.role) == main, index: index)
            }.filter { $0.hours > 0 }.sorted { a, b in
                if a.gap != b.gap { return a.gap > b.gap }
                if a.mainKind != b.mainKind { return !a.mainKind }
                if abs(a.hours - b.hours) > 1e-9 { return a.hours > b.hours }
                return a.index < b.index
            }
            var took = false
            for item in order {
                guard giverLoad(person) > policy.warnAt + 1e-9 else { break }
                if let refused = refusal(item.hat.role) { reasons.append(refused); continue }
                let compensation = shareCompensation(item.hat.role)
                let room = room(for: item.hat.role)
                // Side work (below their tier, or not their main kind) goes whole while they
                // keep other work; their own work only in part.
                let keepsOther = person.hats.count > 1
                let side = item.gap > 0 || !item.mainKind
                var amount: Double
                var whole = false
                if keepsOther, side, item.hours <= room {
                    amount = item.hours
                    whole = true
                } else {
                    amount = least(person, item.hat, item.hours) ?? item.hours
                    if amount >= item.hours - 1e-9, keepsOther, item.hours <= room { whole = true }
                    amount = min(amount, item.hours)
                }
                // A part of an equal-share hat: the other sharers' share shrinks too.
                let extra = whole ? 0 : compensation
                if amount + extra > room {
                    amount = max(0, halfHoursDown(room - extra))
                    whole = false
                }
                guard amount >= 0.5 else { reasons.append("the hire has no room left for \(org.role(item.hat.role)?.name ?? item.hat.role)"); continue }
                if whole {
                    person.hats.removeAll { $0.role == item.hat.role }
                    give(item.hat.role, item.hours)
                } else {
                    if let index = person.hats.firstIndex(where: { $0.role == item.hat.role }) {
                        person.hats[index].hoursPerWeek = item.hours - amount
                    }
                    give(item.hat.role, amount + extra)
                }
                givers[position] = person
                takes.append(Take(role: item.hat.role, hours: whole ? item.hours : amount, giver: position, whole: whole))
                took = true
            }
            if !took, reasons.isEmpty { reasons.append("none of \(person.name)'s work can go to a hire") }
            return took
        }

        /// The fewest half hours of `hat` that bring `person` to the line, or nil when
        /// even all of them do not.
        func least(_ person: Person, _ hat: Hat, _ total: Double) -> Double? {
            func fits(_ amount: Double) -> Bool {
                var copy = person
                if let index = copy.hats.firstIndex(where: { $0.role == hat.role }) { copy.hats[index].hoursPerWeek = total - amount }
                return giverLoad(copy) <= policy.warnAt + 1e-9
            }
            guard fits(total) else { return nil }
            var low = 0.0, high = halfHoursUp(total)
            if high > total { high = total }
            while high - low > 0.5 {
                let middle = halfHoursUp((low + high) / 2)
                if middle >= high { break }
                if fits(middle) { high = middle } else { low = middle }
            }
            return high
        }

        /// The bundle as an open position and one edit, or nil when it takes nothing.
        func bundle() -> HireBundle? {
            guard !takes.isEmpty, !hats.isEmpty else { return nil }
            let total = hats.reduce(0) { $0 + ($1.hoursPerWeek ?? 0) }
            // The smallest usual week that carries the work at the line.
            var capacity = fullTime
            for fraction in [0.5, 0.75] {
                let hours = (fullTime * fraction).rounded()
                if hireLoad(capacity: hours) <= policy.warnAt + 1e-9 { capacity = hours; break }
            }
            _ = total
            // The main role names the position.
            var byRole: [String: Double] = [:]
            for hat in hats { byRole[hat.role, default: 0] += hat.hoursPerWeek ?? 0 }
            let mainRole = hats.max { (byRole[$0.role] ?? 0) < (byRole[$1.role] ?? 0) }?.role ?? hats[0].role
            var title = org.role(mainRole)?.name ?? mainRole
            // Work of a higher tier that asks for qualifications makes it a hybrid posting
            // ("Level 2 Technician / Level 3 Engineer", as MSPs write L2/L3): never an L2 title
            // with an L3's certifications hidden in the small print.
            let mainTier = kinship.tier(of: mainRole)
            if let higher = hats.map(\.role).filter({ kinship.tier(of: $0) > mainTier && org.role($0)?.requires != nil })
                .max(by: { kinship.tier(of: $0) < kinship.tier(of: $1) }), let name = org.role(higher)?.name {
                title += " / " + name
            }
            let id = OrgID.uniqueID("hire-" + OrgID.slug(org.role(mainRole)?.name ?? mainRole, fallback: "position")) { org.person($0) != nil }

            // Requirements: every certification, one of each choice, the most years.
            var certifications: [String] = []
            var choices: [[String]] = []
            var years: Double?
            for hat in hats {
                guard let requires = org.role(hat.role)?.requires else { continue }
                for name in requires.certifications where !certifications.contains(name) { certifications.append(name) }
                if !requires.anyCertification.isEmpty, !choices.contains(requires.anyCertification) { choices.append(requires.anyCertification) }
                if let minimum = requires.minYears { years = max(years ?? 0, minimum) }
            }
            // A choice already met by a certification hired for needs no second one.
            choices.removeAll { $0.contains(where: certifications.contains) }

            let manager = self.manager()
            let name = "Hire \(number)"
            let person = Person(id: id, name: name, title: title, reportsTo: manager, hoursPerWeek: capacity == fullTime ? nil : capacity,
                                open: true, certifications: certifications + choices.compactMap(\.first), yearsExperience: years, hats: hats)
            var edits: [Edit] = [.addPerson(person)]
            for (position, after) in givers.sorted(by: { $0.key < $1.key }) {
                let before = org.people[position]
                for hat in before.hats {
                    if let now = after.hat(for: hat.role) {
                        if now.hoursPerWeek != hat.hoursPerWeek { edits.append(.setHatHours(person: before.id, role: hat.role, hours: now.hoursPerWeek)) }
                    } else {
                        edits.append(.removeHat(person: before.id, role: hat.role))
                    }
                }
            }
            let hire = Plan.Hire(id: id, name: name, title: title, hoursPerWeek: capacity, fullTime: capacity == fullTime,
                                 manager: manager, hats: hats, hatHours: hats.map { $0.hoursPerWeek ?? 0 },
                                 certifications: certifications, anyCertification: choices, minYears: years,
                                 kinds: kinds.map { kind in kind.hasPrefix("role:") ? (org.role(String(kind.dropFirst(5)))?.name ?? kind) : (org.roles.lazy.compactMap(Hours.kindOfWork).first { $0.lowercased() == kind } ?? kind) })
            return HireBundle(hire: hire, takes: takes, edit: .batch(edits, label: "add \(name), an open position for \(title)"))
        }

        /// Whom the hire reports to: the manager of the person it relieves most (or that
        /// person, at the top of the chart), with room in their span of control; for work
        /// nobody carries, the manager of someone doing that kind of work.
        func manager() -> String? {
            var relieved: [Int: Double] = [:]
            for take in takes { if let giver = take.giver { relieved[giver, default: 0] += take.hours } }
            let children = state.live.context.children
            var candidates: [Int] = []
            if let most = relieved.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key {
                if let up = org.people[most].reportsTo.flatMap(org.position(ofPerson:)) {
                    candidates.append(up)
                    if let further = org.people[up].reportsTo.flatMap(org.position(ofPerson:)) { candidates.append(further) }
                }
                candidates.append(most)
            } else {
                for take in takes {
                    let wearers = hours.wearers(ofRole: take.role) + (kinship.kin(of: take.role).flatMap { hours.wearers(ofRole: $0) })
                    for id in wearers {
                        guard let position = org.position(ofPerson: id), !org.people[position].external, !org.people[position].open else { continue }
                        if let up = org.people[position].reportsTo.flatMap(org.position(ofPerson:)) { candidates.append(up) } else { candidates.append(position) }
                    }
                }
                if let root = org.people.indices.first(where: { org.people[$0].reportsTo == nil && !org.people[$0].external && !org.people[$0].open }) {
                    candidates.append(root)
                }
            }
            let pick = candidates.first { children[$0].count < policy.maxDirectReports } ?? candidates.first
            return pick.map { org.people[$0].id }
        }
    }
}
