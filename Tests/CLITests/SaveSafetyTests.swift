import Foundation
import Testing
@testable import OrgKit

/// Saving for real: a real full disk (a tiny tmpfs where the machine lets us mount one, and a
/// file-size limit everywhere), and 100 kill -9 of a process that saves in a loop.
@Suite("Saving for real", .serialized)
struct SaveSafetyTests {
    static let bench = HatsProcess.binary.deletingLastPathComponent().appendingPathComponent("hats-bench")

    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hats-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func shell(_ command: String) -> Int32 {
        system(command + " >/dev/null 2>&1")
    }

    /// Checks that exporting over `file` failed cleanly: exit 2, the error named, the old
    /// bytes intact, no temp file left.
    func expectCleanFailure(_ run: HatsRun, _ file: URL, old: String, mentions words: String) throws {
        #expect(run.status == 2)
        #expect(run.stderr.contains(words), "\(run.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == old)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path).filter { $0.contains("hats-save") }
        #expect(leftovers.isEmpty, "temp files left: \(leftovers)")
    }

    @Test("a full disk (a 64 KB tmpfs, where mounting is allowed) fails the save and keeps the old file")
    func fullDisk() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        guard shell("mount -t tmpfs -o size=64k tmpfs '\(directory.path)'") == 0 else {
            // Not allowed here (no root or no CAP_SYS_ADMIN); the file-size-limit test below
            // still makes a real write fail.
            print("note: cannot mount a tmpfs on this machine; the real full-disk case is covered by the file-size limit test")
            return
        }
        defer { _ = shell("umount '\(directory.path)'") }
        let file = directory.appendingPathComponent("org.json")
        let old = try #require(PresetCatalog.named("msp-10")).text
        try old.write(to: file, atomically: false, encoding: .utf8)
        // Fill what is left of the 64 KB.
        _ = shell("dd if=/dev/zero of='\(directory.path)/filler' bs=1k count=100")
        let run = try HatsProcess.run(["export", "--preset", "tech-team-matrix", "--format", "json", "-o", file.path, "--force"])
        try expectCleanFailure(run, file, old: old, mentions: "no space left on the device")
    }

    @Test("a file-size limit (EFBIG, a real write failure) fails the save and keeps the old file")
    func fileSizeLimit() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("org.json")
        let old = try #require(PresetCatalog.named("msp-10")).text
        try old.write(to: file, atomically: false, encoding: .utf8)
        guard !Sanitizers.thread else {
            // ThreadSanitizer's runtime itself dies (SIGBUS) when a write meets the limit,
            // before hats sees EFBIG. The plain and AddressSanitizer runs of CI run this.
            print("note: the file-size-limit save is not run under ThreadSanitizer (its runtime crashes at the limit); the plain and address-sanitizer runs cover it")
            return
        }
        // An org of about 400 KB saved under a 64 KB limit.
        let generated = try HatsProcess.run(["generate", "1000", "--seed", "3"], binary: Self.bench)
        #expect(generated.status == 0)
        let input = directory.appendingPathComponent("big.json")
        try generated.stdout.write(to: input, atomically: false, encoding: .utf8)
        #expect(generated.stdout.utf8.count > 4 * 65536)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        process.arguments = ["--fsize=65536", HatsProcess.binary.path, "export", input.path, "--format", "json", "-o", file.path, "--force"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try expectCleanFailure(HatsRun(status: process.terminationStatus, stdout: "", stderr: stderr), file, old: old, mentions: "File too large")
    }

    @Test("100 kill -9 at random moments during a save loop: the file is always the old or the new version")
    func killNine() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Two different orgs of a few thousand people, so a save takes long enough to be
        // interrupted part-way.
        var versions: [String] = []
        for seed in [1, 2] {
            let generated = try HatsProcess.run(["generate", "3000", "--seed", "\(seed)"], binary: Self.bench)
            #expect(generated.status == 0)
            let url = directory.appendingPathComponent("v\(seed).json")
            try generated.stdout.write(to: url, atomically: false, encoding: .utf8)
            versions.append(generated.stdout)
        }
        let target = directory.appendingPathComponent("org.json")
        try versions[0].write(to: target, atomically: false, encoding: .utf8)
        var random = SystemRandomNumberGenerator()
        var killedMidSave = 0
        // 100 kills: about 40 % land part-way through a save (82 of 200 did when this was
        // 200), so some 40 moments inside a save are tried each run, at random points of
        // the temp write, fsync and rename; one wrong file among them fails the test. 200
        // was a round number, not a need, and cost twice the time in each of CI's three runs.
        for kill in 1...100 {
            let process = Process()
            process.executableURL = Self.bench
            process.arguments = ["save-loop", directory.appendingPathComponent("v1.json").path, directory.appendingPathComponent("v2.json").path, target.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: Double(Int.random(in: 2...60, using: &random)) / 1000)
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try String(contentsOf: target, encoding: .utf8)
            #expect(now == versions[0] || now == versions[1], "after kill \(kill) the file is neither version")
            let temps = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains("hats-save") }
            if !temps.isEmpty {
                killedMidSave += 1
                // Leave them: the next save must clean them up.
            }
        }
        print("kill -9: 100 kills, \(killedMidSave) of them during a save (a temp file was left); the file was always one version or the other")
        #expect(killedMidSave > 0, "no kill landed during a save: the test did not test anything")
        // The next save removes what the killed ones left behind.
        try OrgFile.save(try OrgFile.decode(versions[0]).org, path: target.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains("hats-save") }.isEmpty)
    }
}
