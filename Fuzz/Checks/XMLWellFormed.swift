#if canImport(Glibc)
import Glibc
#endif

/// A small, strict XML well-formedness check for the SVG and HTML exports (Foundation's
/// XMLParser is not instrumented for the fuzzer and is slow). It works on UTF-8 bytes:
/// every byte of XML's syntax is ASCII, and the text between is copied as it is.
///
/// Accepts: an optional `<?xml …?>` declaration at the very start, an optional
/// `<!DOCTYPE name>` before the root, comments, one root element, elements with ASCII
/// names, attributes quoted with `"` or `'` and unique within their element, text without
/// `<` or `]]>`, and only the references `&amp; &lt; &gt; &quot; &#39;` and numeric
/// references to characters XML allows. Every character must be an XML 1.0 `Char`.
/// Refuses everything else hats never writes: CDATA sections, processing instructions
/// after the declaration, other entities.
public enum XMLWellFormed {
    public struct Summary: Sendable {
        /// Every text node and attribute value, with references decoded, as UTF-8.
        public var texts: [[UInt8]] = []
        /// Elements and attributes found that hats must never write (`forbiddenElements`,
        /// `forbiddenAttributes`, and any attribute starting with "on").
        public var forbidden: [String] = []
        public var root = ""
    }

    /// Script, links, embedded or external content, event handlers, style attributes.
    public static let forbiddenElements: Set<String> = ["script", "iframe", "object", "embed", "foreignObject", "a", "image", "img", "use", "link", "base", "form", "input", "animate", "set", "audio", "video"]
    public static let forbiddenAttributes: Set<String> = ["href", "xlink:href", "src", "srcset", "action", "formaction", "style"]

    public static func check(_ text: String, format: String) throws(CheckFailure) -> Summary {
        for scalar in text.unicodeScalars where !Documented.isXMLChar(scalar) {
            throw CheckFailure("\(format) well-formed XML", "U+\(String(scalar.value, radix: 16, uppercase: true)) is not allowed in XML")
        }
        var parser = Parser(Array(text.utf8), format: format)
        try parser.document()
        return parser.summary
    }

    struct Parser {
        let s: [UInt8]
        let format: String
        var i = 0
        var summary = Summary()

        init(_ bytes: [UInt8], format: String) {
            s = bytes
            self.format = format
        }

        func fail(_ message: String) -> CheckFailure {
            let from = max(0, i - 40)
            let to = min(s.count, i + 40)
            return CheckFailure("\(format) well-formed XML", "\(message) at byte \(i), near \(shown(String(decoding: s[from..<to], as: UTF8.self)))")
        }

        func starts(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard i + count <= s.count else { return false }
            let pointer = literal.utf8Start
            for offset in 0..<count where s[i + offset] != pointer[offset] { return false }
            return true
        }

        static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
        static func isNameStart(_ c: UInt8) -> Bool {
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F || c == 0x3A
        }
        static func isNameChar(_ c: UInt8) -> Bool {
            isNameStart(c) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2E
        }

        mutating func skipSpace() {
            while i < s.count, Self.isSpace(s[i]) { i += 1 }
        }

        mutating func name() throws(CheckFailure) -> ArraySlice<UInt8> {
            guard i < s.count, Self.isNameStart(s[i]) else { throw fail("expected a name") }
            let start = i
            while i < s.count, Self.isNameChar(s[i]) { i += 1 }
            return s[start..<i]
        }

        /// Names already looked at (hats uses a handful), so each is compared with the
        /// forbidden lists once.
        var checkedElements: Set<ArraySlice<UInt8>> = []
        var checkedAttributes: Set<ArraySlice<UInt8>> = []

        mutating func noteElement(_ name: ArraySlice<UInt8>) {
            guard checkedElements.insert(name).inserted else { return }
            let text = String(decoding: name, as: UTF8.self)
            if XMLWellFormed.forbiddenElements.contains(text) { summary.forbidden.append("<\(text)>") }
        }

