import Foundation

/// The formats `hats export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    case text, dot, mermaid, svg, html, csv, markdown, json
}

public struct ExportOptions: Sendable {
    /// Text chart: ASCII guides instead of box drawing.
    public var ascii: Bool
    /// The date the SVG and HTML say they show the org as of (nil: `SOURCE_DATE_EPOCH`
    /// when set, so builds are reproducible, else today).
    public var asOf: Date?
    public init(ascii: Bool = false, asOf: Date? = nil) {
        self.ascii = ascii
        self.asOf = asOf
    }

    /// "2026-12-05": `date` in UTC, else `SOURCE_DATE_EPOCH`, else now.
    public static func day(_ date: Date? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let when = date ?? environment["SOURCE_DATE_EPOCH"].flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }.map { Date(timeIntervalSince1970: $0) } ?? Date()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: when)
        let pad = { (value: Int?) in value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(parts.year ?? 1970)-\(pad(parts.month))-\(pad(parts.day))"
    }
}

/// Every exporter is a pure function from an org to text. This is the single entry point.
public enum Exporter {
    public static func export(_ org: Org, as format: ExportFormat, options: ExportOptions = ExportOptions()) -> String {
        switch format {
        case .json: OrgFile.encode(org)
        case .text: TextChart.render(org, options: TextChart.Options(ascii: options.ascii, showLoad: true))
        case .dot: DotExport.render(org)
        case .mermaid: MermaidExport.render(org)
        case .svg: SVGExport.render(org, asOf: options.asOf)
        case .html: HTMLExport.render(org, asOf: options.asOf)
        case .csv: CSVExport.render(org)
        case .markdown: MarkdownExport.render(org)
        }
    }
}

/// What every visual export needs about one person's load, computed once per export.
struct ExportFacts {
    /// How a person's box is coloured.
    enum Band: String, CaseIterable {
        case ok, warning, critical, idle, external

        /// Fill, stroke and bar colours, shared by the SVG, HTML, DOT and Mermaid exports.
        var fill: String {
            switch self {
            case .ok: "#e6f4ea"
            case .warning: "#fff4cc"
            case .critical: "#fadbd8"
            case .idle: "#f1f3f4"
            case .external: "#e8eaf6"
            }
        }

        var stroke: String {
            switch self {
            case .ok: "#1e7b34"
            case .warning: "#a86b00"
            case .critical: "#b3261e"
            case .idle: "#6b6b6b"
            case .external: "#3949ab"
            }
        }
    }

    let org: Org
    let hours: Hours
    let report: LoadReport
    let tree: ReportingTree
    /// "2026-12-05": the day the chart shows the org as of.
    let asOf: String

    /// With suggestions, for the formats that list findings; `chartOnly` without them (the
    /// chart formats show loads, not findings).
    init(_ org: Org, suggestions: Bool = true, asOf: Date? = nil) {
        self.org = org
        hours = Hours(org)
        report = LoadChecker.check(org, suggestions: suggestions)
        tree = ReportingTree(org)
        self.asOf = ExportOptions.day(asOf)
    }

    init(chartOnly org: Org, asOf: Date? = nil) {
        self.init(org, suggestions: false, asOf: asOf)
    }

    func load(_ person: Person) -> PersonLoad? { report.load(of: person.id) }

    func band(_ person: Person) -> Band {
        if person.external { return .external }
        guard let load = load(person), !person.hats.isEmpty else { return .idle }
        switch load.severity(under: org.policy) {
        case .critical: return .critical
        case .warning: return .warning
        default: return .ok
        }
    }

    /// The words every export puts on an open position (a planned hire or a vacancy).
    static let openLabel = "Open position"

    /// A box's title line: an open position says so before its title.
    static func boxTitle(_ person: Person) -> String {
        let title = person.title ?? ""
        guard person.open else { return title }
        return title.isEmpty ? openLabel : "\(openLabel) · \(title)"
    }

