import Foundation
import OrgKit
import OrgTUI

/// hats-bench: the benchmark and stress tool (see docs/performance.md and docs/safety.md).
///   hats-bench generate N [--seed S]      a generated org with N people, on stdout
///   hats-bench save-loop A B TARGET       save A, then B, to TARGET, forever (for kill tests)
///   hats-bench kinds N [REPEATS]        the per-kind keystroke table for N people
///   hats-bench startup FILE [REPEATS]    to the first frame and to the findings complete
///   hats-bench firstframe FILE [REPEATS] [--hats PATH]
///                                         the real builder on a terminal: the same split
///   hats-bench paste N [--keys]          N characters pasted into a text field, timed
///   hats-bench run [--sizes 1000,10000,100000] [--seed S] [--keystrokes K] [--hats PATH]
///                                         every measurement, as a Markdown table (`hats plan`
///                                         up to 10,000 people)
let arguments = Array(CommandLine.arguments.dropFirst())

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("hats-bench: \(message)\n".utf8))
    exit(2)
}

switch arguments.first {
case "generate":
    guard arguments.count >= 2, let count = Int(arguments[1]), count > 0 else { fail("usage: hats-bench generate N [--seed S]") }
    var seed: UInt64 = 1
    if let index = arguments.firstIndex(of: "--seed"), index + 1 < arguments.count {
        guard let value = UInt64(arguments[index + 1]) else { fail("--seed takes a whole number") }
        seed = value
    }
    var generator = OrgGenerator(seed: seed)
    FileHandle.standardOutput.write(Data(OrgFile.encode(generator.org(people: count)).utf8))
case "save-loop":
    guard arguments.count == 4 else { fail("usage: hats-bench save-loop A B TARGET") }
    guard let first = FileManager.default.contents(atPath: arguments[1]), let second = FileManager.default.contents(atPath: arguments[2]) else {
        fail("cannot read \(arguments[1]) or \(arguments[2])")
    }
    let versions = [Array(first), Array(second)]
    var saves = 0
    while true {
        do {
            try DiskFile.writeAtomically(versions[saves % 2], to: arguments[3])
        } catch {
            fail("\(arguments[3]): \(error.message)")
        }
        saves += 1
    }
case "run":
    func option(_ name: String) -> String? {
        arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    }
    let sizes = (option("--sizes") ?? "1000,10000,100000").split(separator: ",").compactMap { Int($0) }
    let hats = option("--hats") ?? (URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("hats").path)
    let directory = NSTemporaryDirectory() + "hats-bench-\(getpid())"
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let benchmark = Benchmark(sizes: sizes, seed: UInt64(option("--seed") ?? "") ?? 1, keystrokes: Int(option("--keystrokes") ?? "") ?? 1000, hats: hats, directory: directory)
    print(benchmark.run(), terminator: "")
case "keys":
    // For profiling: only the keystroke loop, on a generated org of N people.
    guard arguments.count >= 2, let count = Int(arguments[1]) else { fail("usage: hats-bench keys N [K]") }
    var generator = OrgGenerator(seed: 1)
    let org = generator.org(people: count)
    let benchmark = Benchmark(sizes: [], seed: 1, keystrokes: 0, hats: "", directory: "")
    let sample = benchmark.keystrokeSample(org, count: arguments.count >= 3 ? Int(arguments[2]) ?? 100 : 100)
    print("median \(sample.format(sample.median)) ms, p99 \(sample.format(sample.percentile(99))) ms")
case "kinds":
    // Only the per-kind keystroke table and the first frame, on a generated org of N people.
    guard arguments.count >= 2, let count = Int(arguments[1]) else { fail("usage: hats-bench kinds N [REPEATS [ONLY]]") }
    var generator = OrgGenerator(seed: 1)
    let org = generator.org(people: count)
    print("| key (ms) | median | p99 |\n|---|---|---|")
    if arguments.count < 4 {
        let start = KeyKinds.startUp(org, repeats: 3)
        print("| first frame (App.start + App.view) | \(start.firstFrame.format(start.firstFrame.median)) | \(start.firstFrame.format(start.firstFrame.max)) |")
        print("| findings complete (the check off the loop, taken and drawn) | \(start.complete.format(start.complete.median)) | \(start.complete.format(start.complete.max)) |")
    }
    // ONLY: the kinds whose row name contains it (for `perf record` of one kind).
    let kinds = KeyKinds(org: org, repeats: arguments.count >= 3 ? Int(arguments[2]) ?? 11 : 11, planSteps: Benchmark.planSteps(count),
                         only: arguments.count >= 4 ? arguments[3] : nil)
    for row in kinds.rows() {
        print("| \(row.name)\(row.note.map { " (\($0))" } ?? "") | " + (row.sample.map { "\($0.format($0.median)) | \($0.format($0.percentile(99)))" } ?? "not run | not run") + " |")
    }
case "startup":
    // The start-up split from a file, as `hats FILE` opens it: to the first frame and to the
    // findings complete (reading the file is part of both).
    guard arguments.count >= 2 else { fail("usage: hats-bench startup FILE [REPEATS]") }
    guard let loaded = try? OrgFile.load(path: arguments[1]) else { fail("cannot read \(arguments[1])") }
    let split = KeyKinds.startUp(loaded.org, path: arguments[1], repeats: arguments.count >= 3 ? Int(arguments[2]) ?? 5 : 5)
    print("first frame: \(split.firstFrame.cell) ms; findings complete: \(split.complete.cell) ms (\(loaded.org.people.count) people)")
    // Where the first frame's time goes, stage by stage: wall and CPU (every thread of
    // this process; the parts that run on every core show more CPU than wall).
    var stages: [(String, [Double], [Double])] = ["read the file", "decode + validate", "fingerprint", "App.start (loads)", "App.view"].map { ($0, [], []) }
    for _ in 0..<(arguments.count >= 3 ? Int(arguments[2]) ?? 5 : 5) {
        var bytes: [UInt8] = []
        var org = loaded.org
        var state: AppState? = nil
        let steps: [() -> Void] = [
            { bytes = (try? DiskFile.read(path: arguments[1], limit: OrgFile.maxFileBytes, regularOnly: true)) ?? [] },
            { org = (try? OrgFile.decode(bytes))?.org ?? org },
            { _ = FileFingerprint(bytes) },
            { state = App.start(Document(org: org, path: arguments[1]), size: Size(width: 120, height: 40), checkOffLoopFrom: App.checkOffLoopFrom) },
            { _ = App.view(state!) },
        ]
        for (index, step) in steps.enumerated() {
            let (wall, cpu) = Clock.wallAndCPU(step)
            stages[index].1.append(wall)
            stages[index].2.append(cpu)
        }
    }
    for (name, wall, cpu) in stages {
        print("  \(name): \(Sample(values: wall).cell) ms wall, \(Sample(values: cpu).cell) ms CPU")
    }
case "firstframe":
    // The real builder on a pseudo-terminal: to the first frame and to the findings on screen.
    guard arguments.count >= 2 else { fail("usage: hats-bench firstframe FILE [REPEATS] [--hats PATH]") }
    let hatsPath = arguments.firstIndex(of: "--hats").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("hats").path
    let repeats = arguments.count >= 3 ? Int(arguments[2]) ?? 5 : 5
    let times = (0..<repeats).compactMap { _ in FirstFrame.measure(hats: hatsPath, file: arguments[1]) }
    guard !times.isEmpty else { fail("\(hatsPath) \(arguments[1]) showed no first frame") }
    let first = Sample(values: times.map(\.firstFrame))
    let complete = Sample(values: times.compactMap(\.complete))
    print("hats \(arguments[1]) on a 120×40 terminal: first frame \(first.cell) ms; findings on screen \(complete.values.isEmpty ? "never" : complete.cell + " ms") (\(times.count) runs)")
case "whatif":
    // For profiling: only `w` on and off for a person in the middle, on N generated people.
    guard arguments.count >= 2, let count = Int(arguments[1]) else { fail("usage: hats-bench whatif N [K]") }
    var generator = OrgGenerator(seed: 1)
    let org = generator.org(people: count)
    var state = App.start(Document(org: org, path: nil), size: Size(width: 120, height: 40))
    let middle = org.people.dropFirst(org.people.count / 2).first { !$0.hats.isEmpty }?.id
    var on: [Double] = []
    for _ in 0..<(arguments.count >= 3 ? Int(arguments[2]) ?? 10 : 10) {
        state.selectedPerson = middle
        on.append(Clock.milliseconds { _ = App.update(&state, .key(.character("w"))); _ = App.view(state) })
        state.selectedPerson = middle
        _ = App.update(&state, .key(.character("w")))
    }
    let sample = Sample(values: on)
    print("what-if on: median \(sample.format(sample.median)) ms, max \(sample.format(sample.max)) ms")
case "paste":
    // A paste into the org-name field, as the builder handles it: one paste event, or (as
    // terminals without bracketed paste send it) one key per character, then one frame.
    guard arguments.count >= 2, let count = Int(arguments[1]) else { fail("usage: hats-bench paste N [--keys]") }
    guard let org = try? PresetCatalog.named("msp-10")?.load() else { fail("the msp-10 preset is missing") }
    let text = String(repeating: "Northwind ", count: count / 10 + 1).prefix(count)
    var state = App.start(Document(org: org, path: nil), size: Size(width: 120, height: 40))
    _ = App.update(&state, .key(.character("N")))
    _ = App.update(&state, .key(.control("u")))
    let milliseconds = Clock.milliseconds {
        if arguments.contains("--keys") {
            for character in text { _ = App.update(&state, .key(.character(character))) }
        } else {
            _ = App.update(&state, .key(.paste(String(text))))
        }
        _ = App.view(state)
    }
    print("\(count) characters pasted in \(String(format: "%.1f", milliseconds)) ms; status: \(state.status?.text ?? "-")")
default:
    fail("usage: hats-bench generate N [--seed S] | save-loop A B TARGET | run [--sizes …] | keys N [K]")
}
