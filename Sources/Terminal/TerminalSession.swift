#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import OrgTUI

/// The real terminal: starts curses, draws canvases (only what changed), reads keys,
/// mouse and resizes, and restores the terminal on stop, exit, SIGTERM/SIGHUP/SIGINT
/// (reported to the app as events) and crashes (restored from a C signal handler).
///
/// This file is the only caller of the stateful parts of the C shim (signal flags, saved
/// termios): see the note at the top of Sources/CNcursesw/shim.h.
public final class TerminalSession: TerminalBackend {
    /// `WINDOW *` as Swift imports it on Linux.
    typealias WindowPointer = UnsafeMutablePointer<WINDOW>

    public let colorSupport: ColorSupport
    /// false when no UTF-8 locale could be set: the session then draws ASCII.
    public let unicode: Bool

    private var screen: OpaquePointer?
    private var window: WindowPointer?
    private let colors: Int
    private let defaultColors: Bool
    private let maxPairs: Int
    private var pairs: [PairKey: Int16] = [:]
    private var previous: RenderedScreen?
    private var previousCanvasSize: Size?
    private var needsFullRedraw = true
    private var clearRequested = false
    private var quickErrors = 0

    private struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    /// Input slices: how long one `wget_wch` waits before the signal flags are looked at.
    private static let sliceMilliseconds: Int32 = 100
    /// This many reads in a row that fail at once mean the input is gone (the terminal was
    /// closed without a SIGHUP reaching us): reported as `.terminate`.
    private static let closedInputErrors = 20

    private init(screen: OpaquePointer, window: WindowPointer, colorSupport: ColorSupport, colors: Int, defaultColors: Bool, maxPairs: Int, unicode: Bool) {
        self.screen = screen
        self.window = window
        self.colorSupport = colorSupport
        self.colors = colors
        self.defaultColors = defaultColors
        self.maxPairs = maxPairs
        self.unicode = unicode
    }

    deinit { stop() }

    /// Checks stdin/stdout are terminals and TERM is usable, sets the locale, starts curses
    /// (newterm, so an unknown TERM is an error instead of an exit), raw mode (Ctrl-C,
    /// Ctrl-S, Ctrl-Z arrive as keys), noecho, keypad, hidden cursor, alternate screen,
    /// mouse clicks + wheel where supported, set_escdelay(25), colours unless NO_COLOR is
    /// set or the terminal has none. Installs the signal and crash handlers.
    ///
    /// - Parameter asciiOnly: draw ASCII even when a UTF-8 locale is available (what the
    ///   session does by itself when none is).
    public static func start(environment: [String: String], asciiOnly: Bool = false) throws(TerminalError) -> TerminalSession {
        let term = try Preflight.terminalName(
            environment: environment,
            stdinIsTerminal: isatty(STDIN_FILENO) == 1,
            stdoutIsTerminal: isatty(STDOUT_FILENO) == 1
        )
        guard hats_is_active() == 0 else { throw TerminalError.startFailed("a terminal session is already running") }
        let unicode = setUTF8Locale() && !asciiOnly

        guard hats_save_termios() == 0 else { throw TerminalError.startFailed("cannot read the terminal settings") }
        // Before newterm: ncurses then keeps our SIGINT/SIGTERM handlers instead of
        // installing its own (which would end the process).
        hats_install_handlers()
        guard let screen = hats_newterm(term) else {
            hats_uninstall_handlers()
            hats_restore_termios()
            throw TerminalError.unknownTerm(term)
        }
        guard let window = hats_stdscr(), hats_can_address_cursor() == 1 else {
            endwin()
            delscreen(screen)
            hats_uninstall_handlers()
            hats_restore_termios()
            throw TerminalError.cannotAddressCursor(term)
        }
        hats_set_active(1)
        hats_capture_stderr()

        raw()
        noecho()
        nonl()
        keypad(window, true)
        meta(window, true)
        intrflush(window, false)
        leaveok(window, true)
        curs_set(0)
        set_escdelay(25)
        defineMissingKeys()
        mousemask(MouseMasks.all, nil)
        mouseinterval(0)
        setBracketedPaste(true)

        var support = ColorSupport.none
        var defaultColors = false
        var colors = 0
        var maxPairs = 0
        if Preflight.colorWanted(environment: environment), has_colors(), start_color() == OK, hats_colors() >= 8 {
            support = .basic
            colors = Int(hats_colors())
            defaultColors = use_default_colors() == OK
            maxPairs = min(Int(hats_color_pairs()), Int(Int16.max))
        }
        return TerminalSession(screen: screen, window: window, colorSupport: support, colors: colors, defaultColors: defaultColors, maxPairs: maxPairs, unicode: unicode)
    }

