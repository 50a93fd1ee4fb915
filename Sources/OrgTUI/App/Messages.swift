import OrgKit

/// Everything that can happen to the app.
public enum Msg: Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(Size)
    /// The result of a `.save` effect: nil error means it worked.
    case saved(path: String, revision: Int, error: String?)
    /// The result of an `.export` effect.
    case exported(path: String, error: String?)
    /// The result of an `.open` effect from the start screen.
    case opened(path: String, result: Result<Org, OpenFailure>, isNew: Bool)
    /// SIGTERM or SIGHUP: leave now (the runner restores the terminal).
    case terminate
}

/// Why a file could not be opened, already worded for the user.
public struct OpenFailure: Error, Equatable, Sendable {
    public var lines: [String]
    public init(lines: [String]) { self.lines = lines }
}

/// What the app asks the outside world to do. `update` returns these as data; the runner
/// performs them and feeds the result back as a `Msg`.
public enum Effect: Equatable, Sendable {
    /// Write the org to `path`; answer with `.saved`. With `mustBeNew`, refuse if the file
    /// exists (Save As never overwrites another file).
    case save(Org, path: String, revision: Int, mustBeNew: Bool = false)
    /// Export the org to `path` in `format`; answer with `.exported`.
    case export(Org, format: ExportFormat, path: String)
    /// Read the org file at `path` (missing: a new org to be saved there); answer `.opened`.
    case open(path: String)
    case quit
}
