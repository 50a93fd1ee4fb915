import Foundation
@testable import OrgKit

/// What a program printed, as bytes (a PNG, a PDF) and as text.
struct ProgramRun {
    var status: Int32
    var stdout: Data
    var stderr: String
    var text: String { String(decoding: stdout, as: UTF8.self) }
}

/// The outside programs the picture and browser tests read their results with, found on
/// PATH as a shell finds them, and a runner that keeps standard output as bytes.
enum OutsidePrograms {
    /// The full path of `name` on PATH, or nil.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `executable` with `arguments` in `directory`; `environment` is added to this
    /// process's own (or replaces it, with `replacing`).
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil,
                    environment: [String: String] = [:], replacingEnvironment: Bool = false) throws -> ProgramRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? FileManager.default.temporaryDirectory
        var env = replacingEnvironment ? [:] : ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Both pipes are read before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProgramRun(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
    }

    /// `hats ARGUMENTS`, standard output kept as bytes.
    static func hats(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> ProgramRun {
        try run(HatsProcess.binary.path, arguments, in: directory, environment: environment.merging(["NO_COLOR": "1"]) { mine, _ in mine })
    }

    /// `hats-bench generate COUNT --seed SEED`, saved as `name` in `directory`; its people.
    @discardableResult
    static func generatedOrg(_ count: Int, seed: Int, named name: String, in directory: URL) throws -> Org {
        let bench = HatsProcess.binary.deletingLastPathComponent().appendingPathComponent("hats-bench")
        let made = try run(bench.path, ["generate", "\(count)", "--seed", "\(seed)"])
        guard made.status == 0 else { throw TestFailure("hats-bench generate failed: \(made.stderr)") }
        let file = directory.appendingPathComponent(name)
        try made.stdout.write(to: file)
        return try OrgFile.load(path: file.path).org
    }

    /// The msp-10 preset, saved as `name` in `directory`.
    @discardableResult
    static func preset(named name: String, in directory: URL) throws -> Org {
        let file = directory.appendingPathComponent(name)
        try FileManager.default.copyItem(at: HatsProcess.repositoryRoot.appendingPathComponent("Presets/msp-10.json"), to: file)
        return try OrgFile.load(path: file.path).org
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The facts of a PNG a user would check: the signature, and the size in its IHDR chunk.
struct PNGHeader {
    var width: Int
    var height: Int

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Nil unless `data` starts with the PNG signature and an IHDR chunk.
    init?(_ data: Data) {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, Array(bytes[0..<8]) == Self.signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        func number(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        width = number(16)
        height = number(20)
    }
}
