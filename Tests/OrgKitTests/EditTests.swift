import Testing
@testable import OrgKit

@Suite("Edits")
struct EditTests {
    /// One example of every kind of edit, each of which changes the sample org.
    static func everyKindOfEdit() throws -> [(String, Edit)] {
        let org = try sampleOrg()
        var policy = org.policy
        policy.maxHats = 2
        var role = try #require(org.role("ops"))
        role.name = "Operations & Support"
        role.aliases.append("Support")
        var duty = try #require(org.duty("d2"))
        duty.hoursPerWeek = 12
        return [
            ("renameOrg", .renameOrg("Renamed")),
            ("setPolicy", .setPolicy(policy)),
            ("addPerson", .addPerson(Person(id: "ed", name: "Ed", reportsTo: "bo", hats: [Hat(role: "ops", hoursPerWeek: 4)]))),
            ("addPerson at", .addPerson(Person(id: "ed", name: "Ed"), at: 1)),
            ("removePerson", .removePerson("di")),
            ("renamePerson", .renamePerson("bo", to: "Bo Renamed")),
            ("setTitle", .setTitle(person: "bo", title: "Engineer")),
            ("clear title", .setTitle(person: "ann", title: nil)),
            ("setEmail", .setEmail(person: "bo", email: "bo@example.com")),
            ("setDepartment", .setDepartment(person: "bo", department: "Service Desk")),
            ("setManager", .setManager(person: "cy", manager: "bo")),
            ("setManager to top", .setManager(person: "bo", manager: nil)),
            ("addDottedLine", .addDottedLine(person: "bo", manager: "cy")),
            ("removeDottedLine", .removeDottedLine(person: "cy", manager: "bo")),
            ("setCapacity", .setCapacity(person: "bo", hours: 20)),
            ("reset capacity", .setCapacity(person: "cy", hours: nil)),
            ("setExternal", .setExternal(person: "bo", external: true)),
            ("setOpen", .setOpen(person: "bo", open: true)),
            ("setQualifications", .setQualifications(person: "cy", certifications: ["CPA"], yearsExperience: 3)),
            ("addHat", .addHat(person: "bo", hat: Hat(role: "books", hoursPerWeek: 3))),
            ("addHat at front", .addHat(person: "cy", hat: Hat(role: "lead"), at: 0)),
            ("removeHat", .removeHat(person: "cy", role: "ops")),
            ("setHatHours", .setHatHours(person: "bo", role: "ops", hours: 7.5)),
            ("clear hat hours", .setHatHours(person: "cy", role: "books", hours: nil)),
            ("addRole", .addRole(Role(id: "hr", name: "HR", related: ["lead"]))),
            ("removeRole", .removeRole("hr-free")),
            ("updateRole", .updateRole(role)),
            ("addDuty", .addDuty(Duty(id: "d4", name: "Hire", role: "lead", hoursPerWeek: 1), at: 0)),
            ("removeDuty", .removeDuty("d3")),
            ("updateDuty", .updateDuty(duty)),
            ("moveDuty", .moveDuty("d3", toRole: "ops")),
            ("moveDuty to none", .moveDuty("d1", toRole: nil)),
            ("batch", .batch([.renamePerson("ann", to: "Annie"), .addHat(person: "ann", hat: Hat(role: "ops"))], label: "two things")),
        ]
    }

    @Test("every kind of edit, applied then inverted, gives back the identical org")
    func applyThenInvert() throws {
        var base = try sampleOrg()
        // A role nothing refers to, so that removeRole has something to remove.
        try base.apply(.addRole(Role(id: "hr-free", name: "Free role")))
        for (name, edit) in try Self.everyKindOfEdit() {
            var org = base
            let inverse = try org.apply(edit)
            #expect(org != base, "\(name) changed nothing")
            try org.apply(inverse)
            #expect(org == base, "\(name): applying the inverse did not restore the org")
            // Canonical bytes too, not just equality.
            #expect(OrgFile.encode(org) == OrgFile.encode(base), "\(name): bytes differ after undo")
        }
    }