        mutating func noteAttribute(_ name: ArraySlice<UInt8>) {
            guard checkedAttributes.insert(name).inserted else { return }
            let text = String(decoding: name, as: UTF8.self)
            if XMLWellFormed.forbiddenAttributes.contains(text) || text.lowercased().hasPrefix("on") { summary.forbidden.append(text) }
        }

        mutating func document() throws(CheckFailure) {
            if starts("<?xml") {
                guard let end = find("?>") else { throw fail("unterminated XML declaration") }
                i = end + 2
            }
            var sawDoctype = false
            // Prolog: white space, comments, one DOCTYPE.
            while true {
                skipSpace()
                if starts("<!--") {
                    try comment()
                } else if starts("<!DOCTYPE") {
                    guard !sawDoctype else { throw fail("a second DOCTYPE") }
                    sawDoctype = true
                    i += 9
                    guard i < s.count, Self.isSpace(s[i]) else { throw fail("DOCTYPE without a name") }
                    skipSpace()
                    _ = try name()
                    skipSpace()
                    guard i < s.count, s[i] == UInt8(ascii: ">") else { throw fail("DOCTYPE with more than a name") }
                    i += 1
                } else {
                    break
                }
            }
            guard i < s.count, s[i] == UInt8(ascii: "<") else { throw fail("no root element") }
            try element()
            // Epilogue: white space and comments only.
            while true {
                skipSpace()
                if i == s.count { return }
                if starts("<!--") { try comment() } else { throw fail("content after the root element") }
            }
        }

        /// The next occurrence of a two-byte literal from `i`.
        func find(_ literal: StaticString) -> Int? {
            let a = literal.utf8Start[0]
            let b = literal.utf8Start[1]
            var j = i
            while j + 1 < s.count {
                if s[j] == a, s[j + 1] == b { return j }
                j += 1
            }
            return nil
        }

        mutating func comment() throws(CheckFailure) {
            i += 4
            guard let end = find("--") else { throw fail("unterminated comment") }
            guard end + 2 < s.count, s[end + 2] == UInt8(ascii: ">") else {
                i = end
                throw fail("\"--\" inside a comment")
            }
            i = end + 3
        }

        /// The root element and everything inside it, without recursion.
        mutating func element() throws(CheckFailure) {
            var stack: [ArraySlice<UInt8>] = []
            repeat {
                if i >= s.count { throw fail("end of document inside <\(String(decoding: stack.last ?? [], as: UTF8.self))>") }
                if s[i] != UInt8(ascii: "<") {
                    try textNode()
                    continue
                }
                if starts("</") {
                    i += 2
                    let closing = try name()
                    skipSpace()
                    let text = { (name: ArraySlice<UInt8>) in String(decoding: name, as: UTF8.self) }
                    guard i < s.count, s[i] == UInt8(ascii: ">") else { throw fail("malformed end tag </\(text(closing))") }
                    i += 1
                    guard let open = stack.popLast() else { throw fail("end tag </\(text(closing))> without a start tag") }
                    guard open.elementsEqual(closing) else { throw fail("</\(text(closing))> closes <\(text(open))>") }
                } else if starts("<!--") {
                    try comment()
                } else if starts("<!") || starts("<?") {
                    throw fail("CDATA, DOCTYPE or a processing instruction inside the document")
                } else {
                    i += 1
                    let tag = try name()
                    if stack.isEmpty { summary.root = String(decoding: tag, as: UTF8.self) }
                    noteElement(tag)
                    var seen: [ArraySlice<UInt8>] = []
                    while true {
                        let hadSpace = i < s.count && Self.isSpace(s[i])
                        skipSpace()
                        guard i < s.count else { throw fail("end of document inside a start tag") }
                        if s[i] == UInt8(ascii: ">") {
                            i += 1
                            stack.append(tag)
                            break
                        }
                        if starts("/>") {
                            i += 2
                            break
                        }
                        guard hadSpace else { throw fail("attributes must be separated by white space") }
                        let attribute = try name()
                        guard !seen.contains(where: { $0.elementsEqual(attribute) }) else {
                            throw fail("attribute \(String(decoding: attribute, as: UTF8.self)) twice")
                        }
                        seen.append(attribute)
                        noteAttribute(attribute)
                        skipSpace()
                        guard i < s.count, s[i] == UInt8(ascii: "=") else { throw fail("attribute \(String(decoding: attribute, as: UTF8.self)) without a value") }
                        i += 1
                        skipSpace()
                        guard i < s.count, s[i] == UInt8(ascii: "\"") || s[i] == UInt8(ascii: "'") else { throw fail("unquoted value of \(String(decoding: attribute, as: UTF8.self))") }
                        let quote = s[i]
                        i += 1
                        var value: [UInt8] = []
                        while true {
                            guard i < s.count else { throw fail("unterminated value of \(String(decoding: attribute, as: UTF8.self))") }
                            let c = s[i]
                            if c == quote {
                                i += 1
                                break
                            }
                            if c == UInt8(ascii: "<") { throw fail("< inside the value of \(String(decoding: attribute, as: UTF8.self))") }
                            if c == UInt8(ascii: "&") {
                                try reference(into: &value)
                            } else {
                                value.append(c)
                                i += 1
                            }
                        }
                        summary.texts.append(value)
                    }
                }
            } while !stack.isEmpty
        }

