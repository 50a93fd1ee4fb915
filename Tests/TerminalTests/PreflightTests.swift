import Testing
@testable import Terminal

@Suite("Checks before curses starts")
struct PreflightTests {
    func check(_ environment: [String: String], stdin: Bool = true, stdout: Bool = true) -> Result<String, TerminalError> {
        Result { () throws(TerminalError) -> String in
            try Preflight.terminalName(environment: environment, stdinIsTerminal: stdin, stdoutIsTerminal: stdout)
        }
    }

    @Test("a terminal with a usable TERM passes")
    func usable() throws {
        #expect(try check(["TERM": "xterm-256color"]).get() == "xterm-256color")
    }

    @Test("no terminal: one line pointing at check and export")
    func notATerminal() {
        for (stdin, stdout, words) in [(false, true, "stdin is not"), (true, false, "stdout is not"), (false, false, "stdin and stdout")] {
            guard case .failure(let error) = check(["TERM": "xterm"], stdin: stdin, stdout: stdout) else {
                Issue.record("expected an error")
                continue
            }
            #expect(error.message.contains(words))
            #expect(error.message.contains("hats check FILE"))
            #expect(error.message.contains("hats export FILE --format text"))
            #expect(!error.message.contains("\n"))
        }
    }

    @Test("TERM unset, empty or dumb: the same pointer")
    func unusableTerm() {
        for environment in [[:], ["TERM": ""], ["TERM": "dumb"]] {
            guard case .failure(let error) = check(environment) else {
                Issue.record("expected an error for \(environment)")
                continue
            }
            #expect(error.message.contains("hats check FILE"))
            #expect(error.message.contains("TERM"))
            #expect(!error.message.contains("\n"))
        }
    }

    @Test("an unknown TERM is named, without its control characters, with a suggestion")
    func unknownTerm() {
        let error = TerminalError.unknownTerm("bad\u{1B}[31mname")
        #expect(error.message.contains("TERM=bad?[31mname"))
        #expect(error.message.contains("TERM=xterm-256color"))
        #expect(error.description == error.message)
    }

    @Test("UTF-8 codeset names")
    func codesets() {
        for name in ["UTF-8", "utf-8", "utf8", "UTF8"] { #expect(Preflight.isUTF8(codeset: name), "\(name)") }
        for name in ["ANSI_X3.4-1968", "ISO-8859-1", "", "UTF-16"] { #expect(!Preflight.isUTF8(codeset: name), "\(name)") }
    }
}
