/// The checker's rules, one function per kind of subject, so that a suggestion can be
/// verified by re-running exactly the rules its change touches.
/// Who wears a role, summed up: all the role rules need, and cheap to adjust when a
/// suggestion changes a few people.
struct RoleWearing: Equatable {
    var count = 0
    /// The wearer, when there is exactly one.
    var soleWearer: String?
    /// How many wearers also wear the role's escalation target.
    var alsoWearingTarget = 0
    /// The hours of the wearers' hats that give hours of their own.
    var explicitHours = 0.0
    /// Wearers whose hat takes an equal share of the role's hours.
    var equalShare = 0
    /// Wearers who are open positions: planned hires, nobody there yet.
    var open = 0
    /// The one wearer who is not an open position, when there is exactly one.
    var soleFilledWearer: String?

    /// Wearers who are people already there.
    var filled: Int { count - open }

    /// The hours the wearers give a role of `roleHours` a week.
    func given(_ roleHours: Double) -> Double {
        count == 0 ? 0 : explicitHours + Double(equalShare) * roleHours / Double(count)
    }
}

enum Rules {
    // MARK: - People

    /// `explained: false` leaves out what only an explanation's text needs (the kinds of
    /// work of an overload, the names of too many hats): the advisor compares the findings
    /// of each change it tries by rule, detail and severity, and shows none of them.
    /// `position`: the person's in the org, when the caller knows it (else looked up).
    static func personFindings(_ person: Person, load: PersonLoad, context: CheckContext, hatHours: ((Hat) -> Double)? = nil,
                               explained: Bool = true, position: Int? = nil) -> [Finding] {
        let policy = context.policy
        let org = context.org
        let subject = Finding.Subject(kind: .person, id: person.id, name: person.name)
        var findings: [Finding] = []

        // role-conflict applies to external providers too: a conflict is about the roles.
        for conflict in policy.conflicts where conflict.roles.count == 2 {
            let (first, second) = (conflict.roles[0], conflict.roles[1])
            guard person.wears(first), person.wears(second) else { continue }
            findings.append(Finding(rule: .roleConflict, severity: .warning, subject: subject,
                explanation: .roleConflict(person: person.name, first: context.roleName(first), second: context.roleName(second), reason: conflict.reason),
                detail: "\(first)+\(second)"))
        }
        guard !person.external else { return findings }

        if let severity = load.severity(under: policy) {
            let contexts = explained && policy.switching == .weighted ? context.hours.contexts(of: person, hatHours: hatHours) : []
            findings.append(Finding(rule: .overload, severity: severity, subject: subject, explanation: .overload(person: person.name, load: load, contexts: contexts)))
        }
        let worn = person.hats.count
        if worn > policy.maxHats {
            findings.append(Finding(rule: .tooManyHats, severity: .warning, subject: subject,
                explanation: .tooManyHats(person: person.name, roles: explained ? person.hats.map { context.roleName($0.role) } : [], allowed: policy.maxHats)))
        }
        let duties = person.hats.reduce(0) { $0 + context.hours.dutyCount(ofRole: $1.role) }
        if duties > policy.maxDuties {
            findings.append(Finding(rule: .tooManyDuties, severity: .warning, subject: subject,
                explanation: .tooManyDuties(person: person.name, duties: duties, hats: worn, allowed: policy.maxDuties)))
        }
        let reports = (position ?? context.org.position(ofPerson: person.id)).map { context.directReports($0) } ?? 0
        if reports > policy.maxDirectReports {
            findings.append(Finding(rule: .spanOfControl, severity: .warning, subject: subject,
                explanation: .spanOfControl(person: person.name, reports: reports, allowed: policy.maxDirectReports)))
        }
        for hat in person.hats where context.anyRoleRequires {
            // The role read in place: most have no requirements, and a copy of each whole
            // Role (its strings and lists) cost more than the check.
            guard let position = org.position(ofRole: hat.role), let requires = org.roles[position].requires else { continue }
            let gaps = qualificationGaps(person, requires)
            guard !gaps.isEmpty else { continue }
            let role = org.roles[position]
            findings.append(Finding(rule: .qualification, severity: .info, subject: subject,
                explanation: .qualification(person: person.name, role: role.name, gaps: gaps), detail: role.id))
        }
        return findings
    }

