import OrgKit

/// A terminal size in character cells.
public struct Size: Equatable, Hashable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
}

/// A rectangle of cells.
public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// The rectangle shrunk by `amount` on every side.
    public func inset(_ amount: Int) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }
}

/// One cell of the screen: one grapheme and its style. A wide (2-column) grapheme sits in
/// its first cell; the cell to its right holds the empty string and must not be drawn.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }
    public static let blank = Cell()
    /// The right half of a wide grapheme.
    public var isContinuation: Bool { text.isEmpty }
}

/// The whole screen as a value: the app's `view` returns one, the terminal draws it (only
/// the cells that changed), and tests compare it as text.
public struct Canvas: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: size.width * size.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
        return cells[y * size.width + x]
    }

    /// Writes `text` from (x, y), clipped to `limit` columns (and the canvas), and returns
    /// the columns used. Control and bidi characters are made harmless, a wide grapheme
    /// that does not fit is replaced by a space, and a wide grapheme being overwritten is
    /// cleared whole so no half of it is left on screen.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let end = min(size.width, limit.map { x + max(0, $0) } ?? size.width)
        var column = x
        for character in Self.visible(TextSafety.printable(text)) {
            let width = DisplayWidth.of(character)
            if width == 0 {
                // A stray combining mark or zero-width character: attach to the previous cell.
                if column > 0, column - 1 < end, column - 1 >= 0 {
                    var index = y * size.width + column - 1
                    if cells[index].isContinuation, column >= 2 { index -= 1 }
                    cells[index].text.append(character)
                }
                continue
            }
            if column + width > end {
                if column < end, column >= 0 {
                    clearOverlap(column, y)
                    set(column, y, Cell(" ", style: style))
                }
                break
            }
            if column >= 0 {
                // Clear whatever the new grapheme overlaps first, then write its cell(s).
                clearOverlap(column, y)
                if width == 2 { clearOverlap(column + 1, y) }
                set(column, y, Cell(String(character), style: style))
                if width == 2 { set(column + 1, y, Cell("", style: style)) }
            }
            column += width
        }
        return max(0, column - x)
    }

    /// The text without its invisible format characters (U+FEFF, U+200B, U+2060, tag
    /// characters, Mongolian selectors, Hangul fillers: Unicode's default-ignorable code
    /// points), which terminals disagree about (some give them a column, some none) and
    /// so would shift everything after them. The emoji joiner and variation selectors
    /// stay: they decide how an emoji is drawn.
    static func visible(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }), text.unicodeScalars.contains(where: isInvisibleFormat) else { return text }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: text.unicodeScalars.lazy.filter { !isInvisibleFormat($0) })
        return String(kept)
    }

    private static func isInvisibleFormat(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200D, 0xFE00...0xFE0F: return false
        default: return scalar.properties.isDefaultIgnorableCodePoint
        }
    }

    /// Writes `text` padded with spaces (or cut with "…") to exactly `width` columns.
    public mutating func put(_ text: String, x: Int, y: Int, width: Int, style: Style = .plain) {
        let used = put(DisplayWidth.truncate(TextSafety.printable(text), to: width), x: x, y: y, style: style, limit: width)
        if used < width { fill(Rect(x: x + used, y: y, width: width - used, height: 1), style: style) }
    }

    /// Fills a rectangle with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let (rows, columns) = clipped(rect)
        for row in rows {
            for column in columns {
                clearOverlap(column, row)
                set(column, row, Cell(" ", style: style))
            }
        }
    }

    /// The rows and columns of `rect` that are on the canvas (empty ranges when none are).
    private func clipped(_ rect: Rect) -> (Range<Int>, Range<Int>) {
        let top = max(0, rect.y)
        let bottom = max(top, min(size.height, rect.maxY))
        let left = max(0, rect.x)
        let right = max(left, min(size.width, rect.maxX))
        return (top..<bottom, left..<right)
    }

    /// Changes the style of every cell in `rect`, keeping the text.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let (rows, columns) = clipped(rect)
        for row in rows {
            for column in columns {
                change(&cells[row * size.width + column].style)
            }
        }
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        cells[y * size.width + x] = cell
    }

    /// Before (x, y) is overwritten: if it holds half of a wide grapheme, blank the other
    /// half, so no half of a glyph is ever left on screen.
    private mutating func clearOverlap(_ x: Int, _ y: Int) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        let index = y * size.width + x
        if cells[index].isContinuation {
            if x > 0 { cells[index - 1] = Cell(" ", style: cells[index - 1].style) }
            cells[index] = Cell(" ", style: cells[index].style)
        } else if DisplayWidth.of(cells[index].text) == 2, x + 1 < size.width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
    }

    /// The screen as plain text, one string per row, trailing spaces kept.
    public func lines() -> [String] {
        (0..<size.height).map { row in
            var line = ""
            for column in 0..<size.width {
                line += cells[row * size.width + column].text
            }
            return line
        }
    }

    /// The screen as text with trailing spaces removed: how golden files store it.
    public var text: String {
        lines().map { line in
            var line = line
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }
}
