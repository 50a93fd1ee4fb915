/// Writes JSON the one way `hats` writes it, so that saving is deterministic and git diffs
/// stay small: 2-space indent, one object member and one array item per line (the layout
/// of `jq .` and Python's `json.dumps(indent=2)`), `[]` and `{}` when empty, UTF-8 as is,
/// and a newline at the end.
public enum JSONWriter {
    public static func write(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// The same text as `write`, as UTF-8 bytes (what a file or a pipe takes). Built in a
    /// byte buffer: appending to a `String` piece by piece costs several times more.
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(value, indent: 0, into: &out)
        out.append(0x0A)
        return out
    }

    static func write(_ value: JSONValue, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): appendNumber(number, to: &out)
        case .string(let text): appendQuoted(text, to: &out)
        case .array(let items):
            writeArray(items.count, indent: indent, into: &out) { items[$0] }
        case .object(let members):
            if members.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(contentsOf: "{\n".utf8)
            for (offset, member) in members.enumerated() {
                appendIndent(indent + 1, to: &out)
                appendQuoted(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                out.append(UInt8(ascii: " "))
                write(member.value, indent: indent + 1, into: &out)
                if offset != members.count - 1 { out.append(UInt8(ascii: ",")) }
                out.append(0x0A)
            }
            appendIndent(indent, to: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// An array of `count` items made one at a time by `item`, laid out as `write` lays
    /// out an array: a long list is written without first holding all of it as values.
    /// `flush`, when given, is handed the output after each item (to write out and empty
    /// once it is large: a long list then never sits whole in memory).
    public static func writeArray(_ count: Int, indent: Int, into out: inout [UInt8], flush: ((inout [UInt8]) -> Void)? = nil,
                                  _ item: (Int) -> JSONValue) {
        if count == 0 {
            out.append(contentsOf: "[]".utf8)
            return
        }
        out.append(contentsOf: "[\n".utf8)
        for offset in 0..<count {
            appendIndent(indent + 1, to: &out)
            write(item(offset), indent: indent + 1, into: &out)
            if offset != count - 1 { out.append(UInt8(ascii: ",")) }
            out.append(0x0A)
            flush?(&out)
        }
        appendIndent(indent, to: &out)
        out.append(UInt8(ascii: "]"))
    }

    /// A top-level object whose members are written by `member` closures in order, each
    /// given the output at indent 1 (for members too large to hold as values first).
    public static func writeObject(_ members: [(key: String, write: (inout [UInt8]) -> Void)]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        out.append(contentsOf: "{\n".utf8)
        for (offset, member) in members.enumerated() {
            appendIndent(1, to: &out)
            appendQuoted(member.key, to: &out)
            out.append(contentsOf: ": ".utf8)
            member.write(&out)
            if offset != members.count - 1 { out.append(UInt8(ascii: ",")) }
            out.append(0x0A)
        }
        out.append(contentsOf: "}\n".utf8)
        return out
    }

    private static func appendIndent(_ level: Int, to out: inout [UInt8]) {
        for _ in 0..<(2 * level) { out.append(UInt8(ascii: " ")) }
    }

    /// `formatNumber`, with the common case (a small whole number) written digit by digit.
    static func appendNumber(_ number: Double, to out: inout [UInt8]) {
        if number.isFinite, number == number.rounded(), abs(number) < 1e15 {
            var value = Int64(number)
            if value < 0 {
                out.append(UInt8(ascii: "-"))
                value = -value
            }
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            var count = 0
            withUnsafeMutableBytes(of: &digits) { buffer in
                repeat {
                    buffer[count] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                    count += 1
                } while value > 0
                for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
            }
            return
        }
        out.append(contentsOf: formatNumber(number).utf8)
    }

    /// Integers print without a fraction; anything else in Swift's shortest round-trip form.
    public static func formatNumber(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return "\(number)"
    }

    /// JSON string escaping. Only `"`, `\\` and the control characters below U+0020 are
    /// escaped; in UTF-8 those are single bytes that never occur inside another scalar's
    /// encoding, so working on bytes escapes exactly the same scalars (PITFALLS.md: never
    /// on Characters — a quote followed by a combining mark is one Character).
    public static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: "u00".utf8)
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `appendQuoted` for text being built as a `String` (messages that quote a value).
    public static func appendQuoted(_ text: String, to out: inout String) {
        var bytes: [UInt8] = []
        appendQuoted(text, to: &bytes)
        out.append(String(decoding: bytes, as: UTF8.self))
    }
}
