import OrgTUI
import Testing
@testable import Terminal

@Suite("Key decoding (wget_wch results)")
struct KeyDecoderTests {
    /// curses key codes, written as numbers so a wrong constant in the decoder shows.
    enum Code {
        static let down: Int32 = 0o402, up: Int32 = 0o403, left: Int32 = 0o404, right: Int32 = 0o405
        static let home: Int32 = 0o406, backspace: Int32 = 0o407, f0: Int32 = 0o410
        static let dc: Int32 = 0o512, ic: Int32 = 0o513, npage: Int32 = 0o522, ppage: Int32 = 0o523
        static let enter: Int32 = 0o527, btab: Int32 = 0o541, end: Int32 = 0o550
        static let mouse: Int32 = 0o631, resize: Int32 = 0o632
    }

    func key(_ code: Int32) -> DecodedInput { KeyDecoder.decode(.keyCode(code)) }
    func char(_ value: UInt32) -> DecodedInput { KeyDecoder.decode(.character(value)) }

    @Test("wget_wch status: OK is a character, KEY_CODE_YES a key code, ERR nothing")
    func status() {
        #expect(RawInput(status: 0, value: 0x61) == .character(0x61))
        #expect(RawInput(status: 0o400, value: 0o403) == .keyCode(0o403))
        #expect(RawInput(status: -1, value: 0) == nil)
    }

    @Test("curses key codes")
    func keyCodes() {
        #expect(key(Code.up) == .key(.up))
        #expect(key(Code.down) == .key(.down))
        #expect(key(Code.left) == .key(.left))
        #expect(key(Code.right) == .key(.right))
        #expect(key(Code.ppage) == .key(.pageUp))
        #expect(key(Code.npage) == .key(.pageDown))
        #expect(key(Code.home) == .key(.home))
        #expect(key(Code.end) == .key(.end))
        #expect(key(Code.dc) == .key(.delete))
        #expect(key(Code.ic) == .key(.insert))
        #expect(key(Code.btab) == .key(.backTab))
        #expect(key(Code.backspace) == .key(.backspace))
        #expect(key(Code.enter) == .key(.enter))
        #expect(key(Code.resize) == .resize)
        #expect(key(Code.mouse) == .mouse)
    }

    @Test("function keys F1-F63; F0 and beyond are ignored")
    func functionKeys() {
        #expect(key(Code.f0 + 1) == .key(.function(1)))
        #expect(key(Code.f0 + 5) == .key(.function(5)))
        #expect(key(Code.f0 + 12) == .key(.function(12)))
        #expect(key(Code.f0 + 63) == .key(.function(63)))
        #expect(key(Code.f0) == .ignored)
        #expect(key(Code.f0 + 64) == .ignored)
    }

    @Test("unknown key codes are ignored")
    func unknownCodes() {
        #expect(key(0o777) == .ignored)
        #expect(key(0) == .ignored)
        #expect(key(-5) == .ignored)
    }

    @Test("Esc, Enter, Tab, Backspace as characters")
    func specialCharacters() {
        #expect(char(0x1B) == .key(.escape))
        #expect(char(0x0D) == .key(.enter))
        #expect(char(0x0A) == .key(.enter))
        #expect(char(0x09) == .key(.tab))
        #expect(char(0x7F) == .key(.backspace))
        #expect(char(0x08) == .key(.backspace))
    }

    @Test("Ctrl plus a letter: Ctrl-S, Ctrl-C and Ctrl-Z arrive as keys in raw mode")
    func controlLetters() {
        #expect(char(0x13) == .key(.control("s")))
        #expect(char(0x03) == .key(.control("c")))
        #expect(char(0x1A) == .key(.control("z")))
        #expect(char(0x01) == .key(.control("a")))
        #expect(char(0x0C) == .key(.control("l")))
        for value in UInt32(1)...26 where ![8, 9, 10, 13].contains(value) {
            guard case .key(.control(let letter)) = char(value) else {
                Issue.record("\(value) is not a control key")
                continue
            }
            #expect(letter.isLowercase && letter.isASCII)
        }
    }

    @Test("other control codes are ignored")
    func otherControls() {
        for value: UInt32 in [0x00, 0x1C, 0x1D, 0x1E, 0x1F, 0x80, 0x9B, 0x9F] {
            #expect(char(value) == .ignored, "\(value)")
        }
    }

    @Test("printable characters in any script")
    func printable() {
        #expect(char(0x20) == .key(.character(" ")))
        #expect(char(0x71) == .key(.character("q")))
        #expect(char(0xE9) == .key(.character("é")))
        #expect(char(0x738B) == .key(.character("王")))
        #expect(char(0x1F642) == .key(.character("🙂")))
        #expect(char(0xD800) == .ignored)       // a surrogate is not a scalar
        #expect(char(0x110000) == .ignored)
    }

    @Test("mouse: button 1 press/release/click and the wheel, 0-based")
    func mouse() {
        #expect(KeyDecoder.mouse(buttons: MouseMasks.press, x: 3, y: 4) == MouseEvent(kind: .press, x: 3, y: 4))
        #expect(KeyDecoder.mouse(buttons: MouseMasks.click, x: 0, y: 0) == MouseEvent(kind: .press, x: 0, y: 0))
        #expect(KeyDecoder.mouse(buttons: MouseMasks.release, x: 9, y: 1) == MouseEvent(kind: .release, x: 9, y: 1))
        #expect(KeyDecoder.mouse(buttons: MouseMasks.wheelUp, x: 1, y: 2) == MouseEvent(kind: .wheelUp, x: 1, y: 2))
        #expect(KeyDecoder.mouse(buttons: MouseMasks.wheelDown, x: 1, y: 2) == MouseEvent(kind: .wheelDown, x: 1, y: 2))
        #expect(KeyDecoder.mouse(buttons: 0, x: 1, y: 2) == nil)
        #expect(KeyDecoder.mouse(buttons: MouseMasks.press, x: -1, y: 2) == nil)
    }

    @Test("the mouse masks are distinct curses bits")
    func masks() {
        let masks = [MouseMasks.press, MouseMasks.release, MouseMasks.click, MouseMasks.wheelUp, MouseMasks.wheelDown]
        #expect(Set(masks).count == masks.count)
        #expect(masks.allSatisfy { $0 != 0 && $0 & ($0 - 1) == 0 })
        #expect(MouseMasks.press == 0o2)        // BUTTON1_PRESSED
        #expect(MouseMasks.wheelUp == 0o2 << 15) // BUTTON4_PRESSED with mouse version 2
        #expect(MouseMasks.wheelDown == 0o2 << 20) // BUTTON5_PRESSED
    }

    @Test("the bracketed-paste markers have codes of their own, above every curses key")
    func pasteMarkers() {
        #expect(KeyDecoder.decode(.keyCode(KeyDecoder.pasteStartCode)) == .pasteStart)
        #expect(KeyDecoder.decode(.keyCode(KeyDecoder.pasteEndCode)) == .pasteEnd)
        #expect(KeyDecoder.pasteStartCode > 0o777, "KEY_MAX is 0777: user-defined codes start above it")
    }
}
