import Foundation
import Testing
@testable import OrgKit

@Suite("Presets")
struct PresetTests {
    @Test("the presets compiled into the binary match Presets/*.json (run scripts/embed-presets.sh)")
    func embeddedMatchFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Presets").path)
            .filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.map { String($0.dropLast(5)) } == PresetCatalog.names.sorted())
        for preset in PresetCatalog.all {
            #expect(preset.text == (try readRepositoryFile("Presets/\(preset.name).json")), "\(preset.name) is stale")
            #expect(!preset.summary.isEmpty)
        }
        #expect(PresetCatalog.names.first == "msp-10")
    }

    func load(_ name: String) throws -> Org {
        try #require(PresetCatalog.named(name)).load()
    }

    @Test("msp-10: ten people with the article's roles, the owner wearing sales, marketing and HR")
    func msp10() throws {
        let org = try load("msp-10")
        #expect(org.people.count == 10)
        let roleNames = org.roles.map(\.name)
        for name in ["CEO / Owner", "Service Manager", "Level 1 Technician", "Level 2 Technician",
                     "Level 3 Technician / Engineer", "Sales & Marketing", "Account Manager",
                     "Office Manager / Admin Assistant", "Human Resources", "Bookkeeper / Accountant"] {
            #expect(roleNames.contains(name), "missing role \(name)")
        }
        for role in org.roles {
            #expect(org.duties.filter { $0.role == role.id }.count == 3, "\(role.name) needs its top three duties")
        }
        let owner = try #require(org.people.first { $0.reportsTo == nil && !$0.external })
        #expect(owner.title == "Owner / CEO")
        #expect(Set(owner.hats.map(\.role)) == ["ceo-owner", "sales-marketing", "human-resources"])
        #expect(Hours(org).wearers(ofRole: "account-manager").count == 2, "the account-manager hat is shared")
        let bookkeepers = Hours(org).wearers(ofRole: "bookkeeper").compactMap(org.person)
        #expect(bookkeepers.contains { $0.external }, "the bookkeeping is outsourced")
        for person in org.people where person.id != owner.id {
            #expect(person.reportsTo != nil, "\(person.name) needs a manager")
            #expect(person.title != nil)
        }
    }

    @Test("msp-roles: all 22 roles in seven kinds of work, each with a summary and three or more duties")
    func mspRoles() throws {
        let org = try load("msp-roles")
        #expect(org.people.isEmpty)
        #expect(org.roles.count == 22)
        let groups = Dictionary(grouping: org.roles, by: { $0.category ?? "" }).mapValues(\.count)
        #expect(groups == [
            // Kinds of work, not the source's three sections: switching is counted between
            // kinds, and the fit rule treats one kind as kin (docs/load-model.md), so help
            // desk and security work must not share one.
            "Service desk": 3,
            "Infrastructure": 4,
            "Security": 1,
            "Consulting and projects": 4,
            "Software": 4,
            "Sales and accounts": 4,
            "Customer success": 2,
        ])
        for role in org.roles {
            #expect(!(role.summary ?? "").isEmpty)
            #expect(org.duties.filter { $0.role == role.id }.count >= 3, "\(role.name)")
        }
        #expect(org.roles.map(\.name).contains("Quality Assurance (QA) Engineer"))
    }

    @Test("tech-roles: the role clusters by section with their aliases and see-also links")
    func techRoles() throws {
        let org = try load("tech-roles")
        #expect(org.people.isEmpty)
        let sections = Dictionary(grouping: org.roles, by: { $0.category ?? "" }).mapValues(\.count)
        #expect(sections == ["Product": 8, "Operations": 6, "Customer-facing, pre-commit": 3, "Customer-facing, post-commit": 7])
        let sre = try #require(org.roles.first { $0.name == "Site Reliability Engineer (SRE)" })
        #expect(sre.aliases.contains("DevOps / DevSecOps Engineer"))
        #expect(sre.related.compactMap { org.role($0)?.name } == ["Support Engineer", "IT Operations", "Quality Assurance (QA)"])
        let project = try #require(org.roles.first { $0.name == "Project Manager" })
        #expect(project.aliases.contains("Technical Program Manager (TPM, TPgM)"))
        for role in org.roles {
            #expect(!role.aliases.isEmpty, "\(role.name) needs its Similar-to names")
            #expect(role.name == "Managed Services" || !role.related.isEmpty, "\(role.name) needs its See-also links")
        }
    }

    @Test("helpdesk-tiers: three tiers escalating upward, with the certifications and years each needs")
    func helpdeskTiers() throws {
        let org = try load("helpdesk-tiers")
        let tiers = org.roles.filter { $0.tier != nil }.sorted { ($0.tier ?? 0) < ($1.tier ?? 0) }
        #expect(tiers.map(\.tier) == [1, 2, 3])
        #expect(tiers[0].escalatesTo == tiers[1].id)
        #expect(tiers[1].escalatesTo == tiers[2].id)
        #expect(tiers[2].escalatesTo == nil)
        #expect(tiers[0].requires?.certifications == ["CompTIA A+"])
        #expect(tiers[1].requires?.minYears == 2)
        #expect(tiers[1].requires?.anyCertification.contains("CompTIA Network+") == true)
        #expect(tiers[2].requires?.minYears == 5)
        for tier in tiers { #expect(org.duties.filter { $0.role == tier.id }.count == 3) }
        #expect((4...8).contains(org.people.count), "a small sample team")
    }

    @Test("tech-team-matrix: every responsibility in its area, special projects marked, four parties")
    func techTeamMatrix() throws {
        let org = try load("tech-team-matrix")
        #expect(org.duties.count == 74)
        let areas = Dictionary(grouping: org.duties, by: { $0.area ?? "" }).mapValues(\.count)
        #expect(areas == [
            "Day-to-Day Support": 5, "User Management": 5, "Hardware Management & Support": 15,
            "Software/Application Management & Support": 9, "Backup Management": 8,
            "Security Management": 16, "Data Management and Governance": 7, "Asset Management": 5,
            "Risk Management Policies and Procedures": 4,
        ])
        #expect(org.duties.filter(\.specialProject).map(\.name) == [
            "Setup new internal servers", "Troubleshoot, repair desktops, laptops, printers, servers",
        ])
        #expect(Set(org.roles.map(\.name)) == ["Internal IT", "MSP", "Security", "CIO"])
        let externals = org.people.filter(\.external)
        #expect(Set(externals.flatMap { $0.hats.map(\.role) }) == ["msp", "security"])
        #expect(org.duties.allSatisfy { $0.role != nil })
    }
}