    /// `setlocale(LC_ALL, "")`, then, when its LC_CTYPE is not UTF-8, C.UTF-8 or
    /// en_US.UTF-8 for LC_CTYPE. Returns whether a UTF-8 LC_CTYPE is in force.
    private static func setUTF8Locale() -> Bool {
        _ = setlocale(LC_ALL, "")
        if currentCodesetIsUTF8() { return true }
        for name in ["C.UTF-8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            if currentCodesetIsUTF8() { return true }
        }
        _ = setlocale(LC_CTYPE, "C")
        return false
    }

    private static func currentCodesetIsUTF8() -> Bool {
        guard let codeset = hats_codeset() else { return false }
        return Preflight.isUTF8(codeset: String(cString: codeset))
    }

    /// Home/End/Insert/Delete/PgUp/PgDn/arrows/Shift-Tab as xterm, tmux and screen send
    /// them, for terminfo entries that lack them (TERM=xterm-256color inside tmux sends
    /// "\e[1~" for Home, which that entry calls "\eOH").
    private static func defineMissingKeys() {
        let escape = "\u{1B}"
        let sequences: [(String, Int32)] = [
            ("[1~", KEY_HOME), ("[7~", KEY_HOME), ("[H", KEY_HOME), ("OH", KEY_HOME),
            ("[4~", KEY_END), ("[8~", KEY_END), ("[F", KEY_END), ("OF", KEY_END),
            ("[2~", KEY_IC), ("[3~", KEY_DC), ("[5~", KEY_PPAGE), ("[6~", KEY_NPAGE),
            ("[A", KEY_UP), ("[B", KEY_DOWN), ("[C", KEY_RIGHT), ("[D", KEY_LEFT),
            ("OA", KEY_UP), ("OB", KEY_DOWN), ("OC", KEY_RIGHT), ("OD", KEY_LEFT),
            ("[Z", KEY_BTAB),
            ("[200~", KeyDecoder.pasteStartCode), ("[201~", KeyDecoder.pasteEndCode),
        ]
        for (tail, code) in sequences {
            let sequence = escape + tail
            if key_defined(sequence) == 0 { define_key(sequence, code) }
        }
    }

    /// Bracketed paste (xterm's mode 2004, which tmux, screen and every common terminal
    /// emulator know; others ignore it): a paste then arrives marked, so it goes into a
    /// text field at once instead of being typed key by key, or taken as commands.
    private static func setBracketedPaste(_ on: Bool) {
        let sequence = on ? "\u{1B}[?2004h" : "\u{1B}[?2004l"
        fflush(nil)
        hats_write_text(STDOUT_FILENO, sequence)
    }

    /// The most of one paste that is kept (the rest is read and dropped): far more than any
    /// field holds.
    static let pasteLimit = 1 << 20

    /// Reads a bracketed paste up to its end marker (or until the terminal has sent nothing
    /// for a second, should the marker be lost), as text: Enter is a newline, other control
    /// characters and keys inside the paste are left out.
    private func readPaste(in window: WindowPointer) -> InputEvent? {
        var scalars = String.UnicodeScalarView()
        var kept = 0
        var idle: Int64 = 0
        wtimeout(window, 100)
        while idle < 1000 {
            let readStart = hats_monotonic_ms()
            var value: wint_t = 0
            let status = wget_wch(window, &value)
            guard let raw = RawInput(status: status, value: value) else {
                idle += max(1, hats_monotonic_ms() - readStart)
                // SIGTERM/SIGHUP: stop reading; the event loop sees the flag next.
                if hats_take_terminate() != 0 {
                    hats_note_terminate()
                    break
                }
                continue
            }
            idle = 0
            switch raw {
            case .keyCode(let code):
                if KeyDecoder.keyCode(code) == .pasteEnd { idle = .max }
            case .character(let character):
                guard kept < Self.pasteLimit else { continue }
                switch character {
                case 0x0D, 0x0A: scalars.append("\n")
                case 0x09: scalars.append("\t")
                case 0..<0x20, 0x7F..<0xA0: break
                default:
                    guard let scalar = Unicode.Scalar(character) else { break }
                    scalars.append(scalar)
                    kept += 1
                }
            }
        }
        return scalars.isEmpty ? nil : .key(.paste(String(scalars)))
    }

