import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Limits on one run of `hats` on a broken input. They are bounds against hangs and
/// blow-ups (an endless loop, a quadratic algorithm, memory that grows without limit),
/// NOT speed targets: each is set well above what was measured in a debug build on a
/// loaded 2-core machine, and far below what "hung" looks like. CPU time (user + system
/// of that one process, from `wait4`) catches busy loops without flaking when the machine
/// is busy; the wall-clock limit catches a process that blocks, and the watchdog kills it
/// there. Measurements are in docs/safety-inputs.md.
struct Bounds: Sendable, CustomStringConvertible {
    var cpuSeconds: Double
    var wallSeconds: Double
    var megabytes: Double

    /// A committed corpus file or a command-line mistake: measured at most 0.04 s wall,
    /// 0.02 s CPU and 22 MB.
    static let small = Bounds(cpuSeconds: 5, wallSeconds: 60, megabytes: 200)
    /// A 50 MB name, 1,000,000 people or rows, 100,000 keys, /dev/zero: measured at most
    /// 24 s of CPU (44 s wall in a parallel test run) and 590 MB, for 1,000,000 people.
    static let large = Bounds(cpuSeconds: 60, wallSeconds: 300, megabytes: 2048)

    var description: String { "\(Int(cpuSeconds)) s CPU, \(Int(wallSeconds)) s wall, \(Int(megabytes)) MB" }

    /// Under AddressSanitizer or ThreadSanitizer (CI runs the suite under both) a run
    /// takes several times the CPU and memory: the bounds grow with it, still catching a
    /// hang or a blow-up.
    static let sanitizerFactor: Double = Sanitizers.any ? 4 : 1

    /// These bounds, for the build the tests run in.
    var scaled: Bounds {
        Bounds(cpuSeconds: cpuSeconds * Self.sanitizerFactor, wallSeconds: wallSeconds * Self.sanitizerFactor, megabytes: megabytes * min(Self.sanitizerFactor, 2))
    }
}

/// The corpus manifest, Tests/CLITests/Corpus/expected.json.
struct CorpusManifest: Decodable, Sendable {
    struct Run: Decodable, Sendable {
        var args: [String]
        var sentinel: String?
    }

    struct Case: Decodable, Sendable {
        var file: String
        var why: String
        var place: String
        var stderr: [String]
    }

    var runs: [String: [Run]]
    var cases: [Case]

    static let directory = HatsProcess.repositoryRoot.appendingPathComponent("Tests/CLITests/Corpus")

    static func load() throws -> CorpusManifest {
        try JSONDecoder().decode(CorpusManifest.self, from: Data(contentsOf: directory.appendingPathComponent("expected.json")))
    }

    /// The case files, for the parameterized test (empty if the manifest cannot be read:
    /// `manifestMatchesFiles` then fails and says why).
    static let files: [String] = (try? load())?.cases.map(\.file) ?? []
}

/// What a refused input must look like: exit 2, nothing on stdout, every stderr line
/// naming the file, the place shown, the expected lines, and the bounds kept.
func expectRefused(_ run: MeasuredRun, file: String, place: String, stderr expected: [String]?,
                   bounds: Bounds, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let bounds = bounds.scaled
    #expect(!run.killed, "\(context): still running after \(Int(bounds.wallSeconds)) s: killed (hung?)", sourceLocation: sourceLocation)
    #expect(run.status == 2, "\(context): exit \(run.status)\n\(run.stderrText.prefix(2000))", sourceLocation: sourceLocation)
    #expect(run.stdout.isEmpty, "\(context): stdout: \(run.stdoutText.prefix(500))", sourceLocation: sourceLocation)
    let lines = run.stderrText.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    #expect(run.stderrText.hasSuffix("\n"), "\(context): stderr does not end with a newline", sourceLocation: sourceLocation)
    if let expected {
        #expect(lines == expected, "\(context)", sourceLocation: sourceLocation)
    }
    // Every line names the file; the indented lines of a CSV column report belong to the
    // "FILE: columns used:" line above them.
    var inColumnReport = false
    for line in lines {
        if line.hasPrefix("  "), inColumnReport { continue }
        inColumnReport = line.hasPrefix("\(file): columns used")
        #expect(line.contains(file), "\(context): a line that does not name \(file): \(line.prefix(300))", sourceLocation: sourceLocation)
    }
    let placed: String
    if place.isEmpty {
        placed = "\(file): "
    } else if let first = place.unicodeScalars.first, ("0"..."9").contains(first) {
        placed = "\(file):\(place): "
    } else {
        placed = "\(file): \(place): "
    }
    #expect(lines.contains { $0.hasPrefix(placed) || $0.hasPrefix("hats import: \(placed)") },
            "\(context): no line starts with \"\(placed)\"", sourceLocation: sourceLocation)
    #expect(run.cpuSeconds <= bounds.cpuSeconds, "\(context): \(run.figures), over \(bounds)", sourceLocation: sourceLocation)
    #expect(run.wallSeconds <= bounds.wallSeconds, "\(context): \(run.figures), over \(bounds)", sourceLocation: sourceLocation)
    #expect(run.peakMegabytes <= bounds.megabytes, "\(context): \(run.figures), over \(bounds)", sourceLocation: sourceLocation)
}

