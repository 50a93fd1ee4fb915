import Foundation
import Testing
@testable import HatsCLI
@testable import OrgTUI
import OrgKit

/// The builder's run loop (ticks, bursts, effects and their results, the disk check, quit
/// order) driven in-process through `TestBackend`, with real files in a temporary folder:
/// what the tmux tests see, without a terminal.
@Suite("The builder's run loop, in memory")
struct BuilderLoopTests {
    /// A folder for the org file and one for the recovery copies.
    struct Place {
        let folder: URL
        let recovery: RecoveryStore
        var recoveryFolder: URL { folder.appendingPathComponent("state") }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("hats-loop-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("state"), withIntermediateDirectories: true)
            recovery = RecoveryStore(directory: folder.appendingPathComponent("state").path)
        }

        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        /// Writes the msp-10 preset to `name` and returns the state `hats FILE` starts with.
        func openPreset(as name: String, size: Size, checkOffLoopFrom: Int? = nil) throws -> AppState {
            let org = try OrgSource.loadPreset("msp-10")
            try OrgFile.save(org, path: path(name))
            let loaded = try OrgFile.load(path: path(name))
            return App.start(Document(org: loaded.org, path: path(name), fingerprint: loaded.fingerprint), size: size, checkOffLoopFrom: checkOffLoopFrom)
        }

        /// The org names in this session's recovery copies.
        func recoveredNames() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: recoveryFolder.path).sorted().compactMap { name in
                let data = try Data(contentsOf: recoveryFolder.appendingPathComponent(name))
                return try? OrgFile.decode([UInt8](data)).org.name
            }
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// Keys that rename the org: N, clear the field, the new name, Enter.
    static func rename(_ name: String) -> [TestBackend.Step] {
        TestBackend.keys([KeyMap.key(.renameOrg), .control("u")]) + TestBackend.type(name) + TestBackend.keys([KeyMap.key(.confirm)])
    }

    static func run(_ state: AppState, _ backend: TestBackend, _ place: Place) -> Int32 {
        var builder = Builder(recovery: place.recovery)
        return builder.run(state, on: backend, now: { backend.now })
    }

    @Test("a save's result arrives before the keys typed after Ctrl-S: the file has the first name, the screen the second, unsaved")
    func effectResultBeforeLaterKeys() throws {
        let place = try Place()
        defer { place.remove() }
        let state = try place.openPreset(as: "org.json", size: Size(width: 100, height: 30))
        // One burst: rename, save, rename again — the save is performed while keys wait.
        let backend = TestBackend(size: Size(width: 100, height: 30), script:
            Self.rename("First Name") + TestBackend.keys([KeyMap.key(.save)]) + Self.rename("Second Name") + [.idle]
            + TestBackend.keys([KeyMap.key(.quit)]) + [.idle])
        let code = Self.run(state, backend, place)
        #expect(code == 0)
        #expect(try OrgFile.load(path: place.path("org.json")).org.name == "First Name")
        // One frame for the opening, one for the whole burst, one for the quiet second after.
        let screen = backend.frames[2].text
        #expect(screen.contains("Second Name"))
        #expect(screen.contains("●"), "the second rename is not saved:\n\(screen)")
        // q counts the changes since the last save: the save's answer reached the app.
        #expect(backend.screen.contains("1 change not saved."), "\(backend.screen)")
        // The script ends as SIGTERM would: the unsaved second name is kept as a copy.
        #expect(try place.recoveredNames() == ["Second Name"])
    }

