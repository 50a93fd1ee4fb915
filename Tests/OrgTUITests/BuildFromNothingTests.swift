import Foundation
import Testing
@testable import OrgKit
@testable import OrgTUI

/// Issue 16, "Data lost without a word" and "Building an org from nothing is slow": an owner
/// building their MSP from an empty file, key by key, as a newcomer would.
@Suite("Building an org from nothing")
struct BuildFromNothingTests {
    /// A new, empty file opened in the builder (`hats new.json`).
    static func newFile(width: Int = 120, height: Int = 35) -> Driver {
        Driver(org: Org.empty(), path: "new.json", width: width, height: height)
    }

    /// What Ctrl-S writes, as the text of the file.
    static func savedFile(_ driver: inout Driver) throws -> String {
        driver.effects = []
        driver.press(.save)
        let org = try #require(driver.effects.lazy.compactMap { effect -> Org? in
            if case .save(let org, _, _, _) = effect { return org }
            return nil
        }.first)
        return OrgFile.encode(org)
    }

    /// `c`, a catalog, then one role chosen by typing its name, as in the issue.
    static func addFromCatalog(_ driver: inout Driver, _ catalog: String, _ role: String) {
        driver.press(.addRoleFromCatalog)
        driver.type(catalog)
        driver.press(.confirm)
        driver.type(role)
        driver.press(.confirm)
    }

    // MARK: - A. Catalog roles keep their links

    @Test("A: new file → 3 → c → msp-10 → Level 1, Level 2, Level 3 → save: the file has the escalation chain")
    func escalationChainSaved() throws {
        var driver = Self.newFile()
        driver.press(.showRoles)
        for name in ["level 1", "level 2", "level 3"] { Self.addFromCatalog(&driver, "msp-10", name) }
        let file = try Self.savedFile(&driver)
        let saved = try OrgFile.decode(file).org
        #expect(saved.role("level-1-technician")?.escalatesTo == "level-2-technician")
        #expect(saved.role("level-2-technician")?.escalatesTo == "level-3-engineer")
        #expect(saved.role("level-1-technician")?.tier == 1)
        #expect(saved.role("level-3-engineer")?.critical == true)
        #expect(file.contains("\"escalatesTo\": \"level-2-technician\""))
    }

    @Test("A: requires, tier and critical come along whichever order the tiers arrive in",
          arguments: [["tier 3", "tier 1", "tier 2"], ["tier 1", "tier 2", "tier 3"]])
    func requirementsCome(order: [String]) throws {
        var driver = Self.newFile()
        driver.press(.showRoles)
        for name in order { Self.addFromCatalog(&driver, "helpdesk-tiers", name) }
        let saved = try OrgFile.decode(try Self.savedFile(&driver)).org
        let catalog = try #require(PresetCatalog.named("helpdesk-tiers")).load()
        for id in ["tier-1-support", "tier-2-support", "tier-3-support"] {
            let role = try #require(saved.role(id), "\(id) was added")
            let original = try #require(catalog.role(id))
            #expect(role.requires == original.requires)
            #expect(role.tier == original.tier)
            #expect(role.critical == original.critical)
            #expect(role.escalatesTo == original.escalatesTo)
        }
    }

    @Test("A: a role added later completes the related links of those added earlier")
    func relatedCompleted() throws {
        var driver = Self.newFile()
        driver.press(.showRoles)
        Self.addFromCatalog(&driver, "msp-roles", "help desk")
        #expect(driver.state.document.org.role("help-desk-technician")?.related == [], "nothing to link to yet")
        Self.addFromCatalog(&driver, "msp-roles", "on-site")
        let org = driver.state.document.org
        #expect(org.role("help-desk-technician")?.related == ["on-site-engineer"])
        #expect(org.role("on-site-engineer")?.related == ["help-desk-technician"])
    }

    // MARK: - B. The role dialog sets every field a catalog brings

    @Test("B: the role forms set escalates to and related roles (from a picker), requires, summary and tier")
    func roleFormLinksAndRequires() throws {
        var driver = Self.newFile()
        driver.press(.showRoles)
        for name in ["Dispatcher", "Service Desk"] {
            driver.press(.addRole)
            driver.type(name)
            driver.press(.confirm)
        }
        driver.press(.addRole)
        driver.type("Front Line")
        driver.focus("Summary")
        driver.type("Answers first")
        driver.focus("Tier")
        driver.press(.nextValue)                         // — → 1
        driver.focus("Escalates to")
        #expect(driver.screen.contains("Space chooses from the roles"), "the hint says how")
        driver.press(.nextValue)                         // opens the roles picker
        driver.type("service")
        driver.press(.confirm)
        #expect(driver.state.dialogs.count == 1, "back in the form")
        #expect(driver.lines.contains { $0.contains("Escalates to") && $0.contains("Service Desk") })
        driver.focus("Related roles")
        driver.press(.nextValue)
        driver.key(.character(" "))                        // Dispatcher
        driver.key(.character(" "))                        // Service Desk
        driver.press(.confirm)
        #expect(driver.lines.contains { $0.contains("Related roles") && $0.contains("Dispatcher, Service Desk") })
        driver.focus("Certifications")
        driver.type("CompTIA A+, ITIL 4")
        driver.focus("Any certification of")
        driver.type("CCNA, Network+")
        driver.focus("Minimum years")
        driver.type("2")
        driver.press(.confirm)
        #expect(driver.state.dialogs.isEmpty)
        let role = try #require(driver.state.document.org.role("front-line"))
        #expect(role.summary == "Answers first")
        #expect(role.tier == 1)
        #expect(role.escalatesTo == "service-desk")
        #expect(role.related == ["dispatcher", "service-desk"])
        #expect(role.requires == Requirements(certifications: ["CompTIA A+", "ITIL 4"], anyCertification: ["CCNA", "Network+"], minYears: 2))

        // The edit form shows them and changes them: Backspace clears a role field.
        let added = driver.state.document.org
        driver.press(.editRole)
        #expect(driver.lines.contains { $0.contains("Escalates to") && $0.contains("Service Desk") })
        driver.focus("Escalates to")
        driver.key(.backspace)
        driver.focus("Related roles")
        driver.press(.nextValue)
        driver.type("disp")
        driver.key(.character(" "))                        // unmark Dispatcher: Service Desk stays
        driver.press(.confirm)
        driver.focus("Minimum years")
        driver.key(.backspace)
        driver.press(.confirm)
        let edited = try #require(driver.state.document.org.role("front-line"))
        #expect(edited.escalatesTo == nil)
        #expect(edited.related == ["service-desk"])
        #expect(edited.requires?.minYears == nil)
        #expect(edited.requires?.certifications == ["CompTIA A+", "ITIL 4"])
        driver.press(.undo)
        #expect(driver.state.document.org == added, "one undo step")
    }

    @Test("B: a role field's picker leaves out the role itself; Esc there changes nothing")
    func rolePickerLeavesOutItself() throws {
        var driver = try Driver()
        driver.press(.showRoles)
        let selected = try #require(driver.state.selectedRole)
        let name = try #require(driver.state.document.org.role(selected)?.name)
        driver.press(.editRole)
        driver.focus("Escalates to")
        driver.press(.nextValue)
        guard case .picker(let picker)? = driver.state.dialogs.last else { Issue.record("no picker"); return }
        #expect(!picker.items.contains { $0.label == name })
        #expect(picker.items.first?.label == "— none")
        driver.press(.cancel)
        #expect(driver.state.dialogs.count == 1)
        driver.press(.confirm)
        #expect(!driver.state.document.history.canUndo, "nothing changed")
    }

    /// The fields of the file format (docs/file-format.md) and where the builder edits each:
    /// a form's label, or a key. A field added to the format and to no form fails here.
    static let editedWhere: [String: [String: String]] = [
        "roles[]": ["id": "made from the name", "name": "Name", "category": "Category", "summary": "Summary", "aliases": "Aliases",
                    "related": "Related roles", "hoursPerWeek": "Hours per week", "critical": "Critical", "tier": "Tier",
                    "escalatesTo": "Escalates to", "requires": "Certifications|Any certification of|Minimum years"],
        "duties[]": ["id": "made from the name", "name": "Name", "area": "Area", "role": "key m", "hoursPerWeek": "Hours per week",
                     "critical": "Critical", "specialProject": "Special project"],
    ]

    @Test("B: every role and duty field of the file format is editable in the builder", arguments: ["roles[]", "duties[]"])
    func everyFieldEditable(section: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/file-format.md")
        let doc = try String(contentsOf: url, encoding: .utf8)
        let table = try #require(doc.components(separatedBy: "## `\(section)`\n").dropFirst().first?.components(separatedBy: "\n## ").first)
        let fields = table.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            return line.dropFirst(3).split(separator: "`").first.map(String.init)
        }
        #expect(fields.count >= 6)
        var driver = try Driver()
        driver.press(section == "roles[]" ? .showRoles : .showDuties)
        var labels: [String] = []
        for open in section == "roles[]" ? [BindingID.addRole, .editRole] : [.addDuty, .editDuty] {
            driver.press(open)
            guard case .form(let form)? = driver.state.dialogs.last else { Issue.record("\(open) opened no form"); continue }
            labels = form.fields.map(\.label)
            driver.press(.cancel)
            for field in fields {
                let place = try #require(Self.editedWhere[section]?[field], "\(section).\(field) is edited nowhere in the builder")
                guard !place.hasPrefix("key "), !place.hasPrefix("made ") else { continue }
                for label in place.split(separator: "|") {
                    #expect(labels.contains(String(label)), "\(open) has no \(label) field for \(section).\(field)")
                }
            }
        }
    }

    // MARK: - G. External and open positions from the Add-person form

    @Test("G: the Add-person form adds an outside provider (External) or an open position at once")
    func addExternalAndOpen() throws {
        var driver = Self.newFile()
        driver.press(.addPerson)
        #expect(driver.screen.contains("External"))
        #expect(driver.screen.contains("Open position"))
        driver.type("Ledgerly Accounting")
        driver.focus("External")
        driver.press(.nextValue)
        driver.press(.confirm)
        #expect(driver.state.dialogs.isEmpty)
        let provider = try #require(driver.state.document.org.person("ledgerly-accounting"))
        #expect(provider.external)
        #expect(!provider.open)
        #expect(driver.state.status?.text.hasPrefix("Added the outside provider Ledgerly Accounting.") == true)
        driver.press(.addPerson)
        driver.type("Open: Technician")
        driver.focus("Open position")
        driver.press(.nextValue)
        driver.press(.confirm)
        let open = try #require(driver.state.document.org.person("open-technician"))
        #expect(open.open)
        #expect(!open.external)
        driver.press(.undo)
        driver.press(.undo)
        #expect(driver.state.document.org.people.isEmpty, "each one undo step")
    }


    // MARK: - D. Several catalog roles at once

    @Test("D: in a catalog Space marks several roles and Enter adds them all, with their duties and links, in one undo step")
    func catalogSeveralAtOnce() throws {
        var driver = Self.newFile()
        driver.press(.showRoles)
        driver.press(.addRoleFromCatalog)
        driver.type("msp-10")
        driver.press(.confirm)
        #expect(driver.screen.contains("Space marks"), "the footer says how")
        driver.key(.down, times: 2)                      // Level 1 Technician
        driver.key(.character(" "), times: 3)            // marks it and the two below
        #expect(driver.screen.contains("3 marked"))
        #expect(driver.lines.contains { $0.contains("✓ Level 2 Technician") })
        driver.press(.confirm)
        #expect(driver.state.dialogs.isEmpty)
        let org = driver.state.document.org
        #expect(org.roles.map(\.id) == ["level-1-technician", "level-2-technician", "level-3-engineer"])
        #expect(org.duties.count == 9)
        #expect(org.role("level-1-technician")?.escalatesTo == "level-2-technician")
        #expect(org.role("level-2-technician")?.escalatesTo == "level-3-engineer")
        #expect(driver.state.status?.text.contains("3 roles") == true)
        driver.press(.undo)
        #expect(driver.state.document.org.roles.isEmpty && driver.state.document.org.duties.isEmpty, "one undo step")
    }

    @Test("D: while typing a filter Space separates words until one role matches; Tab always marks; a role in the org cannot be marked")
    func catalogMarkWhileFiltering() throws {
        var driver = Self.newFile()
        driver.press(.showRoles)
        Self.addFromCatalog(&driver, "msp-10", "service manager")
        driver.press(.addRoleFromCatalog)
        driver.type("msp-10")
        driver.press(.confirm)
        driver.type("level")
        driver.key(.character(" "))                      // three match: a space
        driver.type("2")
        driver.key(.character(" "))                      // one matches: marks Level 2
        driver.key(.control("u"))
        driver.type("tier 3")
        driver.key(.tab)                                 // alias of Level 3: marks it
        driver.key(.control("u"))
        driver.type("service")
        driver.key(.character(" "))                      // Service Manager is in the org already
        #expect(driver.state.status?.text == "Can't mark Service Manager: already in this org")
        driver.press(.confirm)
        #expect(driver.state.document.org.roles.map(\.id) == ["service-manager", "level-2-technician", "level-3-engineer"])
    }


    @Test("D: the catalog with three roles marked, as drawn", arguments: [(80, 24), (120, 40)])
    func catalogMarkedScreen(size: (Int, Int)) throws {
        var driver = Self.newFile(width: size.0, height: size.1)
        driver.press(.showRoles)
        driver.press(.addRoleFromCatalog)
        driver.type("msp-10")
        driver.press(.confirm)
        driver.key(.down, times: 2)
        driver.key(.character(" "), times: 3)
        assertScreen(driver.screen, "catalog-marked-\(size.0)x\(size.1)")
    }


    // MARK: - C. Giving a hat creates the role, or brings it from a catalog

    /// A new file with one person in it, their hats dialog open.
    static func personWithHatsOpen(_ name: String = "Kim Adler", org: Org = .empty(), width: Int = 120, height: Int = 35) -> Driver {
        var driver = Driver(org: org, path: "new.json", width: width, height: height)
        driver.press(.addPerson)
        driver.type(name)
        driver.press(.confirm)
        driver.press(.editHats)
        return driver
    }

    @Test("C: with no roles at all, giving a hat offers \"Create role\" for what was typed: the role and the hat, one undo step")
    func hatPickerCreatesRole() throws {
        var driver = Self.personWithHatsOpen()
        let before = driver.state.document.org
        driver.press(.addHat)
        #expect(driver.state.dialogs.count == 2, "a picker opens: no dead end")
        #expect(!driver.screen.contains("There are no roles yet"))
        driver.type("Dispatcher")
        #expect(driver.screen.contains("Create role “Dispatcher”"))
        driver.press(.confirm)
        let org = driver.state.document.org
        #expect(org.role("dispatcher")?.name == "Dispatcher")
        #expect(org.person("kim-adler")?.wears("dispatcher") == true)
        guard case .hats? = driver.state.dialogs.last else { Issue.record("back in the hats dialog"); return }
        driver.press(.cancel)
        driver.press(.cancel)
        driver.press(.undo)
        #expect(driver.state.document.org == before, "one undo step takes the hat and the new role")
    }

    @Test("C: giving a hat offers catalog roles that match; one comes with its duties and its links to the org's roles")
    func hatPickerOffersCatalog() throws {
        var driver = Self.newFile()
        driver.press(.showRoles)
        Self.addFromCatalog(&driver, "msp-10", "level 2")
        driver.press(.showChart)
        driver.press(.addPerson)
        driver.type("Kim Adler")
        driver.press(.confirm)
        driver.press(.editHats)
        let before = driver.state.document.org
        driver.press(.addHat)
        driver.type("level 1")
        let row = try #require(driver.lines.first { $0.contains("Level 1 Technician") }, "the catalog role is offered")
        #expect(row.contains("msp-10"))
        #expect(driver.screen.contains("Create role “level 1”"), "and creating one")
        driver.press(.confirm)
        let org = driver.state.document.org
        let role = try #require(org.role("level-1-technician"))
        #expect(role.escalatesTo == "level-2-technician", "linked to the role already in the org")
        #expect(org.duties.filter { $0.role == "level-1-technician" }.count == 3)
        #expect(org.person("kim-adler")?.wears("level-1-technician") == true)
        driver.press(.cancel)
        driver.press(.cancel)
        driver.press(.undo)
        #expect(driver.state.document.org == before, "one undo step")
    }

    @Test("C: someone who wears every role can still be given a new one")
    func hatPickerWhenEveryRoleWorn() throws {
        var org = Org.empty()
        try org.apply(.addRole(Role(id: "owner", name: "Owner")))
        try org.apply(.addPerson(Person(id: "kim", name: "Kim", hats: [Hat(role: "owner")])))
        var driver = Driver(org: org, path: "new.json", width: 120, height: 35)
        driver.press(.editHats)
        driver.press(.addHat)
        #expect(driver.state.dialogs.count == 2)
        driver.type("owner")
        #expect(driver.lines.contains { $0.contains("Owner") && $0.contains("already wears it") })
        #expect(!driver.screen.contains("Create role “owner”"), "no second role of the same name")
        driver.key(.control("u"))
        driver.type("Bookkeeper")
        driver.press(.choiceDown, times: 20)
        #expect(driver.screen.contains("Create role “Bookkeeper”"))
    }


    @Test("C: the give-a-hat picker with no roles in the org, a name typed, as drawn", arguments: [(80, 24), (120, 40)])
    func hatPickerScreen(size: (Int, Int)) throws {
        var driver = Self.personWithHatsOpen(width: size.0, height: size.1)
        driver.press(.addHat)
        driver.type("tech")
        assertScreen(driver.screen, "give-hat-no-roles-\(size.0)x\(size.1)")
    }


    // MARK: - E. A new hat starts at what the role still lacks

    /// Closes every dialog (Esc, as often as needed).
    static func closeDialogs(_ driver: inout Driver) {
        for _ in 0..<5 where !driver.state.dialogs.isEmpty { driver.press(.cancel) }
    }

    @Test("E: a new hat starts at the role's unfilled hours, capped at the person's room; the picker shows that choice")
    func newHatStartsAtUnfilled() throws {
        var driver = Self.newFile()
        driver.press(.showRoles)
        Self.addFromCatalog(&driver, "msp-10", "level 1")       // 68 h a week
        driver.press(.showChart)
        for (name, expected, row) in [("Kim Adler", 40.0, "40.0 of 68.0 h unfilled → 100 %"), ("Lee Park", 28.0, "28.0 h unfilled → 70 %")] {
            driver.press(.addPerson)
            driver.type(name)
            driver.press(.confirm)
            driver.press(.editHats)
            driver.press(.addHat)
            driver.type("level 1")
            let line = try #require(driver.lines.first { $0.contains("Level 1 Technician") })
            #expect(line.contains(row), "the picker shows the hours the hat starts at: \(line)")
            #expect(!line.contains("170 %"))
            driver.press(.confirm)
            let id = OrgID.slug(name, fallback: "")
            #expect(driver.state.document.org.person(id)?.hats == [Hat(role: "level-1-technician", hoursPerWeek: expected)])
            Self.closeDialogs(&driver)
        }
        #expect(driver.state.load(of: "kim-adler")?.load == 1)
        #expect(!driver.state.check.findings.all.contains { $0.rule == .understaffedRole }, "the role is filled")
    }

    @Test("E: beside wearers with equal shares the new hat takes what the shares leave once it is worn: the role stays filled")
    func newHatBesideShares() throws {
        var driver = try Driver()
        driver.select(person: "sam-ortiz")
        driver.press(.addPerson)
        driver.type("Noor Haddad")
        driver.press(.confirm)
        driver.press(.editHats)
        driver.press(.addHat)
        driver.type("level 1")
        let line = try #require(driver.lines.first { $0.contains("Level 1 Technician") })
        #expect(line.contains("22.7 h unfilled"), "68 h shared by three: Lee and Ana's shares leave 22.7 h: \(line)")
        driver.press(.confirm)
        let org = driver.state.document.org
        let hours = Hours(org)
        let given = org.people.compactMap { $0.hats.first { $0.role == "level-1-technician" } }.reduce(0) { $0 + hours.hours(of: $1) }
        #expect(abs(given - 68) < 0.1)
    }

    @Test("E: an outside provider's new hat is not capped; a role with no hours gives an equal share")
    func newHatProviderAndNoHours() throws {
        var org = Org.empty()
        try org.apply(.addRole(Role(id: "books", name: "Bookkeeping", hoursPerWeek: 60)))
        try org.apply(.addRole(Role(id: "errands", name: "Errands")))
        try org.apply(.addPerson(Person(id: "firm", name: "Ledger & Co", external: true)))
        var driver = Driver(org: org, path: "new.json", width: 120, height: 35)
        driver.select(person: "firm")
        driver.press(.editHats)
        driver.press(.addHat)
        driver.type("book")
        #expect(driver.lines.contains { $0.contains("Bookkeeping") && $0.contains("60.0 h unfilled") })
        driver.press(.confirm)
        Self.closeDialogs(&driver)
        driver.press(.editHats)
        driver.press(.addHat)
        driver.type("errands")
        driver.press(.confirm)
        #expect(driver.state.document.org.person("firm")?.hats == [Hat(role: "books", hoursPerWeek: 60), Hat(role: "errands")])
    }


    // MARK: - F. The new hat is selected, its hours ready to type

    static func hatsDialog(_ driver: Driver) -> HatsDialog? {
        if case .hats(let hats)? = driver.state.dialogs.last { return hats }
        return nil
    }

    @Test("F: after a hat is given the cursor is on it with its hours field open; typing replaces them; the footer total follows the typing")
    func newHatReadyToType() throws {
        var driver = Self.newFile()
        driver.press(.showRoles)
        Self.addFromCatalog(&driver, "msp-10", "level 1")
        driver.press(.showChart)
        driver.press(.addPerson)
        driver.type("Kim Adler")
        driver.press(.confirm)
        driver.press(.editHats)
        driver.press(.addHat)
        driver.type("Dispatcher")
        driver.press(.confirm)                            // Create role “Dispatcher”
        var hats = try #require(Self.hatsDialog(driver))
        #expect(hats.list.selected == 0)
        #expect(hats.editing != nil, "the hours field is open")
        driver.type("22")
        #expect(driver.screen.contains("22.0 h · 1 hat"), "the total follows the typing")
        driver.key(.enter)
        driver.press(.addHat)
        driver.type("level 1")
        driver.press(.confirm)                            // starts at Kim's room: 11 h (two kinds of work cost switching)
        hats = try #require(Self.hatsDialog(driver))
        #expect(hats.list.selected == 1, "the cursor is on the new hat")
        #expect(hats.editing?.text == "11")
        #expect(driver.screen.contains("33.0 h · 2 hats"))
        driver.type("10")                                 // replaces the 11
        #expect(driver.screen.contains("32.0 h · 2 hats"), "before Enter")
        driver.key(.enter)
        #expect(driver.state.document.org.person("kim-adler")?.hats == [Hat(role: "dispatcher", hoursPerWeek: 22), Hat(role: "level-1-technician", hoursPerWeek: 10)])
        #expect(Self.hatsDialog(driver)?.editing == nil)
        Self.closeDialogs(&driver)
        driver.press(.undo)
        #expect(driver.state.document.org.person("kim-adler")?.hats.last == Hat(role: "level-1-technician", hoursPerWeek: 11), "the hours typed are their own undo step")
    }

    @Test("F: Enter on a new hat keeps the hours it started at (no extra undo step); Esc too")
    func newHatEnterKeeps() throws {
        var driver = try Driver()
        driver.select(person: "raj-patel")
        driver.press(.editHats)
        driver.press(.addHat)
        driver.type("level 2")
        driver.press(.confirm)
        let revision = driver.state.document.history.revision
        driver.key(.enter)
        #expect(driver.state.document.history.revision == revision)
        #expect(Self.hatsDialog(driver)?.editing == nil)
        #expect(driver.state.document.org.person("raj-patel")?.hats.last == Hat(role: "level-2-technician", hoursPerWeek: 4))
        driver.press(.addHat)
        driver.type("office")
        driver.press(.confirm)
        #expect(Self.hatsDialog(driver)?.editing != nil)
        driver.type("12")
        driver.press(.cancel)                             // stops typing: the hat keeps its start
        #expect(Self.hatsDialog(driver)?.editing == nil)
        #expect(driver.state.document.org.person("raj-patel")?.hats.last?.role == "office-manager")
        #expect(driver.state.document.org.person("raj-patel")?.hats.last?.hoursPerWeek != 12)
    }

    @Test("F: the hats dialog right after a hat is given, as drawn", arguments: [(80, 24), (120, 40)])
    func newHatScreen(size: (Int, Int)) throws {
        var driver = try Driver(width: size.0, height: size.1)
        driver.select(person: "raj-patel")
        driver.press(.editHats)
        driver.press(.addHat)
        driver.type("level 2")
        driver.press(.confirm)
        driver.type("6")
        assertScreen(driver.screen, "hats-new-hat-\(size.0)x\(size.1)")
    }

}

extension Driver {
    /// Moves a form's focus to the field with this label (Tab, as a user would).
    mutating func focus(_ label: String) {
        for _ in 0..<40 {
            guard case .form(let form)? = state.dialogs.last else { return }
            if form.fields.indices.contains(form.focus), form.fields[form.focus].label == label { return }
            press(.nextField)
        }
        Issue.record("no field \(label)")
    }
}
