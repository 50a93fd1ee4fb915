import Foundation

/// Where a command writes, and what it knows about its surroundings. Tests pass a
/// capturing console; the executable passes the real one.
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void
    public var stdoutIsTerminal: Bool
    public var environment: [String: String]

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void, stdoutIsTerminal: Bool, environment: [String: String]) {
        self.out = out
        self.err = err
        self.stdoutIsTerminal = stdoutIsTerminal
        self.environment = environment
    }

    /// The process's own standard output and error.
    public static func standard() -> Console {
        Console(
            out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            err: { text in FileHandle.standardError.write(Data(text.utf8)) },
            stdoutIsTerminal: isatty(STDOUT_FILENO) == 1,
            environment: ProcessInfo.processInfo.environment
        )
    }

    func line(_ text: String = "") { out(text + "\n") }
    func errorLine(_ text: String) { err(text + "\n") }
}