    /// The terminal's size in cells (0×0 once stopped).
    public var size: Size {
        guard let window else { return Size(width: 0, height: 0) }
        return Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    /// Draws the canvas, sending only cells that changed since the last draw (everything
    /// after a resize or a change of canvas size). Clips to the screen; never writes the
    /// continuation cell of a wide grapheme.
    public func draw(_ canvas: Canvas) {
        guard let window else { return }
        let rendered = ScreenRenderer.render(canvas, screen: size, unicode: unicode, terminalWidth: Self.terminalWidth)
        var previous = self.previous
        if needsFullRedraw || previousCanvasSize != canvas.size {
            previous = nil
            werase(window)
        }
        for write in ScreenRenderer.changes(from: previous, to: rendered) {
            put(write, in: window)
        }
        if clearRequested { clearok(window, true) }
        wnoutrefresh(window)
        doupdate()
        self.previous = rendered
        previousCanvasSize = canvas.size
        needsFullRedraw = false
        clearRequested = false
    }

    /// Repaints the whole terminal on the next draw, even cells curses believes are
    /// already right: after a stop (the shell may have written over the screen), and for
    /// Ctrl-L.
    public func redrawAll() {
        needsFullRedraw = true
        clearRequested = true
    }

    private static func terminalWidth(_ scalar: Unicode.Scalar) -> Int {
        Int(hats_wcwidth(wchar_t(bitPattern: scalar.value)))
    }

    private func put(_ write: CellWrite, in window: WindowPointer) {
        let resolved = StyleResolver.resolve(write.style, support: colorSupport, colors: colors)
        var attributes = hats_a_normal()
        if resolved.bold { attributes |= hats_a_bold() }
        if resolved.dim { attributes |= hats_a_dim() }
        if resolved.reverse { attributes |= hats_a_reverse() }
        if resolved.underline { attributes |= hats_a_underline() }
        let pair = colorPair(resolved)

        // The first scalar plus the zero-width ones after it (combining marks, selectors),
        // as many as a cchar_t holds; then the terminating zero.
        var characters: [wchar_t] = []
        for scalar in write.text.unicodeScalars {
            if !characters.isEmpty, Self.terminalWidth(scalar) != 0 { break }
            characters.append(wchar_t(bitPattern: scalar.value))
            if characters.count == Int(CCHARW_MAX) { break }
        }
        if characters.isEmpty { characters.append(wchar_t(0x20)) }
        characters.append(0)

        var cell = cchar_t()
        var status = setcchar(&cell, characters, attributes, pair, nil)
        if status != OK {
            let fallback: [wchar_t] = [wchar_t(0x3F), 0]
            status = setcchar(&cell, fallback, attributes, pair, nil)
        }
        guard status == OK else { return }
        // Writing the bottom-right cell reports ERR (the cursor cannot advance) but the
        // cell is set: the result is ignored on purpose.
        _ = mvwadd_wch(window, Int32(write.y), Int32(write.x), &cell)
    }

    /// The colour pair for a resolved style, allocated on first use; pair 0 (the
    /// terminal's colours) when there are no colours or the pairs have run out.
    private func colorPair(_ style: ResolvedStyle) -> Int16 {
        guard colorSupport == .basic, style.usesColor else { return 0 }
        var key = PairKey(foreground: style.foreground, background: style.background)
        if !defaultColors {
            if key.foreground < 0 { key.foreground = Int16(COLOR_WHITE) }
            if key.background < 0 { key.background = Int16(COLOR_BLACK) }
        }
        if let pair = pairs[key] { return pair }
        let next = pairs.count + 1
        guard next < maxPairs, init_pair(Int16(next), key.foreground, key.background) == OK else { return 0 }
        pairs[key] = Int16(next)
        return Int16(next)
    }

    /// Waits up to `timeoutMilliseconds` (-1 = forever) for input; nil on timeout.
    /// Returns .resize(Size) on KEY_RESIZE, .terminate after SIGTERM/SIGHUP (or when the
    /// input is gone), .interrupt after a SIGINT from outside, .mouse for clicks/wheel,
    /// .key otherwise. Keys and mouse events the app does not use are skipped. Waits in
    /// slices of 100 ms so a signal is reported within one slice. nil at once after stop().
    public func nextEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        guard let window else { return nil }
        let start = hats_monotonic_ms()
        while true {
            if hats_take_terminate() != 0 { return .terminate }
            if hats_take_interrupt() != 0 { return .interrupt }
            if hats_take_resumed() != 0 { return resume() }
            var slice = Self.sliceMilliseconds
            if timeoutMilliseconds >= 0 {
                let remaining = Int64(timeoutMilliseconds) - (hats_monotonic_ms() - start)
                slice = Int32(max(0, min(Int64(slice), remaining)))
            }
            wtimeout(window, slice)
            let readStart = hats_monotonic_ms()
            var value: wint_t = 0
            let status = wget_wch(window, &value)
            if let raw = RawInput(status: status, value: value) {
                quickErrors = 0
                if let event = event(for: raw, in: window) { return event }
            } else if slice > 0, hats_monotonic_ms() - readStart < Int64(slice / 4) {
                // ERR long before the timeout: a signal, or the input was closed.
                quickErrors += 1
                if quickErrors >= Self.closedInputErrors {
                    quickErrors = 0
                    return .terminate
                }
            } else {
                quickErrors = 0
            }
            if timeoutMilliseconds >= 0, hats_monotonic_ms() - start >= Int64(timeoutMilliseconds) {
                if hats_take_terminate() != 0 { return .terminate }
                if hats_take_interrupt() != 0 { return .interrupt }
                return nil
            }
        }
    }