/// A fresh directory for one run, which the run must leave as it found it.
struct Scene {
    let directory: URL
    private var before: [String: Data] = [:]

    init(world: Bool = false) throws {
        directory = try HatsProcess.temporaryDirectory()
        // Reachable by an unprivileged user (the unreadable-file case runs as nobody);
        // writable by them too when asked, so that "wrote nothing" means something.
        chmod(directory.path, world ? 0o777 : 0o755)
    }

    func put(_ name: String, _ bytes: Data) throws {
        try bytes.write(to: directory.appendingPathComponent(name))
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Remembers every entry and its bytes (regular files), to compare after the run.
    mutating func snapshot() {
        before = Scene.contents(of: directory)
    }

    /// The directory holds the same entries with the same bytes: no output file, no
    /// temporary file, the input and the sentinel untouched.
    func expectUnchanged(_ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let after = Scene.contents(of: directory)
        let added = Set(after.keys).subtracting(before.keys).sorted()
        let removed = Set(before.keys).subtracting(after.keys).sorted()
        #expect(added.isEmpty, "\(context): new files: \(added)", sourceLocation: sourceLocation)
        #expect(removed.isEmpty, "\(context): files gone: \(removed)", sourceLocation: sourceLocation)
        for (name, bytes) in before where after[name] != nil && after[name] != bytes {
            Issue.record("\(context): \(name) changed", sourceLocation: sourceLocation)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    private static func contents(of directory: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        // Includes hidden entries, so a leftover ".out.json.hats-save-…" is seen.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] {
            let url = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            // Large generated inputs are compared by size, not read back.
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            if isDirectory.boolValue || size > 1 << 20 {
                result[name] = Data("\(isDirectory.boolValue ? "dir" : "file") \(size)".utf8)
            } else {
                result[name] = (try? Data(contentsOf: url)) ?? Data("unreadable".utf8)
            }
        }
        return result
    }
}

func runHats(_ arguments: [String], in scene: Scene, bounds: Bounds) throws -> MeasuredRun {
    let run = try MeasuredProcess.run(HatsProcess.binary.path, arguments, in: scene.directory, wallLimit: bounds.scaled.wallSeconds)
    guard run.peakMegabytes > bounds.scaled.megabytes || run.cpuSeconds > bounds.scaled.cpuSeconds else { return run }
    // Once in a while, with the whole suite running in parallel, a tiny input measured
    // hundreds of MB (a reading of another process's figures; it never repeats). A real
    // blow-up repeats: measure once more and keep that.
    print("note: \(arguments.joined(separator: " ")): \(run.figures), over the bounds; measuring again")
    return try MeasuredProcess.run(HatsProcess.binary.path, arguments, in: scene.directory, wallLimit: bounds.scaled.wallSeconds)
}

// Computed, not stored: LeakSanitizer cannot see a global Data's buffer through Swift's
// tagged pointer and reports it as a leak.
var sentinelBytes: Data { Data("sentinel: hats must not touch this file\n".utf8) }

@Suite("Broken inputs: exit 2, the file and the place named, nothing written, bounded time and memory")
struct BrokenInputTests {
    @Test("the manifest lists every corpus file once, and every file it lists exists")
    func manifestMatchesFiles() throws {
        let manifest = try CorpusManifest.load()
        let listed = manifest.cases.map(\.file)
        #expect(Set(listed).count == listed.count, "a file listed twice")
        var onDisk: [String] = []
        for kind in ["org", "csv"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: CorpusManifest.directory.appendingPathComponent(kind).path)
            onDisk += names.map { "\(kind)/\($0)" }
        }
        #expect(Set(listed) == Set(onDisk))
        #expect(Set(manifest.runs.keys) == ["org", "csv"])
        for item in manifest.cases {
            #expect(!item.stderr.isEmpty, "\(item.file)")
            #expect(!item.why.isEmpty, "\(item.file)")
        }
        #expect(listed.count >= 130)
    }

    @Test("each corpus file is refused by every command that reads it", arguments: CorpusManifest.files)
    func corpusFile(_ file: String) throws {
        let manifest = try CorpusManifest.load()
        let item = try #require(manifest.cases.first { $0.file == file })
        let kind = String(file.prefix { $0 != "/" })
        let name = String(file.dropFirst(kind.count + 1))
        let bytes = try Data(contentsOf: CorpusManifest.directory.appendingPathComponent(file))
        var most = (wall: 0.0, cpu: 0.0, megabytes: 0.0)
        defer { print(String(format: "corpus: %@: at most %.2f s wall, %.2f s CPU, %.0f MB", file, most.wall, most.cpu, most.megabytes)) }
        for run in try #require(manifest.runs[kind]) {
            var scene = try Scene()
            defer { scene.remove() }
            try scene.put(name, bytes)
            if let sentinel = run.sentinel { try scene.put(sentinel, sentinelBytes) }
            scene.snapshot()
            let arguments = run.args.map { $0 == "{file}" ? name : $0 }
            let result = try runHats(arguments, in: scene, bounds: .small)
            most = (max(most.wall, result.wallSeconds), max(most.cpu, result.cpuSeconds), max(most.megabytes, result.peakMegabytes))
            let context = "hats \(arguments.joined(separator: " ")) [\(item.why)]"
            expectRefused(result, file: name, place: item.place, stderr: item.stderr, bounds: .small, context)
            scene.expectUnchanged(context)
        }
    }

