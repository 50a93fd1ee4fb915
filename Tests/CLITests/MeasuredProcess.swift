import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run of a program with what it cost: wall-clock time and CPU time from `wait4`'s
/// resource usage of that one child (not of every child the tests ran), and peak memory
/// from the child's own high-water mark, `VmHWM` in /proc/PID/status, read every 2 ms
/// while it runs. (`wait4`'s `ru_maxrss` cannot be used: posix_spawn starts the child in
/// the parent's memory, and exec carries that high-water mark over, so every child
/// looked as big as the test process.)
struct MeasuredRun {
    /// The exit code, or 128 + the signal that ended it.
    var status: Int32
    var stdout: Data
    var stderr: Data
    var wallSeconds: Double
    /// User + system time.
    var cpuSeconds: Double
    /// Peak resident memory (`VmHWM`; a rise in the last 2 ms before exit can be missed).
    var peakMegabytes: Double
    /// The watchdog killed it: it ran past its wall-clock limit.
    var killed: Bool

    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var figures: String {
        String(format: "%.2f s wall, %.2f s CPU, %.0f MB peak", wallSeconds, cpuSeconds, peakMegabytes)
    }
}

struct SpawnError: Error, CustomStringConvertible {
    var description: String
}

/// Starts a program with `posix_spawn` (so that it is our child to `wait4` for, which
/// Foundation's `Process` does not allow), reads its output, and kills it if it runs
/// longer than `wallLimit` seconds.
enum MeasuredProcess {
    // GNU extensions (glibc 2.29+) that Swift's Glibc module does not declare.
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) -> Int32

    private static func function<T>(_ name: String, as type: T.Type) throws -> T {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else {
            throw SpawnError(description: "\(name) is not in this C library")
        }
        return unsafeBitCast(symbol, to: type)
    }

    static func run(_ executable: String, _ arguments: [String], in directory: URL, wallLimit: Double, environment: [String: String] = [:]) throws -> MeasuredRun {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        // Close-on-exec, so that a child another test starts meanwhile does not hold our
        // pipes open (which would keep us waiting for their end).
        let pipe2 = try function("pipe2", as: Pipe2.self)
        let addChdir = try function("posix_spawn_file_actions_addchdir_np", as: AddChdir.self)
        guard pipe2(&outPipe, O_CLOEXEC) == 0, pipe2(&errPipe, O_CLOEXEC) == 0 else {
            throw SpawnError(description: "pipe2: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        _ = addChdir(&actions, directory.path)

        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }

        var pid: pid_t = 0
        var spawned: Int32 = ETXTBSY
        // ETXTBSY: a parallel test's fork may briefly hold a just-written binary open.
        for _ in 0..<50 where spawned == ETXTBSY {
            spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
            if spawned == ETXTBSY { usleep(100_000) }
        }
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            throw SpawnError(description: "posix_spawn \(executable): \(String(cString: strerror(spawned)))")
        }
        let start = DispatchTime.now()

        let output = Collected()
        let group = DispatchGroup()
        for (descriptor, isError) in [(outPipe[0], false), (errPipe[0], true)] {
            group.enter()
            DispatchQueue.global().async {
                let data = readAll(descriptor)
                close(descriptor)
                output.set(data, isError: isError)
                group.leave()
            }
        }

        var status: Int32 = 0
        var usage = rusage()
        var killed = false
        var peakKilobytes = 0
        while true {
            // Before reaping: a zombie has no memory figures left.
            peakKilobytes = max(peakKilobytes, highWaterMark(pid))
            let reaped = wait4(pid, &status, WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0, errno != EINTR {
                throw SpawnError(description: "wait4: \(String(cString: strerror(errno)))")
            }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            if elapsed > wallLimit, !killed {
                kill(pid, SIGKILL)
                killed = true
            }
            usleep(2_000)
        }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        group.wait()

        let exited = (status & 0x7F) == 0
        let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return MeasuredRun(status: code, stdout: output.out, stderr: output.err, wallSeconds: wall,
                           cpuSeconds: cpu, peakMegabytes: Double(peakKilobytes) / 1024, killed: killed)
    }

    /// `VmHWM` of a running process in kB, or 0 once it has exited.
    private static func highWaterMark(_ pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.dropFirst(6).filter(\.isNumber)) ?? 0
        }
        return 0
    }

    private static func readAll(_ descriptor: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var stdout = Data()
        private var stderr = Data()

        func set(_ data: Data, isError: Bool) {
            lock.lock()
            defer { lock.unlock() }
            if isError { stderr = data } else { stdout = data }
        }

        var out: Data { lock.lock(); defer { lock.unlock() }; return stdout }
        var err: Data { lock.lock(); defer { lock.unlock() }; return stderr }
    }
}
