/// Mermaid `flowchart TD`: one node per person with a generated id (`p0`, `p1`, … by
/// position in the file), a `["…"]` label with name, title, hats and load, solid links for
/// managers, dotted links (`-.->`) for dotted lines, external providers in a subgraph, and
/// a class per load band. User text appears only inside labels, through
/// `Escape.mermaidLabel`; there are no `click` lines and no comments.
public enum MermaidExport {
    public static func render(_ org: Org) -> String {
        let facts = ExportFacts(chartOnly: org)
        var out = "flowchart TD\n"
        func node(_ position: Int, indent: String) {
            let person = org.people[position]
            var lines = ["<b>" + Escape.mermaidLabel(person.name) + "</b>"]
            let title = ExportFacts.boxTitle(person)
            if !title.isEmpty { lines.append(Escape.mermaidLabel(title)) }
            let hats = facts.hatTexts(person)
            if !hats.isEmpty { lines.append(Escape.mermaidLabel(hats.joined(separator: " · "))) }
            lines.append(Escape.mermaidLabel(person.external ? "external" : "load \(facts.loadText(person))"))
            out += "\(indent)p\(position)[\"\(lines.joined(separator: "<br/>"))\"]\n"
        }
        for (position, person) in org.people.enumerated() where !person.external {
            node(position, indent: "  ")
        }
        if !facts.tree.externalRoots.isEmpty {
            out += "  subgraph external[\"External providers\"]\n"
            for (position, person) in org.people.enumerated() where person.external {
                node(position, indent: "    ")
            }
            out += "  end\n"
        }
        for (position, person) in org.people.enumerated() {
            if let manager = person.reportsTo.flatMap(org.position(ofPerson:)) {
                out += "  p\(manager) --> p\(position)\n"
            }
        }
        for (position, person) in org.people.enumerated() {
            for manager in person.dottedTo.compactMap(org.position(ofPerson:)) {
                out += "  p\(manager) -.-> p\(position)\n"
            }
        }
        var members: [ExportFacts.Band: [Int]] = [:]
        for (position, person) in org.people.enumerated() {
            members[facts.band(person), default: []].append(position)
        }
        for band in ExportFacts.Band.allCases {
            guard let positions = members[band], !positions.isEmpty else { continue }
            out += "  classDef \(band.rawValue) fill:\(band.fill),stroke:\(band.stroke),color:#000\n"
            // Long class lines are split so no single line grows without bound.
            var start = 0
            while start < positions.count {
                let chunk = positions[start..<min(start + 500, positions.count)]
                out += "  class \(chunk.map { "p\($0)" }.joined(separator: ",")) \(band.rawValue)\n"
                start += 500
            }
        }
        // A style line, not a class: a node has one class (its load band) and the dash is
        // on top of it.
        for (position, person) in org.people.enumerated() where person.open {
            out += "  style p\(position) stroke-dasharray:5 3\n"
        }
        return out
    }
}