    @Test("edits that would break the org are refused with a reason and change nothing")
    func refusals() throws {
        let org = try sampleOrg()
        let refused: [(Edit, String)] = [
            (.addPerson(Person(id: "bo", name: "Another Bo")), "there is already a person with id \"bo\" (Bo)"),
            (.addPerson(Person(id: "", name: "No id")), "Id: an id must not be empty"),
            (.addPerson(Person(id: "x", name: "  ")), "Name: must not be empty"),
            (.addPerson(Person(id: "x", name: "X", reportsTo: "nobody")), "Manager: no person has id \"nobody\""),
            (.addPerson(Person(id: "x", name: "X", hats: [Hat(role: "nope")])), "Role: no role has id \"nope\""),
            (.removePerson("ann"), "Ann still has 2 direct reports (Bo, Cy); give them another manager first"),
            (.removePerson("bo"), "Bo still has 1 direct report (Di); give them another manager first"),
            (.removePerson("zz"), "no person has id \"zz\""),
            (.setManager(person: "ann", manager: "di"), "Di cannot become Ann's manager: that makes a reporting cycle (Di → Bo → Ann → Di)"),
            (.setManager(person: "bo", manager: "bo"), "Manager: a person cannot report to themselves"),
            (.setManager(person: "bo", manager: "ghost"), "Manager: no person has id \"ghost\""),
            (.addDottedLine(person: "bo", manager: "ann"), "Bo already reports to Ann directly"),
            (.addDottedLine(person: "cy", manager: "bo"), "Cy already has a dotted line to Bo"),
            (.removeDottedLine(person: "bo", manager: "cy"), "Bo has no dotted line to Cy"),
            (.setCapacity(person: "bo", hours: -1), "Hours per week: must not be negative (-1)"),
            (.setCapacity(person: "bo", hours: 200), "Hours per week: 200 hours is more than the 168 allowed"),
            (.setCapacity(person: "bo", hours: .nan), "Hours per week: must be a finite number"),
            (.setHatHours(person: "bo", role: "ops", hours: .infinity), "Hours per week: must be a finite number"),
            (.setHatHours(person: "bo", role: "lead", hours: 2), "Bo does not wear Lead"),
            (.addHat(person: "bo", hat: Hat(role: "ops")), "Bo already wears Operations"),
            (.addHat(person: "bo", hat: Hat(role: "ghost")), "Role: no role has id \"ghost\""),
            (.removeHat(person: "ann", role: "ops"), "Ann does not wear Operations"),
            (.addRole(Role(id: "ops", name: "Ops again")), "there is already a role with id \"ops\" (Operations)"),
            (.addRole(Role(id: "r", name: "R", escalatesTo: "r")), "Escalates to: a role cannot escalate to itself"),
            (.addRole(Role(id: "r", name: "R", tier: 4)), "Tier: tier must be 1, 2 or 3, not 4"),
            (.removeRole("ops"), "Operations is still worn by Bo, Cy; take the hat off first"),
            (.removeRole("lead"), "Lead is still worn by Ann; take the hat off first"),
            (.batch([.setManager(person: "di", manager: "ann"), .removePerson("bo")], label: "dotted left"),
             "Bo is still the dotted-line manager of Cy; remove those lines first"),
            (.updateRole(Role(id: "ghost", name: "G")), "no role has id \"ghost\""),
            (.addDuty(Duty(id: "d1", name: "Dup")), "there is already a duty with id \"d1\" (Run the stand-up)"),
            (.moveDuty("d1", toRole: "ghost"), "no role has id \"ghost\""),
            (.removeDuty("ghost"), "no duty has id \"ghost\""),
            (.setPolicy(Policy(warnAt: 1.5, criticalAt: 1.2)), "Critical at: must not be below warnAt (1.5)"),
            (.setPolicy(Policy(conflicts: [RoleConflict(roles: ["ops"])])), "must name exactly two roles, not 1"),
            (.batch([.renamePerson("ann", to: "Annie"), .removePerson("ann")], label: "half good"), "Annie still has 2 direct reports (Bo, Cy); give them another manager first"),
        ]
        for (edit, reason) in refused {
            var copy = org
            #expect(throws: EditError(reason)) { try copy.apply(edit) }
            #expect(copy == org, "a refused edit changed the org: \(edit)")
        }
    }

