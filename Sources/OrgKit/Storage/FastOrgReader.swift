/// The quick way through a well-formed org file: the `people` array — nearly all of a
/// large file — is read straight into `Person` values, without first building a JSON tree.
/// The other top-level members (small) go through `JSONParser` and `OrgDecoder` as usual.
///
/// It reads only what a clean file holds: known keys once each, the right types, strings
/// without escapes. At anything else — an escape, a `null`, an unknown or repeated key, a
/// type or syntax error — it gives up (returns nil) and `OrgFile.decode` reads the file
/// the thorough way, which finds and words every problem. So it can only be faster, never
/// different: tests and the fuzz-org target check that both ways give the same org.
struct FastOrgReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The org, or nil to read it the thorough way. Validation (`OrgValidator`) is the
    /// caller's, as for the thorough way.
    static func read(_ bytes: [UInt8]) -> Org? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = FastOrgReader(buffer)
            return reader.org()
        }
    }

    // MARK: - The top level

    private mutating func org() -> Org? {
        skipWhitespace()
        guard take(UInt8(ascii: "{")) else { return nil }
        var members: [JSONMember] = []
        var people: [Person]?
        var seen: Set<String> = []
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return nil }
        while true {
            skipWhitespace()
            guard let key = string(), seen.insert(key).inserted else { return nil }
            skipWhitespace()
            guard take(UInt8(ascii: ":")) else { return nil }
            skipWhitespace()
            if key == "people" {
                guard let read = peopleArray() else { return nil }
                people = read
            } else {
                // A small member: parsed and decoded the usual way.
                let start = index
                guard skipValue(), let value = try? JSONParser.parse(Array(bytes[start..<index])) else { return nil }
                members.append(JSONMember(key, value))
            }
            skipWhitespace()
            if take(UInt8(ascii: ",")) { continue }
            guard take(UInt8(ascii: "}")) else { return nil }
            break
        }
        skipWhitespace()
        guard index == bytes.count else { return nil }
        let decoder = OrgDecoder()
        guard let org = decoder.decodeOrg(.object(members)), decoder.problems.isEmpty, decoder.warnings.isEmpty else { return nil }
        return Org(unchecked: org.name, description: org.description, policy: org.policy, roles: org.roles, duties: org.duties,
                   people: people ?? [], extra: org.extra)
    }

    // MARK: - People

    /// A JSON array, each item read by `item` (nil gives up).
    private mutating func array<T>(_ item: (inout FastOrgReader) -> T?) -> [T]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var items: [T] = []
        skipWhitespace()
        if take(UInt8(ascii: "]")) { return items }
        while true {
            skipWhitespace()
            guard let value = item(&self) else { return nil }
            items.append(value)
            skipWhitespace()
            if take(UInt8(ascii: ",")) { continue }
            guard take(UInt8(ascii: "]")) else { return nil }
            return items
        }
    }

    /// Bytes of people below which the array is read on one core.
    static let twoCoreMinimum = 1 << 20

    /// The people array: when it is large, its two halves on two cores. The second half
    /// starts at a guessed element boundary past the middle (`}`, `,`, `{` with only
    /// whitespace between them); the first half is read as ever from the start and counts
    /// only if it lands exactly there after a comma — then the guess is a real boundary of
    /// this array, and the second half, read from it to the `]`, is what one reader would
    /// have read. Otherwise the first half has read the whole array alone. Either way the
    /// people are the ones a single pass gives, and a failure in either half is one a single
    /// pass meets too (nil: the thorough way).
    private mutating func peopleArray() -> [Person]? {
        let start = index
        guard bytes.count - start >= Self.twoCoreMinimum, let split = boundary(after: start + (bytes.count - start) / 2) else {
            return array { $0.person() }
        }
        let buffer = bytes
        let halves = Parallel.map(2, minimum: 2) { half -> (people: [Person], atSplit: Bool, end: Int)? in
            var reader = FastOrgReader(buffer)
            reader.index = half == 0 ? start : split
            let people = half == 0 ? reader.peoplePrefix(upTo: split) : reader.peopleRest().map { ($0, true) }
            return people.map { ($0.0, $0.1, reader.index) }
        }
        guard let first = halves[0] else { return nil }
        guard first.atSplit else {
            index = first.end
            return first.people
        }
        guard let second = halves[1] else { return nil }
        var people = first.people
        people.append(contentsOf: second.people)
        index = second.end
        return people
    }

    /// The first `{` at or after `position` with only whitespace, a `,`, whitespace and a `}`
    /// before it and `"id"` after it (looked for within a megabyte); nil if there is none.
    private func boundary(after position: Int) -> Int? {
        var at = position
        let limit = min(bytes.count, position + Self.twoCoreMinimum)
        while at < limit {
            if bytes[at] == UInt8(ascii: "{") {
                var back = at - 1
                while back > 0, isWhitespace(bytes[back]) { back -= 1 }
                if back > 0, bytes[back] == UInt8(ascii: ",") {
                    back -= 1
                    while back > 0, isWhitespace(bytes[back]) { back -= 1 }
                    if bytes[back] == UInt8(ascii: "}"), startsWithID(at + 1) { return at }
                }
            }
            at += 1
        }
        return nil
    }

    /// `array { $0.person() }` up to `split`: stops there (`atSplit`) when an element ends
    /// with a comma and the next one starts exactly at `split`; else reads the whole array.
    private mutating func peoplePrefix(upTo split: Int) -> ([Person], Bool)? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var items: [Person] = []
        skipWhitespace()
        if take(UInt8(ascii: "]")) { return (items, false) }
        while true {
            skipWhitespace()
            guard let value = person() else { return nil }
            items.append(value)
            skipWhitespace()
            if take(UInt8(ascii: ",")) {
                skipWhitespace()
                if index == split { return (items, true) }
                continue
            }
            guard take(UInt8(ascii: "]")) else { return nil }
            return (items, false)
        }
    }

    /// The rest of the people array from an element's start, up to and past its `]`.
    private mutating func peopleRest() -> [Person]? {
        var items: [Person] = []
        while true {
            skipWhitespace()
            guard let value = person() else { return nil }
            items.append(value)
            skipWhitespace()
            if take(UInt8(ascii: ",")) { continue }
            guard take(UInt8(ascii: "]")) else { return nil }
            return items
        }
    }

    /// Whether `"id"` is the next thing after whitespace at `position`: a person's first
    /// key as hats writes it (a hat starts with its role).
    private func startsWithID(_ position: Int) -> Bool {
        var at = position
        while at < bytes.count, isWhitespace(bytes[at]) { at += 1 }
        guard at + 4 <= bytes.count else { return false }
        return bytes[at] == UInt8(ascii: "\"") && bytes[at + 1] == UInt8(ascii: "i") && bytes[at + 2] == UInt8(ascii: "d")
            && bytes[at + 3] == UInt8(ascii: "\"")
    }

    private func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private mutating func person() -> Person? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var person = Person(id: "", name: "")
        var seen: UInt16 = 0
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return nil }
        while true {
            skipWhitespace()
            // The key by its bytes: making a String of it and comparing it with each key
            // name, twice, was a third of reading a person.
            guard let bit = key(Self.personKeys) else { return nil }
            guard seen & (1 << bit) == 0 else { return nil }
            seen |= 1 << bit
            skipWhitespace()
            guard take(UInt8(ascii: ":")) else { return nil }
            skipWhitespace()
            switch bit {  // the order of OrgDecoder.personKeys
            case 0: guard let value = string() else { return nil }; person.id = value
            case 1: guard let value = string() else { return nil }; person.name = value
            case 2: guard let value = string() else { return nil }; person.title = value
            case 3: guard let value = string() else { return nil }; person.email = value
            case 4: guard let value = string() else { return nil }; person.department = value
            case 5: guard let value = string() else { return nil }; person.reportsTo = value
            case 6: guard let value = strings() else { return nil }; person.dottedTo = value
            case 7: guard let value = number() else { return nil }; person.hoursPerWeek = value
            case 8: guard let value = bool() else { return nil }; person.external = value
            case 9: guard let value = bool() else { return nil }; person.open = value
            case 10: guard let value = strings() else { return nil }; person.certifications = value
            case 11: guard let value = number() else { return nil }; person.yearsExperience = value
            case 12: guard let value = array({ $0.hat() }) else { return nil }; person.hats = value
            default: return nil
            }
            skipWhitespace()
            if take(UInt8(ascii: ",")) { continue }
            guard take(UInt8(ascii: "}")) else { return nil }
            break
        }
        // id and name are required (bits 0 and 1 of personKeys).
        guard seen & 0b11 == 0b11 else { return nil }
        return person
    }

    private mutating func hat() -> Hat? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var hat = Hat(role: "")
        var sawRole = false
        var sawHours = false
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return nil }
        while true {
            skipWhitespace()
            guard let key = key(Self.hatKeys) else { return nil }
            skipWhitespace()
            guard take(UInt8(ascii: ":")) else { return nil }
            skipWhitespace()
            if key == 0, !sawRole, let role = string() {
                hat.role = role
                sawRole = true
            } else if key == 1, !sawHours, let hours = number() {
                hat.hoursPerWeek = hours
                sawHours = true
            } else {
                return nil
            }
            skipWhitespace()
            if take(UInt8(ascii: ",")) { continue }
            guard take(UInt8(ascii: "}")) else { return nil }
            return sawRole ? hat : nil
        }
    }

    // MARK: - Values

    private mutating func strings() -> [String]? {
        array { $0.string() }
    }

    /// A string without escapes or control characters, as valid UTF-8.
    static let personKeys = OrgDecoder.personKeys.map { Array($0.utf8) }
    static let hatKeys = OrgDecoder.hatKeys.map { Array($0.utf8) }

    /// A quoted key without escapes, as its position in `keys` (UTF-8 key names); nil for
    /// any other key or an escape (the thorough reader then reads the file).
    private mutating func key(_ keys: [[UInt8]]) -> Int? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] == UInt8(ascii: "\\") || bytes[index] < 0x20 { return nil }
            index += 1
        }
        guard index < bytes.count else { return nil }
        let end = index
        index += 1
        let count = end - start
        for number in keys.indices where keys[number].count == count {
            var same = true
            for offset in 0..<count where keys[number][offset] != bytes[start + offset] {
                same = false
                break
            }
            if same { return number }
        }
        return nil
    }

    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        var ascii = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return ascii ? String(decoding: slice, as: UTF8.self) : String(validating: slice, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        return nil
    }

    /// A finite number, read as `JSONParser` reads it.
    private mutating func number() -> Double? {
        let start = index
        if peek(UInt8(ascii: "-")) { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { return nil }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { return nil }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        var plainDigits = bytes[start] != UInt8(ascii: "-")
        if peek(UInt8(ascii: ".")) {
            plainDigits = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { return nil }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            plainDigits = false
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { return nil }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let value: Double?
        if plainDigits, index - start <= 15 {
            var whole = 0
            for position in start..<index { whole = whole * 10 + Int(bytes[position] - UInt8(ascii: "0")) }
            value = Double(whole)
        } else {
            value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        }
        guard let value, value.isFinite else { return nil }
        return value
    }

    private mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    /// Moves past one JSON value of any kind (checked for real by `JSONParser` afterwards).
    private mutating func skipValue() -> Bool {
        var depth = 0
        repeat {
            skipWhitespace()
            guard index < bytes.count else { return false }
            switch bytes[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                index += 1
            case UInt8(ascii: "\""):
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard index < bytes.count else { return false }
                index += 1
            case UInt8(ascii: ","), UInt8(ascii: ":"):
                guard depth > 0 else { return true }
                index += 1
            default:
                while index < bytes.count, !isDelimiter(bytes[index]) { index += 1 }
            }
        } while depth > 0
        return depth == 0
    }

    private func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "\""), 0x20, 0x09, 0x0A, 0x0D: true
        default: false
        }
    }

    // MARK: - Helpers

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private func peek(_ byte: UInt8) -> Bool {
        index < bytes.count && bytes[index] == byte
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard peek(byte) else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }
}
