import Foundation
import Testing
@testable import OrgKit

#if canImport(Glibc)
import Glibc
#endif

/// `DiskFile.read` gives every byte of a file, whatever its size against the read's own
/// steps, and refuses more than the limit from a file or a FIFO.
@Suite("Reading a file from disk")
struct DiskReadTests {
    private func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hats-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("files of every awkward size read back byte for byte", arguments: [0, 1, 7, 65_535, 65_536, 65_537, 2_097_152, 4_194_305])
    func sizes(count: Int) throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("f.json").path
        var random = SplitMix64(seed: UInt64(count))
        let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try DiskFile.read(path: path, limit: 8 << 20) == bytes)
    }

    @Test("a file over the limit is refused; one at the limit is read")
    func limit() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("f.json").path
        try Data(repeating: 0x41, count: 100).write(to: URL(fileURLWithPath: path))
        #expect(try DiskFile.read(path: path, limit: 100).count == 100)
        #expect(throws: DiskError.self) { try DiskFile.read(path: path, limit: 99) }
    }

    @Test("a FIFO is read to its end, and refused once it passes the limit", arguments: [10, 11, 200_000])
    func fifo(count: Int) throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(path, 0o600) == 0)
        let bytes = [UInt8](repeating: 0x42, count: count)
        let writer = Thread {
            let descriptor = open(path, O_WRONLY)
            guard descriptor >= 0 else { return }
            bytes.withUnsafeBytes { raw in
                var written = 0
                while written < raw.count {
                    let result = write(descriptor, raw.baseAddress! + written, raw.count - written)
                    if result <= 0 { break }
                    written += result
                }
            }
            close(descriptor)
        }
        writer.start()
        let limit = count == 11 ? 10 : count
        if count > limit {
            #expect(throws: DiskError.self) { try DiskFile.read(path: path, limit: limit) }
        } else {
            #expect(try DiskFile.read(path: path, limit: limit) == bytes)
        }
    }
}
