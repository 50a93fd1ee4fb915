import Foundation
import Testing
@testable import OrgKit

/// Makes one kind of system call fail, once it has been called `after` times.
struct FaultyFileSystem: FileSystemCalls {
    enum Call: String, CaseIterable, Sendable { case openTemp, write, fchmod, fsync, close, rename }
    var failing: Call
    var code: Int32
    var real = PosixFileSystem()

    func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        if failing == .openTemp, flags & O_CREAT != 0 { errno = code; return -1 }
        return real.open(path, flags, mode)
    }
    func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        if failing == .write {
            // Half of it gets written first, as a full disk does.
            _ = real.write(descriptor, buffer, count / 2)
            errno = code
            return -1
        }
        return real.write(descriptor, buffer, count)
    }
    func fchmod(_ descriptor: Int32, _ mode: mode_t) -> Int32 { failing == .fchmod ? fail() : real.fchmod(descriptor, mode) }
    func fsync(_ descriptor: Int32) -> Int32 { failing == .fsync ? fail() : real.fsync(descriptor) }
    func close(_ descriptor: Int32) -> Int32 {
        if failing == .close { _ = real.close(descriptor); return fail() }
        return real.close(descriptor)
    }
    func rename(_ from: String, _ to: String) -> Int32 { failing == .rename ? fail() : real.rename(from, to) }
    func unlink(_ path: String) -> Int32 { real.unlink(path) }

    private func fail() -> Int32 {
        errno = code
        return -1
    }
}

@Suite("Saving under faults")
struct SaveFaultTests {
    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hats-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a failure at any step leaves the old file byte-identical, no temp file, and says what happened",
          arguments: FaultyFileSystem.Call.allCases)
    func faults(call: FaultyFileSystem.Call) throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("org.json")
        let old = OrgFile.encode(try #require(PresetCatalog.named("msp-10")).load())
        try old.write(to: file, atomically: false, encoding: .utf8)
        let new = try #require(PresetCatalog.named("tech-team-matrix")).load()
        for (code, words) in [(ENOSPC, "no space left on the device"), (EACCES, "permission denied"), (EIO, "Input/output error")] {
            #expect(throws: DiskError.self) {
                try OrgFile.save(new, path: file.path, system: FaultyFileSystem(failing: call, code: code))
            }
            do {
                try OrgFile.save(new, path: file.path, system: FaultyFileSystem(failing: call, code: code))
            } catch {
                #expect(error.message.contains(words), "\(call): \(error.message)")
            }
            #expect(try String(contentsOf: file, encoding: .utf8) == old, "\(call) \(code) changed the file")
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["org.json"], "\(call) left a temp file")
        }
    }

    @Test("a save keeps the file's permissions and saves through a symlink")
    func permissionsAndSymlinks() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("real.json")
        try "{}".write(to: file, atomically: false, encoding: .utf8)
        chmod(file.path, 0o600)
        let link = directory.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        let org = try #require(PresetCatalog.named("msp-10")).load()
        try OrgFile.save(org, path: link.path)
        var info = stat()
        #expect(lstat(link.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK, "the link is still a link")
        #expect(stat(file.path, &info) == 0 && info.st_mode & 0o777 == 0o600, "the mode is kept")
        #expect(try String(contentsOf: file, encoding: .utf8) == OrgFile.encode(org))
    }

    @Test("temp files left by killed saves are cleaned up by the next save; live ones are not touched")
    func staleTempFiles() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A pid that is surely not running, and this process's own pid.
        let stale = directory.appendingPathComponent(".org.json.hats-save-999999999-1234")
        let live = directory.appendingPathComponent(".org.json.hats-save-\(getpid())-5678")
        let other = directory.appendingPathComponent(".other.json.hats-save-999999999-1")
        for url in [stale, live, other] { try "partial".write(to: url, atomically: false, encoding: .utf8) }
        try OrgFile.save(.empty(name: "X"), path: directory.appendingPathComponent("org.json").path)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: live.path))
        #expect(FileManager.default.fileExists(atPath: other.path), "another file's temp files are its own business")
    }

    @Test("the fingerprint changes with the content and not otherwise")
    func fingerprints() {
        #expect(FileFingerprint(Array("abc".utf8)) == FileFingerprint(Array("abc".utf8)))
        #expect(FileFingerprint(Array("abc".utf8)) != FileFingerprint(Array("abd".utf8)))
        #expect(FileFingerprint(Array("abc".utf8)) != FileFingerprint(Array("abc ".utf8)))
    }
}
