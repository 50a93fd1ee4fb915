import Foundation
import OrgKit

/// Where a command writes, and what it knows about its surroundings. Tests pass a
/// capturing console; the executable passes the real one.
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    /// UTF-8 bytes to standard output (a large report, written without copying it into a
    /// String first). By default, through `out`.
    public var outBytes: @Sendable ([UInt8]) -> Void
    public var err: @Sendable (String) -> Void
    public var stdoutIsTerminal: Bool
    /// Whether standard error is a terminal: only then is a progress bar drawn there.
    public var stderrIsTerminal: Bool
    public var environment: [String: String]

    public init(out: @escaping @Sendable (String) -> Void, outBytes: (@Sendable ([UInt8]) -> Void)? = nil,
                err: @escaping @Sendable (String) -> Void, stdoutIsTerminal: Bool, stderrIsTerminal: Bool = false,
                environment: [String: String]) {
        self.out = out
        self.outBytes = outBytes ?? { bytes in out(String(decoding: bytes, as: UTF8.self)) }
        self.err = err
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.environment = environment
    }

    /// The process's own standard output and error.
    public static func standard() -> Console {
        Console(
            out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            outBytes: { bytes in
                bytes.withUnsafeBytes { buffer in
                    var offset = 0
                    while offset < buffer.count {
                        let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                        if written < 0 {
                            if errno == EINTR { continue }
                            return  // a closed pipe (hats check … | head): nothing more to do
                        }
                        offset += written
                    }
                }
            },
            err: { text in FileHandle.standardError.write(Data(text.utf8)) },
            stdoutIsTerminal: isatty(STDOUT_FILENO) == 1,
            stderrIsTerminal: isatty(STDERR_FILENO) == 1,
            environment: ProcessInfo.processInfo.environment
        )
    }

    /// A message: one line, through the one sanitiser (`TextSafety.printable`), since it
    /// may hold a file name, an argument or a name from a file, and any of them may carry
    /// terminal escapes.
    func line(_ text: String = "") { out(TextSafety.printable(text) + "\n") }
    func errorLine(_ text: String) { err(TextSafety.printable(text) + "\n") }

    /// What a command makes (an export, an imported org, a JSON report), on standard
    /// output: exact into a file or a pipe; on a terminal, with control characters shown
    /// as `?` (line breaks and tabs kept), so that nothing in a name can drive the
    /// terminal — the rule `hats check` follows.
    func result(_ text: String) {
        out(stdoutIsTerminal ? TextSafety.printableLines(text) : text)
    }

    /// The same for UTF-8 bytes.
    func resultBytes(_ bytes: [UInt8]) {
        if stdoutIsTerminal {
            out(TextSafety.printableLines(String(decoding: bytes, as: UTF8.self)))
        } else {
            outBytes(bytes)
        }
    }
}
