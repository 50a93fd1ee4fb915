import Foundation
import OrgKit

/// Everything that can happen to the app.
public enum Msg: Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(Size)
    /// The result of a `.save` effect: nil error means it worked, and `fingerprint` is what
    /// the file now holds.
    case saved(path: String, revision: Int, error: String?, fingerprint: FileFingerprint? = nil)
    /// A `.save` found the file changed on disk since it was opened or saved.
    case saveConflict(path: String)
    /// The file changed on disk (noticed by the runner between keys).
    case diskChanged
    /// The result of an `.export` effect.
    case exported(path: String, error: String?)
    /// The result of an `.open` effect: the org (with what the file held), or why not;
    /// and a recovery copy of unsaved work on it, if there is one to offer.
    case opened(path: String, result: Result<Org, OpenFailure>, isNew: Bool, fingerprint: FileFingerprint? = nil, recovered: [RecoveryStore.Copy] = [])
    /// An `.export` found a file at its path: the user is asked before it is replaced.
    case exportExists(path: String, format: ExportFormat)
    /// The result of a `.writeRecovery` effect: nil error means the copy is on disk.
    case recoveryWritten(error: String?)
    /// About once a second: lets the app keep its recovery copy fresh.
    case tick(Date)
    /// SIGTERM or SIGHUP: leave now (the runner restores the terminal).
    case terminate
    /// The result of a `.plan` effect: the plan for `org` (dropped if the org has changed since).
    case planned(for: Org, Plan)
    /// How far the running `.plan` effect has got.
    case planProgress(PlanProgress)
    /// The result of a `.check` effect: the complete check of the org request `id` was
    /// made for (App+Check brings it up to date with the edits made since).
    case checked(id: Int, LiveCheck)
    /// The result of a `.whatIf` effect: the what-if of request `id` (dropped unless it is
    /// the one the app still waits for).
    case whatIfChecked(id: Int, WhatIfCheck)
}

/// What must hold on disk before a save may replace the file.
public enum SaveCheck: Equatable, Sendable {
    /// Nothing: overwrite (the user chose to).
    case none
    /// The file must not exist (Save As never overwrites another file).
    case mustBeNew
    /// The file must still hold what it held when opened or last saved (nil: must not
    /// exist yet) — otherwise someone else changed it.
    case unchangedSince(FileFingerprint?)
}

/// Why a file could not be opened, already worded for the user.
public struct OpenFailure: Error, Equatable, Sendable {
    public var lines: [String]
    public init(lines: [String]) { self.lines = lines }
}

/// What the app asks the outside world to do. `update` returns these as data; the runner
/// performs them and feeds the result back as a `Msg`.
public enum Effect: Equatable, Sendable {
    /// Write the org to `path`; answer with `.saved`, or `.saveConflict` when `check` fails.
    case save(Org, path: String, revision: Int, check: SaveCheck = .none)
    /// Keep this session's recovery copy of unsaved work (see `RecoveryStore`); once it
    /// is written, remove the copies in `retiring` (recovered from ended sessions).
    /// Answer with `.recoveryWritten`.
    case writeRecovery(Org, key: String, retiring: [String] = [])
    /// The work is saved or deliberately dropped: this session's copy goes.
    case removeRecovery(key: String)
    /// The user dealt with a copy from an ended session (discarded it, or the work
    /// recovered from it is safe): it goes.
    case retireRecovery(path: String)
    /// Export the org to `path` in `format`; answer with `.exported`, or with
    /// `.exportExists` when `path` is an existing file and `replacing` is false. Never
    /// onto `document` (the org's own file).
    case export(Org, format: ExportFormat, path: String, replacing: Bool = false, document: String? = nil)
    /// Read the org file at `path` (missing: a new org to be saved there); answer `.opened`.
    case open(path: String)
    /// Work out the staffing plan for `org` off the main loop, without holding up keys; answer
    /// with `.planProgress` as it goes and `.planned` when done. A newer request replaces an
    /// older one still waiting; the answer to an older one may still come (and is dropped).
    case plan(Org)
    /// Work out the complete load check of `org` (`LiveCheck(org)`) off the main loop;
    /// answer with `.checked` and the same `id`. A newer request replaces an older one
    /// still waiting.
    case check(Org, id: Int)
    /// Work out the what-if "these people away" (`request.run()`) off the main loop; answer
    /// with `.whatIfChecked` and the request's id. A newer request replaces an older one
    /// still waiting.
    case whatIf(WhatIfRequest)
    /// Let go of what the app no longer shows, off the main loop (`Retired.empty()`): a
    /// what-if of a large org is a copy of everyone's numbers and findings, and freeing it
    /// takes longer than a frame.
    case release(Retired)
    /// Draw every cell again on the next frame (Ctrl-L: something else wrote on the screen).
    case redraw
    case quit
}

/// A what-if to work out off the loop: the org's check and the org as they were when `w`
/// was pressed, and who is away.
public struct WhatIfRequest: Equatable, Sendable {
    public let id: Int
    let live: LiveCheck
    let org: Org
    public let away: Set<String>

    /// The what-if, as the answer to this request.
    public func run() -> Msg {
        .whatIfChecked(id: id, live.whatIf(without: away, in: org))
    }

    /// Requests are told apart by their id (each is a new one).
    public static func == (lhs: WhatIfRequest, rhs: WhatIfRequest) -> Bool {
        lhs.id == rhs.id && lhs.away == rhs.away
    }
}

/// Values the app let go of, to be freed off the main loop.
public final class Retired: Equatable, @unchecked Sendable {
    private var values: [any Sendable]

    init(_ values: [any Sendable]) { self.values = values }

    /// Frees them (on the thread that calls it).
    public func empty() { values = [] }

    public static func == (lhs: Retired, rhs: Retired) -> Bool { lhs === rhs }
}
