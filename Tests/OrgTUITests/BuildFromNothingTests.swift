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
}
