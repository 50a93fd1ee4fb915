/// The pure checks made before curses starts.
enum Preflight {
    /// The TERM to start curses with, or the error to show.
    static func terminalName(environment: [String: String], stdinIsTerminal: Bool, stdoutIsTerminal: Bool) throws(TerminalError) -> String {
        guard stdinIsTerminal, stdoutIsTerminal else {
            throw TerminalError.notATerminal(stdin: stdinIsTerminal, stdout: stdoutIsTerminal)
        }
        guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else {
            throw TerminalError.unusableTerm(environment["TERM"])
        }
        return term
    }

    /// Colour is wanted unless NO_COLOR is present and not empty (https://no-color.org).
    static func colorWanted(environment: [String: String]) -> Bool {
        guard let value = environment["NO_COLOR"] else { return true }
        return value.isEmpty
    }

    /// Whether an nl_langinfo(CODESET) answer names UTF-8 ("UTF-8", "utf8", ...).
    static func isUTF8(codeset: String) -> Bool {
        let letters = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
        return letters == "utf8"
    }
}
