/// Writes JSON the one way `hats` writes it, so that saving is deterministic and git diffs
/// stay small: 2-space indent, one object member and one array item per line (the layout
/// of `jq .` and Python's `json.dumps(indent=2)`), `[]` and `{}` when empty, UTF-8 as is,
/// and a newline at the end.
public enum JSONWriter {
    public static func write(_ value: JSONValue) -> String {
        var out = ""
        out.reserveCapacity(4096)
        write(value, indent: 0, into: &out)
        out.append("\n")
        return out
    }

    static func write(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .null: out.append("null")
        case .bool(let flag): out.append(flag ? "true" : "false")
        case .number(let number): out.append(formatNumber(number))
        case .string(let text): appendQuoted(text, to: &out)
        case .array(let items):
            if items.isEmpty {
                out.append("[]")
            } else {
                out.append("[\n")
                for (offset, item) in items.enumerated() {
                    appendIndent(indent + 1, to: &out)
                    write(item, indent: indent + 1, into: &out)
                    out.append(offset == items.count - 1 ? "\n" : ",\n")
                }
                appendIndent(indent, to: &out)
                out.append("]")
            }
        case .object(let members):
            if members.isEmpty {
                out.append("{}")
                return
            }
            out.append("{\n")
            for (offset, member) in members.enumerated() {
                appendIndent(indent + 1, to: &out)
                appendQuoted(member.key, to: &out)
                out.append(": ")
                write(member.value, indent: indent + 1, into: &out)
                out.append(offset == members.count - 1 ? "\n" : ",\n")
            }
            appendIndent(indent, to: &out)
            out.append("}")
        }
    }

    private static func appendIndent(_ level: Int, to out: inout String) {
        for _ in 0..<level { out.append("  ") }
    }

    /// Integers print without a fraction; anything else in Swift's shortest round-trip form.
    public static func formatNumber(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return "\(number)"
    }

    /// JSON string escaping, over Unicode scalars (a quote followed by a combining mark is
    /// one Character but must still be escaped).
    public static func appendQuoted(_ text: String, to out: inout String) {
        out.append("\"")
        var needsEscape = false
        for scalar in text.unicodeScalars where scalar.value < 0x20 || scalar == "\"" || scalar == "\\" {
            needsEscape = true
            break
        }
        if !needsEscape {
            out.append(text)
            out.append("\"")
            return
        }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": scalars.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": scalars.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": scalars.append(contentsOf: "\\n".unicodeScalars)
            case "\r": scalars.append(contentsOf: "\\r".unicodeScalars)
            case "\t": scalars.append(contentsOf: "\\t".unicodeScalars)
            case "\u{08}": scalars.append(contentsOf: "\\b".unicodeScalars)
            case "\u{0C}": scalars.append(contentsOf: "\\f".unicodeScalars)
            default:
                if scalar.value < 0x20 {
                    let digits = String(scalar.value, radix: 16, uppercase: false)
                    scalars.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - digits.count) + digits).unicodeScalars)
                } else {
                    scalars.append(scalar)
                }
            }
        }
        out.append(String(scalars))
        out.append("\"")
    }
}
