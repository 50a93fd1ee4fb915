import OrgKit

/// A seeded generator of realistic orgs for benchmarks and stress tests: a tree with 2–10
/// direct reports per manager, 40 roles with 3 duties each, 1–4 hats per person with hours,
/// some dotted lines and external providers, and a third of the names non-ASCII (accents,
/// Cyrillic, Greek, CJK). The same seed always gives the same org.
struct OrgGenerator {
    var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    static let given = ["Dana", "Sam", "Lee", "Ana", "Kofi", "Mia", "Raj", "Noor", "Omar", "Eva", "Liam", "Sofia", "Yuki", "Ines", "Tom", "Priya"]
    static let family = ["Reyes", "Ortiz", "Park", "Silva", "Mensah", "Chen", "Patel", "Haddad", "Novak", "Berg", "Costa", "Kowalski", "Okafor"]
    static let international = ["Zoë Müller", "José Álvarez", "Łukasz Wójcik", "Ærin Sørensen", "Çağla Yılmaz", "Ингрид Петрова", "Дмитрий Соколов",
                                "Νίκος Παπαδόπουλος", "Ελένη Γεωργίου", "王芳", "李伟", "田中 花子", "김민준", "Nguyễn Văn An", "François Lefèvre"]
    static let titles = ["Technician", "Engineer", "Team Lead", "Manager", "Analyst", "Coordinator", "Specialist", "Director"]

    mutating func org(people count: Int) -> Org {
        var roles: [Role] = []
        var duties: [Duty] = []
        for index in 0..<40 {
            roles.append(Role(id: "role-\(index)", name: "Role \(index)", category: "Area \(index % 8)",
                              aliases: ["Alias \(index)"], critical: index % 9 == 0))
            for duty in 0..<3 {
                duties.append(Duty(id: "duty-\(index)-\(duty)", name: "Duty \(duty) of role \(index)", area: "Area \(index % 8)",
                                   role: "role-\(index)", hoursPerWeek: Double(random.next(in: 1...6))))
            }
        }
        var people: [Person] = []
        people.reserveCapacity(count)
        // Breadth-first: each manager gets 2–10 reports until everyone is placed.
        var managers: [Int] = []
        var nextManager = 0
        var remainingForManager = 0
        for index in 0..<count {
            var reportsTo: String?
            if index > 0 {
                if remainingForManager == 0 {
                    nextManager = managers.isEmpty ? 0 : managers.removeFirst()
                    remainingForManager = random.next(in: 2...10)
                }
                reportsTo = "p\(nextManager)"
                remainingForManager -= 1
            }
            managers.append(index)
            let external = index > 0 && random.next(in: 0..<200) == 0
            var hats: [Hat] = []
            var taken: Set<Int> = []
            for _ in 0..<random.next(in: 1...4) {
                let role = random.next(in: 0..<40)
                guard taken.insert(role).inserted else { continue }
                hats.append(Hat(role: "role-\(role)", hoursPerWeek: Double(random.next(in: 2...16))))
            }
            var dotted: [String] = []
            if index > 10, random.next(in: 0..<25) == 0 {
                let target = random.next(in: 0..<index)
                if "p\(target)" != reportsTo { dotted.append("p\(target)") }
            }
            people.append(Person(id: "p\(index)", name: name(index), title: Self.titles[random.next(in: 0..<Self.titles.count)],
                                 email: "p\(index)@example.com", reportsTo: reportsTo, dottedTo: dotted,
                                 external: external, hats: hats))
        }
        // Valid by construction: managers come before their reports, ids are unique.
        return (try? Org(name: "Generated org (\(count) people)", roles: roles, duties: duties, people: people)) ?? .empty()
    }

    mutating func name(_ index: Int) -> String {
        if random.next(in: 0..<3) == 0 {
            return "\(Self.international[random.next(in: 0..<Self.international.count)]) \(index)"
        }
        return "\(Self.given[random.next(in: 0..<Self.given.count)]) \(Self.family[random.next(in: 0..<Self.family.count)]) \(index)"
    }
}
