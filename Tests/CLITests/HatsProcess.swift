import Foundation

/// Runs the built `hats` binary as a user would, capturing what it prints.
struct HatsRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum HatsProcess {
    /// The `hats` binary next to this test bundle (SwiftPM builds it because the test
    /// target depends on the executable).
    static let binary: URL = {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("hats")
    }()

    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `input`: bytes piped to the process's standard input (otherwise /dev/null).
    static func run(_ arguments: [String], in directory: URL? = nil, binary: URL = binary, environment: [String: String] = [:], input: Data? = nil) throws -> HatsRun {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? FileManager.default.temporaryDirectory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if input != nil {
            // A child that exits before reading all its input must not kill the test
            // process with SIGPIPE: the write then fails with EPIPE instead.
            signal(SIGPIPE, SIG_IGN)
        }
        let stdin = input.map { _ in Pipe() }
        process.standardInput = stdin ?? FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting so a large output cannot block the child.
        let group = DispatchGroup()
        if let stdin, let input {
            // Written from another thread, so a child that writes before it reads cannot
            // deadlock with us; a child that exits early (EPIPE) only ends the writing.
            group.enter()
            DispatchQueue.global().async {
                let handle = stdin.fileHandleForWriting
                try? handle.write(contentsOf: input)
                try? handle.close()
                group.leave()
            }
        }
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return HatsRun(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh empty directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hats-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