    @Test("a save that fails says why on screen and keeps the work, unsaved, in a recovery copy")
    func saveFails() throws {
        let place = try Place()
        defer { place.remove() }
        // The file's folder is a regular file: the save cannot create it.
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: place.path("blocker")))
        let path = place.path("blocker/org.json")
        let org = try OrgSource.loadPreset("msp-10")
        let state = App.start(Document(org: org, path: path, isNew: true, origin: "preset msp-10"), size: Size(width: 120, height: 40))
        let backend = TestBackend(size: Size(width: 120, height: 40), script:
            Self.rename("Unsaved Org") + TestBackend.keys([KeyMap.key(.save)]) + [.idle])
        Self.run(state, backend, place)
        let screen = backend.screen
        #expect(screen.contains("Not saved"), "\(screen)")
        #expect(screen.contains("●"))
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try place.recoveredNames() == ["Unsaved Org"])
    }

    @Test("a file changed on disk mid-edit is noticed on the next quiet second; Ctrl-S then asks and replaces nothing")
    func fileChangedOnDisk() throws {
        let place = try Place()
        defer { place.remove() }
        let state = try place.openPreset(as: "org.json", size: Size(width: 120, height: 40))
        var theirs = try OrgSource.loadPreset("msp-10")
        theirs.name = "Someone Else's Edit"
        let backend = TestBackend(size: Size(width: 120, height: 40), script:
            [.idle] + Self.rename("Mine") + [.idle, .action({ try? OrgFile.save(theirs, path: place.path("org.json")) }), .idle]
            + TestBackend.keys([KeyMap.key(.save)]) + [.idle])
        Self.run(state, backend, place)
        let noticed = backend.frames[backend.frames.count - 3].text
        #expect(noticed.contains("org.json changed on disk"), "\(noticed)")
        let asked = backend.screen
        #expect(asked.contains("Changed on disk"), "\(asked)")
        #expect(asked.contains("Overwrite it"))
        #expect(try OrgFile.load(path: place.path("org.json")).org.name == "Someone Else's Edit")
        #expect(try place.recoveredNames() == ["Mine"])
    }

    @Test("a resize while a dialog is open redraws it at the new size, and the dialog still takes its keys")
    func resizeDuringDialog() throws {
        let place = try Place()
        defer { place.remove() }
        let state = try place.openPreset(as: "org.json", size: Size(width: 120, height: 40))
        let backend = TestBackend(size: Size(width: 120, height: 40), script:
            TestBackend.keys([KeyMap.key(.renameOrg)]) + [.idle, .event(.resize(Size(width: 80, height: 24))), .idle]
            + TestBackend.keys([.control("u")]) + TestBackend.type("After Resize") + TestBackend.keys([KeyMap.key(.confirm), KeyMap.key(.save)]) + [.idle]
            + TestBackend.keys([KeyMap.key(.redraw)]) + [.idle])
        Self.run(state, backend, place)
        // Frames: the opening, N, the quiet second, the resize, the quiet second after it.
        let resized = backend.frames[3]
        #expect(resized.size == Size(width: 80, height: 24))
        #expect(resized.text.contains("Northwind MSP"), "the rename field is still there:\n\(resized.text)")
        #expect(backend.frames.last?.size == Size(width: 80, height: 24))
        #expect(try OrgFile.load(path: place.path("org.json")).org.name == "After Resize")
        #expect(try place.recoveredNames().isEmpty, "saved: no copy is kept")
        #expect(backend.fullRedraws == 1, "Ctrl-L asks the terminal to draw every cell again")
    }

    @Test("the recovery copy is written on the ticks that follow an edit, before the session ends")
    func recoveryCopyOnTicks() throws {
        let place = try Place()
        defer { place.remove() }
        let state = try place.openPreset(as: "org.json", size: Size(width: 100, height: 30))
        let box = NamesBox()
        // A quiet second, the rename, six more quiet seconds; then a look at the folder
        // before the script's end (SIGTERM, which writes a copy of its own).
        let backend = TestBackend(size: Size(width: 100, height: 30), script:
            [.idle] + Self.rename("Typed Ahead") + Array(repeating: .idle, count: 6) + [.action({ box.names = try? place.recoveredNames() })])
        Self.run(state, backend, place)
        #expect(box.names == ["Typed Ahead"])
    }

    final class NamesBox { var names: [String]? }

    /// Lets the first plan wait until the test opens the gate; later plans go straight on.
    final class Gate: @unchecked Sendable {
        let semaphore = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var calls = 0

        func plan(_ org: Org, _ progress: @escaping (PlanProgress) -> Void) -> Plan {
            lock.lock()
            calls += 1
            let first = calls == 1
            lock.unlock()
            // Never forever: a loop that waited for the plan would otherwise hang the suite.
            if first { _ = semaphore.wait(timeout: .now() + 30) }
            return Planner.plan(org, progress: progress)
        }
    }

    final class ScreensBox { var screens: [String] = [] }

    @Test("the Plan view: the plan is worked out on its own thread while keys go on being taken; F applies it, Ctrl-S saves it, u undoes a step")
    func planOffTheLoop() throws {
        let place = try Place()
        defer { place.remove() }
        let state = try place.openPreset(as: "org.json", size: Size(width: 120, height: 40))
        let original = state.document.org
        let gate = Gate()
        let worker = OffLoopWorker()
        let box = ScreensBox()
        var backend: TestBackend!
        let look: TestBackend.Step = .action { box.screens.append(backend.screen) }
        backend = TestBackend(size: Size(width: 120, height: 40), script:
            TestBackend.keys([KeyMap.key(.showPlan)]) + [.idle, look]
            // The plan is held up: the chart and a move down are taken all the same.
            + TestBackend.keys([KeyMap.key(.showChart), KeyMap.key(.moveDown)]) + [.idle, look]
            + TestBackend.keys([KeyMap.key(.showPlan)]) + [.idle, look]
            // The plan comes: shown on the next turn of the loop.
            + [.action { gate.semaphore.signal(); worker.waitUntilIdle() }, .idle, look]
            // A quiet moment lets the loop take the key and ask for the new plan; the next
            // wait lets the plan finish; the quiet moment after it, the loop take it.
            + TestBackend.keys([KeyMap.key(.applyWholePlan)]) + [.idle, .action { worker.waitUntilIdle() }, .idle, look]
            + TestBackend.keys([KeyMap.key(.save)]) + [.idle]
            + TestBackend.keys([KeyMap.key(.undo)]) + [.idle, .action { worker.waitUntilIdle() }, .idle, look])
        var builder = Builder(recovery: place.recovery, planner: worker, planning: { gate.plan($0, $1) })
        builder.run(state, on: backend, now: { backend.now })

        let screens = box.screens
        try #require(screens.count == 6)
        #expect(screens[0].contains("Working out the plan"))
        #expect(screens[1].contains("Reporting lines") && screens[1].contains("▸ ├─ Sam Ortiz"), "keys were taken while the plan was held up:\n\(screens[1])")
        #expect(screens[2].contains("Working out the plan"), "still the one plan, not asked for twice")
        #expect(screens[3].contains("1. Move Sales & Marketing (15.0 h) from Dana Reyes"), "\(screens[3])")
        #expect(screens[4].contains("No plan needed"), "\(screens[4])")
        #expect(screens[4].contains("Applied the whole plan: 1 step"))
        #expect(screens[5].contains("1. Move Sales & Marketing (15.0 h) from Dana Reyes"), "undone: the same plan again\n\(screens[5])")
        let saved = try OrgFile.load(path: place.path("org.json")).org
        #expect(saved == Planner.plan(original).org, "the file holds the planned org")
    }

    /// Holds up the first complete check until the test lets it go.
    final class CheckGate: @unchecked Sendable {
        let semaphore = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var calls = 0

        func check(_ org: Org) -> LiveCheck {
            lock.lock()
            calls += 1
            let first = calls == 1
            lock.unlock()
            if first { _ = semaphore.wait(timeout: .now() + 30) }
            return LiveCheck(org)
        }
    }

    @Test("a large org: the first frame has the loads and says checking…; keys pressed while the findings are worked out are applied, and the findings shown then are a full check's of the saved org")
    func findingsOffTheLoop() throws {
        let place = try Place()
        defer { place.remove() }
        // msp-10 as if it were large: its findings are worked out off the loop.
        let state = try place.openPreset(as: "org.json", size: Size(width: 120, height: 40), checkOffLoopFrom: 0)
        let gate = CheckGate()
        let checker = OffLoopWorker()
        let box = ScreensBox()
        var backend: TestBackend!
        let look: TestBackend.Step = .action { box.screens.append(backend.screen) }
        let release: TestBackend.Step = .action { gate.semaphore.signal(); checker.waitUntilIdle() }
        let settle: TestBackend.Step = .action { checker.waitUntilIdle() }
        // While the check is held up: rename the org, delete Sam Ortiz (his reports go to
        // Dana Reyes), and give Dana's sales hat 5 hours through the hats dialog.
        let keys: [TestBackend.Step] = Self.rename("Renamed While Checking")
            + TestBackend.keys([KeyMap.key(.moveDown), KeyMap.key(.deletePerson), .character("y")])
        var script: [TestBackend.Step] = [.idle, look]
        script += keys
        script += [.idle, look, release, .idle, settle, .idle, look]
        script += TestBackend.keys([KeyMap.key(.save)]) + [.idle]
        backend = TestBackend(size: Size(width: 120, height: 40), script: script)
        var builder = Builder(recovery: place.recovery, checker: checker, checking: { gate.check($0) })
        builder.run(state, on: backend, now: { backend.now })

        let screens = box.screens
        try #require(screens.count == 3)
        #expect(screens[0].contains("checking…"), "\(screens[0])")
        #expect(screens[0].contains("Dana Reyes") && screens[0].contains("%"), "the loads are on the first frame:\n\(screens[0])")
        #expect(screens[1].contains("checking…") && screens[1].contains("Renamed While Checking") && !screens[1].contains("├─ Sam Ortiz"),
                "the keys were applied while the check was held up:\n\(screens[1])")
        let saved = try OrgFile.load(path: place.path("org.json")).org
        #expect(saved.name == "Renamed While Checking" && saved.person("sam-ortiz") == nil)
        let full = LoadChecker.check(saved)
        let counts = "✖ \(full.count(.critical)) critical  ▲ \(full.count(.warning)) warnings"
        #expect(!screens[2].contains("checking…") && screens[2].contains(counts), "the findings of the org as saved (\(counts)):\n\(screens[2])")
    }
}
