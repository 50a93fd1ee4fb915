import Foundation
import OrgKit
import OrgTUI

/// `hats-bench run`: every measurement of docs/performance.md, at each size.
struct Benchmark {
    var sizes: [Int]
    var seed: UInt64
    var keystrokes: Int
    var hats: String
    var directory: String

    struct Row {
        var name: String
        var cells: [String]
    }

    /// Times each key kind is pressed (with its undo and redo): fewer at 100,000 people.
    func keyRepeats(_ size: Int) -> Int { size >= 100_000 ? 7 : (size >= 10_000 ? 21 : 51) }

    func repeats(_ size: Int) -> Int { size >= 100_000 ? 3 : (size >= 10_000 ? 5 : 9) }

    func run() -> String {
        var rows: [String: [String]] = [:]
        var order: [String] = []
        var column = 0
        func record(_ name: String, _ value: String) {
            if rows[name] == nil { order.append(name) }
            // A row measured only at some sizes ("—" where it was not) keeps its columns.
            var cells = rows[name, default: []]
            while cells.count < column { cells.append("—") }
            cells.append(value)
            rows[name] = cells
        }
        var perPerson: [(size: Int, check: Double, load: Double)] = []
        for (index, size) in sizes.enumerated() {
            column = index
            var generator = OrgGenerator(seed: seed)
            let org = generator.org(people: size)
            let text = OrgFile.encode(org)
            let path = "\(directory)/org-\(size).json"
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
                log("cannot write \(path)")
                continue
            }
            let count = repeats(size)
            log("\(size) people: \(text.utf8.count / 1024) KB")

            let load = Sample.of(count) { _ = try? OrgFile.load(path: path) }
            record("load (read + decode + validate)", load.cell)
            let check = Sample.of(count) { _ = LoadChecker.check(org) }
            record("check (with suggestions)", check.cell)
            perPerson.append((size, check.median / Double(size), load.median / Double(size)))
            for format in ExportFormat.allCases {
                record("export \(format.rawValue)", Sample.of(count) { _ = Exporter.export(org, as: format) }.cell)
            }
            let tree = ReportingTree(org)
            let widths = [Double](repeating: 180, count: org.people.count)
            record("SVG layout alone", Sample.of(count) { _ = ChartLayout.make(children: tree.children, roots: tree.roots, widths: widths) }.cell)
            let fromFile = KeyKinds.startUp(org, path: path, repeats: count)
            record("builder start-up to first frame", fromFile.firstFrame.cell)
            record("builder start-up to findings complete", fromFile.complete.cell)
            let inMemory = KeyKinds.startUp(org, repeats: count)
            record("builder start-up to first frame, org in memory (App.start + App.view)", inMemory.firstFrame.cell)
            record("builder start-up to findings complete, org in memory", inMemory.complete.cell)
            let kinds = KeyKinds(org: org, repeats: keyRepeats(size), planSteps: Self.planSteps(size))
            for row in kinds.rows() {
                record("key: \(row.name) — median / p99", row.sample.map { "\($0.format($0.median)) / \($0.format($0.percentile(99)))" + (row.note.map { " (\($0))" } ?? "") } ?? "not run")
            }
            let strokes = keystrokeSample(org, count: size >= 100_000 ? Swift.min(keystrokes, 200) : keystrokes)
            record("keystroke: edit + recheck + render, median", strokes.format(strokes.median))
            record("keystroke: edit + recheck + render, p99", strokes.format(strokes.percentile(99)))
            for format in ["text", "json"] {
                let runs = (0..<count).map { _ in Child.run([hats, "check", path, "--format", format, "--fail-on", "never"]) }
                record("`hats check --format \(format)` (the process), wall time", Sample(values: runs.map(\.milliseconds)).cell)
                record("`hats check --format \(format)` (the process), peak memory, MB", Sample(values: runs.map { Double($0.peakKB) / 1024 }).cell)
            }
            let frames = (0..<count).compactMap { _ in FirstFrame.measure(hats: hats, file: path) }
            record("`hats FILE` (the process, on a 120×40 terminal), to the first frame", frames.isEmpty ? "not run" : Sample(values: frames.map(\.firstFrame)).cell)
            let completes = frames.compactMap(\.complete)
            record("`hats FILE` (the process, on a 120×40 terminal), to the findings on screen", completes.isEmpty ? "not run" : Sample(values: completes).cell)
            let svgRuns = (0..<count).map { _ in Child.run([hats, "export", path, "--format", "svg"]) }
            record("`hats export --format svg` (the process), wall time", Sample(values: svgRuns.map(\.milliseconds)).cell)
            let plan = planSample(path, size: size)
            record("`hats plan` (the process), wall time", plan?.wall.cell ?? "not run")
            record("`hats plan` (the process), peak memory, MB", plan?.memory.cell ?? "not run")
            record("`hats plan`: steps (moves + hires)", plan?.steps ?? "not run")
        }
        var table = "| measure (ms; median (min–max)) | " + sizes.map { "\($0.formatted()) people" }.joined(separator: " | ") + " |\n"
        table += "|---|" + sizes.map { _ in "---" }.joined(separator: "|") + "|\n"
        for name in order {
            let cells = rows[name] ?? []
            table += "| \(name) | " + (cells + Array(repeating: "—", count: max(0, sizes.count - cells.count))).joined(separator: " | ") + " |\n"
        }
        if let first = perPerson.first {
            table += "| check, µs per person (× the smallest size) | " + perPerson.map {
                String(format: "%.2f (×%.2f)", $0.check * 1000, $0.check / first.check)
            }.joined(separator: " | ") + " |\n"
            table += "| load, µs per person (× the smallest size) | " + perPerson.map {
                String(format: "%.2f (×%.2f)", $0.load * 1000, $0.load / first.load)
            }.joined(separator: " | ") + " |\n"
        }
        return table
    }

    /// Plans are timed up to this many people: a plan is a few thousand steps at 10,000,
    /// each one checked, so at 100,000 it would take longer than the rest of the run.
    static let planSizeLimit = 10_000

    /// The plan the plan-step key rows apply a step of: the whole plan up to
    /// `planSizeLimit` people, above it the first 20 steps (nil: the whole plan).
    static func planSteps(_ size: Int) -> Int? { size <= planSizeLimit ? nil : 20 }

    /// `hats plan FILE` (text) as a user runs it: wall times and peak memory, and the steps
    /// of the plan from its first line ("… a plan in 251 steps (226 moves, 25 hires)").
    func planSample(_ path: String, size: Int) -> (wall: Sample, memory: Sample, steps: String)? {
        guard size <= Self.planSizeLimit else { return nil }
        let output = "\(directory)/plan-\(size).txt"
        let runs = (0..<(size >= 10_000 ? 3 : 5)).map { _ in Child.run([hats, "plan", path], output: output) }
        let first = (try? String(contentsOfFile: output, encoding: .utf8))?.split(separator: "\n").first.map(String.init) ?? ""
        var steps = "?"
        if let range = first.range(of: "a plan in ") {
            // "251 steps (226 moves, 25 hires)" → "251 (226 + 25)"
            let numbers = first[range.upperBound...].split(whereSeparator: { !$0.isNumber && $0 != "," })
                .map { $0.filter(\.isNumber) }.filter { !$0.isEmpty }
            if numbers.count >= 3 { steps = "\(numbers[0]) (\(numbers[1]) + \(numbers[2]))" }
        } else if first.contains("no plan needed") {
            steps = "0"
        }
        return (Sample(values: runs.map(\.milliseconds)), Sample(values: runs.map { Double($0.peakKB) / 1024 }), steps)
    }

    /// Keystrokes that edit: alternately undo and redo a change of one person's hat hours,
    /// so each one applies an edit, re-runs the checker and draws the visible screen.
    func keystrokeSample(_ org: Org, count: Int) -> Sample {
        var state = App.start(Document(org: org, path: nil), size: Size(width: 120, height: 40))
        guard let person = org.people.dropFirst(org.people.count / 2).first(where: { !$0.hats.isEmpty }), let hat = person.hats.first else {
            return Sample(values: [])
        }
        _ = App.perform(.showChart, &state)
        App.commit(.setHatHours(person: person.id, role: hat.role, hours: 11), &state)
        _ = App.view(state)
        var values: [Double] = []
        values.reserveCapacity(count)
        for index in 0..<count {
            let key: Key = index % 2 == 0 ? .character("u") : .control("r")
            values.append(Clock.milliseconds {
                _ = App.update(&state, .key(key))
                _ = App.view(state)
            })
        }
        return Sample(values: values)
    }

    func log(_ message: String) {
        FileHandle.standardError.write(Data("hats-bench: \(message)\n".utf8))
    }
}
