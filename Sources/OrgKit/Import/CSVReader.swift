import Foundation

/// Reads CSV as RFC 4180 describes it, with the tolerances real exports need: a UTF-8 byte
/// order mark, CR LF or LF or CR line ends, quoted fields holding the delimiter, quotes and
/// line breaks, spaces around fields, blank lines, and a `;` or tab delimiter when the
/// header line uses one instead of commas.
public enum CSVReader {
    /// One record and the physical line it starts on (1-based).
    public struct Record: Equatable, Sendable {
        public var line: Int
        public var fields: [String]
        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    public struct SyntaxError: Error, Equatable, Sendable {
        public var line: Int
        public var message: String
    }

    public struct Result: Sendable {
        public var records: [Record]
        /// The delimiter found on the header line: `,` (the default), `;` or tab.
        public var delimiter: Unicode.Scalar
        public var errors: [SyntaxError]
    }

    /// Splits `bytes` into records. Blank lines (and records whose fields are all empty)
    /// are skipped. Unquoted fields and the space around quoted ones are trimmed of spaces
    /// and tabs; text inside quotes is kept exactly, except for plain spaces at its two
    /// ends. A field that is not valid UTF-8 is an error at the line of its record.
    public static func read(_ bytes: [UInt8]) -> Result {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let delimiter = detectDelimiter(bytes, from: start)
        var records: [Record] = []
        var errors: [SyntaxError] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var inQuotes = false
        var afterQuote = false
        var line = 1
        var recordLine = 1
        var fieldLine = 1
        var badUTF8 = false
        var index = start

        func endField() {
            var content = field[...]
            if quoted {
                while content.first == 0x20 { content = content.dropFirst() }
                while content.last == 0x20 { content = content.dropLast() }
            } else {
                while let first = content.first, first == 0x20 || first == 0x09 { content = content.dropFirst() }
                while let last = content.last, last == 0x20 || last == 0x09 { content = content.dropLast() }
            }
            if let text = String(bytes: content, encoding: .utf8) {
                fields.append(text)
            } else {
                badUTF8 = true
                fields.append(String(decoding: content, as: UTF8.self))
            }
            field.removeAll(keepingCapacity: true)
            quoted = false
            afterQuote = false
        }
        func endRecord() {
            endField()
            if badUTF8 {
                errors.append(SyntaxError(line: recordLine, message: "not valid UTF-8 text (save the file as CSV UTF-8)"))
            } else if fields.contains(where: { !$0.isEmpty }) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
            badUTF8 = false
        }

        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == 0x22 {
                    if index < bytes.count, bytes[index] == 0x22 {
                        field.append(0x22)
                        index += 1
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    if byte == 0x0A || (byte == 0x0D && !(index < bytes.count && bytes[index] == 0x0A)) { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(delimiter.value):
                endField()
                fieldLine = line
            case 0x0A, 0x0D:
                if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
                endRecord()
                line += 1
                recordLine = line
                fieldLine = line
            case 0x22 where !afterQuote && field.allSatisfy({ $0 == 0x20 || $0 == 0x09 }):
                // An opening quote (spaces before it are dropped).
                field.removeAll(keepingCapacity: true)
                quoted = true
                inQuotes = true
                fieldLine = line
            default:
                if afterQuote, byte == 0x20 || byte == 0x09 { continue }
                // Text after a closing quote, or a quote inside an unquoted field, is kept
                // as it is (as spreadsheets do).
                field.append(byte)
            }
        }
        if inQuotes {
            errors.append(SyntaxError(line: fieldLine, message: "a quoted field starts here and is never closed (a \" is missing)"))
        } else if !field.isEmpty || !fields.isEmpty || quoted {
            endRecord()
        }
        return Result(records: records, delimiter: delimiter, errors: errors)
    }

    /// The most frequent of `,` `;` tab outside quotes on the first non-blank line; a comma
    /// when there is a tie or none.
    static func detectDelimiter(_ bytes: [UInt8], from start: Int) -> Unicode.Scalar {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var inQuotes = false
        var seenText = false
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x22 { inQuotes.toggle() }
            if inQuotes { continue }
            if byte == 0x0A || byte == 0x0D {
                if seenText { break }
                continue
            }
            if byte != 0x20 { seenText = true }
            if counts[byte] != nil { counts[byte, default: 0] += 1 }
        }
        let comma = counts[0x2C] ?? 0
        let semicolon = counts[0x3B] ?? 0
        let tab = counts[0x09] ?? 0
        if semicolon > comma, semicolon >= tab { return ";" }
        if tab > comma, tab > semicolon { return "\t" }
        return ","
    }
}
