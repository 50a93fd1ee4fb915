import Foundation

/// One self-contained HTML page: the SVG chart inline, the findings, the people table with
/// loads, and the duties matrix (duties grouped by area down, people across).
///
/// No network (no external stylesheet, font, image or script; a Content-Security-Policy
/// that forbids them), no JavaScript at all, inline CSS only. Written as well-formed XML
/// (every element closed, attributes quoted, only XML's own entities), so an XML parser
/// reads it as well as a browser. User text appears only in text nodes, through
/// `Escape.xml`; never in attributes other than `aria-label`, never in style, script,
/// event handlers or links.
public enum HTMLExport {
    public static func render(_ org: Org, asOf: Date? = nil) -> String {
        let facts = ExportFacts(org, asOf: asOf)
        let text = { (value: String) in Escape.xml(Escape.oneLine(value)) }
        let name = org.name.isEmpty ? "Org chart" : org.name
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/>
            <title>\(text(name)) — org chart</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            <header>
            <h1>\(text(name))</h1>

            """
        if let description = org.description, !description.isEmpty {
            out += "<p>\(text(description))</p>\n"
        }
        out += "<p class=\"summary\">\(facts.report.count(.critical)) critical, \(facts.report.count(.warning)) warnings, \(facts.report.count(.info)) info · "
        out += "\(org.people.count) people, \(org.roles.count) roles, \(org.duties.count) duties · as of \(facts.asOf)</p>\n</header>\n"

        out += "<section>\n<h2>Chart</h2>\n<div class=\"chart\">\n"
        out += SVGExport.render(facts, standalone: false)
        out += "</div>\n</section>\n"

        // Findings
        out += "<section>\n<h2>Findings</h2>\n"
        if facts.report.findings.isEmpty {
            out += "<p>No findings.</p>\n"
        } else {
            out += "<ul class=\"findings\">\n"
            for finding in facts.report.findings {
                out += "<li class=\"\(finding.severity.name)\"><span class=\"symbol\">\(ExportFacts.severitySymbol(finding.severity))</span> "
                out += "<strong>\(finding.severity.name)</strong> <code>\(finding.rule.rawValue)</code> · \(text(finding.subject.name))"
                out += "<br/>\(text(finding.message))"
                if let suggestion = finding.suggestion {
                    out += "<br/><span class=\"suggestion\">→ \(text(suggestion.text))</span>"
                } else if let reason = finding.noSuggestion {
                    out += "<br/><span class=\"suggestion\">No suggestion: \(text(reason))</span>"
                }
                out += "</li>\n"
            }
            out += "</ul>\n"
        }
        out += "</section>\n"

        // People
        out += "<section>\n<h2>People</h2>\n"
        if org.people.isEmpty {
            out += "<p>Nobody yet.</p>\n"
        } else {
            let departments = org.people.contains { !($0.department ?? "").isEmpty }
            out += "<table class=\"people\">\n<thead><tr><th>Person</th><th>Title</th>\(departments ? "<th>Department</th>" : "")<th>Reports to</th><th>Hats</th><th class=\"n\">Hours</th><th class=\"n\">Capacity</th><th class=\"n\">Switching</th><th class=\"n\">Effective</th><th class=\"n\">Load</th></tr></thead>\n<tbody>\n"
            for person in org.people {
                guard let load = facts.load(person) else { continue }
                let band = facts.band(person)
                let manager = person.reportsTo.flatMap(org.person).map { text($0.name) } ?? ""
                let dotted = person.dottedTo.compactMap(org.person).map { text($0.name) }
                out += "<tr><td>\(text(person.name))</td><td>\(text(ExportFacts.boxTitle(person)))</td>"
                if departments { out += "<td>\(text(person.department ?? ""))</td>" }
                out += "<td>\(manager)"
                if !dotted.isEmpty { out += "<br/><span class=\"dotted\">dotted: \(dotted.joined(separator: ", "))</span>" }
                out += "</td><td>\(facts.hatTexts(person).map(text).joined(separator: "<br/>"))</td>"
                out += "<td class=\"n\">\(Format.oneDecimal(load.allocatedHours))</td><td class=\"n\">\(Format.oneDecimal(load.capacityHours))</td>"
                if person.external {
                    out += "<td class=\"n\"></td><td class=\"n\"></td><td class=\"n band-external\">external</td></tr>\n"
                } else {
                    var loadText = Format.percent(load.load)
                    if let severity = load.severity(under: org.policy) { loadText += " " + ExportFacts.severitySymbol(severity) }
                    out += "<td class=\"n\">\(Format.percentNumber(load.switchLoss)) %</td><td class=\"n\">\(Format.oneDecimal(load.effectiveHours))</td>"
                    out += "<td class=\"n band-\(band.rawValue)\">\(loadText)</td></tr>\n"
                }
            }
            out += "</tbody>\n</table>\n"
        }
        out += "</section>\n"

        // Duties
        out += "<section>\n<h2>Duties</h2>\n"
        let groups = facts.dutiesByArea()
        if groups.isEmpty {
            out += "<p>No duties.</p>\n"
        } else {
            let people = facts.dutyPeople()
            let across = people.count <= ExportFacts.matrixMaxPeople
            var wearers: [String: [Person]] = [:]
            for person in org.people { for hat in person.hats { wearers[hat.role, default: []].append(person) } }
            out += "<table class=\"duties\">\n<thead><tr><th>Duty</th><th>Role</th><th class=\"n\">h/week</th>"
            if across {
                for person in people { out += "<th class=\"person\">\(text(person.name))</th>" }
            } else {
                out += "<th>Who</th>"
            }
            out += "</tr></thead>\n<tbody>\n"
            let span = 3 + (across ? people.count : 1)
            for group in groups {
                out += "<tr class=\"area\"><th colspan=\"\(span)\">\(text(group.area))</th></tr>\n"
                for duty in group.duties {
                    let role = duty.role.flatMap(org.role).map { text($0.name) } ?? "<em>unowned</em>"
                    out += "<tr><td>\(text(duty.name))\(duty.critical ? " <span class=\"critical-duty\">(critical)</span>" : "")</td><td>\(role)</td><td class=\"n\">\(facts.staffedHours(duty).map(Format.oneDecimal) ?? "")</td>"
                    if across {
                        for person in people {
                            out += (duty.role.map(person.wears) ?? false) ? "<td class=\"mark\">●</td>" : "<td></td>"
                        }
                    } else {
                        let names = duty.role.map { wearers[$0] ?? [] } ?? []
                        out += "<td>\(names.map { text($0.name) }.joined(separator: ", "))</td>"
                    }
                    out += "</tr>\n"
                }
            }
            out += "</tbody>\n</table>\n"
            if across { out += "<p class=\"note\">● wears the role that owns the duty.</p>\n" }
        }
        out += "</section>\n<footer>Made with hats.</footer>\n</body>\n</html>\n"
        return out
    }

    static let style = """
        body { font-family: Helvetica, Arial, sans-serif; color: #1a1a1a; margin: 2rem; line-height: 1.4; }
        h1 { margin: 0 0 .25rem; }
        h2 { border-bottom: 1px solid #ddd; padding-bottom: .25rem; margin-top: 2rem; }
        .summary { color: #444; }
        .chart svg { display: block; max-width: 100%; height: auto; }
        table { border-collapse: collapse; font-size: .9rem; }
        th, td { border: 1px solid #ddd; padding: .25rem .5rem; vertical-align: top; text-align: left; }
        thead th { background: #f4f4f4; }
        td.n, th.n { text-align: right; white-space: nowrap; }
        td.mark { text-align: center; }
        tr.area th { background: #eef1f8; }
        .band-ok { background: #e6f4ea; }
        .band-warning { background: #fff4cc; }
        .band-critical { background: #fadbd8; font-weight: bold; }
        .band-idle { background: #f1f3f4; }
        .band-external { background: #e8eaf6; }
        .findings li { margin-bottom: .5rem; }
        .findings li.critical .symbol { color: #b3261e; }
        .findings li.warning .symbol { color: #a86b00; }
        .suggestion, .dotted, .note { color: #444; }
        footer { margin-top: 2rem; color: #777; font-size: .8rem; }
        @page { margin: 12mm; }
        @media print {
          body { margin: 0; font-size: 10pt; }
          h2 { break-after: avoid-page; }
          .chart svg { width: 100%; max-width: 100%; height: auto; }
          thead { display: table-header-group; }
          tr, li { break-inside: avoid; }
        }
        """
}
