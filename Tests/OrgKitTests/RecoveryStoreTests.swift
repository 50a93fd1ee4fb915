import Foundation
import Testing
@testable import OrgKit

@Suite("Recovery copies")
struct RecoveryStoreTests {
    @Test("write, read, offer and remove; files named per document; private to the user")
    func roundTrip() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hats-recovery-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = RecoveryStore(directory: directory.path + "/state/hats")
        var org = try #require(PresetCatalog.named("msp-10")).load()
        let original = org
        try org.apply(.renameOrg("Edited"))
        let key = RecoveryStore.key(path: "/srv/a/org.json", origin: nil)
        #expect(store.file(for: key) != store.file(for: RecoveryStore.key(path: "/srv/b/org.json", origin: nil)))
        try store.write(org, for: key)
        var info = stat()
        #expect(stat(store.file(for: key), &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(store.read(for: key)?.org == org)
        #expect(store.offer(for: key, file: nil, current: original) == org)
        // A copy equal to the file is not offered, and goes.
        #expect(store.offer(for: key, file: nil, current: org) == nil)
        #expect(store.read(for: key) == nil)
        try store.write(org, for: key)
        store.remove(for: key)
        #expect(store.read(for: key) == nil)
    }

    @Test("XDG_STATE_HOME first, else ~/.local/state")
    func location() {
        #expect(RecoveryStore.standard(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/u"]).directory == "/x/state/hats")
        #expect(RecoveryStore.standard(environment: ["HOME": "/home/u"]).directory == "/home/u/.local/state/hats")
        #expect(RecoveryStore.standard(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/u"]).directory == "/home/u/.local/state/hats")
    }

    @Test("a copy older than the file is not offered")
    func olderThanTheFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hats-recovery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = RecoveryStore(directory: directory.path + "/state")
        let file = directory.appendingPathComponent("org.json").path
        var org = try #require(PresetCatalog.named("msp-10")).load()
        let key = RecoveryStore.key(path: file, origin: nil)
        try org.apply(.renameOrg("Old copy"))
        try store.write(org, for: key)
        Thread.sleep(forTimeInterval: 0.02)
        try OrgFile.save(try #require(PresetCatalog.named("msp-10")).load(), path: file)
        #expect(store.offer(for: key, file: file, current: try OrgFile.load(path: file).org) == nil)
    }
}
