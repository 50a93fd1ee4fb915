import Foundation
import OrgKit
import OrgTUI

/// Timing helpers: wall-clock milliseconds, medians, percentiles.
enum Clock {
    static func milliseconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }

    /// Wall milliseconds and CPU milliseconds of the whole process (all its threads).
    static func wallAndCPU(_ body: () -> Void) -> (wall: Double, cpu: Double) {
        func cpuNow() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
            return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
        }
        let cpuStart = cpuNow()
        let wall = milliseconds(body)
        return (wall, cpuNow() - cpuStart)
    }
}

/// Several timings of one thing.
struct Sample {
    var values: [Double]

    var sorted: [Double] { values.sorted() }
    var median: Double {
        let sorted = self.sorted
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
    var min: Double { values.min() ?? 0 }
    var max: Double { values.max() ?? 0 }
    func percentile(_ p: Double) -> Double {
        let sorted = self.sorted
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank))]
    }

    /// "12.3 (11.9–13.0)"
    var cell: String { "\(format(median)) (\(format(min))–\(format(max)))" }

    func format(_ value: Double) -> String {
        value >= 100 ? String(format: "%.0f", value) : (value >= 10 ? String(format: "%.1f", value) : String(format: "%.2f", value))
    }

    static func of(_ repeats: Int, _ body: () -> Void) -> Sample {
        Sample(values: (0..<repeats).map { _ in Clock.milliseconds(body) })
    }
}

/// Runs a program and returns its exit status, wall time and peak resident memory (KB).
/// The peak is the child's own `VmHWM` from /proc, read every 2 ms while it runs: `wait4`'s
/// `ru_maxrss` is useless here, because exec keeps the high-water mark of the process that
/// spawned it, and this one holds a generated org of up to 100,000 people.
enum Child {
    static func run(_ arguments: [String], output: String = "/dev/null") -> (status: Int32, milliseconds: Double, peakKB: Int) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ) == 0 else { return (-1, 0, 0) }
        var status: Int32 = 0
        var peak = 0
        while true {
            // WNOWAIT: a finished child stays a zombie until the wait4 below.
            var info = siginfo_t()
            if waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0, info._sifields._sigchld.si_pid == pid { break }
            peak = max(peak, highWaterMark(pid))
            usleep(2000)
        }
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
        return (exitStatus, elapsed, peak)
    }

    /// `VmHWM` of a running process in kB, or 0 once it has exited.
    static func highWaterMark(_ pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.dropFirst(6).filter(\.isNumber)) ?? 0
        }
        return 0
    }
}
