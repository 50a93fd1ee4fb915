import Testing
@testable import OrgKit
@testable import OrgTUI

@Suite("Builder flows")
struct FlowTests {
    @Test("add a person, give two hats with hours, set the manager; undo goes back to the start")
    func addPersonFlow() throws {
        var driver = try Driver()
        let opening = driver.state.document.org
        driver.select(person: "sam-ortiz")
        driver.press(.addPerson)
        driver.type("Noor Haddad")
        driver.press(.nextField)
        driver.type("Level 1 Technician")
        driver.press(.confirm)
        #expect(driver.state.dialogs.isEmpty)
        #expect(driver.state.selectedPerson == "noor-haddad")
        let noor = try #require(driver.state.document.org.person("noor-haddad"))
        #expect(noor.reportsTo == "sam-ortiz")
        #expect(noor.title == "Level 1 Technician")

        driver.press(.editHats)
        driver.key(.character("a"))
        driver.type("level 1")
        driver.press(.confirm)      // the new hat is selected, its hours (what the role lacks) ready to type
        driver.type("20")           // replaces them
        driver.key(.enter)
        driver.key(.character("a"))
        driver.type("office")
        driver.press(.confirm)
        driver.type("6")
        driver.key(.enter)
        driver.press(.cancel)
        #expect(driver.state.dialogs.isEmpty)
        #expect(driver.state.document.org.person("noor-haddad")?.hats == [
            Hat(role: "level-1-technician", hoursPerWeek: 20), Hat(role: "office-manager", hoursPerWeek: 6),
        ])
        driver.press(.setManager)
        driver.type("zoe")
        driver.press(.confirm)
        #expect(driver.state.document.org.person("noor-haddad")?.reportsTo == "zoe-muller")
        #expect(driver.screen.contains("● unsaved"))
        let load = try #require(driver.state.load(of: "noor-haddad"))
        #expect(load.allocatedHours == 26)
        #expect(driver.screen.contains("Noor Haddad"))

        while driver.state.document.history.canUndo { driver.press(.undo) }
        #expect(driver.state.document.org == opening)
        #expect(!driver.screen.contains("● unsaved"))
    }

    @Test("add an open position with a, see it marked, mark it hired in the edit form; undo brings each back")
    func openPositionFlow() throws {
        var driver = try Driver()
        let opening = driver.state.document.org
        driver.select(person: "dana-reyes")
        driver.press(.addPerson)
        #expect(driver.screen.contains("Open position"))
        driver.type("Open: Account Executive")
        driver.press(.nextField)
        driver.type("Account Executive")
        driver.press(.nextField, times: 3)  // Capacity, External, Open position
        driver.key(.character(" "))     // Open position: no → yes
        driver.press(.confirm)
        #expect(driver.state.dialogs.isEmpty)
        let id = "open-account-executive"
        #expect(driver.state.selectedPerson == id)
        #expect(driver.state.document.org.person(id)?.open == true)
        #expect(driver.state.status?.text.hasPrefix("Added the open position Open: Account Executive.") == true)
        #expect(driver.screen.contains("└─ ○ Open: Accoun"), "the chart marks it")
        #expect(driver.screen.contains("│ Open position · Account Executive ·"), "the details say so")
        driver.press(.showPeople)
        #expect(driver.screen.contains("○ Open: Accoun"), "the People view marks it")
        let added = driver.state.document.org

        driver.press(.editPerson)
        driver.press(.nextField, times: 6)
        driver.key(.character(" "))     // Open position: yes → no
        driver.press(.confirm)
        #expect(driver.state.dialogs.isEmpty)
        #expect(driver.state.document.org.person(id)?.open == false)
        #expect(driver.state.status?.text == "Open: Account Executive is hired: no longer an open position.")
        #expect(!driver.screen.contains("○ Open:"))
        #expect(driver.screen.contains("Open: Account"))

        driver.press(.undo)
        #expect(driver.state.status?.text == "Undid: mark Open: Account Executive as hired")
        #expect(driver.state.document.org == added)
        #expect(driver.screen.contains("○ Open: Accoun"))
        driver.press(.undo)
        #expect(driver.state.document.org == opening)
    }

    @Test("the Roles view: a role worn only by an open position is open only; the finding says so")
    func rolesCoveredOnlyByOpen() throws {
        var org = try #require(PresetCatalog.named("msp-10")).load()
        try org.apply(.removeHat(person: "dana-reyes", role: "sales-marketing"))
        try org.apply(.addPerson(Person(id: "open-ae", name: "Open: AE", reportsTo: "dana-reyes", open: true,
                                        hats: [Hat(role: "sales-marketing")])))
        var driver = Driver(org: org, width: 140, height: 30)
        driver.press(.showRoles)
        let row = try #require(driver.lines.first { $0.contains("Sales & Marketing !") })
        #expect(row.contains("○ Open: AE"))
        #expect(row.contains("▲ open only"))
        driver.press(.showFindings)
        driver.key(.down, times: 2)
        #expect(driver.screen.contains("┌─ unfilled-role · Sales & Marketing "))
        #expect(driver.screen.contains("│ Sales & Marketing, a critical role, is covered only by an "))
        #expect(driver.screen.contains("│ open position (Open: AE) "))
        #expect(driver.screen.contains("│   ○ Open: AE "), "the holders mark it")
        #expect(driver.screen.contains("│   unfilled-role: the open position is the plan for it: mark "))
    }

    @Test("the Roles view's holders and coverage follow removals in the middle of the file, open positions and people away")
    func rolesHoldersByPosition() throws {
        let people = (0..<6).map { index in
            Person(id: "p\(index)", name: "Person \(index)", reportsTo: index == 0 ? nil : "p0", open: index == 4,
                   hats: index == 0 ? [] : [Hat(role: "desk")])
        }
        let org = try Org(name: "Desk", roles: [Role(id: "desk", name: "Service desk", hoursPerWeek: 50, critical: true)], people: people)
        var driver = Driver(org: org, width: 220, height: 30)
        driver.press(.showRoles)
        func row(_ driver: Driver) throws -> String { try #require(driver.lines.first { $0.contains("Service desk !") }) }
        #expect(try row(driver).contains("Person 1, Person 2 +3"))
        #expect(try row(driver).contains(" 5"))
        // Someone in the middle of the file removed: the positions after them move.
        #expect(App.commit(try #require(Edit.removing(person: "p2", in: driver.state.document.org)), &driver.state))
        #expect(try row(driver).contains("Person 1, Person 3 +2"))
        #expect(try row(driver).contains(" 4"))
        // Two away: the open position and one filled holder are left.
        for id in ["p1", "p3"] {
            driver.press(.showChart)
            driver.state.selectedPerson = id
            driver.press(.toggleAway)
        }
        driver.press(.showRoles)
        let away = try row(driver)
        #expect(away.contains("○ Person 4, Person 5 (2 away)"), "\(away)")
        #expect(away.contains("1 holder"), "the open position is no holder: \(away)")
    }

    @Test("the manager picker refuses a cycle and says why")
    func managerCycle() throws {
        var driver = try Driver()
        driver.select(person: "sam-ortiz")
        driver.press(.setManager)
        driver.type("lee")
        driver.press(.confirm)
        #expect(driver.state.status?.text == "Can't choose Lee Park: in Sam Ortiz's team: that would make a cycle")
        #expect(driver.state.document.org.person("sam-ortiz")?.reportsTo == "dana-reyes")
        #expect(driver.state.dialogs.count == 1, "the picker stays open")
        driver.press(.cancel)
        #expect(driver.state.dialogs.isEmpty)
    }

    @Test("Ctrl-S saves to the file; the result clears the unsaved marker; a failed save keeps it")
    func save() throws {
        var driver = try Driver()
        driver.press(.renameOrg)
        driver.key(.control("u"))
        driver.type("Northwind")
        driver.press(.confirm)
        driver.press(.save)
        let revision = driver.state.document.history.revision
        #expect(driver.effects == [.save(driver.state.document.org, path: "msp-10.json", revision: revision, check: .unchangedSince(nil))])
        driver.send(.saved(path: "msp-10.json", revision: revision, error: "no space left on the device"))
        #expect(driver.state.document.isModified)
        #expect(driver.state.status?.text == "Not saved: msp-10.json: no space left on the device. Your changes are still here, unsaved.")
        driver.send(.saved(path: "msp-10.json", revision: revision, error: nil))
        #expect(!driver.state.document.isModified)
        #expect(driver.state.status?.text == "Saved msp-10.json")
    }

    @Test("an org from a preset asks where to save, and never overwrites another file")
    func saveAs() throws {
        var driver = try Driver(path: nil)
        #expect(driver.screen.contains("not saved yet"))
        driver.press(.save)
        #expect(driver.effects.isEmpty)
        driver.key(.control("u"))
        driver.type("acme.json")
        driver.press(.confirm)
        #expect(driver.effects == [.save(driver.state.document.org, path: "acme.json", revision: 0, check: .mustBeNew)])
        driver.send(.saved(path: "acme.json", revision: 0, error: nil))
        #expect(driver.state.document.path == "acme.json")
    }

    @Test("after shrinking and growing the terminal, a list that fits shows from its top")
    func resizeRefills() throws {
        var driver = try Driver(width: 80, height: 24)
        driver.press(.showRoles)
        driver.key(.end)
        for (width, height) in [(40, 12), (1, 1), (60, 15), (80, 24)] { driver.resize(width, height) }
        #expect(driver.state.lists[.roles]?.offset == 0, "every role fits: no rows hidden above")
        #expect(driver.screen.contains("CEO / Owner"))
        #expect(driver.screen.contains("▸ Bookkeeper"), "the selection is still shown")
    }

    @Test("hiding the details lets a scrolled chart fit: it is shown from its top")
    func fitsAfterHidingDetails() throws {
        var driver = try Driver(width: 80, height: 20)
        driver.press(.bottom)
        #expect(!driver.lines[2].contains("Dana Reyes"), "scrolled: the top of the chart is hidden")
        driver.press(.toggleDetail)
        #expect(driver.lines[2].contains("Dana Reyes"), "everything fits: no rows hidden above")
        #expect(driver.screen.contains("▸"))
    }

    @Test("the hats dialog scrolls when the hats do not fit the terminal")
    func hatsScroll() throws {
        var driver = try Driver(width: 60, height: 15)
        driver.select(person: "sam-ortiz")
        let roles = driver.state.document.org.roles.map(\.id)
        for role in roles.prefix(9) where driver.state.document.org.person("sam-ortiz")?.hats.contains(where: { $0.role == role }) == false {
            #expect(App.commit(.addHat(person: "sam-ortiz", hat: Hat(role: role)), &driver.state))
        }
        let hats = try #require(driver.state.document.org.person("sam-ortiz")?.hats)
        #expect(hats.count >= 9)
        let names = hats.map { driver.state.document.org.role($0.role)?.name ?? $0.role }
        driver.press(.editHats)
        #expect(driver.screen.contains("▸ \(names[0])"))
        #expect(!driver.screen.contains(names[hats.count - 1]), "the last hat is below the window")
        #expect(driver.screen.contains("\(hats.count - 6) more ↓"))
        driver.key(.down, times: hats.count - 1)
        // Before, the selection went on below the dialog's last row and was never shown.
        #expect(driver.screen.contains("▸ \(names[hats.count - 1])"))
        #expect(!driver.screen.contains("more ↓"))
        assertScreen(driver.styledScreen, "dialog-hats-scrolled-60x15")
        // Removing a hat at the end keeps the window full.
        driver.key(.character("d"))
        #expect(driver.screen.contains("▸ \(names[hats.count - 2])"))
        #expect(driver.state.dialogs.count == 1)
        if case .hats(let dialog) = driver.state.dialogs.last { #expect(dialog.list.offset == hats.count - 1 - 6) }
    }

    @Test("in a what-if, the Roles view counts only the people still there")
    func whatIfRoles() throws {
        var driver = try Driver(width: 120, height: 40)
        driver.select(person: "raj-patel")
        driver.press(.toggleAway)
        driver.press(.showRoles)
        let row = driver.screen.split(separator: "\n").first { $0.contains("Level 3") }
        #expect(row?.contains("vacant") == true && row?.contains("1 away") == true, "\(row ?? "")")
    }

    @Test("giving a hat found by an alias still shows the load it would bring")
    func aliasKeepsPreview() throws {
        var driver = try Driver()
        driver.select(person: "lee-park")
        driver.press(.editHats)
        driver.key(.character("a"))
        driver.type("tier 3")
        let row = driver.screen.split(separator: "\n").first { $0.contains("▸") && $0.contains("Level 3") }
        #expect(row?.contains(" → ") == true && row?.contains(" %") == true && row?.contains("also:") == true, "\(driver.screen)")
    }

    @Test("ids from names follow the import's rule in every script: the builder and hats import agree")
    func idsLikeImport() throws {
        var driver = try Driver()
        for name in ["佐藤 花子", "Zoë Lind"] {
            driver.press(.addPerson)
            driver.type(name)
            driver.press(.confirm)
            #expect(driver.state.selectedPerson == OrgID.uniqueID(OrgID.slug(name, fallback: "person"), taken: { _ in false }))
        }
        #expect(driver.state.document.org.person("佐藤-花子") != nil, "a CJK name keeps its letters instead of becoming \"person\"")
    }

    @Test("a person added deep in a large org is scrolled into view")
    func addedPersonShows() throws {
        var people = [Person(id: "boss", name: "Boss")]
        for index in 1..<300 { people.append(Person(id: "p\(index)", name: "Person \(index)", reportsTo: "boss")) }
        let org = try Org(name: "Big", roles: [], duties: [], people: people)
        var driver = Driver(org: org, width: 100, height: 30)
        driver.select(person: "boss")
        driver.press(.addPerson)
        driver.type("Newbie")
        driver.press(.confirm)
        #expect(driver.state.selectedPerson == "newbie")
        #expect(driver.screen.split(separator: "\n").contains { $0.contains("▸") && $0.contains("Newbie") }, "the new row, selected, is on screen")
    }

    @Test("the quit dialog counts the changes since the last save, undone ones too")
    func quitCountsSinceSave() throws {
        var driver = try Driver()
        driver.press(.applySuggestion)
        driver.press(.save)
        let revision = driver.state.document.history.revision
        driver.send(.saved(path: "msp-10.json", revision: revision, error: nil))
        #expect(!driver.state.document.isModified)
        driver.press(.undo)
        driver.press(.quit)
        #expect(driver.screen.contains("1 change not saved."), "undoing past the save is a change: \(driver.screen)")
        driver.press(.cancel)
        driver.press(.redo)
        driver.press(.quit)
        #expect(driver.effects.last == .quit, "back at the saved state: nothing to ask")
        #expect(History().steps(to: 0) == 0)
    }

    @Test("quit with unsaved changes asks: discard quits, save quits after the save, Esc stays")
    func quitFlows() throws {
        var driver = try Driver()
        driver.press(.quit)
        #expect(driver.effects == [.quit], "nothing to lose: quits at once")

        driver = try Driver()
        driver.press(.applySuggestion)
        #expect(driver.state.document.isModified)
        driver.press(.quit)
        #expect(driver.effects.isEmpty)
        driver.press(.cancel)
        #expect(driver.state.dialogs.isEmpty)
        driver.press(.quit)
        driver.key(.character("d"))
        #expect(driver.effects == [.quit])

        driver = try Driver()
        driver.press(.renameOrg)
        driver.type("!")
        driver.press(.confirm)
        driver.key(.control("c"))
        driver.key(.character("s"))
        let revision = driver.state.document.history.revision
        #expect(driver.effects == [.save(driver.state.document.org, path: "msp-10.json", revision: revision, check: .unchangedSince(nil))])
        driver.send(.saved(path: "msp-10.json", revision: revision, error: nil))
        #expect(driver.effects.last == .quit)
    }

    @Test("export from the dialog asks the runner to write the chosen format")
    func export() throws {
        var driver = try Driver()
        driver.press(.export)
        let formats = ExportFormat.allCases
        driver.key(.down)
        driver.press(.confirm)
        #expect(driver.effects.count == 1)
        guard case .export(_, let format, let path, _, _) = driver.effects.first else {
            Issue.record("no export effect")
            return
        }
        #expect(format == formats[1])
        #expect(path.hasPrefix("msp-10"))
        driver.send(.exported(path: path, error: nil))
        #expect(driver.state.status?.text == "Exported \(path)")
    }

    @Test("the suggestion applies with one key and undoes with another")
    func applySuggestion() throws {
        var driver = try Driver()
        driver.select(person: "zoe-muller")
        let suggestion = try #require(driver.state.currentSuggestion)
        // The role conflict: the bookkeeping goes to the firm that already keeps the books.
        #expect(suggestion.text.hasPrefix("Ask Ledger & Co to take on Bookkeeper / Accountant (5.0 h)"))
        #expect(driver.screen.contains("Suggestion"))
        driver.press(.applySuggestion)
        #expect(driver.state.document.org.person("ledger-co")?.hat(for: "bookkeeper")?.hoursPerWeek == 12)
        #expect(driver.state.document.org.person("zoe-muller")?.wears("bookkeeper") == false)
        #expect(App.findings(about: .person, "zoe-muller", driver.state).isEmpty)
        driver.press(.undo)
        #expect(driver.state.document.org.person("zoe-muller")?.wears("bookkeeper") == true)
    }

    @Test("what-if: mark someone away, see new findings marked, bring them back")
    func whatIf() throws {
        var driver = try Driver()
        driver.select(person: "sam-ortiz")
        driver.press(.toggleAway)
        #expect(driver.state.away == ["sam-ortiz"])
        // The service manager's single point of failure becomes an unfilled role: worse.
        #expect(driver.screen.contains("What-if: Sam Ortiz away · 1 new, 1 worse, 0 better, 0 resolved"))
        driver.press(.showFindings)
        #expect(driver.screen.contains("worse unfilled-role"))
        #expect(driver.screen.contains("new single-point-of-fai"))
        #expect(!driver.state.document.isModified, "a what-if is not an edit")
        driver.press(.clearAway)
        #expect(driver.state.away.isEmpty)
        #expect(!driver.screen.contains("What-if"))
    }

    @Test("what-if with two away: the banner names both, the details add up the hours taken over")
    func whatIfTwoAway() throws {
        var driver = try Driver(width: 120, height: 40)
        driver.select(person: "kofi-mensah")
        driver.press(.toggleAway)
        driver.select(person: "lee-park")
        driver.press(.toggleAway)
        #expect(driver.state.away == ["kofi-mensah", "lee-park"])
        #expect(driver.screen.contains("What-if: Kofi Mensah, Lee Park away"))
        // Mia Chen wears Level 2 with Kofi: his 35.0 h fall to her, on top of her own 35.0 h.
        driver.select(person: "mia-chen")
        let screen = driver.screen
        #expect(screen.contains("70.0 h on 1 hat"), "\(screen)")
        #expect(screen.contains("Level 2 Technician"))
        #expect(screen.contains("+ from Kofi Mensah"))
        #expect(screen.contains("35.0"))
        #expect(driver.state.comparison?.worse.contains { $0.after.subject.id == "mia-chen" && $0.after.rule == .overload } == true
                || driver.state.comparison?.new.contains { $0.subject.id == "mia-chen" && $0.rule == .overload } == true)
    }

    @Test("f with no suggestion says why")
    func noSuggestionSaysWhy() throws {
        var driver = try Driver(width: 120, height: 40)
        driver.select(person: "sam-ortiz")
        driver.press(.showRoles)
        driver.press(.top)
        for _ in 0..<20 where driver.state.selectedRole != "service-manager" { driver.press(.moveDown) }
        #expect(driver.state.selectedRole == "service-manager")
        #expect(driver.state.currentSuggestion == nil)
        #expect(driver.screen.contains("No suggestion"))
        driver.press(.applySuggestion)
        #expect(driver.state.status?.text.contains("no suggestion — single-point-of-failure: nobody who can stand in for Service Manager is free to") == true,
                "\(driver.state.status?.text ?? "")")
    }

    @Test("find jumps to a person, a role or a duty by name or alias")
    func find() throws {
        var driver = try Driver()
        driver.press(.find)
        driver.type("王")
        driver.press(.confirm)
        #expect(driver.state.selectedPerson == "wang-fang")
        #expect(driver.state.tab == .chart)
        driver.press(.find)
        driver.type("help desk")
        driver.press(.confirm)
        #expect(driver.state.tab == .roles)
        #expect(driver.state.selectedRole == "level-1-technician")
        driver.press(.find)
        driver.type("renewal")
        driver.press(.confirm)
        #expect(driver.state.tab == .duties)
        #expect(driver.state.selectedDuty == "am-renewals")
    }

    @Test("roles from a catalog, found by alias: \"devops\" adds Site Reliability Engineer")
    func catalog() throws {
        var driver = try Driver()
        driver.press(.showRoles)
        driver.press(.addRoleFromCatalog)
        driver.type("tech-roles")
        driver.press(.confirm)
        driver.type("devops")
        driver.press(.confirm)
        let role = try #require(driver.state.document.org.role("site-reliability-engineer"))
        #expect(role.aliases.contains("DevOps / DevSecOps Engineer"))
        #expect(role.related.isEmpty, "links to roles this org lacks are dropped")
        driver.press(.addRoleFromCatalog)
        driver.type("msp-roles")
        driver.press(.confirm)
        driver.type("help desk")
        driver.press(.confirm)
        #expect(driver.state.document.org.duties.filter { $0.role == "help-desk-technician" }.count >= 3, "duties come along")
    }

    @Test("roles from a catalog keep their escalation and related links whichever order they are added in",
          arguments: [["level 1", "level 2", "level 3"], ["level 3", "level 2", "level 1"], ["level 2", "level 3", "level 1"]])
    func catalogLinksAnyOrder(order: [String]) throws {
        var driver = Driver(org: Org.empty(name: "New MSP"), path: "new.json")
        driver.press(.showRoles)
        for name in order {
            driver.press(.addRoleFromCatalog)
            driver.type("msp-10")
            driver.press(.confirm)
            driver.type(name)
            driver.press(.confirm)
        }
        let org = driver.state.document.org
        #expect(org.roles.count == 3)
        #expect(org.role("level-1-technician")?.escalatesTo == "level-2-technician")
        #expect(org.role("level-2-technician")?.escalatesTo == "level-3-engineer")
        // The saved file keeps them: the links are in the org, not only on screen.
        let saved = try OrgFile.decode(OrgFile.encode(org)).org
        #expect(saved.role("level-1-technician")?.escalatesTo == "level-2-technician")
        // One undo takes back the last role and the links it completed.
        driver.press(.undo)
        #expect(driver.state.document.org.roles.count == 2)
        #expect(driver.state.document.org.roles.allSatisfy { $0.escalatesTo.map { driver.state.document.org.role($0) != nil } ?? true })
    }

    @Test("deleting a person asks, says where their reports go, and undoes")
    func deletePerson() throws {
        var driver = try Driver()
        driver.select(person: "sam-ortiz")
        driver.press(.deletePerson)
        #expect(driver.screen.contains("Their 5 direct reports will report to Dana Reyes."))
        driver.key(.character("y"))
        #expect(driver.state.document.org.person("sam-ortiz") == nil)
        #expect(driver.state.document.org.person("lee-park")?.reportsTo == "dana-reyes")
        driver.press(.undo)
        #expect(driver.state.document.org.person("lee-park")?.reportsTo == "sam-ortiz")
    }

    @Test("forms: edit a person's capacity and external flag; the policy's switching model")
    func forms() throws {
        var driver = try Driver()
        driver.select(person: "raj-patel")
        driver.press(.editPerson)
        driver.press(.nextField, times: 4)
        driver.type("30")
        driver.press(.nextField)
        driver.key(.character(" "))
        driver.press(.confirm)
        let raj = try #require(driver.state.document.org.person("raj-patel"))
        #expect(raj.hoursPerWeek == 30)
        #expect(raj.external)
        driver.press(.undo)
        #expect(driver.state.document.org.person("raj-patel")?.hoursPerWeek == nil)

        driver.press(.editPolicy)
        driver.press(.nextField)
        driver.key(.character("f"))
        driver.press(.confirm)
        #expect(driver.state.document.org.policy.switching == .flat)
        #expect(driver.state.load(of: "dana-reyes")?.switchLoss == 0.17)

        driver.press(.editPolicy)
        driver.key(.control("u"))
        driver.type("abc")
        driver.press(.confirm)
        #expect(driver.screen.contains("✖ Hours per week: \"abc\" is not a number"))
        #expect(driver.state.dialogs.count == 1)
    }

    @Test("Esc closes every kind of dialog at once")
    func escapeCloses() throws {
        var driver = try Driver()
        let openers: [BindingID] = [.editHats, .setManager, .dottedLines, .addPerson, .editPerson, .deletePerson, .find, .export, .help, .editPolicy, .renameOrg, .saveAs]
        for opener in openers {
            driver.press(opener)
            #expect(driver.state.dialogs.count == 1, "\(opener) opens a dialog")
            driver.press(.cancel)
            #expect(driver.state.dialogs.isEmpty, "Esc closes \(opener)")
        }
    }

    @Test("mouse: a click selects a row or a tab; the wheel scrolls")
    func mouse() throws {
        var driver = try Driver(width: 120, height: 40)
        driver.send(.mouse(MouseEvent(kind: .press, x: 10, y: 4)))
        #expect(driver.state.selectedPerson == "lee-park")
        driver.send(.mouse(MouseEvent(kind: .wheelDown, x: 10, y: 4)))
        #expect(driver.state.selectedPerson == "mia-chen")
        let (tab, _, range) = Screens.tabPositions(driver.state)[2]
        driver.send(.mouse(MouseEvent(kind: .press, x: range.lowerBound + 1, y: 0)))
        #expect(driver.state.tab == tab)
        // At 80 columns the other views show only their numbers, and a click on one works.
        driver.send(.resize(Size(width: 80, height: 24)))
        let (plan, label, sixth) = Screens.tabPositions(driver.state)[5]
        #expect(plan == .plan && label == " 6 ")
        driver.send(.mouse(MouseEvent(kind: .press, x: sixth.lowerBound + 1, y: 0)))
        #expect(driver.state.tab == .plan)
    }

    @Test("a 10,000-person org: moving to the end scrolls there, and only what fits is drawn")
    func bigOrg() throws {
        var people: [Person] = [Person(id: "p0", name: "Person 0")]
        for index in 1..<10_000 {
            people.append(Person(id: "p\(index)", name: "Person \(index)", reportsTo: "p\((index - 1) / 8)"))
        }
        var driver = Driver(org: try Org(name: "Big", people: people), width: 100, height: 30)
        driver.press(.bottom)
        let last = driver.state.selectedPerson
        #expect(last != nil)
        #expect(driver.screen.contains("▸"))
        let lines = driver.lines
        #expect(lines.count == 30)
        driver.press(.top)
        #expect(driver.state.selectedPerson == "p0")
        #expect(driver.state.lists[.chart]?.offset == 0)
    }
}
