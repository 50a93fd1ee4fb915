/// Graphviz DOT: a box per person (name, title, one line per hat, load), filled by load
/// severity; solid edges from manager to report, dashed edges for dotted lines (which do
/// not shape the ranks); external providers in their own cluster.
///
/// Node ids are generated (`p0`, `p1`, … by position in the file); user text appears only
/// in quoted `label` strings, through `Escape.dot`, and never in URL, href or other
/// attributes.
public enum DotExport {
    public static func render(_ org: Org) -> String {
        let facts = ExportFacts(chartOnly: org)
        var out = "digraph hats {\n"
        out += "  graph [rankdir=TB, labelloc=t, fontname=\"Helvetica\", fontsize=18, nodesep=0.3, ranksep=0.5, label=\(quoted(org.name.isEmpty ? "Org chart" : Escape.oneLine(org.name)))];\n"
        out += "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10, color=\"#555555\", fillcolor=\"#ffffff\"];\n"
        out += "  edge [color=\"#555555\", arrowhead=none];\n"

        func node(_ position: Int, indent: String) {
            let person = org.people[position]
            var lines = [Escape.oneLine(person.name)]
            let title = ExportFacts.boxTitle(person)
            if !title.isEmpty { lines.append(Escape.oneLine(title)) }
            lines += facts.hatTexts(person).map(Escape.oneLine)
            lines.append(person.external ? "external" : "load \(facts.loadText(person))")
            let band = facts.band(person)
            let style = person.open ? ", style=\"rounded,filled,dashed\"" : ""
            out += "\(indent)p\(position) [label=\(quoted(lines.joined(separator: "\n"))), fillcolor=\"\(band.fill)\", color=\"\(band.stroke)\"\(style)];\n"
        }

        for (position, person) in org.people.enumerated() where !person.external {
            node(position, indent: "  ")
        }
        if !facts.tree.externalRoots.isEmpty {
            out += "  subgraph cluster_external {\n"
            out += "    label=\"External providers\"; style=\"dashed,rounded\"; color=\"#3949ab\"; fontsize=12;\n"
            for (position, person) in org.people.enumerated() where person.external {
                node(position, indent: "    ")
            }
            out += "  }\n"
        }
        for (position, person) in org.people.enumerated() {
            if let manager = person.reportsTo.flatMap(org.position(ofPerson:)) {
                out += "  p\(manager) -> p\(position);\n"
            }
        }
        for (position, person) in org.people.enumerated() {
            for manager in person.dottedTo.compactMap(org.position(ofPerson:)) {
                out += "  p\(manager) -> p\(position) [style=dashed, constraint=false, color=\"#7b5ea7\"];\n"
            }
        }
        out += "}\n"
        return out
    }

    /// A DOT quoted string. Line breaks hats puts between the lines of a label are `\n`.
    static func quoted(_ text: String) -> String {
        "\"" + Escape.dot(text) + "\""
    }
}
