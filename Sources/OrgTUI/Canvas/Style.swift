/// A colour as the app means it. The terminal maps these to what it can show, or drops
/// them on monochrome terminals and with NO_COLOR (meaning is never carried by colour
/// alone: symbols and words say the same).
public enum Color: UInt8, CaseIterable, Equatable, Hashable, Sendable {
    case standard, black, red, green, yellow, blue, magenta, cyan, white, gray
}

/// How a cell is drawn.
public struct Style: Equatable, Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(foreground: Color = .standard, background: Color = .standard, bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let dim = Style(dim: true)
    public static let reverse = Style(reverse: true)

    public func with(foreground: Color) -> Style { var copy = self; copy.foreground = foreground; return copy }
    public func with(bold: Bool) -> Style { var copy = self; copy.bold = bold; return copy }
    public func with(reverse: Bool) -> Style { var copy = self; copy.reverse = reverse; return copy }
    public func with(dim: Bool) -> Style { var copy = self; copy.dim = dim; return copy }
}
