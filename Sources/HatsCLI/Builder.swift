import Foundation
import OrgKit
import OrgTUI
import Terminal

/// Runs the interactive builder: reads terminal events, feeds them to `App.update`,
/// performs the effects it asks for (save, export, open, quit), and draws `App.view`.
enum Builder {
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
        var state = initial
        state.size = session.size
        _ = App.update(&state, .resize(session.size))
        session.draw(App.view(state))
        while true {
            guard let event = session.nextEvent(timeoutMilliseconds: 1000) else { continue }
            var pending: [Msg] = [message(for: event)]
            var quit = false
            while !pending.isEmpty {
                let msg = pending.removeFirst()
                for effect in App.update(&state, msg) {
                    if let answer = perform(effect) {
                        pending.append(answer)
                    } else {
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

    /// Carries out an effect; returns the message that reports its result, or nil for quit.
    static func perform(_ effect: Effect) -> Msg? {
        switch effect {
        case .quit:
            return nil
        case .save(let org, let path, let revision, let mustBeNew):
            if mustBeNew, DiskFile.exists(path) {
                return .saved(path: path, revision: revision, error: "already exists; choose another name")
            }
            do {
                try OrgFile.save(org, path: path)
                return .saved(path: path, revision: revision, error: nil)
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
                return .opened(path: path, result: .success(.empty(name: baseName(path))), isNew: true)
            }
            do {
                return .opened(path: path, result: .success(try OrgFile.load(path: path).org), isNew: false)
            } catch {
                return .opened(path: path, result: .failure(OpenFailure(lines: error.lines(file: path))), isNew: false)
            }
        }
    }

    static func baseName(_ path: String) -> String {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return name.isEmpty ? "New org" : name
    }
}