    @Test("the directory check itself sees a leftover hidden temp file and a changed sentinel")
    func sceneSeesLeftovers() throws {
        var scene = try Scene()
        defer { scene.remove() }
        try scene.put("out.json", sentinelBytes)
        scene.snapshot()
        try scene.put(".out.json.hats-save-1-2", Data("half".utf8))
        withKnownIssue { scene.expectUnchanged("a leftover temp file") }
        try FileManager.default.removeItem(atPath: scene.path(".out.json.hats-save-1-2"))
        scene.expectUnchanged("removed again")
        try scene.put("out.json", Data("changed".utf8))
        withKnownIssue { scene.expectUnchanged("a changed sentinel") }
    }

    @Test("a UTF-8 byte order mark before a valid org or CSV is accepted, by design")
    func byteOrderMarkBeforeValidFiles() throws {
        let scene = try Scene()
        defer { scene.remove() }
        let bom = Data([0xEF, 0xBB, 0xBF])
        let org = try Data(contentsOf: HatsProcess.repositoryRoot.appendingPathComponent("Presets/msp-10.json"))
        try scene.put("bom.json", bom + org)
        let check = try runHats(["check", "bom.json", "--fail-on", "never"], in: scene, bounds: .small)
        #expect(check.status == 0, "\(check.stderrText)")
        #expect(check.stdoutText.hasPrefix("Northwind MSP: "))
        let export = try runHats(["export", "bom.json", "--format", "json"], in: scene, bounds: .small)
        #expect(export.stdout == org, "saving drops the mark and gives the canonical file")
        try scene.put("bom.csv", bom + Data("id,name,manager id\n1,Ann,\n2,Bo,1\n".utf8))
        let imported = try runHats(["import", "bom.csv"], in: scene, bounds: .small)
        #expect(imported.status == 0, "\(imported.stderrText)")
        #expect(imported.stderrText.hasPrefix("bom.csv: columns used:\n  \"id\"  "))
    }

