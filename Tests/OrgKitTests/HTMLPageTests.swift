import Foundation
import Testing
@testable import OrgKit

/// The HTML page as a document to send (issue 17): no inner scroll box, the org's name once,
/// a print stylesheet, and a duties table in the org's own hours.
@Suite("HTML page")
struct HTMLPageTests {
    static let day = Date(timeIntervalSince1970: 1_764_892_800)

    @Test("no inner scroll box, the org's name shown once, dated, and a print stylesheet that fits the chart and keeps rows whole")
    func document() throws {
        let org = try #require(PresetCatalog.named("msp-10")).load()
        let html = HTMLExport.render(org, asOf: Self.day)
        let style = try #require(html.components(separatedBy: "<style>").dropFirst().first?.components(separatedBy: "</style>").first)
        #expect(!style.contains("overflow"), "no scroll box of its own around the chart")
        #expect(!style.contains("max-height"))
        #expect(!style.contains("position: sticky"))
        // Shown once: the page's heading. (The <title> names the tab, the SVG's <title> and
        // aria-label are for screen readers: none is shown on the page.)
        let body = try #require(html.components(separatedBy: "<body>").last)
        #expect(body.components(separatedBy: ">Northwind MSP<").count - 1 == 1, "the name is shown once")
        #expect(body.contains("<h1>Northwind MSP</h1>"))
        #expect(body.contains("as of 2025-12-05"))
        let print = try #require(style.components(separatedBy: "@media print").last)
        #expect(print.contains("width: 100%"), "the chart fits the page's width")
        #expect(print.contains("tr, li { break-inside: avoid; }"), "table rows never split across pages")
        #expect(print.contains("thead { display: table-header-group; }"), "a table's heading repeats on each page")
    }

    @Test("the Duties table gives the hours the org's people give a duty, never a catalog's figure")
    func dutiesInOwnHours() throws {
        // A new org built from catalog roles: the Level 1 role and its duties from msp-10
        // (the catalog's 28 h for passwords, of 68 h), worn by one technician for 40 h.
        let catalog = try #require(PresetCatalog.named("msp-10")).load()
        var role = try #require(catalog.role("level-1-technician"))
        role.escalatesTo = nil
        role.related = []
        let duties = catalog.duties.filter { $0.role == role.id }
        let org = try Org(name: "New MSP", roles: [role], duties: duties,
                          people: [Person(id: "tess", name: "Tess", hats: [Hat(role: role.id, hoursPerWeek: 40)])])
        let html = HTMLExport.render(org, asOf: Self.day)
        let markdown = Exporter.export(org, as: .markdown)
        // 40 h × 28 / 68 = 16.5 h for passwords, not the catalog's 28.0.
        #expect(html.contains("<td class=\"n\">16.5</td>"), "\(html.components(separatedBy: "<h2>Duties</h2>").last ?? "")")
        #expect(!html.contains("<td class=\"n\">28.0</td>"))
        #expect(markdown.contains("| Level 1 Technician | 16.5 |"), "\(markdown)")
        // Nobody wearing the role: the duties show 0, not the catalog's hours.
        let unstaffed = try Org(name: "Empty", roles: [role], duties: duties)
        #expect(HTMLExport.render(unstaffed, asOf: Self.day).contains("<td class=\"n\">0.0</td>"))
    }
}