        mutating func textNode() throws(CheckFailure) {
            // The text runs to the next "<"; "&" and "]" inside it need a closer look. memchr
            // (libc, not instrumented) keeps the fuzzer's time in the code under test.
            let end = search(UInt8(ascii: "<"), from: i, to: s.count) ?? s.count
            var value: [UInt8] = []
            while i < end {
                let amp = search(UInt8(ascii: "&"), from: i, to: end) ?? end
                let bracket = search(UInt8(ascii: "]"), from: i, to: amp) ?? amp
                value.append(contentsOf: s[i..<bracket])
                i = bracket
                if i == end { break }
                if s[i] == UInt8(ascii: "&") {
                    try reference(into: &value)
                } else {
                    if starts("]]>") { throw fail("]]> in text") }
                    value.append(s[i])
                    i += 1
                }
            }
            summary.texts.append(value)
        }

        /// The first `byte` in `s[from..<to]`.
        func search(_ byte: UInt8, from: Int, to: Int) -> Int? {
            guard from < to else { return nil }
            return s.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress, let found = memchr(base + from, Int32(byte), to - from) else { return nil }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
        }

        /// `&amp;` `&lt;` `&gt;` `&quot;` `&#39;` or a numeric reference to an XML `Char`;
        /// appends the character it stands for.
        mutating func reference(into value: inout [UInt8]) throws(CheckFailure) {
            let start = i
            i += 1
            let bodyStart = i
            while i < s.count, s[i] != UInt8(ascii: ";"), i - bodyStart < 12 { i += 1 }
            guard i < s.count, s[i] == UInt8(ascii: ";") else {
                i = start
                throw fail("& that does not start a reference")
            }
            let body = String(decoding: s[bodyStart..<i], as: UTF8.self)
            i += 1
            let scalar: Unicode.Scalar
            switch body {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            default:
                var digits = Substring(body)
                guard digits.first == "#" else {
                    i = start
                    throw fail("entity &\(body); (only amp, lt, gt, quot and numeric references)")
                }
                digits = digits.dropFirst()
                var radix = 10
                if digits.first == "x" {
                    radix = 16
                    digits = digits.dropFirst()
                }
                guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isHexDigit && (radix == 16 || $0.isNumber) }),
                    let number = UInt32(digits, radix: radix), let decoded = Unicode.Scalar(number), Documented.isXMLChar(decoded) else {
                    i = start
                    throw fail("bad character reference &\(body);")
                }
                scalar = decoded
            }
            value.append(contentsOf: String(scalar).utf8)
        }
    }
}
