import Foundation
import Testing

/// `hats plan` in a real terminal: the progress bar on standard error while it works,
/// cleared before the plan is printed, and never into a file or a pipe. tmux's
/// pipe-pane keeps every byte the terminal received, so the test sees the bar even
/// when it is gone from the screen by the time it looks.
@Suite("hats plan end to end", .enabled(if: Tmux.available, "tmux is not installed"), .serialized)
struct PlanEndToEndTests {
    static let bench = Tmux.binary.deletingLastPathComponent().appendingPathComponent("hats-bench")

    /// A generated org of `people` people, as org.json in the terminal's directory.
    func generate(_ people: Int, into tmux: Tmux) throws {
        let process = Process()
        process.executableURL = Self.bench
        process.arguments = ["generate", "\(people)", "--seed", "7"]
        let file = tmux.directory.appendingPathComponent("org.json")
        FileManager.default.createFile(atPath: file.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: file)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "hats-bench generate failed")
    }

    @Test("a 1,000-person plan on a terminal: a progress bar on standard error, cleared before the plan; none in a file or a pipe")
    func progressBar() throws {
        // 1,000 people, not 10,000: this is a debug build, and the bar is drawn after every
        // step whatever the size (the release build's 10,000-person plan is in the benchmark).
        let tmux = try Tmux(width: 120, height: 30)
        try generate(1000, into: tmux)
        let log = tmux.directory.appendingPathComponent("pane.log").path
        try tmux.tmux(["pipe-pane", "-t", "e2e", "-o", "cat >> \(Tmux.quoted(log))"])

        // Standard error on the terminal, the plan into a file.
        try tmux.start("plan org.json > plan.txt; echo \"first=$?\"")
        #expect(tmux.waitFor("first=0", seconds: 300), "\(tmux.screen)")
        // pipe-pane copies the terminal's bytes through cat: wait until they are all there.
        func logged() -> String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
        #expect(tmux.waitUntil { logged().contains("first=0") }, "the pane log caught up")
        let bytes = logged()
        let bar = try #require(bytes.range(of: "planning ", options: .backwards), "no progress bar reached the terminal: \(bytes.suffix(300).debugDescription)")
        #expect(bytes.contains("█") || bytes.contains("░"))
        #expect(bytes.contains(" %"))
        let end = try #require(bytes.range(of: "first=0", options: .backwards))
        let clear = bytes.range(of: "\r\u{1B}[K", range: bar.upperBound..<end.lowerBound)
        #expect(clear != nil, "the bar's line is cleared before the command ends: \(bytes[bar.lowerBound...].prefix(200).debugDescription)")
        #expect(!tmux.screen.contains("planning "), "no bar left on the screen: \(tmux.screen)")
        let plan = tmux.file("plan.txt") ?? ""
        #expect(!plan.isEmpty)
        #expect(!plan.contains("planning ") && !plan.contains("\u{1B}"), "the bar never goes to standard output")

        // Both on the terminal: the plan's first line comes after the bar was cleared.
        let before = logged().utf8.count
        try tmux.start("plan org.json | head -3; echo \"second=$?\"")
        #expect(tmux.waitFor("second=0", seconds: 300), "\(tmux.screen)")
        #expect(tmux.waitUntil { logged().contains("second=0") }, "the pane log caught up")
        let all = logged()
        let second = String(all.utf8.dropFirst(before)) ?? ""
        let firstLine = String(plan.split(separator: "\n").first ?? "")
        if let lastBar = second.range(of: "planning ", options: .backwards), let printed = second.range(of: firstLine, range: lastBar.upperBound..<second.endIndex) {
            #expect(second.range(of: "\r\u{1B}[K", range: lastBar.upperBound..<printed.lowerBound) != nil, "cleared before the plan is printed")
        } else {
            Issue.record("expected the bar, then the plan's first line \(firstLine.debugDescription): \(second.suffix(400).debugDescription)")
        }

        // Standard error into a file or a pipe: no bar.
        try tmux.start("plan org.json 2> err.txt > out.txt; echo \"third=$?\"")
        #expect(tmux.waitFor("third=0", seconds: 300), "\(tmux.screen)")
        #expect(tmux.file("err.txt") == "", "no progress bar into a file")
        try tmux.start("plan org.json 2>&1 | cat > piped.txt; echo \"fourth=$?\"")
        #expect(tmux.waitFor("fourth=0", seconds: 300), "\(tmux.screen)")
        let piped = tmux.file("piped.txt") ?? ""
        #expect(!piped.isEmpty)
        #expect(!piped.contains("planning ") && !piped.contains("\u{1B}"), "no progress bar into a pipe")
    }
}
