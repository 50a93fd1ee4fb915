import Foundation
import OrgKit
import OrgTUI
import Terminal

/// Runs the interactive builder: reads terminal events, feeds them to `App.update`,
/// performs the effects it asks for (save, export, open, recovery copies, quit), and draws
/// `App.view`. About once a second it sends a tick (for the recovery copy) and looks at
/// the file on disk, so the app can say when someone else changed it.
struct Builder {
    let recovery: RecoveryStore
    /// The file's stat stamp when it was last compared, so it is hashed only after a change.
    private var watchedStamp: FileStamp?

    init(recovery: RecoveryStore) {
        self.recovery = recovery
    }

    /// Starts the terminal and runs until the user quits. Returns the exit code.
    static func run(_ initial: AppState, console: Console) -> Int32 {
        let session: TerminalSession
        do {
            session = try TerminalSession.start(environment: console.environment)
        } catch {
            console.errorLine("hats: \(error.message)")
            return 2
        }
        defer { session.stop() }
        var builder = Builder(recovery: .standard(environment: console.environment))
        var state = initial
        _ = App.update(&state, .tick(Date()))
        _ = App.update(&state, .resize(session.size))
        session.draw(App.view(state))
        while true {
            var pending: [Msg]
            if let event = session.nextEvent(timeoutMilliseconds: 1000) {
                pending = [message(for: event)]
            } else {
                pending = [.tick(Date())]
                if builder.fileChanged(state) { pending.append(.diskChanged) }
            }
            var quit = false
            while !pending.isEmpty {
                let msg = pending.removeFirst()
                for effect in App.update(&state, msg) {
                    if let answer = builder.perform(effect) {
                        pending.append(answer)
                    } else if effect == .quit {
                        quit = true
                    }
                }
            }
            if quit { return 0 }
            session.draw(App.view(state))
        }
    }

    static func message(for event: InputEvent) -> Msg {
        switch event {
        case .key(let key): .key(key)
        case .mouse(let mouse): .mouse(mouse)
        case .resize(let size): .resize(size)
        case .terminate: .terminate
        case .interrupt: .key(.control("c"))
        }
    }

    /// Carries out an effect; returns the message that reports its result, if any.
    mutating func perform(_ effect: Effect) -> Msg? {
        switch effect {
        case .quit:
            return nil
        case .save(let org, let path, let revision, let check):
            switch check {
            case .none:
                break
            case .mustBeNew:
                if DiskFile.exists(path) { return .saved(path: path, revision: revision, error: "already exists; choose another name") }
            case .unchangedSince(let expected):
                if DiskFile.fingerprint(path) != expected { return .saveConflict(path: path) }
            }
            do {
                let fingerprint = try OrgFile.save(org, path: path)
                watchedStamp = FileStamp(path)
                return .saved(path: path, revision: revision, error: nil, fingerprint: fingerprint)
            } catch {
                return .saved(path: path, revision: revision, error: error.message)
            }
        case .export(let org, let format, let path):
            do {
                try DiskFile.writeAtomically(Array(Exporter.export(org, as: format).utf8), to: path)
                return .exported(path: path, error: nil)
            } catch {
                return .exported(path: path, error: error.message)
            }
        case .open(let path):
            guard DiskFile.exists(path) else {
                let org = Org.empty(name: Builder.baseName(path))
                return .opened(path: path, result: .success(org), isNew: true,
                               recovered: recovery.offer(for: RecoveryStore.key(path: path, origin: nil), file: nil, current: org))
            }
            do {
                let loaded = try OrgFile.load(path: path)
                watchedStamp = FileStamp(path)
                return .opened(path: path, result: .success(loaded.org), isNew: false, fingerprint: loaded.fingerprint,
                               recovered: recovery.offer(for: RecoveryStore.key(path: path, origin: nil), file: path, current: loaded.org))
            } catch {
                return .opened(path: path, result: .failure(OpenFailure(lines: error.lines(file: path))), isNew: false)
            }
        case .writeRecovery(let org, let key):
            // Best effort: a failing copy must not stop the user working; the save is the
            // real protection and reports its own errors.
            try? recovery.write(org, for: key)
            return nil
        case .removeRecovery(let key):
            recovery.remove(for: key)
            return nil
        }
    }

    /// Whether the document's file no longer holds what the app last read or wrote.
    mutating func fileChanged(_ state: AppState) -> Bool {
        guard let path = state.document.path, !state.document.isNew, !state.diskChanged else { return false }
        let stamp = FileStamp(path)
        guard stamp != watchedStamp else { return false }
        watchedStamp = stamp
        return DiskFile.fingerprint(path) != state.document.fingerprint
    }

    static func baseName(_ path: String) -> String {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return name.isEmpty ? "New org" : name
    }
}

/// A file's size, modification time and inode: cheap to read, and different after a write.
struct FileStamp: Equatable {
    var size: Int64
    var seconds: Int
    var nanoseconds: Int
    var inode: UInt64

    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        seconds = info.st_mtim.tv_sec
        nanoseconds = info.st_mtim.tv_nsec
        inode = UInt64(info.st_ino)
    }
}
