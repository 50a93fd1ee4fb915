import CNcursesw
import OrgTUI

/// What one `wget_wch` call produced, as plain values.
enum RawInput: Equatable, Sendable {
    /// `wget_wch` returned OK: a character (a Unicode scalar value, or a control code).
    case character(UInt32)
    /// `wget_wch` returned KEY_CODE_YES: a curses key code (KEY_UP, KEY_RESIZE, ...).
    case keyCode(Int32)

    /// Reads a `wget_wch` result; nil for ERR (timeout, interrupted, no input).
    init?(status: Int32, value: UInt32) {
        switch status {
        case KEY_CODE_YES: self = .keyCode(Int32(bitPattern: value))
        case OK: self = .character(value)
        default: return nil
        }
    }
}

/// What the session does with one raw input.
enum DecodedInput: Equatable, Sendable {
    case key(Key)
    /// KEY_RESIZE: ask curses for the new size.
    case resize
    /// KEY_MOUSE: ask curses for the mouse event.
    case mouse
    /// The terminal's bracketed-paste markers: what comes between them was pasted.
    case pasteStart, pasteEnd
    /// Nothing the app understands (an unmapped key code or control character).
    case ignored
}

/// The pure mapping from curses input to the app's keys.
enum KeyDecoder {
    static func decode(_ raw: RawInput) -> DecodedInput {
        switch raw {
        case .character(let value): return character(value)
        case .keyCode(let code): return keyCode(code)
        }
    }

    static func character(_ value: UInt32) -> DecodedInput {
        switch value {
        case 0x1B: return .key(.escape)
        case 0x0D, 0x0A: return .key(.enter)
        case 0x09: return .key(.tab)
        case 0x7F, 0x08: return .key(.backspace)
        case 1...26:
            guard let letter = Unicode.Scalar(0x60 + value) else { return .ignored }
            return .key(.control(Character(letter)))
        case 0..<0x20, 0x80..<0xA0: return .ignored
        default:
            guard let scalar = Unicode.Scalar(value) else { return .ignored }
            return .key(.character(Character(scalar)))
        }
    }

    static func keyCode(_ code: Int32) -> DecodedInput {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        // KEY_FIND/KEY_SELECT are where VT220-style keyboards put Home and End.
        case KEY_HOME, KEY_FIND, KEY_A1: return .key(.home)
        case KEY_END, KEY_SELECT, KEY_C1: return .key(.end)
        case KEY_A3: return .key(.pageUp)
        case KEY_C3: return .key(.pageDown)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_ENTER: return .key(.enter)
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return .mouse
        case pasteStartCode: return .pasteStart
        case pasteEndCode: return .pasteEnd
        case functionKeys: return .key(.function(Int(code - KEY_F0)))
        default: return .ignored
        }
    }

    /// Key codes of our own (above every curses key) for the bracketed-paste markers
    /// ESC [ 200 ~ and ESC [ 201 ~, which the session defines with define_key.
    static let pasteStartCode = KEY_MAX + 1
    static let pasteEndCode = KEY_MAX + 2

    /// KEY_F(1) through KEY_F(63).
    static let functionKeys: ClosedRange<Int32> = (KEY_F0 + 1)...(KEY_F0 + 63)

    /// The mouse event for a curses button mask at a 0-based cell; nil for anything the app
    /// does not use (other buttons, motion).
    static func mouse(buttons: mmask_t, x: Int32, y: Int32) -> MouseEvent? {
        guard x >= 0, y >= 0 else { return nil }
        let kind: MouseEvent.Kind
        if buttons & MouseMasks.wheelUp != 0 {
            kind = .wheelUp
        } else if buttons & MouseMasks.wheelDown != 0 {
            kind = .wheelDown
        } else if buttons & (MouseMasks.press | MouseMasks.click) != 0 {
            kind = .press
        } else if buttons & MouseMasks.release != 0 {
            kind = .release
        } else {
            return nil
        }
        return MouseEvent(kind: kind, x: Int(x), y: Int(y))
    }
}

/// The curses mouse masks the session asks for (macros in C, so read through the shim).
enum MouseMasks {
    static let press = hats_button1_pressed()
    static let release = hats_button1_released()
    static let click = hats_button1_clicked()
    static let wheelUp = hats_button4_pressed()
    static let wheelDown = hats_button5_pressed()
    static let all = press | release | click | wheelUp | wheelDown
}
