import OrgKit

extension FuzzChecks {
    // MARK: - fuzz-export

    /// Bytes as the texts of a small org (`ExportInput`), exported in every format; each
    /// output is read back by a reader for its format and every person's name is found
    /// intact (after the format's documented normalisation).
    public static func export(_ bytes: [UInt8]) throws(CheckFailure) {
        let input = try ExportInput(bytes)
        try exports(of: input.org, ascii: input.ascii)
    }

    /// Every format of `org`, checked.
    public static func exports(of org: Org, ascii: Bool = false) throws(CheckFailure) {
        for format in ExportFormat.allCases {
            let output = Exporter.export(org, as: format, options: ExportOptions(ascii: ascii))
            switch format {
            case .json: try ExportReaders.json(output, org)
            case .csv: try ExportReaders.csv(output, org)
            case .text: try ExportReaders.text(output, org)
            case .dot: try ExportReaders.dot(output, org)
            case .mermaid: try ExportReaders.mermaid(output, org)
            case .markdown: try ExportReaders.markdown(output, org)
            case .svg: try ExportReaders.xml(output, org, format: "svg", root: "svg")
            case .html: try ExportReaders.xml(output, org, format: "html", root: "html")
            }
        }
    }
}

/// One reader per export format, each as strict as the format's promises in exports.md.
/// They work on UTF-8 bytes (every byte of each format's syntax is ASCII), which keeps the
/// fuzzer's time in the exporters rather than in the checks.
enum ExportReaders {
    typealias Bytes = [UInt8]

    /// Visual formats: no bidi control anywhere, and no control character but LF.
    static func visual(_ output: Bytes, _ format: String) throws(CheckFailure) {
        var index = 0
        let count = output.count
        while index < count {
            let byte = output[index]
            defer { index += 1 }
            if byte < 0x20 {
                try expect(byte == 0x0A, "\(format) safe characters", "control character \(byte) in the output")
            } else if byte == 0x7F {
                throw CheckFailure("\(format) safe characters", "DEL in the output")
            } else if byte == 0xC2, index + 1 < count, (0x80...0x9F).contains(output[index + 1]) {
                throw CheckFailure("\(format) safe characters", "a C1 control in the output")
            } else if byte == 0xD8, index + 1 < count, output[index + 1] == 0x9C {
                throw CheckFailure("\(format) safe characters", "U+061C in the output")
            } else if byte == 0xE2, index + 2 < count {
                let second = output[index + 1]
                let third = output[index + 2]
                let bidi = (second == 0x80 && (third == 0x8E || third == 0x8F || (0xAA...0xAE).contains(third)))
                    || (second == 0x81 && (0xA6...0xA9).contains(third))
                try expect(!bidi, "\(format) safe characters", "a bidi control (E2 \(String(second, radix: 16)) \(String(third, radix: 16))) in the output")
            }
        }
    }

    // MARK: json

    static func json(_ output: String, _ org: Org) throws(CheckFailure) {
        try expect(output == OrgFile.encode(org), "json export", "differs from the canonical file")
        try FuzzChecks.roundTrip(org, "json export")
    }

    // MARK: csv

