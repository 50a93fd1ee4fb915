import Foundation
import Testing
@testable import OrgKit

@Suite("Recovery copies")
struct RecoveryStoreTests {
    /// A scratch state directory, removed at the end.
    final class Scratch {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hats-recovery-\(UUID().uuidString)")
        var state: String { root.path + "/state/hats" }
        deinit { try? FileManager.default.removeItem(at: root) }
        func names() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: state)) ?? []).filter { !$0.hasPrefix(".") }.sorted() }
    }

    /// A session of this host whose process has ended: a child that has been reaped.
    static func endedSession() throws -> RecoveryStore.Session {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        let current = RecoveryStore.Session.current
        return RecoveryStore.Session(host: current.host, boot: current.boot, pid: process.processIdentifier, start: 1)
    }

    func edited(_ name: String) throws -> Org {
        var org = try #require(PresetCatalog.named("msp-10")).load()
        try org.apply(.renameOrg(name))
        return org
    }

    @Test("a copy's name is the same from one version of hats to the next (FNV-1a of the key), so a newer hats finds an older one's copies")
    func stableNames() {
        let store = RecoveryStore(directory: "/nonexistent")
        #expect(store.stem(for: "/srv/msp/org.json") == "org-fd99b8a8e46c590b")
    }

    @Test("write, offer and remove; files named per document and per session; private to the user")
    func roundTrip() throws {
        let scratch = Scratch()
        let crashed = RecoveryStore(directory: scratch.state, session: try Self.endedSession())
        let store = RecoveryStore(directory: scratch.state)
        let original = try #require(PresetCatalog.named("msp-10")).load()
        let org = try edited("Edited")
        let key = RecoveryStore.key(path: "/srv/a/org.json", origin: nil)
        #expect(store.file(for: key) != store.file(for: RecoveryStore.key(path: "/srv/b/org.json", origin: nil)))
        #expect(store.file(for: key) != crashed.file(for: key), "each session has its own copy")
        try crashed.write(org, for: key)
        var info = stat()
        #expect(stat(crashed.file(for: key), &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(store.offer(for: key, file: nil, current: original).map(\.org) == [org])
        // A copy equal to the file is not offered, and goes.
        #expect(store.offer(for: key, file: nil, current: org).isEmpty)
        #expect(scratch.names().isEmpty)
        try store.write(org, for: key)
        #expect(store.offer(for: key, file: nil, current: original).isEmpty, "a session is never offered its own copy")
        store.remove(for: key)
        #expect(scratch.names().isEmpty)
    }

    @Test("XDG_STATE_HOME first, else ~/.local/state")
    func location() {
        #expect(RecoveryStore.standard(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/u"]).directory == "/x/state/hats")
        #expect(RecoveryStore.standard(environment: ["HOME": "/home/u"]).directory == "/home/u/.local/state/hats")
        #expect(RecoveryStore.standard(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/u"]).directory == "/home/u/.local/state/hats")
    }

    @Test("a copy older than the file is still offered, marked as older")
    func olderThanTheFile() throws {
        let scratch = Scratch()
        let crashed = RecoveryStore(directory: scratch.state, session: try Self.endedSession())
        try FileManager.default.createDirectory(at: scratch.root, withIntermediateDirectories: true)
        let file = scratch.root.appendingPathComponent("org.json").path
        let key = RecoveryStore.key(path: file, origin: nil)
        try crashed.write(try edited("Old copy"), for: key)
        Thread.sleep(forTimeInterval: 0.02)
        try OrgFile.save(try #require(PresetCatalog.named("msp-10")).load(), path: file)  // a git pull, a touch
        let offered = RecoveryStore(directory: scratch.state).offer(for: key, file: file, current: try OrgFile.load(path: file).org)
        #expect(offered.map(\.org.name) == ["Old copy"])
        #expect(offered.first?.fileChangedSince == true)
    }

    @Test("a copy whose session still runs is never offered and never removed by another session")
    func liveSessionsKeepTheirCopies() throws {
        let scratch = Scratch()
        // A: this very process (running). B: another session on the same file.
        let a = RecoveryStore(directory: scratch.state)
        let b = RecoveryStore(directory: scratch.state, session: RecoveryStore.Session(host: a.session.host, boot: a.session.boot, pid: a.session.pid, start: a.session.start + 1))
        let key = RecoveryStore.key(path: "/srv/org.json", origin: nil)
        try a.write(try edited("A's work"), for: key)
        #expect(a.session.isRunning)
        #expect(b.offer(for: key, file: nil, current: try edited("B's work")).isEmpty, "A's copy is not abandoned")
        #expect(b.offer(for: key, file: nil, current: try edited("A's work")).isEmpty)
        try b.write(try edited("B's work"), for: key)
        b.remove(for: key)
        b.retire(a.file(for: key))
        #expect(scratch.names().count == 1)
        #expect(try OrgFile.load(path: a.file(for: key)).org.name == "A's work", "B's edits, save and discard never touched A's copy")
    }

    @Test("several ended sessions: every copy offered, newest first; a reused process id is not the same session")
    func severalCopies() throws {
        let scratch = Scratch()
        let key = RecoveryStore.key(path: "/srv/org.json", origin: nil)
        let first = RecoveryStore(directory: scratch.state, session: try Self.endedSession())
        try first.write(try edited("First"), for: key)
        Thread.sleep(forTimeInterval: 0.02)
        // This process's id with another start time: the id was reused, the session ended.
        let current = RecoveryStore.Session.current
        let reused = RecoveryStore(directory: scratch.state, session: RecoveryStore.Session(host: current.host, boot: current.boot, pid: current.pid, start: current.start + 7))
        #expect(!reused.session.isRunning)
        try reused.write(try edited("Second"), for: key)
        let elsewhere = RecoveryStore(directory: scratch.state, session: RecoveryStore.Session(host: "laptop", boot: "0", pid: 1, start: 1))
        Thread.sleep(forTimeInterval: 0.02)
        try elsewhere.write(try edited("Third"), for: key)
        let offered = RecoveryStore(directory: scratch.state).offer(for: key, file: nil, current: try edited("Now"))
        #expect(offered.map(\.org.name) == ["Third", "Second", "First"])
        #expect(offered.map(\.otherHost) == ["laptop", nil, nil])
        // A copy from before per-session copies (named without a session) is offered too.
        try FileManager.default.moveItem(atPath: first.file(for: key), toPath: "\(scratch.state)/\(first.stem(for: key)).json")
        #expect(RecoveryStore(directory: scratch.state).offer(for: key, file: nil, current: try edited("Now")).count == 3)
    }

    @Test("a copy that cannot be written says why and leaves no empty file")
    func failingWrite() throws {
        let scratch = Scratch()
        try FileManager.default.createDirectory(at: scratch.root, withIntermediateDirectories: true)
        // The state "directory" is a regular file: nothing can be made under it.
        let blocker = scratch.root.appendingPathComponent("state").path
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
        let store = RecoveryStore(directory: blocker + "/hats")
        let org = try edited("Lost?")
        do throws(DiskError) {
            try store.write(org, for: "k")
            Issue.record("a write under a regular file succeeded")
        } catch {
            #expect(error.message.contains("not a directory"), "\(error.message)")
        }
        // A full disk: the atomic save writes nothing, not even an empty file.
        let full = RecoveryStore(directory: scratch.root.path + "/full/hats", system: FaultyFileSystem(failing: .write, code: ENOSPC))
        do throws(DiskError) {
            try full.write(org, for: "k")
            Issue.record("a write on a full disk succeeded")
        } catch {
            #expect(error.message.contains("no space left"), "\(error.message)")
        }
        #expect((try FileManager.default.contentsOfDirectory(atPath: full.directory)).isEmpty, "no 0-byte copy left behind")
    }
}
