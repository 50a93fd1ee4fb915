extension Org {
    /// Applies `edit` and returns the edit that undoes it. If the edit would break the org
    /// (an unknown id, a duplicate id, a reporting cycle, a bad number), it throws and the
    /// org is unchanged.
    @discardableResult
    public mutating func apply(_ edit: Edit) throws(EditError) -> Edit {
        switch edit {
        case .renameOrg(let name):
            let old = self.name
            self.name = name
            return .renameOrg(old)

        case .setPolicy(let policy):
            try check(OrgValidator.policyProblems(policy, hasRole: hasRole))
            let old = self.policy
            self.policy = policy
            return .setPolicy(old)

        case .addPerson(let person, let at):
            if self.person(person.id) != nil { throw EditError("there is already a person with id \(quote(person.id)) (\(self.person(person.id)?.name ?? ""))") }
            try check(OrgValidator.personProblems(person, at: "", hasRole: hasRole, hasPerson: hasPerson))
            let position = try insertionPoint(at, count: people.count)
            insertPerson(person, at: position)
            return .removePerson(person.id)

        case .removePerson(let id):
            let position = try personPosition(id)
            let person = people[position]
            let tied = positions(tiedTo: id)
            if !tied.reports.isEmpty {
                throw EditError("\(person.name) still has \(count(tied.reports.count, "direct report")) (\(names(tied.reports))); give them another manager first")
            }
            if !tied.dotted.isEmpty {
                throw EditError("\(person.name) is still the dotted-line manager of \(names(tied.dotted)); remove those lines first")
            }
            removePerson(at: position)
            return .addPerson(person, at: position)

        case .renamePerson(let id, let name):
            let old = try changePerson(id) { $0.name = name }
            return .renamePerson(id, to: old.name)

        case .setTitle(let id, let title):
            let old = try changePerson(id) { $0.title = title }
            return .setTitle(person: id, title: old.title)

        case .setEmail(let id, let email):
            let old = try changePerson(id) { $0.email = email }
            return .setEmail(person: id, email: old.email)

        case .setDepartment(let id, let department):
            let old = try changePerson(id) { $0.department = department }
            return .setDepartment(person: id, department: old.department)

        case .setManager(let id, let manager):
            if let manager, let person = self.person(id), let boss = self.person(manager), manager != id,
                let chain = managementChain(from: manager, reaching: id) {
                let path = chain.compactMap { self.person($0)?.name }.joined(separator: " → ")
                throw EditError("\(boss.name) cannot become \(person.name)'s manager: that makes a reporting cycle (\(path) → \(boss.name))")
            }
            let old = try changePerson(id) { $0.reportsTo = manager }
            return .setManager(person: id, manager: old.reportsTo)

        case .addDottedLine(let id, let manager, let at):
            let person = try existingPerson(id)
            if let boss = self.person(manager) {
                if person.reportsTo == manager { throw EditError("\(person.name) already reports to \(boss.name) directly") }
                if person.dottedTo.contains(manager) { throw EditError("\(person.name) already has a dotted line to \(boss.name)") }
            }
            let slot = try insertionPoint(at, count: person.dottedTo.count)
            try changePerson(id) { $0.dottedTo.insert(manager, at: slot) }
            return .removeDottedLine(person: id, manager: manager)

        case .removeDottedLine(let id, let manager):
            let person = try existingPerson(id)
            guard let slot = person.dottedTo.firstIndex(of: manager) else {
                throw EditError("\(person.name) has no dotted line to \(self.person(manager)?.name ?? quote(manager))")
            }
            try changePerson(id) { $0.dottedTo.remove(at: slot) }
            return .addDottedLine(person: id, manager: manager, at: slot)

        case .setCapacity(let id, let hours):
            let old = try changePerson(id) { $0.hoursPerWeek = hours }
            return .setCapacity(person: id, hours: old.hoursPerWeek)

        case .setExternal(let id, let external):
            let old = try changePerson(id) { $0.external = external }
            return .setExternal(person: id, external: old.external)

        case .setOpen(let id, let open):
            let old = try changePerson(id) { $0.open = open }
            return .setOpen(person: id, open: old.open)

        case .setQualifications(let id, let certifications, let years):
            let old = try changePerson(id) {
                $0.certifications = certifications
                $0.yearsExperience = years
            }
            return .setQualifications(person: id, certifications: old.certifications, yearsExperience: old.yearsExperience)

        case .addHat(let id, let hat, let at):
            let person = try existingPerson(id)
            if person.wears(hat.role) { throw EditError("\(person.name) already wears \(roleName(hat.role))") }
            let slot = try insertionPoint(at, count: person.hats.count)
            try changePerson(id) { $0.hats.insert(hat, at: slot) }
            return .removeHat(person: id, role: hat.role)

        case .removeHat(let id, let role):
            let person = try existingPerson(id)
            guard let slot = person.hats.firstIndex(where: { $0.role == role }) else {
                throw EditError("\(person.name) does not wear \(roleName(role))")
            }
            let hat = person.hats[slot]
            try changePerson(id) { $0.hats.remove(at: slot) }
            return .addHat(person: id, hat: hat, at: slot)

        case .setHatHours(let id, let role, let hours):
            let person = try existingPerson(id)
            guard let slot = person.hats.firstIndex(where: { $0.role == role }) else {
                throw EditError("\(person.name) does not wear \(roleName(role))")
            }
            let old = person.hats[slot].hoursPerWeek
            try changePerson(id) { $0.hats[slot].hoursPerWeek = hours }
            return .setHatHours(person: id, role: role, hours: old)

        case .addRole(let role, let at):
            if let existing = self.role(role.id) { throw EditError("there is already a role with id \(quote(role.id)) (\(existing.name))") }
            try check(OrgValidator.roleProblems(role, at: "", hasRole: hasRole))
            let position = try insertionPoint(at, count: roles.count)
            insertRole(role, at: position)
            return .removeRole(role.id)

        case .removeRole(let id):
            guard let position = position(ofRole: id) else { throw EditError("no role has id \(quote(id))") }
            let role = roles[position]
            let wearers = positions(wearing: id)
            if !wearers.isEmpty { throw EditError("\(role.name) is still worn by \(names(wearers)); take the hat off first") }
            if let duty = duties.first(where: { $0.role == id }) { throw EditError("\(role.name) still owns the duty \(quote(duty.name)); move its duties first") }
            if let other = roles.first(where: { $0.related.contains(id) || $0.escalatesTo == id }) {
                throw EditError("\(other.name) still refers to \(role.name); remove that link first")
            }
            if policy.conflicts.contains(where: { $0.roles.contains(id) }) {
                throw EditError("a role conflict in the policy still names \(role.name); remove it first")
            }
            removeRole(at: position)
            return .addRole(role, at: position)

        case .updateRole(let role):
            guard let position = position(ofRole: role.id) else { throw EditError("no role has id \(quote(role.id))") }
            try check(OrgValidator.roleProblems(role, at: "", hasRole: hasRole))
            let old = roles[position]
            replaceRole(at: position, with: role)
            return .updateRole(old)

        case .addDuty(let duty, let at):
            if let existing = self.duty(duty.id) { throw EditError("there is already a duty with id \(quote(duty.id)) (\(existing.name))") }
            try check(OrgValidator.dutyProblems(duty, at: "", hasRole: hasRole))
            let position = try insertionPoint(at, count: duties.count)
            insertDuty(duty, at: position)
            return .removeDuty(duty.id)

        case .removeDuty(let id):
            guard let position = position(ofDuty: id) else { throw EditError("no duty has id \(quote(id))") }
            let duty = removeDuty(at: position)
            return .addDuty(duty, at: position)

        case .updateDuty(let duty):
            guard let position = position(ofDuty: duty.id) else { throw EditError("no duty has id \(quote(duty.id))") }
            try check(OrgValidator.dutyProblems(duty, at: "", hasRole: hasRole))
            let old = duties[position]
            replaceDuty(at: position, with: duty)
            return .updateDuty(old)

        case .moveDuty(let id, let role):
            guard let position = position(ofDuty: id) else { throw EditError("no duty has id \(quote(id))") }
            if let role, self.role(role) == nil { throw EditError("no role has id \(quote(role))") }
            var duty = duties[position]
            let old = duty.role
            duty.role = role
            replaceDuty(at: position, with: duty)
            return .moveDuty(id, toRole: old)

        case .batch(let edits, let label):
            // In place (a copy of a large org would copy all of its people and indexes);
            // a failure part-way undoes what was applied, so self is left as it was.
            var inverses: [Edit] = []
            inverses.reserveCapacity(edits.count)
            for edit in edits {
                do {
                    inverses.append(try apply(edit))
                } catch {
                    for inverse in inverses.reversed() {
                        do { try apply(inverse) } catch { preconditionFailure("an inverse edit failed: \(error)") }
                    }
                    throw error
                }
            }
            return .batch(inverses.reversed(), label: label)
        }
    }

    /// The org after `edit`, or the reason it was refused.
    public func applying(_ edit: Edit) throws(EditError) -> Org {
        var copy = self
        try copy.apply(edit)
        return copy
    }

    // MARK: - Helpers

    /// The chain of managers from `start` upward, if it reaches `target` (a cycle if
    /// `target` were made to report to `start`).
    func managementChain(from start: String, reaching target: String) -> [String]? {
        var chain: [String] = []
        var current: String? = start
        var steps = 0
        while let id = current, steps <= people.count {
            chain.append(id)
            if id == target { return chain }
            current = person(id)?.reportsTo
            steps += 1
        }
        return nil
    }

    private func hasRole(_ id: String) -> Bool { role(id) != nil }
    private func hasPerson(_ id: String) -> Bool { person(id) != nil }

    private func personPosition(_ id: String) throws(EditError) -> Int {
        guard let position = position(ofPerson: id) else { throw EditError("no person has id \(quote(id))") }
        return position
    }

    private func existingPerson(_ id: String) throws(EditError) -> Person {
        people[try personPosition(id)]
    }

    /// Changes one person after checking the result with the file rules; returns the
    /// person as they were.
    @discardableResult
    private mutating func changePerson(_ id: String, _ change: (inout Person) -> Void) throws(EditError) -> Person {
        let position = try personPosition(id)
        let old = people[position]
        var changed = old
        change(&changed)
        try check(OrgValidator.personProblems(changed, at: "", hasRole: hasRole, hasPerson: hasPerson))
        updatePerson(at: position) { $0 = changed }
        return old
    }

    private func insertionPoint(_ at: Int?, count: Int) throws(EditError) -> Int {
        guard let at else { return count }
        guard (0...count).contains(at) else { throw EditError("position \(at) is outside 0...\(count)") }
        return at
    }

    private func check(_ problems: [Problem]) throws(EditError) {
        guard let problem = problems.first else { return }
        throw EditError(Self.describeForEdit(problem))
    }

    /// A validator problem reworded for an edit: the JSON path becomes the field's name.
    static func describeForEdit(_ problem: Problem) -> String {
        let field = problem.path.split(separator: ".").last.map(String.init) ?? ""
        let words: [String: String] = [
            "id": "Id", "name": "Name", "hoursPerWeek": "Hours per week", "reportsTo": "Manager",
            "role": "Role", "tier": "Tier", "escalatesTo": "Escalates to", "minYears": "Minimum years",
            "yearsExperience": "Years of experience", "warnAt": "Warn at", "criticalAt": "Critical at",
            "maxHats": "Most hats", "maxDuties": "Most duties", "maxDirectReports": "Most direct reports",
            "flatSwitchingLoss": "Flat switching loss", "switching": "Switching", "availability": "Availability",
        ]
        let base = field.split(separator: "[").first.map(String.init) ?? field
        if let label = words[base] { return "\(label): \(problem.message)" }
        return problem.message
    }

    private func roleName(_ id: String) -> String {
        role(id)?.name ?? quote(id)
    }

    /// "Bo, Cy, Di and 2 more", of the people at `positions`.
    private func names(_ positions: [Int]) -> String {
        let shown = positions.prefix(3).map { people[$0].name }
        let more = positions.count > 3 ? " and \(positions.count - 3) more" : ""
        return shown.joined(separator: ", ") + more
    }

    private func count(_ number: Int, _ noun: String) -> String {
        number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
    }

    private func quote(_ text: String) -> String {
        OrgValidator.quoted(text)
    }
}
