import Foundation
import OrgKit
import OrgTUI
import Terminal

/// Runs the interactive builder: reads terminal events, feeds them to `App.update`,
/// performs the effects it asks for (save, export, open, recovery copies, quit), and draws
/// `App.view`. About once a second it sends a tick (for the recovery copy) and looks at
/// the file on disk, so the app can say when someone else changed it.
struct Builder {
    typealias Planning = @Sendable (Org, _ progress: @escaping (PlanProgress) -> Void) -> Plan
    typealias Checking = @Sendable (Org) -> LiveCheck

    let recovery: RecoveryStore
    /// Works out the Plan view's staffing plans off the loop, with `planning`.
    let planner: OffLoopWorker
    let planning: Planning
    /// Works out the findings of a large org off the loop, with `checking`.
    let checker: OffLoopWorker
    let checking: Checking
    /// Works out the what-ifs of a large org off the loop (`WhatIfRequest.run`).
    let whatIfs: OffLoopWorker
    /// The file's stat stamp when it was last compared, so it is hashed only after a change.
    private var watchedStamp: FileStamp?

    init(recovery: RecoveryStore,
         planner: OffLoopWorker = OffLoopWorker(), planning: @escaping Planning = { org, progress in Planner.plan(org, progress: progress) },
         checker: OffLoopWorker = OffLoopWorker(), checking: @escaping Checking = { LiveCheck($0) },
         whatIfs: OffLoopWorker = OffLoopWorker()) {
        self.recovery = recovery
        self.planner = planner
        self.planning = planning
        self.checker = checker
        self.checking = checking
        self.whatIfs = whatIfs
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
        return builder.run(initial, on: session, now: Date.init)
    }

    /// The run loop, on any terminal: reads events, feeds them to `App.update`, performs the
    /// effects, and draws. `now` is the clock for bursts and ticks (a test's moves only when
    /// its script says time passes). Returns the exit code when the app quits.
    @discardableResult
    mutating func run(_ initial: AppState, on terminal: some TerminalBackend, now: () -> Date) -> Int32 {
        var state = initial
        // The first frame is drawn before the first turn's effects are performed: a large
        // org asks for its findings there, and the worker working them out on every core
        // must not hold the frame up.
        let first = App.update(&state, .tick(now())) + App.update(&state, .resize(terminal.size))
        terminal.draw(App.view(state))
        let (answers, quit) = perform(first, on: terminal)
        if quit { return 0 }
        if !answers.isEmpty {
            if process(answers, &state, on: terminal) { return 0 }
            terminal.draw(App.view(state))
        }
        var lastTick = now()
        while true {
            var events: [InputEvent] = []
            // While a plan or the findings are being worked out, look for them often: they
            // show within 50 ms.
            let working = planner.isBusy || checker.isBusy || whatIfs.isBusy
            if let event = terminal.nextEvent(timeoutMilliseconds: working ? 50 : 1000) {
                events.append(event)
                // A burst (keys typed ahead, a paste the terminal did not mark): take what is
                // already waiting, then draw once, so a long burst costs one frame.
                let burst = now()
                while events.count < Self.burstLimit, now().timeIntervalSince(burst) < 0.05,
                    let next = terminal.nextEvent(timeoutMilliseconds: 0) {
                    events.append(next)
                }
            }
            var pending = checker.take() + whatIfs.take() + planner.take() + events.map(Self.message(for:))
            // Once a second even while keys keep coming: the recovery copy and the disk
            // check must not wait for the typing to stop.
            if (events.isEmpty && !working) || now().timeIntervalSince(lastTick) >= 1 {
                lastTick = now()
                pending.append(.tick(lastTick))
                if fileChanged(state) { pending.append(.diskChanged) }
            }
            if process(pending, &state, on: terminal) { return 0 }
            terminal.draw(App.view(state))
        }
    }

    /// Feeds `messages` to the app in order, performing the effects each asks for; an
    /// effect's result comes before the messages that followed it. Returns whether the app
    /// quits.
    private mutating func process(_ messages: [Msg], _ state: inout AppState, on terminal: some TerminalBackend) -> Bool {
        var pending = messages
        while !pending.isEmpty {
            let (answers, quit) = perform(App.update(&state, pending.removeFirst()), on: terminal)
            if quit { return true }
            pending.insert(contentsOf: answers, at: 0)
        }
        return false
    }

