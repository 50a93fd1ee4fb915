import OrgKit

/// A one-line progress bar on standard error, drawn only when standard error is a
/// terminal (never into a file, a pipe or a test's capture) and redrawn only when what it
/// shows changes: "planning ██████░░░░░░░░░░  38 % · 12 steps".
final class ProgressBar {
    private let console: Console
    private let label: String
    private var shown = ""

    static let width = 24

    /// nil when standard error is not a terminal.
    init?(console: Console, label: String) {
        guard console.stderrIsTerminal, console.environment["TERM"] != "dumb" else { return nil }
        self.console = console
        self.label = label
    }

    func show(_ fraction: Double, note: String) {
        let filled = Int((min(1, max(0, fraction)) * Double(Self.width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: Self.width - filled)
        let percent = Int((min(1, max(0, fraction)) * 100).rounded(.down))
        let line = "\(label) \(bar) \(percent < 10 ? "  " : percent < 100 ? " " : "")\(percent) % · \(note)"
        guard line != shown else { return }
        shown = line
        console.err("\r\u{1B}[K" + line)
    }

    /// Clears the line, so what follows starts on a clean one.
    func finish() {
        guard !shown.isEmpty else { return }
        console.err("\r\u{1B}[K")
    }
}