    @Test("removing a person moves their reports up to their manager and drops dotted lines")
    func removingAPerson() throws {
        var org = try sampleOrg()
        let original = org
        let edit = try #require(Edit.removing(person: "bo", in: org))
        // The reports first, then the dotted lines, then the person (undone in reverse).
        #expect(edit == .batch([.setManager(person: "di", manager: "ann"), .removeDottedLine(person: "cy", manager: "bo"), .removePerson("bo")],
                               label: "remove Bo"))
        #expect(Edit.removalConsequence(person: "bo", in: org) == "Di will report to Ann.")
        let inverse = try org.apply(edit)
        #expect(org.person("bo") == nil)
        #expect(org.person("di")?.reportsTo == "ann")
        #expect(org.person("cy")?.dottedTo == [])
        try org.apply(inverse)
        #expect(org == original)
    }

    @Test("removing the top person leaves their reports at the top")
    func removingTheTop() throws {
        var org = try sampleOrg()
        #expect(Edit.removalConsequence(person: "ann", in: org) == "Their 2 direct reports will have no manager (top of the chart).")
        try org.apply(try #require(Edit.removing(person: "ann", in: org)))
        #expect(org.person("bo")?.reportsTo == nil)
        #expect(org.person("cy")?.reportsTo == nil)
    }

    @Test("removing a role takes off its hats, frees its duties and drops links and conflicts")
    func removingARole() throws {
        var org = try sampleOrg()
        let original = org
        let inverse = try org.apply(try #require(Edit.removing(role: "lead", in: org)))
        #expect(org.role("lead") == nil)
        #expect(org.person("ann")?.hats == [])
        #expect(org.duty("d1")?.role == nil)
        #expect(org.role("ops")?.related == [])
        #expect(org.role("ops")?.escalatesTo == nil)
        try org.apply(inverse)
        #expect(org == original)

        try org.apply(try #require(Edit.removing(role: "books", in: org)))
        #expect(org.policy.conflicts.isEmpty)
    }

    @Test("lookups stay right after inserts and removals in the middle")
    func indexesFollowEdits() throws {
        var org = try sampleOrg()
        try org.apply(.addPerson(Person(id: "new", name: "New"), at: 0))
        #expect(org.person("cy")?.name == "Cy")
        #expect(org.position(ofPerson: "cy") == 3)
        try org.apply(.removePerson("new"))
        #expect(org.position(ofPerson: "cy") == 2)
        #expect(org.person("new") == nil)
    }
}

@Suite("History")
struct HistoryTests {
    @Test("undo goes back to the opening state and redo forward again")
    func undoRedo() throws {
        let opening = try sampleOrg()
        var org = opening
        var history = History()
        #expect(!history.canUndo)
        try history.perform(.addPerson(Person(id: "ed", name: "Ed", reportsTo: "ann")), on: &org)
        try history.perform(.addHat(person: "ed", hat: Hat(role: "ops", hoursPerWeek: 10)), on: &org)
        try history.perform(.setManager(person: "ed", manager: "bo"), on: &org)
        let edited = org
        #expect(history.undoable.map(\.summary) == ["add Ed", "give Ed the Operations hat", "make Ed report to Bo"])

        while history.undo(on: &org) != nil {}
        #expect(org == opening)
        #expect(history.revision == 0)
        while history.redo(on: &org) != nil {}
        #expect(org == edited)
    }

    @Test("a refused edit is not recorded; a new edit clears redo")
    func refusedAndBranching() throws {
        var org = try sampleOrg()
        var history = History()
        #expect(throws: EditError.self) { try history.perform(.removePerson("ann"), on: &org) }
        #expect(!history.canUndo)
        try history.perform(.renameOrg("One"), on: &org)
        let afterOne = history.revision
        history.undo(on: &org)
        try history.perform(.renameOrg("Two"), on: &org)
        #expect(!history.canRedo)
        #expect(history.revision != afterOne, "a different state must get a different revision")
    }
}