    static func overloadMessage(_ person: String, _ load: PersonLoad, _ contexts: [WorkContext]) -> String {
        var bytes: [UInt8] = []
        appendOverloadMessage(person, load, contexts, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `overloadMessage` written as UTF-8: a large org's report has tens of thousands, and
    /// a String appended part by part cost some 300 instructions a part.
    static func appendOverloadMessage(_ person: String, _ load: PersonLoad, _ contexts: [WorkContext], to text: inout [UInt8]) {
        func hours(_ value: Double) {
            Format.appendOneDecimal(value, to: &text)
            text += " h".utf8
        }
        func hats() {
            text += Format.grouped(load.hats).utf8
            text += (load.hats == 1 ? " hat" : " hats").utf8
        }
        text.reserveCapacity(text.count + person.utf8.count + 240)
        text += person.utf8
        text += ": ".utf8
        hours(load.allocatedHours)
        text += (load.hats == 1 ? " on " : " across ").utf8
        hats()
        if !load.load.isFinite {
            text += ", but a capacity of ".utf8
            hours(load.capacityHours)
            text += (load.hats == 1 ? " leaves no time for it" : " leaves no time for them").utf8
            return
        }
        // A kind with no hours (a deputy's hat of 0 h) is not switched to.
        let worked = contexts.filter { $0.hours > 0 }
        let switching = load.switchLoss > 0
        let partial = load.availability < 1
        guard switching || partial else {
            text += " in a ".utf8
            hours(load.capacityHours)
            text += " week — ".utf8
            Format.appendPercent(load.load, to: &text)
            return
        }
        text += "; ".utf8
        if switching {
            text += "switching between ".utf8
            if worked.count > 1 {
                Format.appendInteger(worked.count, to: &text)
                text += " kinds of work (".utf8
                for index in worked.indices {
                    if index > 0 { text += ", ".utf8 }
                    text += worked[index].name.utf8
                    text.append(UInt8(ascii: " "))
                    hours(worked[index].hours)
                }
                text += ")".utf8
            } else {
                hats()
            }
            text += " costs ".utf8
            Format.appendPercent(load.switchLoss, to: &text)
        }
        if partial {
            if switching { text += "; ".utf8 }
            Format.appendPercent(load.availability, to: &text)
            text += " of the week can be planned".utf8
        }
        text += ", leaving ".utf8
        hours(load.effectiveHours)
        text += " of a ".utf8
        hours(load.capacityHours)
        text += " week — ".utf8
        Format.appendPercent(load.load, to: &text)
    }

    /// "28.0 h short: 0.7 of a full-time person"
    static func shortMessage(_ short: Double, fullTime: Double) -> String {
        let people = fullTime > 0 ? short / fullTime : 0
        let count = Format.oneDecimal(people)
        if people < 0.05 { return "\(Format.hours(short)) short: under a tenth of a full-time person" }
        let inPeople = people < 0.95 ? "\(count) of a full-time person" : (count == "1.0" ? "1.0 full-time person" : "\(count) full-time people")
        return "\(Format.hours(short)) short: \(inPeople)"
    }

    /// McKinsey's (2017) archetypes of managers by span of control.
    static func spanName(_ reports: Int) -> String {
        switch reports {
        case ...5: "3–5 reports is a player/coach's span"
        case 6...7: "6–7 reports is a coach's span"
        case 8...10: "8–10 reports is a supervisor's span"
        case 11...15: "11–15 reports is a facilitator's span"
        default: "more than 15 reports is a coordinator's span"
        }
    }

    /// What the person lacks for a role's requirements, in words; empty when qualified.
    static func qualificationGaps(_ person: Person, _ requires: Requirements) -> [String] {
        let held = Set(person.certifications.map(normalised))
        var gaps: [String] = []
        let missing = requires.certifications.filter { !held.contains(normalised($0)) }
        if !missing.isEmpty { gaps.append("lacks \(missing.joined(separator: ", "))") }
        if !requires.anyCertification.isEmpty, !requires.anyCertification.contains(where: { held.contains(normalised($0)) }) {
            gaps.append("holds none of \(requires.anyCertification.joined(separator: " or "))")
        }
        if let minYears = requires.minYears, minYears > 0 {
            if let years = person.yearsExperience {
                if years < minYears {
                    gaps.append("has \(Format.years(years)) of experience (it asks for \(JSONWriter.formatNumber(minYears)))")
                }
            } else {
                gaps.append("has no years of experience recorded (it asks for \(JSONWriter.formatNumber(minYears)))")
            }
        }
        return gaps
    }

    /// Whether `person` meets `requires`: the same rule as `qualificationGaps(…).isEmpty`,
    /// without building the messages (the advisor asks it of many candidates).
    static func meets(_ person: Person, _ requires: Requirements) -> Bool {
        if let minYears = requires.minYears, minYears > 0 {
            guard let years = person.yearsExperience, years >= minYears else { return false }
        }
        if requires.certifications.isEmpty, requires.anyCertification.isEmpty { return true }
        let held = Set(person.certifications.map(normalised))
        guard requires.certifications.allSatisfy({ held.contains(normalised($0)) }) else { return false }
        return requires.anyCertification.isEmpty || requires.anyCertification.contains { held.contains(normalised($0)) }
    }

    private static func normalised(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    // MARK: - Roles

    /// A role is understaffed when its wearers give at least this many hours a week less
    /// than it needs.
    static let minimumShortfall = 1.0

    static func roleFindings(_ role: Role, wearing: RoleWearing, targetWearers: Int, context: CheckContext) -> [Finding] {
        let subject = Finding.Subject(kind: .role, id: role.id, name: role.name)
        var findings: [Finding] = []
        // An outside provider is a firm with its own cover: not a single point of failure.
        // An open position is no cover yet: the one person beside it is still the only one,
        // and a role worn only by open positions has nobody there today.
        if role.critical, wearing.filled == 1, !isProvider(wearing.soleFilledWearer, context) {
            findings.append(Finding(rule: .singlePointOfFailure, severity: .warning, subject: subject,
                explanation: .onlyHolderOfRole(holder: context.personName(wearing.soleFilledWearer ?? ""), role: role.name)))
        }
        if role.critical, wearing.count > 0, wearing.filled == 0 {
            findings.append(Finding(rule: .unfilledRole, severity: .warning, subject: subject,
                explanation: .coveredOnlyByOpen(subject: role.name, role: nil, positions: openWearers(role.id, context))))
        }
        let roleHours = context.hours.hours(ofRole: role.id)
        let duties = context.dutiesOfRole[role.id]?.count ?? 0
        if wearing.count == 0, roleHours > 0 || duties > 0 {
            findings.append(Finding(rule: .unfilledRole, severity: role.critical ? .critical : .warning, subject: subject,
                explanation: .unfilledRole(role: role.name, critical: role.critical, hours: roleHours, duties: duties)))
        }
        if wearing.count > 0, roleHours > 0 {
            let short = roleHours - wearing.given(roleHours)
            // 1e-9: hours summed in another order must not decide "exactly 1 h short".
            if short >= minimumShortfall - 1e-9 {
                let severe = role.critical && short >= 0.25 * roleHours - 1e-9
                findings.append(Finding(rule: .understaffedRole, severity: severe ? .critical : .warning, subject: subject,
                    explanation: .understaffedRole(role: role.name, critical: role.critical, needs: roleHours, given: roleHours - short,
                                                   wearers: wearing.count, fullTime: context.policy.hoursPerWeek)))
            }
        }
        if let target = role.escalatesTo, wearing.count > 0 {
            let targetName = context.roleName(target)
            if targetWearers == 0 {
                findings.append(Finding(rule: .escalation, severity: .warning, subject: subject,
                    explanation: .escalationToNobody(role: role.name, target: targetName)))
            } else if wearing.alsoWearingTarget == wearing.count {
                findings.append(Finding(rule: .escalation, severity: .warning, subject: subject,
                    explanation: .escalationToSamePeople(role: role.name, target: targetName)))
            }
        }
        return findings
    }

    // MARK: - Duties

    static func dutyFindings(_ duty: Duty, wearing: (String) -> RoleWearing, context: CheckContext) -> [Finding] {
        let subject = Finding.Subject(kind: .duty, id: duty.id, name: duty.name)
        guard let roleId = duty.role else {
            return [Finding(rule: .unownedDuty, severity: duty.critical ? .critical : .warning, subject: subject,
                explanation: .unownedDuty(duty: duty.name, critical: duty.critical))]
        }
        guard duty.critical, let role = context.org.role(roleId), !role.critical else { return [] }
        let holders = wearing(roleId)
        if holders.count > 0, holders.filled == 0 {
            return [Finding(rule: .unfilledRole, severity: .warning, subject: subject,
                explanation: .coveredOnlyByOpen(subject: quoted(duty.name), role: role.name, positions: openWearers(roleId, context)))]
        }
        guard holders.filled == 1, !isProvider(holders.soleFilledWearer, context) else { return [] }
        return [Finding(rule: .singlePointOfFailure, severity: .warning, subject: subject,
            explanation: .onlyHolderOfDuty(holder: context.personName(holders.soleFilledWearer ?? ""), duty: duty.name, role: role.name))]
    }

    /// The names of the open positions wearing a role, in file order.
    static func openWearers(_ role: String, _ context: CheckContext) -> [String] {
        context.hours.wearers(ofRole: role).compactMap { id in
            context.org.person(id).flatMap { $0.open ? $0.name : nil }
        }
    }

    static func quoted(_ text: String) -> String { "“\(text)”" }

    static func isProvider(_ id: String?, _ context: CheckContext) -> Bool {
        id.flatMap { context.org.person($0) }?.external ?? false
    }
}