    /// Performs `effects` in order. Returns the messages they answer with, and whether one
    /// of them quits.
    private mutating func perform(_ effects: [Effect], on terminal: some TerminalBackend) -> (answers: [Msg], quit: Bool) {
        var answers: [Msg] = []
        var quit = false
        for effect in effects {
            if effect == .redraw {
                terminal.redrawAll()
            } else if let answer = perform(effect) {
                answers.append(answer)
            } else if effect == .quit {
                quit = true
            }
        }
        return (answers, quit)
    }

    /// The most events taken in one burst before a frame is drawn.
    static let burstLimit = 4_096

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
        case .quit, .redraw:
            return nil
        case .plan(let org):
            let planning = planning
            planner.request { progress in
                .planned(for: org, planning(org) { progress(.planProgress($0)) })
            }
            return nil
        case .check(let org, let id):
            let checking = checking
            checker.request { _ in .checked(id: id, checking(org)) }
            return nil
        case .whatIf(let request):
            whatIfs.request { _ in request.run() }
            return nil
        case .release(let retired):
            DispatchQueue.global(qos: .utility).async { retired.empty() }
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
        case .export(let org, let format, let path, let replacing, let document):
            if let document, let target = FileIdentity(path), target == FileIdentity(document) {
                return .exported(path: path, error: "that is this org's own file; export to another name")
            }
            if DiskFile.openStream(named: path) != nil || path == "/dev/tty" || Self.isTerminal(path) {
                return .exported(path: path, error: "that is the screen the builder draws on; use hats export on the command line")
            }
            if FileKind(path: path) == .regular, !replacing { return .exportExists(path: path, format: format) }
            do {
                try DiskFile.writeOutput(Array(Exporter.export(org, as: format).utf8), to: path, waitForReader: false)
                return .exported(path: path, error: nil)
            } catch {
                return .exported(path: path, error: error.message)
            }
        case .open(let path):
            guard DiskFile.exists(path) else {
                let org = Org.empty(name: Org.name(fromFile: path, fallback: "New org"))
                return .opened(path: path, result: .success(org), isNew: true,
                               recovered: recovery.offer(for: RecoveryStore.key(path: path, origin: nil), file: nil, current: org))
            }
            do {
                let loaded = try OrgFile.load(path: path, regularOnly: true)
                watchedStamp = FileStamp(path)
                return .opened(path: path, result: .success(loaded.org), isNew: false, fingerprint: loaded.fingerprint,
                               recovered: recovery.offer(for: RecoveryStore.key(path: path, origin: nil), file: path, current: loaded.org))
            } catch {
                return .opened(path: path, result: .failure(OpenFailure(lines: error.lines(file: path))), isNew: false)
            }
        case .writeRecovery(let org, let key, let retiring):
            // A failing copy must not stop the user working, but they are told: the status
            // bar says crash protection is off, and why.
            do {
                try recovery.write(org, for: key)
            } catch {
                return .recoveryWritten(error: error.message)
            }
            for copy in retiring { recovery.retire(copy) }
            return .recoveryWritten(error: nil)
        case .removeRecovery(let key):
            recovery.remove(for: key)
            return nil
        case .retireRecovery(let path):
            recovery.retire(path)
            return nil
        }
    }

    /// Whether `path` is a terminal (`/dev/pts/N`, this one or another): an export there
    /// would send names as live escape sequences. Opened without becoming its controlling
    /// terminal and without waiting, only after stat says it is a character device.
    static func isTerminal(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFCHR else { return false }
        let fd = open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return isatty(fd) == 1
    }

    /// Whether the document's file no longer holds what the app last read or wrote.
    mutating func fileChanged(_ state: AppState) -> Bool {
        guard let path = state.document.path, !state.document.isNew, !state.diskChanged else { return false }
        let stamp = FileStamp(path)
        guard stamp != watchedStamp else { return false }
        watchedStamp = stamp
        return DiskFile.fingerprint(path) != state.document.fingerprint
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
