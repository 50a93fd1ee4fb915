import Foundation
import Testing
@testable import OrgKit

/// Names that try to break out of every output format.
enum Hostile {
    static let names: [String] = [
        "Quote\"\u{301} onmouseover=\"alert(1)\" x='\u{301}y'",
        "<script>alert(1)</script>",
        "</text></svg><script>alert(2)</script>",
        "javascript:alert(3)",
        "[click me](javascript:alert(4)) <javascript:alert(5)>",
        "Line one\r\nLine two\nLine three\rend",
        "Tab\tseparated\tname",
        "Nul\u{0}bell\u{7}escape\u{1B}[31mred\u{7F}del\u{85}nel",
        "Bidi \u{202E}gnp.exe\u{202C} and \u{2066}isolate\u{2069}",
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "+1+2", "-2-3", "@SUM(A1)", "\tTabbed", "'=already guarded",
        "%%{init: {'theme':'dark'}}%% flowchart",
        "Pipe | name \\| back\\slash \\",
        "# Heading *bold* _it_ ~~strike~~ `code` ![img](x.png) <b>bold</b> &amp; $x$",
        "https://evil.example www.evil.example evil@example.com",
        "- list item", "1. ordered", "   spaced",
        "\\N \\G \\L \\l dot escapes",
        "Mermaid #quot; #35; `md` &lt; click",
        "\u{FFFE}noncharacter\u{FFFF}",
        "王芳 Zoë Müller \u{1F600}",
    ]

    /// An org using every hostile string as a person's name, title, e-mail and role name.
    static func org() throws -> Org {
        var roles: [Role] = []
        var people: [Person] = []
        for (index, name) in names.enumerated() {
            roles.append(Role(id: "r\(index)", name: "Role " + name, hoursPerWeek: Double(index + 1)))
            people.append(Person(
                id: "p\(index)", name: name, title: "Title " + name, email: name,
                reportsTo: index == 0 ? nil : "p\((index - 1) / 3)",
                dottedTo: index >= 4 ? ["p\(index - 3)"] : [],
                external: index == names.count - 1,
                hats: [Hat(role: "r\(index)")]
            ))
        }
        let duties = names.enumerated().map { index, name in
            Duty(id: "d\(index)", name: "Duty " + name, area: "Area " + names[index % 4], role: "r\(index)", hoursPerWeek: 1)
        }
        return try Org(name: "Org " + names[3] + " " + names[1], description: names[17], roles: roles, duties: duties, people: people)
    }
}

/// Orgs the exports are shown with: the presets, the sample, and accents and CJK.
enum ExportFixtures {
    static func presets() throws -> [(name: String, org: Org)] {
        try PresetCatalog.all.map { ($0.name, try $0.load()) }
    }

    /// msp-10 with Sales & Marketing taken off the owner and given to an open position:
    /// the planned hire of an account executive.
    static func withOpenPosition() throws -> Org {
        var org = try #require(PresetCatalog.named("msp-10")).load()
        try org.apply(.removeHat(person: "dana-reyes", role: "sales-marketing"))
        try org.apply(.addPerson(Person(id: "open-account-executive", name: "Open: Account Executive", title: "Account Executive",
                                        reportsTo: "dana-reyes", open: true, hats: [Hat(role: "sales-marketing")])))
        return org
    }

    /// A seven-person MSP as a new owner builds it: the owner, a service manager with five
    /// technicians (the shape whose chart came out lopsided), one of them overloaded and
    /// one an open position.
    static func sevenPerson() throws -> Org {
        try Org(
            name: "Seven Bridges IT",
            roles: [
                Role(id: "owner", name: "Owner / CEO", category: "Leadership", hoursPerWeek: 30, critical: true),
                Role(id: "service-manager", name: "Service Manager", category: "Service delivery", hoursPerWeek: 30, critical: true),
                Role(id: "tech", name: "Technician", category: "Service delivery", hoursPerWeek: 150),
                Role(id: "sales", name: "Sales & Marketing", category: "Growth", hoursPerWeek: 10),
            ],
            people: [
                Person(id: "olivia", name: "Olivia Brandt", title: "Owner", hats: [Hat(role: "owner"), Hat(role: "sales")]),
                Person(id: "max", name: "Max Okafor", title: "Service Manager", reportsTo: "olivia", hats: [Hat(role: "service-manager"), Hat(role: "tech", hoursPerWeek: 12)]),
                Person(id: "ann", name: "Ann Lee", title: "Technician", reportsTo: "max", hats: [Hat(role: "tech", hoursPerWeek: 36)]),
                Person(id: "ben", name: "Ben Ruiz", title: "Technician", reportsTo: "max", hats: [Hat(role: "tech", hoursPerWeek: 52)]),
                Person(id: "cat", name: "Cat Nowak", title: "Technician", reportsTo: "max", hats: [Hat(role: "tech", hoursPerWeek: 30)]),
                Person(id: "dev", name: "Dev Patel", title: "Technician", reportsTo: "max", hats: [Hat(role: "tech", hoursPerWeek: 20)]),
                Person(id: "open-tech", name: "Open: Technician", title: "Technician", reportsTo: "max", open: true, hats: [Hat(role: "tech", hoursPerWeek: 24)]),
            ]
        )
    }