    static func isFormulaTrigger(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D, 0x0A: true
        default: false
        }
    }

    static func csv(_ output: String, _ org: Org) throws(CheckFailure) {
        let rows = try strictCSV(Array(output.utf8))
        // The department column is there exactly when someone has a department, the open
        // column exactly when someone is an open position.
        let header = CSVExport.header + (org.people.contains { $0.department != nil } ? ["department"] : [])
            + (org.people.contains(where: \.open) ? ["open"] : [])
        try expect(rows.first == header, "csv export", "header \(rows.first ?? [])")
        try expect(rows.count == org.people.count + 1, "csv export", "\(rows.count - 1) rows for \(org.people.count) people")
        for row in rows {
            try expect(row.count == header.count, "csv export", "a row with \(row.count) fields: \(row.map(shown))")
            for field in row {
                try expect(field.utf8.first.map(isFormulaTrigger) != true, "csv formula guard", "field \(shown(field)) would be a formula")
            }
        }
        // Exactly, with the formula guard undone.
        var rowOf: [String: [String]] = [:]
        for row in rows.dropFirst() { rowOf[Escape.unguardFormula(row[0])] = row }
        for person in org.people {
            guard let row = rowOf[person.id] else { throw CheckFailure("csv export", "no row for \(shown(person.id))") }
            let name = Escape.unguardFormula(row[1])
            try expect(name.unicodeScalars.elementsEqual(person.name.unicodeScalars), "csv name intact",
                       "\(shown(person.name)) was written as \(shown(row[1]))")
        }
        // Our own reader: the same rows, with plain spaces trimmed at the ends of a field.
        let read = CSVReader.read(Array(output.utf8))
        try expect(read.errors.isEmpty, "csv reader", "\(read.errors.prefix(3))")
        try expect(read.records.count == rows.count, "csv reader", "\(read.records.count) records for \(rows.count) rows")
        for (record, row) in zip(read.records, rows) {
            try expect(record.fields == row.map(Documented.trimSpaces), "csv reader",
                       "\(record.fields.map(shown)) read for \(row.map(shown)) (line \(record.line))")
        }
        for record in read.records.dropFirst() {
            let id = Escape.unguardFormula(record.fields[0])
            guard let person = org.person(id) else { continue }
            let name = Escape.unguardFormula(record.fields[1])
            try expect(name.unicodeScalars.elementsEqual(Documented.trimSpaces(person.name).unicodeScalars), "csv name intact",
                       "\(shown(person.name)) read back by CSVReader as \(shown(name)) (field \(shown(record.fields[1])))")
        }
        // And the import gives the same people back — except for two known limitations of
        // the CSV (docs/fuzzing.md), where the import refuses the file instead:
        // - a hat is named by its role's name, so a person wearing two roles with the same
        //   name cannot be imported (the import refuses a role listed twice in a row);
        // - a hat's hours are written out, and a share of a role's hours can be more than
        //   the 168 h a hat may have explicitly.
        let back = CSVImport.run(output)
        if wearsTwoRolesNamedAlike(org) || hasHatOverAWeek(org) {
            try expect(back.org == nil, "csv export round trip", "a file with a known limitation was imported")
            return
        }
        guard let copy = back.org else {
            throw CheckFailure("csv export round trip", "the exported CSV is refused: \(back.report.problems.prefix(3))")
        }
        try FuzzChecks.samePeople(org, copy, "csv export round trip")
    }

    /// Whether someone wears two different roles whose names are the same once plain
    /// spaces at their ends are trimmed.
    static func wearsTwoRolesNamedAlike(_ org: Org) -> Bool {
        org.people.contains { person in
            let names = person.hats.map { Documented.trimSpaces(org.role($0.role)?.name ?? $0.role) }
            return Set(names).count != names.count
        }
    }

    /// Whether a hat's hours, as the CSV writes them (two decimals), are over 168.
    static func hasHatOverAWeek(_ org: Org) -> Bool {
        let hours = Hours(org)
        return org.people.contains { $0.hats.contains { (hours.hours(of: $0) * 100).rounded() / 100 > 168 } }
    }

    /// RFC 4180 as hats writes it: every field quoted, `"` doubled inside, `,` between
    /// fields, CR LF after every record.
    static func strictCSV(_ s: Bytes) throws(CheckFailure) -> [[String]] {
        let quote = UInt8(ascii: "\"")
        var rows: [[String]] = []
        var row: [String] = []
        var i = 0
        while i < s.count {
            try expect(s[i] == quote, "csv export", "a field that is not quoted at byte \(i)")
            i += 1
            var field: Bytes = []
            while true {
                guard i < s.count else { throw CheckFailure("csv export", "an unterminated quoted field") }
                if s[i] == quote {
                    if i + 1 < s.count, s[i + 1] == quote {
                        field.append(quote)
                        i += 2
                        continue
                    }
                    i += 1
                    break
                }
                field.append(s[i])
                i += 1
            }
            row.append(String(decoding: field, as: UTF8.self))
            if i < s.count, s[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            try expect(i + 1 < s.count && s[i] == 0x0D && s[i + 1] == 0x0A, "csv export", "a record that does not end in CR LF at byte \(i)")
            i += 2
            rows.append(row)
            row = []
        }
        return rows
    }

    // MARK: text

    static func text(_ output: String, _ org: Org) throws(CheckFailure) {
        let bytes = Array(output.utf8)
        try visual(bytes, "text")
        let ellipsis = Array("…".utf8)
        for person in org.people {
            // Spaces at the end of a line are trimmed, so spaces at the end of a name may go.
            var name = Documented.terminal(person.name)
            while name.unicodeScalars.last == " " { name.unicodeScalars.removeLast() }
            if contains(bytes, Array(name.utf8)) { continue }
            // Cut to the name column with "…": a long enough prefix of it followed by "…".
            let scalars = Array(name.unicodeScalars)
            var length = scalars.count - 1
            var found = false
            while length > 0, !found {
                let prefix = String(String.UnicodeScalarView(scalars[0..<length]))
                if contains(bytes, Array(prefix.utf8) + ellipsis) {
                    found = DisplayWidth.of(prefix) >= 30
                    break
                }
                length -= 1
            }
            try expect(found, "text name intact", "\(shown(person.name)) (shown as \(shown(name))) is not in the chart")
        }
    }

    // MARK: dot

    static func dot(_ output: String, _ org: Org) throws(CheckFailure) {
        let s = Array(output.utf8)
        try visual(s, "dot")
        var strings: [Bytes] = []
        var outside: Bytes = []
        var depth = 0
        var i = 0
        while i < s.count {
            let c = s[i]
            i += 1
            if c == UInt8(ascii: "{") { depth += 1 }
            if c == UInt8(ascii: "}") {
                depth -= 1
                try expect(depth >= 0, "dot syntax", "a } without a {")
            }
            guard c == UInt8(ascii: "\"") else {
                outside.append(c)
                continue
            }
            var value: Bytes = []
            while true {
                guard i < s.count else { throw CheckFailure("dot syntax", "a quoted string is never closed") }
                let d = s[i]
                i += 1
                if d == UInt8(ascii: "\"") { break }
                try expect(d != 0x0A && d != 0x0D, "dot syntax", "a line break inside a quoted string")
                if d == UInt8(ascii: "\\") {
                    guard i < s.count else { throw CheckFailure("dot syntax", "a \\ at the end") }
                    let e = s[i]
                    i += 1
                    switch e {
                    case UInt8(ascii: "\\"), UInt8(ascii: "\""): value.append(e)
                    case UInt8(ascii: "n"): value.append(0x0A)
                    default: throw CheckFailure("dot escaping", "\\\(Unicode.Scalar(e)) inside a label (Graphviz would read an escape)")
                    }
                    continue
                }
                if d == UInt8(ascii: "&") {
                    // Graphviz decodes entities in labels: the only one hats writes is &amp;.
                    try expect(startsWith(s, at: i, Array("amp;".utf8)), "dot escaping", "an & that Graphviz would read as an entity")
                    i += 4
                }
                value.append(d)
            }
            strings.append(value)
        }
        try expect(depth == 0, "dot syntax", "unbalanced braces")
        let syntax = Array(String(decoding: outside, as: UTF8.self).lowercased().utf8)
        for word in ["url", "href", "tooltip", "image", "shapefile"] {
            try expect(!contains(syntax, Array(word.utf8)), "dot attributes", "\(word) outside a label")
        }
        let firstLines = strings.map { $0.split(separator: 0x0A, maxSplits: 1, omittingEmptySubsequences: false)[0] }
        for person in org.people {
            let name = Array(Documented.dot(person.name).utf8)
            try expect(firstLines.contains { $0.elementsEqual(name) }, "dot name intact",
                       "no label starts with \(shown(Documented.dot(person.name))) (for \(shown(person.name)))")
        }
    }

    // MARK: mermaid

    static let mermaidEntities: [String: UInt8] = ["quot": 0x22, "35": 0x23, "37": 0x25, "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "96": 0x60]

    static func mermaid(_ output: String, _ org: Org) throws(CheckFailure) {
        let bytes = Array(output.utf8)
        try visual(bytes, "mermaid")
        try expect(!contains(bytes, Array("%%".utf8)), "mermaid escaping", "%% (a comment or directive) in the output")
        try expect(!bytes.contains(UInt8(ascii: "`")), "mermaid escaping", "a backtick in the output")
        let open = Array("[\"".utf8)
        let bold = Array("<b>".utf8)
        let boldEnd = Array("</b>".utf8)
        let tags = [bold, boldEnd, Array("<br/>".utf8)]
        var names: [Bytes] = []
        for line in bytes.split(separator: 0x0A) {
            let line = Array(line)
            func show() -> String { shown(String(decoding: line, as: UTF8.self)) }
            var start = 0
            while start < line.count, line[start] == 0x20 { start += 1 }
            try expect(!startsWith(line, at: start, Array("click".utf8)), "mermaid escaping", "a click line: \(show())")
            guard let labelStart = indexOf(open, in: line, from: 0) else {
                try expect(!line.contains(0x22), "mermaid escaping", "a quote outside a label: \(show())")
                continue
            }
            try expect(line.count >= labelStart + 4 && line[line.count - 2] == 0x22 && line[line.count - 1] == UInt8(ascii: "]"),
                       "mermaid escaping", "a label that does not end the line: \(show())")
            let label = Array(line[(labelStart + 2)..<(line.count - 2)])
            try expect(!label.contains(0x22), "mermaid escaping", "a raw \" inside [\"…\"]: \(show())")
            // Only hats's own <b>, </b> and <br/> are markup; every # starts an entity code.
            var i = 0
            while i < label.count {
                let c = label[i]
                if c == UInt8(ascii: "<") {
                    guard let tag = tags.first(where: { startsWith(label, at: i, $0) }) else {
                        throw CheckFailure("mermaid escaping", "markup from user text: \(show())")
                    }
                    i += tag.count
                    continue
                }
                try expect(c != UInt8(ascii: ">"), "mermaid escaping", "a raw > in a label: \(show())")
                if c == UInt8(ascii: "#") {
                    guard let semicolon = label[i...].firstIndex(of: UInt8(ascii: ";")),
                        mermaidEntities[String(decoding: label[(i + 1)..<semicolon], as: UTF8.self)] != nil else {
                        throw CheckFailure("mermaid escaping", "a # that is not one of hats's entity codes: \(show())")
                    }
                    i = semicolon + 1
                    continue
                }
                i += 1
            }
            // The name: between the label's opening <b> and the first raw </b> (a "</b>" in
            // a name is escaped, so the first raw one is hats's).
            if startsWith(label, at: 0, bold), let end = indexOf(boldEnd, in: label, from: bold.count) {
                names.append(decodeMermaid(label[bold.count..<end]))
            }
        }
        for person in org.people {
            let name = Array(Documented.oneLine(person.name).utf8)
            try expect(names.contains(name), "mermaid name intact",
                       "no node is named \(shown(Documented.oneLine(person.name))) (for \(shown(person.name)))")
        }
    }

    /// Replaces hats's Mermaid entity codes (`#quot;` …) by their characters.
    static func decodeMermaid(_ label: ArraySlice<UInt8>) -> Bytes {
        var out: Bytes = []
        var i = label.startIndex
        while i < label.endIndex {
            if label[i] == UInt8(ascii: "#"), let semicolon = label[i...].firstIndex(of: UInt8(ascii: ";")),
                let decoded = mermaidEntities[String(decoding: label[(i + 1)..<semicolon], as: UTF8.self)] {
                out.append(decoded)
                i = semicolon + 1
            } else {
                out.append(label[i])
                i += 1
            }
        }
        return out
    }

    // MARK: markdown

    static func markdown(_ output: String, _ org: Org) throws(CheckFailure) {
        let bytes = Array(output.utf8)
        try visual(bytes, "markdown")
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let pipe = UInt8(ascii: "|")
        let backslash = UInt8(ascii: "\\")
        let comment = Array("<!-- -->".utf8)
        // Tables: every row of a table has as many unescaped | as its header.
        var columns: Int?
        for line in lines {
            // Raw < only in hats's own <!-- --> (before an @).
            var backslashes = 0
            var pipes = 0
            for i in line.indices {
                let c = line[i]
                if backslashes % 2 == 0 {
                    if c == pipe { pipes += 1 }
                    if c == UInt8(ascii: "<") {
                        try expect(startsWith(Array(line), at: i - line.startIndex, comment), "markdown escaping",
                                   "raw HTML in \(shown(String(decoding: line, as: UTF8.self)))")
                    }
                }
                backslashes = c == backslash ? backslashes + 1 : 0
            }
            guard line.first == pipe else {
                columns = nil
                continue
            }
            if let columns {
                try expect(pipes == columns, "markdown table",
                           "\(pipes) cell borders in a row of a table with \(columns): \(shown(String(decoding: line, as: UTF8.self)))")
            } else {
                columns = pipes
            }
        }
        let decoded = lines.map(decodeMarkdown)
        for person in org.people {
            let name = Array(Documented.oneLine(person.name).utf8)
            try expect(decoded.contains { contains($0, name) }, "markdown name intact",
                       "\(shown(Documented.oneLine(person.name))) (for \(shown(person.name))) is not in the report")
        }
    }

    /// Undoes hats's Markdown escaping of one line: a backslash before ASCII punctuation,
    /// `&#32;` for a leading space, and the empty comment before an `@`.
    static func decodeMarkdown(_ line: ArraySlice<UInt8>) -> Bytes {
        let line = Array(line)
        var out: Bytes = []
        out.reserveCapacity(line.count)
        let space = Array("&#32;".utf8)
        let comment = Array("<!-- -->".utf8)
        var i = 0
        while i < line.count {
            let c = line[i]
            if c == UInt8(ascii: "\\"), i + 1 < line.count, isASCIIPunctuation(line[i + 1]) {
                out.append(line[i + 1])
                i += 2
            } else if c == UInt8(ascii: "&"), startsWith(line, at: i, space) {
                out.append(0x20)
                i += space.count
            } else if c == UInt8(ascii: "<"), startsWith(line, at: i, comment) {
                i += comment.count
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    static func isASCIIPunctuation(_ c: UInt8) -> Bool {
        (0x21...0x2F).contains(c) || (0x3A...0x40).contains(c) || (0x5B...0x60).contains(c) || (0x7B...0x7E).contains(c)
    }

    // MARK: svg, html

    static func xml(_ output: String, _ org: Org, format: String, root: String) throws(CheckFailure) {
        try visual(Array(output.utf8), format)
        let summary = try XMLWellFormed.check(output, format: format)
        try expect(summary.root == root, "\(format) well-formed XML", "the root is <\(summary.root)>")
        try expect(summary.forbidden.isEmpty, "\(format) markup", "\(summary.forbidden) in the output")
        for person in org.people {
            let name = Array(Documented.xml(person.name).utf8)
            try expect(summary.texts.contains { contains($0, name) }, "\(format) name intact",
                       "\(shown(Documented.xml(person.name))) (for \(shown(person.name))) is in no text or attribute")
        }
    }

    // MARK: helpers

    static func startsWith(_ s: Bytes, at index: Int, _ literal: Bytes) -> Bool {
        guard index >= 0, index + literal.count <= s.count else { return false }
        for offset in literal.indices where s[index + offset] != literal[offset] { return false }
        return true
    }

    /// Lines split at LF (for the tests).
    static func splitLines(_ text: String) -> [String] {
        text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Whether `needle` occurs in `hay` (UTF-8: a byte match is a scalar match).
func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
    indexOf(needle, in: hay, from: 0) != nil
}
