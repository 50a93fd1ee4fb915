import Foundation

/// What the builder's run loop needs of a terminal: its size, the next input event, and a
/// frame to show. `TerminalSession` (the Terminal target) is the real one; `TestBackend`
/// runs the same loop in memory, so the loop itself is tested without tmux.
public protocol TerminalBackend: AnyObject {
    /// The terminal's size now.
    var size: Size { get }
    /// The next key, mouse event, resize or signal; nil when none came within the timeout
    /// (0: only what is already waiting).
    func nextEvent(timeoutMilliseconds: Int32) -> InputEvent?
    /// Shows a frame.
    func draw(_ canvas: Canvas)
    /// Draws every cell again on the next frame (Ctrl-L, or after the screen was damaged).
    func redrawAll()
}

/// A terminal in memory, as ratatui's `TestBackend`: it plays a script of input events and
/// quiet moments, keeps every frame it is given, and keeps a clock that moves only when the
/// script says time passes, so a test of the run loop is exact and never waits.
public final class TestBackend: TerminalBackend {
    public enum Step {
        /// An event, as the terminal would deliver it. Events with no `.idle` between them
        /// arrive together, as one burst of typing does.
        case event(InputEvent)
        /// Nothing arrives until the loop's timeout: the clock moves on by that timeout (the
        /// builder's loop then ticks and draws a frame).
        case idle
        /// Something outside the builder happens now (another program writes the file).
        case action(() -> Void)
    }

    public private(set) var size: Size
    public private(set) var frames: [Canvas] = []
    /// How many times the loop asked for every cell to be drawn again.
    public private(set) var fullRedraws = 0
    /// The loop's notion of now: starts at `start`, moves only on `.idle`.
    public private(set) var now: Date
    private var script: [Step]

    public init(size: Size, start: Date = Date(timeIntervalSince1970: 1_800_000_000), script: [Step]) {
        self.size = size
        self.now = start
        self.script = script
    }

    /// Keys typed in one burst.
    public static func keys(_ keys: [Key]) -> [Step] { keys.map { .event(.key($0)) } }

    /// Text typed in one burst, a key per character.
    public static func type(_ text: String) -> [Step] { keys(text.map { .character($0) }) }

    public func nextEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        while let step = script.first {
            // Asked only for what is already waiting: a quiet moment ends the burst, and is
            // still to come for the loop's next wait.
            if case .idle = step, timeoutMilliseconds <= 0 { return nil }
            switch script.removeFirst() {
            case .event(let event):
                if case .resize(let newSize) = event { size = newSize }
                return event
            case .idle:
                now += Double(max(0, timeoutMilliseconds)) / 1000
                return nil
            case .action(let happen):
                happen()
            }
        }
        // The script is over: leave as a SIGTERM would, so a test cannot hang.
        return .terminate
    }

    public func draw(_ canvas: Canvas) { frames.append(canvas) }

    public func redrawAll() { fullRedraws += 1 }

    /// The screen as it was last drawn, as text.
    public var screen: String { frames.last?.text ?? "" }
}
