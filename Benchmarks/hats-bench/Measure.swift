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
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
        return (exitStatus, elapsed, usage.ru_maxrss)
    }
}