    /// The chart's title line: the title, then the department when there is one.
    static func chartTitle(_ person: Person) -> String {
        let title = boxTitle(person)
        guard let department = person.department, !department.isEmpty else { return title }
        return title.isEmpty ? department : "\(title) · \(department)"
    }

    /// "188 %", "external", "no hats".
    func loadText(_ person: Person) -> String {
        if person.external { return "external" }
        guard let load = load(person), !person.hats.isEmpty else { return "no hats" }
        return Format.percent(load.load)
    }

    /// "CEO / Owner 22h", one per hat, with the hat's hours (explicit or its share).
    func hatTexts(_ person: Person) -> [String] {
        person.hats.map { hat in
            "\(org.role(hat.role)?.name ?? hat.role) \(TextChart.formatHours(hours.hours(of: hat)))h"
        }
    }

    /// The legend's wording of the bands, with this org's thresholds.
    func legend(_ band: Band) -> String {
        switch band {
        case .ok: "load ≤ \(Format.percent(org.policy.warnAt))"
        case .warning: "load > \(Format.percent(org.policy.warnAt))"
        case .critical: "load > \(Format.percent(org.policy.criticalAt))"
        case .idle: "no hats"
        case .external: "external provider"
        }
    }

    static func severitySymbol(_ severity: Finding.Severity) -> String {
        switch severity {
        case .critical: "✖"
        case .warning: "▲"
        case .info: "·"
        }
    }

    /// Duties grouped by area (areas in order of first appearance; duties without an area
    /// last, under "Other duties").
    func dutiesByArea() -> [(area: String, duties: [Duty])] {
        var order: [String] = []
        var groups: [String: [Duty]] = [:]
        var noArea: [Duty] = []
        for duty in org.duties {
            guard let area = duty.area, !area.isEmpty else {
                noArea.append(duty)
                continue
            }
            if groups[area] == nil { order.append(area) }
            groups[area, default: []].append(duty)
        }
        var result = order.map { (area: $0, duties: groups[$0] ?? []) }
        if !noArea.isEmpty { result.append((area: order.isEmpty ? "Duties" : "Other duties", duties: noArea)) }
        return result
    }

    /// The people shown across the duties matrix: everyone wearing a role that owns a
    /// duty, in file order.
    func dutyPeople() -> [Person] {
        var owning: Set<String> = []
        for duty in org.duties { if let role = duty.role { owning.insert(role) } }
        return org.people.filter { person in person.hats.contains { owning.contains($0.role) } }
    }

    /// A duty's hours as this org staffs it: the hours its people give the duty's role,
    /// shared among the role's duties by their own hours (their weights). Never a
    /// catalog's figure on its own: a role brought from a preset with its duties carries the
    /// preset's hours until someone wears it. Nil when the duty has no hours or no role;
    /// 0 when nobody wears the role.
    func staffedHours(_ duty: Duty) -> Double? {
        guard let role = duty.role, let weight = duty.hoursPerWeek else { return nil }
        let total = org.duties.reduce(0) { $0 + ($1.role == role ? $1.hoursPerWeek ?? 0 : 0) }
        guard total > 0 else { return nil }
        var staffed = 0.0
        for id in hours.wearers(ofRole: role) {
            if let hat = org.person(id)?.hat(for: role) { staffed += hours.hours(of: hat) }
        }
        return staffed * weight / total
    }

    /// Above this many people the matrix lists names in one column instead.
    static let matrixMaxPeople = 24

    /// Numbers for SVG coordinates: at most one decimal, no trailing ".0".
    static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        guard tenths.isFinite, abs(tenths) < 1e15 else { return "0" }
        let whole = Int(tenths)
        if whole % 10 == 0 { return String(whole / 10) }
        let sign = whole < 0 ? "-" : ""
        return "\(sign)\(abs(whole) / 10).\(abs(whole) % 10)"
    }
}
