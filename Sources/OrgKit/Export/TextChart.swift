/// The org chart as aligned plain text: the reporting tree (box-drawing guides, or ASCII),
/// each person's title, load and hats, and the external providers listed apart.
/// Widths are display columns, so accented and CJK names line up. User text is made safe
/// for a terminal (`TextSafety`); `ascii` changes only the guides and separators hats
/// draws, never names.
public enum TextChart {
    public struct Options: Sendable {
        public var ascii: Bool
        /// Extra text between each person's title and hats (the load column), by person id.
        public var trailing: [String: String]
        /// Adds a load column from the load checker ("188 % ✖"; "188 % !!" in ASCII) for
        /// everyone without their own `trailing` text.
        public var showLoad: Bool
        public init(ascii: Bool = false, trailing: [String: String] = [:], showLoad: Bool = false) {
            self.ascii = ascii
            self.trailing = trailing
            self.showLoad = showLoad
        }
    }

    static let maxNameColumn = 44
    static let maxTitleColumn = 28

    public static func render(_ org: Org, options: Options = Options()) -> String {
        let tree = ReportingTree(org)
        let hours = Hours(org)
        let internalRows = tree.rows(from: tree.roots)
        let externalRows = tree.rows(from: tree.externalRoots)
        var trailing = options.trailing
        if options.showLoad {
            let report = LoadChecker.check(org, suggestions: false)
            for person in org.people where trailing[person.id] == nil && !person.external {
                guard let load = report.load(of: person.id) else { continue }
                var cell = String(repeating: " ", count: max(0, 5 - DisplayWidth.of(Format.percent(load.load)))) + Format.percent(load.load)
                switch load.severity(under: org.policy) {
                case .critical: cell += options.ascii ? " !!" : " ✖"
                case .warning: cell += options.ascii ? " !" : " ▲"
                default: break
                }
                trailing[person.id] = cell
            }
        }
        let trailingWidth = trailing.values.reduce(0) { max($0, DisplayWidth.of($1)) }

        func nameCell(_ index: Int, _ rows: [ReportingTree.Row], indent: String) -> String {
            indent + ReportingTree.guide(for: index, in: rows, ascii: options.ascii) + name(org.people[rows[index].person])
        }
        func name(_ person: Person) -> String {
            clean(person.name) + (person.open ? " (open position)" : "")
        }
        func hatsCell(_ person: Person) -> String {
            person.hats.map { hat in
                let role = org.role(hat.role)?.name ?? hat.role
                return "\(clean(role)) \(formatHours(hours.hours(of: hat)))h"
            }.joined(separator: options.ascii ? ", " : " · ")
        }

        var nameWidth = 0
        var titleWidth = 0
        for (rows, indent) in [(internalRows, ""), (externalRows, "  ")] {
            for index in rows.indices {
                nameWidth = max(nameWidth, DisplayWidth.of(nameCell(index, rows, indent: indent)))
                titleWidth = max(titleWidth, DisplayWidth.of(clean(org.people[rows[index].person].title ?? "")))
            }
        }
        nameWidth = min(nameWidth, maxNameColumn)
        titleWidth = min(titleWidth, maxTitleColumn)

        var lines: [String] = []
        let heading = clean(org.name.isEmpty ? "Untitled org" : org.name)
        lines.append(heading)
        lines.append(String(repeating: options.ascii ? "=" : "═", count: max(1, min(DisplayWidth.of(heading), 100))))
        func emit(_ rows: [ReportingTree.Row], indent: String) {
            for index in rows.indices {
                let person = org.people[rows[index].person]
                var line = DisplayWidth.pad(nameCell(index, rows, indent: indent), to: nameWidth)
                line += "  " + DisplayWidth.pad(clean(person.title ?? ""), to: titleWidth)
                let hatsText = hatsCell(person)
                if trailingWidth > 0 {
                    line += "  " + DisplayWidth.pad(trailing[person.id] ?? "", to: trailingWidth)
                }
                line += "  " + hatsText
                lines.append(trimTrailingSpaces(line))
            }
        }
        if internalRows.isEmpty {
            lines.append("(nobody yet)")
        } else {
            emit(internalRows, indent: "")
        }
        if !externalRows.isEmpty {
            lines.append("")
            lines.append("External")
            emit(externalRows, indent: "  ")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func formatHours(_ value: Double) -> String {
        if value == value.rounded() { return String(Int(value)) }
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : "\(tenths)"
    }

    private static func clean(_ text: String) -> String {
        TextSafety.printable(text)
    }

    private static func trimTrailingSpaces(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
