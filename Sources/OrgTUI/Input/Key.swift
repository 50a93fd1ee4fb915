/// A key the user pressed, independent of how the terminal encoded it.
public enum Key: Hashable, Sendable {
    /// A printable character (any script).
    case character(Character)
    /// Ctrl plus a letter, given as the lowercase letter (Ctrl-S is `.control("s")`).
    case control(Character)
    case enter, tab, backTab, backspace, delete, escape, insert
    case up, down, left, right, pageUp, pageDown, home, end
    case function(Int)
    /// Text the terminal marked as pasted (bracketed paste): it goes into a text field at
    /// once, and is never taken as commands.
    case paste(String)

    /// Typed or pasted text (what a text field inserts).
    public var isText: Bool {
        switch self {
        case .character, .paste: true
        default: false
        }
    }

    public var isPaste: Bool {
        if case .paste = self { return true }
        return false
    }

    /// How the key is written in help and docs: "j", "Ctrl-S", "↑", "PgDn", "Enter".
    public var label: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .control(let letter): return "Ctrl-\(String(letter).uppercased())"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .escape: return "Esc"
        case .insert: return "Insert"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .function(let number): return "F\(number)"
        case .paste: return "Paste"
        }
    }
}

/// A mouse event where the terminal reports them.
public struct MouseEvent: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case press, release, wheelUp, wheelDown }
    public var kind: Kind
    /// Column and row, 0-based, of the cell under the pointer.
    public var x: Int
    public var y: Int
    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// Everything the terminal can tell the app.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal now has this size.
    case resize(Size)
    /// SIGTERM or SIGHUP arrived: the app should save recovery data and leave.
    case terminate
    /// SIGINT from outside (with the terminal in raw mode, Ctrl-C arrives as a key).
    case interrupt
}