    // MARK: - Generated at test time: too big to commit, or not files at all

    /// `hats check`, and `hats export -o` over a sentinel, on a generated org file.
    func refuseOrg(_ name: String, _ bytes: Data, place: String, stderr: [String], bounds: Bounds, export: Bool = true) throws {
        var scene = try Scene()
        defer { scene.remove() }
        try scene.put(name, bytes)
        try scene.put("out.json", sentinelBytes)
        scene.snapshot()
        let check = try runHats(["check", name], in: scene, bounds: bounds)
        print("corpus: hats check \(name) (\(bytes.count / 1_048_576) MB): \(check.figures)")
        expectRefused(check, file: name, place: place, stderr: stderr, bounds: bounds, "hats check \(name)")
        if export {
            let exported = try runHats(["export", name, "--format", "json", "-o", "out.json"], in: scene, bounds: bounds)
            expectRefused(exported, file: name, place: place, stderr: stderr, bounds: bounds, "hats export \(name)")
        }
        scene.expectUnchanged(name)
    }

    /// `hats import -o --force` over a sentinel, on a generated CSV file.
    func refuseCSV(_ name: String, _ bytes: Data, place: String, stderr: [String]?, bounds: Bounds, check: ([String]) -> Void = { _ in }) throws {
        var scene = try Scene()
        defer { scene.remove() }
        try scene.put(name, bytes)
        try scene.put("out.json", sentinelBytes)
        scene.snapshot()
        let run = try runHats(["import", name, "-o", "out.json", "--force"], in: scene, bounds: bounds)
        print("corpus: hats import \(name) (\(bytes.count / 1_048_576) MB): \(run.figures)")
        expectRefused(run, file: name, place: place, stderr: stderr, bounds: bounds, "hats import \(name)")
        check(run.stderrText.split(separator: "\n").map(String.init))
        scene.expectUnchanged(name)
    }