    /// Back from a stop (Ctrl-Z in a shell, `kill -STOP`, a debugger): the shell may have
    /// put its own terminal modes back (echo, line editing) and written over the screen,
    /// and the terminal may have changed size meanwhile. endwin, then the next draw, puts
    /// back curses' modes, the alternate screen and keypad mode (ncurses does this when it
    /// comes back from shell mode); then every cell is drawn again. Reported as a resize
    /// so the app lays out for the size the terminal has now.
    private func resume() -> InputEvent {
        endwin()
        // A shell turns bracketed paste off before it runs a command (fg): on again.
        Self.setBracketedPaste(true)
        var rows: Int32 = 0
        var columns: Int32 = 0
        if hats_terminal_size(&rows, &columns) == 0, is_term_resized(rows, columns) {
            resizeterm(rows, columns)
        }
        redrawAll()
        return .resize(size)
    }

    private func event(for raw: RawInput, in window: WindowPointer) -> InputEvent? {
        switch KeyDecoder.decode(raw) {
        case .key(let key):
            return .key(key)
        case .resize:
            needsFullRedraw = true
            return .resize(size)
        case .pasteStart:
            return readPaste(in: window)
        case .pasteEnd:
            return nil
        case .mouse:
            var mouse = MEVENT()
            guard getmouse(&mouse) == OK else { return nil }
            return KeyDecoder.mouse(buttons: mouse.bstate, x: mouse.x, y: mouse.y).map(InputEvent.mouse)
        case .ignored:
            return nil
        }
    }

    /// Restores the terminal (endwin, cursor visible, alternate screen off, mouse reporting
    /// off, original termios), puts back the signal handlers, and writes out what was sent
    /// to stderr while curses owned the screen. Idempotent; also done at exit and on a
    /// crash if the app never calls it.
    public func stop() {
        guard let screen else { return }
        // Keys typed ahead or the rest of a paste are dropped, never left for the shell
        // to run.
        flushinp()
        tcflush(STDIN_FILENO, TCIFLUSH)
        Self.setBracketedPaste(false)
        mousemask(0, nil)
        curs_set(1)
        endwin()
        delscreen(screen)
        self.screen = nil
        window = nil
        hats_restore_termios()
        hats_release_stderr()
        hats_set_active(0)
        hats_uninstall_handlers()
    }
}
