/// Why the interactive terminal could not start: one line, meant for the user.
public struct TerminalError: Error, CustomStringConvertible, Equatable, Sendable {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }

    static let withoutTerminalHint = "`hats check FILE` and `hats export FILE --format text` work without one"

    /// stdin or stdout is not a terminal (piped, redirected, run from a script).
    static func notATerminal(stdin: Bool, stdout: Bool) -> TerminalError {
        let which: String
        switch (stdin, stdout) {
        case (false, false): which = "stdin and stdout are not terminals"
        case (false, true): which = "stdin is not a terminal"
        default: which = "stdout is not a terminal"
        }
        return TerminalError(message: "the interactive builder needs a terminal, but \(which); \(withoutTerminalHint)")
    }

    /// TERM is unset, empty or `dumb`.
    static func unusableTerm(_ term: String?) -> TerminalError {
        let what = (term?.isEmpty ?? true) ? "TERM is not set" : "TERM=\(printable(term ?? "")) cannot draw a full screen"
        return TerminalError(message: "the interactive builder needs a terminal, but \(what); set TERM (e.g. TERM=xterm-256color); \(withoutTerminalHint)")
    }

    /// newterm did not know the terminal type.
    static func unknownTerm(_ term: String) -> TerminalError {
        TerminalError(message: "unknown terminal type TERM=\(printable(term)) (no terminfo entry); try TERM=xterm-256color")
    }

    /// The terminal type is known but cannot move the cursor.
    static func cannotAddressCursor(_ term: String) -> TerminalError {
        TerminalError(message: "terminal type TERM=\(printable(term)) cannot move the cursor; try TERM=xterm-256color (\(withoutTerminalHint))")
    }

    /// Any other failure of curses to start.
    static func startFailed(_ what: String) -> TerminalError {
        TerminalError(message: "could not start the terminal: \(what)")
    }

    /// TERM comes from the environment: keep control characters out of the message.
    private static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) ? "?" : $0 }))
    }
}

/// How much colour the session shows.
public enum ColorSupport: Sendable, Equatable {
    /// No colours: a monochrome terminal, or NO_COLOR is set. Styles degrade to attributes.
    case none
    /// At least the 8 basic colours.
    case basic
}
