import OrgTUI

/// A Style as the terminal will show it: attributes plus curses colour numbers
/// (-1 = the terminal's default colour).
struct ResolvedStyle: Equatable, Hashable, Sendable {
    var bold = false
    var dim = false
    var reverse = false
    var underline = false
    var foreground: Int16 = -1
    var background: Int16 = -1

    var usesColor: Bool { foreground != -1 || background != -1 }
}

/// The pure mapping from the app's Style to what the terminal can show.
enum StyleResolver {
    /// - Parameters:
    ///   - support: `.none` drops colours and degrades them to attributes: red text becomes
    ///     bold + underline, yellow text bold, other text colours plain, and any background
    ///     colour reverse video.
    ///   - colors: the terminal's COLORS; gray is bright black (8) when there are 16 or
    ///     more, else white drawn dim.
    static func resolve(_ style: Style, support: ColorSupport, colors: Int) -> ResolvedStyle {
        var resolved = ResolvedStyle(bold: style.bold, dim: style.dim, reverse: style.reverse, underline: style.underline)
        switch support {
        case .none:
            switch style.foreground {
            case .red:
                resolved.bold = true
                resolved.underline = true
            case .yellow:
                resolved.bold = true
            default:
                break
            }
            if style.background != .standard { resolved.reverse = true }
        case .basic:
            resolved.foreground = number(style.foreground, colors: colors)
            resolved.background = number(style.background, colors: colors)
            if style.foreground == .gray, colors < 16 { resolved.dim = true }
        }
        return resolved
    }

    /// The curses colour number for a Color.
    static func number(_ color: Color, colors: Int) -> Int16 {
        switch color {
        case .standard: return -1
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        case .gray: return colors >= 16 ? 8 : 7
        }
    }
}