    /// Accented, CJK and emoji names, a deep line and a dotted line.
    static func international() throws -> Org {
        try Org(
            name: "Café Zürich · 東京支社",
            roles: [
                Role(id: "lead", name: "Geschäftsführung", hoursPerWeek: 30, critical: true),
                Role(id: "ops", name: "運用 Operations", hoursPerWeek: 60),
                Role(id: "sales", name: "Ventes & Marketing", hoursPerWeek: 12),
            ],
            people: [
                Person(id: "jose", name: "José Ñúñez", title: "Directeur général", hats: [Hat(role: "lead"), Hat(role: "sales")]),
                Person(id: "sato", name: "佐藤 花子", title: "運用マネージャー", reportsTo: "jose", hats: [Hat(role: "ops", hoursPerWeek: 38)]),
                Person(id: "kim", name: "김민준", title: "엔지니어", reportsTo: "sato", hats: [Hat(role: "ops")]),
                Person(id: "bjorn", name: "Björn Ødegård", title: "Technician", reportsTo: "sato", dottedTo: ["jose"], hats: [Hat(role: "ops")]),
                Person(id: "amelie", name: "Amélie Lefèvre-Dubois", title: "Stagiaire", reportsTo: "jose"),
                Person(id: "ext", name: "Ålesund IT AS", title: "Ekstern drift", reportsTo: "jose", external: true, hats: [Hat(role: "ops", hoursPerWeek: 10)]),
            ]
        )
    }
}

/// A seeded generator of realistic large orgs: each manager has 2–10 direct reports,
/// some reports are managers in turn, a few dotted lines, hats from a shared set of roles.
struct OrgGenerator {
    static func org(people count: Int, seed: UInt64) throws -> Org {
        var random = SplitMix64(seed: seed)
        let firstNames = ["Ana", "Sam", "Zoë", "王", "Kofi", "Mia", "Raj", "José", "Björn", "Lee", "佐藤", "Amélie"]
        let lastNames = ["Silva", "Ortiz", "Müller", "芳", "Mensah", "Chen", "Patel", "Ñúñez", "Ødegård", "Park", "花子", "Lefèvre"]
        let titles = ["Engineer", "Technician", "Team Lead", "Account Manager", "Service Manager", "Analyst"]
        let roles = (0..<12).map { Role(id: "r\($0)", name: "Role \($0)", hoursPerWeek: Double(20 + $0 * 10)) }
        var people: [Person] = []
        people.reserveCapacity(count)
        func person(_ index: Int, manager: Int?) -> Person {
            let name = "\(firstNames[random.next(in: 0...firstNames.count - 1)]) \(lastNames[random.next(in: 0...lastNames.count - 1)]) \(index)"
            var hats = [Hat(role: "r\(random.next(in: 0...11))", hoursPerWeek: Double(random.next(in: 10...40)))]
            if random.next(in: 0...3) == 0 {
                let second = "r\(random.next(in: 0...11))"
                if second != hats[0].role { hats.append(Hat(role: second, hoursPerWeek: Double(random.next(in: 2...12)))) }
            }
            return Person(id: "p\(index)", name: name, title: titles[random.next(in: 0...titles.count - 1)],
                          reportsTo: manager.map { "p\($0)" }, hats: hats)
        }
        people.append(person(0, manager: nil))
        // Managers are taken in order; each gets 2–10 reports, and about 45 % of the people
        // added become managers themselves, so the tree has realistic depth and leaves.
        var managers = [0]
        var next = 0
        while people.count < count {
            let manager: Int
            if next < managers.count {
                manager = managers[next]
                next += 1
            } else {
                manager = random.next(in: 0...people.count - 1)
            }
            for _ in 0..<random.next(in: 2...10) where people.count < count {
                let index = people.count
                people.append(person(index, manager: manager))
                if random.next(in: 0...99) < 45 { managers.append(index) }
            }
        }
        // A dotted line for about 1 % of the people, to someone earlier in the file.
        for index in stride(from: 5, to: people.count, by: 97) {
            let target = "p\(random.next(in: 0...index - 2))"
            if target != people[index].reportsTo { people[index].dottedTo = [target] }
        }
        return try Org(name: "Generated \(count)", roles: roles, people: people)
    }
}

extension OutsideTools {
    static let hasDot: Bool = {
        let found = run(["dot", "-V"]).status == 0
        if !found { print("SKIP: Graphviz dot is not installed; DOT rendering tests are skipped (apt-get install graphviz)") }
        return found
    }()

    static let hasPython: Bool = {
        let found = run(["python3", "-c", "import csv, xml.etree.ElementTree, html.parser"]).status == 0
        if !found { print("SKIP: python3 is not installed; CSV and XML parsing tests are skipped (apt-get install python3)") }
        return found
    }()

    static let hasCmarkGFM: Bool = {
        let found = run(["cmark-gfm", "--version"]).status == 0
        if !found { print("SKIP: cmark-gfm is not installed; Markdown rendering tests are skipped (apt-get install cmark-gfm)") }
        return found
    }()

    /// A scratch directory, removed by the caller.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hats-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