    static var header: Data { Data(#"{"format": "hats", "version": 1, "#.utf8) }

    /// How many times smaller the large generated inputs are in this build: 1 in the plain
    /// run, 10 under AddressSanitizer or ThreadSanitizer (CI's second and third runs). The
    /// full sizes are for the bounds: only an input that large tells linear from quadratic
    /// within bounds this loose. Under a sanitizer the bounds are four times looser and
    /// prove nothing the plain run has not; what those runs look for (a bad read or write,
    /// a race) shows on the same code at a tenth of the size, at a tenth of the minutes.
    static let shrink: Int = {
        guard Sanitizers.any else { return 1 }
        print("note: under a sanitizer the generated large inputs are a tenth of their size (100,000 people, 5 MB names); the plain run checks the full sizes against the bounds")
        return 10
    }()

    @Test("a person's name of 50 MB")
    func fiftyMegabyteName() throws {
        let length = 50 * 1_048_576 / Self.shrink
        var bytes = Self.header + Data(#""people": [{"id": "a", "name": ""#.utf8)
        bytes += Data(repeating: UInt8(ascii: "n"), count: length)
        bytes += Data("\"}]}\n".utf8)
        try refuseOrg("big-name.json", bytes, place: "people[0].name",
                      stderr: ["big-name.json: people[0].name: is \(length) characters long; the most hats accepts is 10000"], bounds: .large)
    }

    @Test("a reportsTo of 50 MB: the message quotes 80 characters of it")
    func fiftyMegabyteReference() throws {
        var bytes = Self.header + Data(#""people": [{"id": "a", "name": "A", "reportsTo": ""#.utf8)
        bytes += Data(repeating: UInt8(ascii: "r"), count: 50 * 1_048_576 / Self.shrink)
        bytes += Data("\"}]}\n".utf8)
        try refuseOrg("big-reference.json", bytes, place: "people[0].reportsTo",
                      stderr: ["big-reference.json: people[0].reportsTo: no person has id \"\(String(repeating: "r", count: 80))…\""], bounds: .large, export: false)
    }

    /// `count` people in a tree (each manager has 8 reports); the last one's manager does
    /// not exist.
    static func millionPeople(_ count: Int) -> Data {
        var text = [UInt8]()
        text.reserveCapacity(72 * count)
        text += Array(#"{"format": "hats", "version": 1, "name": "A million", "people": ["#.utf8) + [0x0A]
        for index in 0..<count {
            text += Array(#"  {"id": "p"#.utf8) + Array(String(index).utf8) + Array(#"", "name": "Person "#.utf8) + Array(String(index).utf8) + [0x22]
            if index == count - 1 {
                text += Array(#", "reportsTo": "nobody-here""#.utf8)
            } else if index > 0 {
                text += Array(#", "reportsTo": "p"#.utf8) + Array(String((index - 1) / 8).utf8) + [0x22]
            }
            text += Array((index == count - 1 ? "}\n" : "},\n").utf8)
        }
        text += Array("]}\n".utf8)
        return Data(text)
    }

    @Test("1,000,000 people, the last reporting to nobody")
    func millionPeopleOneDangling() throws {
        let last = 1_000_000 / Self.shrink - 1
        try refuseOrg("million.json", Self.millionPeople(last + 1), place: "people[\(last)].reportsTo",
                      stderr: ["million.json: people[\(last)].reportsTo: no person has id \"nobody-here\""], bounds: .large, export: false)
    }

    @Test("an object of 100,000 keys with one repeated (was quadratic: 161 s for 50,000)")
    func hundredThousandKeys() throws {
        var text = #"{"format": "hats", "version": 1, "people": [{"id": "a", "name": "A", "#
        let last = 100_000 / Self.shrink - 1
        text += (0...last).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        text += ", \"k\(last)\": 0}]}\n"
        try refuseOrg("many-keys.json", Data(text.utf8), place: "people[0].k\(last)",
                      stderr: ["many-keys.json: people[0].k\(last): this key appears more than once in the same object"], bounds: .large, export: false)
    }

    @Test("/dev/zero: endless input stops at the 512 MB limit")
    func endlessInput() throws {
        let scene = try Scene()
        defer { scene.remove() }
        let org = try runHats(["check", "/dev/zero"], in: scene, bounds: .large)
        print("corpus: hats check /dev/zero: \(org.figures)")
        expectRefused(org, file: "/dev/zero", place: "", stderr: ["/dev/zero: is larger than 512 MB, the largest file hats reads"], bounds: .large, "hats check /dev/zero")
        let csv = try runHats(["import", "/dev/zero", "-o", "out.json"], in: scene, bounds: .large)
        expectRefused(csv, file: "/dev/zero", place: "", stderr: ["hats import: /dev/zero: is larger than 512 MB, the largest file hats reads"], bounds: .large, "hats import /dev/zero")
        #expect(!FileManager.default.fileExists(atPath: scene.path("out.json")))
    }

    @Test("a file of 600 MB (sparse) is refused before it is read")
    func overTheSizeLimit() throws {
        var scene = try Scene()
        defer { scene.remove() }
        for name in ["huge.json", "huge.csv"] {
            let descriptor = open(scene.path(name), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            #expect(descriptor >= 0)
            #expect(ftruncate(descriptor, 600 * 1_048_576) == 0)
            close(descriptor)
        }
        scene.snapshot()
        let org = try runHats(["check", "huge.json"], in: scene, bounds: .small)
        expectRefused(org, file: "huge.json", place: "", stderr: ["huge.json: is 600 MB; the largest file hats reads is 512 MB"], bounds: .small, "hats check huge.json")
        let csv = try runHats(["import", "huge.csv", "-o", "out.json"], in: scene, bounds: .small)
        expectRefused(csv, file: "huge.csv", place: "", stderr: ["hats import: huge.csv: is 600 MB; the largest file hats reads is 512 MB"], bounds: .small, "hats import huge.csv")
        scene.expectUnchanged("600 MB")
    }

    @Test("a directory, a missing file, a path through a file, given as the org or the CSV")
    func notAFile() throws {
        var scene = try Scene()
        defer { scene.remove() }
        try FileManager.default.createDirectory(atPath: scene.path("folder.json"), withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: scene.path("folder.csv"), withIntermediateDirectories: false)
        try scene.put("plain.json", Data("{}".utf8))
        try scene.put("out.json", sentinelBytes)
        scene.snapshot()
        let cases: [([String], String, String)] = [
            (["check", "folder.json"], "folder.json", "folder.json: is a directory, not an org file"),
            (["export", "folder.json", "--format", "svg", "-o", "out.json"], "folder.json", "folder.json: is a directory, not an org file"),
            (["import", "folder.csv", "-o", "out.json", "--force"], "folder.csv", "hats import: folder.csv: is a directory, not a CSV file"),
            (["check", "missing.json"], "missing.json", "missing.json: no such file or directory"),
            (["check", "nowhere/missing.json"], "nowhere/missing.json", "nowhere/missing.json: no such file or directory"),
            (["export", "missing.json", "--format", "json", "-o", "out.json"], "missing.json", "missing.json: no such file or directory"),
            (["import", "missing.csv", "-o", "out.json", "--force"], "missing.csv", "hats import: missing.csv: no such file or directory"),
            (["check", "plain.json/org.json"], "plain.json/org.json", "plain.json/org.json: cannot open: a part of the path is not a directory"),
            (["import", "plain.json/staff.csv"], "plain.json/staff.csv", "hats import: plain.json/staff.csv: cannot open: a part of the path is not a directory"),
        ]
        for (arguments, file, line) in cases {
            let run = try runHats(arguments, in: scene, bounds: .small)
            expectRefused(run, file: file, place: "", stderr: [line], bounds: .small, "hats \(arguments.joined(separator: " "))")
        }
        scene.expectUnchanged("not a file")
    }

    /// Root reads any file, so as root the binary runs as nobody (`setpriv`); the
    /// directory is writable by everyone, so "nothing written" is a real claim.
    @Test("a file without read permission")
    func unreadable() throws {
        var scene = try Scene(world: true)
        defer { scene.remove() }
        try scene.put("locked.json", Data(#"{"format": "hats", "version": 1}"#.utf8))
        try scene.put("locked.csv", Data("id,name\n1,Ann\n".utf8))
        try scene.put("out.json", sentinelBytes)
        chmod(scene.path("locked.json"), 0o200)
        chmod(scene.path("locked.csv"), 0o200)
        chmod(scene.path("out.json"), 0o666)
        scene.snapshot()
        var prefix: [String] = []
        if geteuid() == 0 {
            let setpriv = "/usr/bin/setpriv"
            guard FileManager.default.isExecutableFile(atPath: setpriv), let nobody = getpwnam("nobody") else {
                print("SKIP: setpriv or the user nobody is missing; the unreadable-file case cannot run as root (apt-get install util-linux)")
                return
            }
            prefix = [setpriv, "--reuid=\(nobody.pointee.pw_uid)", "--regid=\(nobody.pointee.pw_gid)", "--clear-groups"]
        }
        let binaryScene = try Scene()
        defer { binaryScene.remove() }
        let binary = try Self.binaryReachable(by: prefix.isEmpty ? nil : binaryScene)
        let cases: [([String], String, String)] = [
            (["check", "locked.json"], "locked.json", "locked.json: cannot open: permission denied"),
            (["export", "locked.json", "--format", "json", "-o", "out.json"], "locked.json", "locked.json: cannot open: permission denied"),
            (["import", "locked.csv", "-o", "out.json", "--force"], "locked.csv", "hats import: locked.csv: cannot open: permission denied"),
        ]
        for (arguments, file, line) in cases {
            let command = prefix + [binary] + arguments
            let run = try MeasuredProcess.run(command[0], Array(command.dropFirst()), in: scene.directory, wallLimit: Bounds.small.scaled.wallSeconds)
            expectRefused(run, file: file, place: "", stderr: [line], bounds: .small, command.joined(separator: " "))
        }
        // The snapshot could not read the locked files either; their bytes are checked here.
        scene.expectUnchanged("unreadable")
        chmod(scene.path("locked.json"), 0o644)
        #expect(try Data(contentsOf: URL(fileURLWithPath: scene.path("locked.json"))) == Data(#"{"format": "hats", "version": 1}"#.utf8))
    }

    /// The hats binary, or a copy in `scene` (not the scene under test, which must not
    /// change) when an unprivileged user could not reach it where it was built (a
    /// checkout under /root, say).
    static func binaryReachable(by scene: Scene?) throws -> String {
        let path = HatsProcess.binary.path
        guard let scene else { return path }
        var reachable = true
        var current = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let mode = { (url: URL) -> Int in ((try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]) as? Int) ?? 0 }
        if mode(current) & 0o005 != 0o005 { reachable = false }
        while current.path != "/" {
            current = current.deletingLastPathComponent()
            if mode(current) & 0o001 == 0 { reachable = false }
        }
        if reachable { return URL(fileURLWithPath: path).resolvingSymlinksInPath().path }
        let copy = scene.directory.appendingPathComponent("bin-hats")
        try FileManager.default.copyItem(atPath: path, toPath: copy.path)
        chmod(copy.path, 0o755)
        return copy.path
    }

    // MARK: - CSV, generated

    @Test("a CSV with a 50 MB name")
    func csvFiftyMegabyteName() throws {
        let length = 50 * 1_048_576 / Self.shrink
        var bytes = Data("id,name\n1,".utf8)
        bytes += Data(repeating: UInt8(ascii: "n"), count: length)
        bytes += Data("\n".utf8)
        try refuseCSV("big-name.csv", bytes, place: "2", stderr: [
            "big-name.csv: columns used:",
            "  \"id\"    → id",
            "  \"name\"  → name",
            "big-name.csv:2: name is \(length) characters long; the most hats accepts is 10000",
            "hats import: big-name.csv was not imported: 1 problem; nothing was written",
        ], bounds: .large)
    }

    @Test("a CSV of 1,000,000 rows, the last with a manager who matches nobody")
    func csvMillionRows() throws {
        var text = [UInt8]()
        let rows = 1_000_000 / Self.shrink
        text.reserveCapacity(30 * rows)
        text += Array("id,name,manager id\n".utf8)
        for index in 0..<rows {
            let manager = index == 0 ? "" : index == rows - 1 ? "nobody-here" : "p\((index - 1) / 8)"
            text += Array("p\(index),Person \(index),\(manager)\n".utf8)
        }
        try refuseCSV("million.csv", Data(text), place: "\(rows + 1)", stderr: [
            "million.csv: columns used:",
            "  \"id\"          → id",
            "  \"name\"        → name",
            "  \"manager id\"  → reports to (a manager's id or e-mail)",
            "million.csv:\(rows + 1): manager id \"nobody-here\" matches no id or e-mail in the file",
            "hats import: million.csv was not imported: 1 problem; nothing was written",
        ], bounds: .large)
    }

    @Test("100,000 rows all named Alex, the last with a manager who matches nobody (ids were quadratic: 49 s for 20,000)")
    func csvSameNames() throws {
        var text = "name,manager\n"
        for _ in 0..<99_999 { text += "Alex,\n" }
        text += "Alex,nobody-here\n"
        try refuseCSV("alexes.csv", Data(text.utf8), place: "100001", stderr: [
            "alexes.csv: columns used:",
            "  \"name\"     → name",
            "  \"manager\"  → reports to (a manager's id or e-mail)",
            "alexes.csv:100001: manager \"nobody-here\" matches no id or e-mail in the file",
            "hats import: alexes.csv was not imported: 1 problem; nothing was written",
        ], bounds: .large)
    }

    @Test("20,000 rows whose manager is an e-mail they all share (was 2.6 GB of messages)")
    func csvSharedEmail() throws {
        var text = "id,name,email,manager\n"
        for index in 0..<20_000 { text += "\(index),P\(index),x@example.com,x@example.com\n" }
        try refuseCSV("shared.csv", Data(text.utf8), place: "2", stderr: nil, bounds: .large) { lines in
            #expect(lines.count == 5 + 20_000 + 1)
            #expect(lines[5] == "shared.csv:2: manager \"x@example.com\" matches 20000 people by e-mail (lines 2, 3, 4, 5, 6 and 19995 more)")
            #expect(lines.allSatisfy { $0.utf8.count < 200 })
            #expect(lines.last == "hats import: shared.csv was not imported: 20000 problems; nothing was written")
        }
    }

    // MARK: - The other inputs a user gives: options, presets, ids

    static let otherInputs: [([String], String)] = [
        (["check", "org.json", "--formt", "json"], "hats check: unknown option --formt for hats check (did you mean --format?)"),
        (["import", "staff.csv", "--frce"], "hats import: unknown option --frce for hats import (did you mean --force?)"),
        (["check", "org.json", "--verbose"], "hats check: unknown option --verbose for hats check (see hats help check)"),
        (["check", "org.json", "--format"], "hats check: --format needs a value (--format text|json)"),
        (["check", "org.json", "--format", "json", "--format", "text"], "hats check: --format is given twice"),
        (["export", "org.json", "--format", "text", "--ascii=yes"], "hats export: --ascii takes no value"),
        (["check", "--preset", "nosuchthing"], "hats check: no preset named \"nosuchthing\" (hats presets lists them)"),
        (["new", "new.json", "--preset", "msp-01"], "hats new: no preset named \"msp-01\" (did you mean \"msp-10\"?)"),
        (["check", "org.json", "--preset", "msp-10"], "hats check: give an org file or --preset, not both (got org.json and --preset msp-10)"),
        (["check", "org.json", "other.json"], "hats check: expected one org file, got 2: org.json other.json"),
        (["check", "org.json", "--without", "nobody-at-all"], "hats check: --without nobody-at-all: org.json has no person with that id"),
        (["check", "org.json", "--without", "dana-reyes", "--without", "sam-ortis"], "hats check: --without sam-ortis: org.json has no person with that id (did you mean \"sam-ortiz\"?)"),
        (["check", "org.json", "--fail-on", "sometimes"], "hats check: --fail-on takes info, warning, critical or never, not \"sometimes\""),
        (["check", "org.json", "--format", "xml"], "hats check: unknown format \"xml\" (formats: text, json)"),
        (["import", "staff.csv", "--map", "name"], "hats import: --map name: expected FIELD=HEADER (for example --map reports-to=\"Line Manager\")"),
        (["import", "staff.csv", "--force"], "hats import: --force replaces the file given with -o; there is none"),
        (["import"], "hats import: which CSV file? (hats import staff.csv -o org.json; - reads standard input)"),
        (["check", ""], "hats check: a file name is empty (\"\")"),
        (["export", "org.json", "--format", "json", "-o", ""], "hats export: --output needs a file name, not an empty one"),
        (["export", "org.json", "--format", "json", "-o", "no-such-dir/out.json"], "hats export: cannot write no-such-dir/out.json: no such file or directory"),
        (["export", "org.json", "--format", "json", "-o", "."], "hats export: cannot write .: is a directory; give a file name"),
        (["new", "no-such-dir/new.json"], "hats new: cannot write no-such-dir/new.json: no such file or directory"),
        (["frobnicate"], "hats: unknown command \"frobnicate\" (run hats --help for the commands; an org file name ends in .json)"),
    ]

    @Test("mistakes in options, preset names and --without ids: exit 2, one line, nothing written",
          arguments: otherInputs.indices)
    func otherInput(_ index: Int) throws {
        let (arguments, line) = Self.otherInputs[index]
        var scene = try Scene()
        defer { scene.remove() }
        try scene.put("org.json", try Data(contentsOf: HatsProcess.repositoryRoot.appendingPathComponent("Presets/msp-10.json")))
        try scene.put("staff.csv", Data("id,name,manager id\n1,Ann,\n2,Bo,1\n".utf8))
        scene.snapshot()
        let run = try runHats(arguments, in: scene, bounds: .small)
        let context = "hats \(arguments.joined(separator: " "))"
        #expect(!run.killed, "\(context)")
        #expect(run.status == 2, "\(context)")
        #expect(run.stdout.isEmpty, "\(context)")
        #expect(run.stderrText == line + "\n", "\(context)")
        #expect(run.cpuSeconds <= Bounds.small.scaled.cpuSeconds && run.peakMegabytes <= Bounds.small.scaled.megabytes, "\(context): \(run.figures)")
        scene.expectUnchanged(context)
    }
}
