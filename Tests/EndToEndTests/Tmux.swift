import Foundation

/// The real `hats` binary in a real terminal: a private tmux server, keys sent with
/// send-keys, the screen read with capture-pane. Each instance has its own socket, so
/// tests run in parallel without seeing each other.
struct TmuxError: Error { var message: String }

final class Tmux {
    static let available: Bool = {
        let found = (try? Tmux.run(["tmux", "-V"]).status) == 0
        if !found { print("SKIP: tmux is not installed; end-to-end tests of the builder are skipped (apt-get install tmux)") }
        return found
    }()

    static let binary: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("hats")

    let socket = "hats-e2e-\(UUID().uuidString.prefix(8))"
    let directory: URL

    /// Starts a shell in a `width`×`height` tmux window in a fresh directory. Use `start`
    /// to run hats in it, so that the shell shows what hats left behind when it exits.
    init(width: Int = 100, height: Int = 30, environment: String = "") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hats-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // A clean environment, but a sanitizer run's options (the LeakSanitizer suppressions
        // of scripts/lsan.supp) still reach the hats it starts.
        let sanitizer = ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS"]
            .compactMap { name in ProcessInfo.processInfo.environment[name].map { "\(name)=\(Tmux.quoted($0))" } }
            .joined(separator: " ")
        let shell = "env -i PATH=/usr/bin:/bin HOME=\(directory.path) TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' \(sanitizer) \(environment) bash --norc --noprofile"
        // The tmux server this starts outlives the command. Foundation's Process would wait
        // for the server too (it inherits the descriptor Process watches), so use system().
        let start = ["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "\(width)", "-y", "\(height)", "-c", directory.path, shell]
        let status = system(start.map(Tmux.quoted).joined(separator: " ") + " </dev/null >/dev/null 2>&1")
        guard status == 0 else { throw TmuxError(message: "tmux new-session failed with \(status)") }
        try tmux(["set-option", "-g", "window-size", "manual"])
        _ = waitFor("$")
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let result = try Tmux.run(["tmux", "-L", socket] + arguments)
        return result.output
    }

    /// Types a command line into the shell and presses Enter.
    func shell(_ command: String) throws {
        try tmux(["send-keys", "-t", "e2e", "-l", command])
        try tmux(["send-keys", "-t", "e2e", "Enter"])
    }

    /// Runs hats with `arguments` in the shell.
    func start(_ arguments: String) throws {
        try shell("\(Tmux.binary.path) \(arguments)")
    }

    /// Sends tmux key names: "Enter", "Escape", "C-s", "Down", "Tab".
    func keys(_ names: String...) throws {
        for name in names { try tmux(["send-keys", "-t", "e2e", name]) }
    }

    /// Types text literally.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "e2e", "-l", text])
    }

    var screen: String { (try? tmux(["capture-pane", "-p", "-t", "e2e"])) ?? "" }

    /// Waits until `condition` holds (at most `seconds`), looking every 50 ms; returns
    /// whether it did. This bounds a wait: it returns as soon as the condition holds, so
    /// nothing here depends on how fast the program is.
    func waitUntil(seconds: Double = 15, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition()
    }

    /// Waits until the screen contains `text` (at most `seconds`); returns whether it did.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 15) -> Bool {
        waitUntil(seconds: seconds) { screen.contains(text) }
    }

    @discardableResult
    func waitUntilGone(_ text: String, seconds: Double = 15) -> Bool {
        waitUntil(seconds: seconds) { !screen.contains(text) }
    }

    /// The ids of the programs the shell is running (its child processes): hats while it
    /// runs, none once the shell has the terminal back.
    /// Nil when tmux cannot say which shell that is.
    var programs: [String]? {
        let shell = paneFlag("pane_pid")
        guard !shell.isEmpty, let found = try? Tmux.run(["pgrep", "-P", shell]) else { return nil }
        return found.output.split(separator: "\n").map(String.init)
    }

    /// Waits until the program the shell started has ended (killed, crashed or quit) and
    /// the shell has reaped it; returns whether it did.
    @discardableResult
    func waitUntilProgramEnded(seconds: Double = 15) -> Bool {
        waitUntil(seconds: seconds) { programs?.isEmpty == true }
    }

    func resize(_ width: Int, _ height: Int) throws {
        try tmux(["resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)"])
    }

    /// tmux's view of the pane: whether the alternate screen is on and the cursor visible.
    func paneFlag(_ name: String) -> String {
        ((try? tmux(["display-message", "-p", "-t", "e2e", "#{\(name)}"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func file(_ name: String) -> String? {
        try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    static func quoted(_ argument: String) -> String {
        "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
