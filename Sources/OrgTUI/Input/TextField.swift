/// A one-line text input: the text, a cursor between graphemes, and the usual editing keys
/// (arrows, Home/End, Backspace/Delete, Ctrl-A/E/U/K/W). Holds at most `maxLength`
/// Unicode scalars (what the file format counts), so no edit can make a name the file
/// would refuse; a paste is inserted at once, whatever its length.
public struct TextField: Equatable, Sendable {
    /// The most a field holds, in Unicode scalars: far more than any name, title or duty
    /// needs, and a tenth of what the file format accepts.
    public static let maxLength = 1_000

    public private(set) var characters: [Character]
    /// 0...characters.count
    public private(set) var cursor: Int
    /// Unicode scalars in `characters`, kept so that a key costs the same at any length.
    private var scalars: Int
    /// How many characters the last edit could not insert because the field was full.
    public private(set) var refused = 0

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
        scalars = text.unicodeScalars.count
    }

    public var text: String { String(characters) }

    public mutating func set(_ text: String) {
        characters = Array(text)
        cursor = characters.count
        scalars = text.unicodeScalars.count
    }

    /// Applies an editing key; returns false for keys a text field does not use.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        refused = 0
        switch key {
        case .character(let character):
            insert(CollectionOfOne(character))
        case .paste(let text):
            insert(text)
        case .backspace:
            guard cursor > 0 else { return true }
            remove(cursor - 1..<cursor)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < characters.count else { return true }
            remove(cursor..<cursor + 1)
        case .left, .control("b"):
            cursor = max(0, cursor - 1)
        case .right, .control("f"):
            cursor = min(characters.count, cursor + 1)
        case .home, .control("a"):
            cursor = 0
        case .end, .control("e"):
            cursor = characters.count
        case .control("u"):
            remove(0..<cursor)
            cursor = 0
        case .control("k"):
            remove(cursor..<characters.count)
        case .control("w"):
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            remove(start..<cursor)
            cursor = start
        default:
            return false
        }
        return true
    }

    /// Inserts at the cursor what fits. One field is one line: a newline or tab becomes a
    /// space, other control characters are left out.
    private mutating func insert(_ text: some Sequence<Character>) {
        var added: [Character] = []
        var room = Self.maxLength - scalars
        for character in text {
            let cleaned: Character
            switch character {
            case "\n", "\r", "\r\n", "\t": cleaned = " "
            default:
                guard !character.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }) else { continue }
                cleaned = character
            }
            let size = cleaned.unicodeScalars.count
            // Once one does not fit, nothing after it goes in (the text stays in order).
            guard refused == 0, size <= room else {
                refused += 1
                continue
            }
            room -= size
            added.append(cleaned)
        }
        characters.insert(contentsOf: added, at: cursor)
        cursor += added.count
        scalars = Self.maxLength - room
    }

    private mutating func remove(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        for character in characters[range] { scalars -= character.unicodeScalars.count }
        characters.removeSubrange(range)
    }
}
