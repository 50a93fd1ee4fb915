import Foundation
import Testing
@testable import OrgKit

/// Where `-o` may point, and what `hats` prints: issue 12's hostile tester, case by case.
/// Every test runs the built binary and looks at what a user would: the exit code, the
/// target afterwards (still a device? the input intact?), the bytes on the terminal.
@Suite("Output targets and printed text", .serialized)
struct OutputTargetTests {
    static let isRoot = getuid() == 0
    static let preset = HatsProcess.repositoryRoot.appendingPathComponent("Presets/msp-10.json")

    /// A scratch folder holding the 10-person preset as org.json.
    final class Scratch {
        let url: URL
        init() throws {
            url = try HatsProcess.temporaryDirectory()
            try FileManager.default.copyItem(at: OutputTargetTests.preset, to: url.appendingPathComponent("org.json"))
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        func bytes(_ name: String) -> Data? { FileManager.default.contents(atPath: path(name)) }
        func kind(_ name: String) -> FileKind { FileKind(path: path(name)) }
        /// Runs a shell command in the folder; its exit status.
        @discardableResult
        func sh(_ command: String) -> Int32 {
            system("cd '\(url.path)' && \(command)")
        }
    }

    func hats(_ arguments: [String], _ scratch: Scratch) throws -> HatsRun {
        try HatsProcess.run(arguments, in: scratch.url)
    }

    static func shellQuoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    static var hatsPath: String { shellQuoted(HatsProcess.binary.path) }

    // MARK: 1. -o into what is not a regular file

    @Test("-o /dev/null and a device node made with mknod are written into, never replaced")
    func devices() throws {
        let scratch = try Scratch()
        let run = try hats(["export", "org.json", "--format", "text", "-o", "/dev/null"], scratch)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileKind(path: "/dev/null") == .characterDevice)
        guard Self.isRoot else {
            print("SKIP: mknod needs root; the device-node case of -o is not run (the /dev/null case is)")
            return
        }
        #expect(scratch.sh("mknod null-device c 1 3") == 0)
        let intoNode = try hats(["export", "org.json", "--format", "csv", "-o", "null-device"], scratch)
        #expect(intoNode.status == 0, "\(intoNode.stderr)")
        #expect(scratch.kind("null-device") == .characterDevice, "the device node is still a device")
        let full = try hats(["export", "org.json", "--format", "csv", "-o", "/dev/full"], scratch)
        #expect(full.status == 2)
        #expect(full.stderr == "hats export: cannot write /dev/full: no space left on the device\n")
        #expect(FileKind(path: "/dev/full") == .characterDevice)
    }

    @Test("-o FIFO streams into it for its reader; the FIFO stays a FIFO")
    func fifo() throws {
        let scratch = try Scratch()
        #expect(mkfifo(scratch.path("pipe"), 0o600) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "cat pipe > read.csv"]
        reader.currentDirectoryURL = scratch.url
        try reader.run()
        let run = try hats(["export", "org.json", "--format", "csv", "-o", "pipe"], scratch)
        reader.waitUntilExit()
        #expect(run.status == 0, "\(run.stderr)")
        let expected = try hats(["export", "org.json", "--format", "csv"], scratch).stdout
        #expect(scratch.bytes("read.csv") == Data(expected.utf8), "the reader got the whole export")
        #expect(scratch.kind("pipe") == .fifo)
    }

    @Test("-o /dev/stdout into a pipe, and appended with >>")
    func standardOutputByName() throws {
        let scratch = try Scratch()
        let expected = try hats(["export", "org.json", "--format", "csv"], scratch).stdout
        #expect(scratch.sh("\(Self.hatsPath) export org.json --format csv -o /dev/stdout | cat > piped.csv") == 0)
        #expect(scratch.bytes("piped.csv") == Data(expected.utf8))
        #expect(scratch.sh("echo first > log.txt && \(Self.hatsPath) export org.json --format csv -o /dev/stdout >> log.txt") == 0)
        #expect(scratch.bytes("log.txt") == Data(("first\n" + expected).utf8), "appended after what was there")
        let dash = try hats(["export", "org.json", "--format", "csv", "-o", "-"], scratch)
        #expect(dash.status == 0 && dash.stdout == expected, "-o - is standard output")
    }

    @Test("-o a directory, a block device or a socket: exit 2, one clear line, nothing changed")
    func refusedTargets() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("folder"), withIntermediateDirectories: false)
        var targets = [("folder", "is a directory; give a file name")]
        let socket = Process()
        socket.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        socket.arguments = ["-c", "import socket; s = socket.socket(socket.AF_UNIX); s.bind('sock')"]
        socket.currentDirectoryURL = scratch.url
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") {
            try socket.run()
            socket.waitUntilExit()
            targets.append(("sock", "is a socket; hats writes output only to a file, a character device (such as /dev/null), a FIFO or standard output (nothing was written)"))
        } else {
            print("SKIP: python3 is not installed; the socket case of -o is not run")
        }
        if Self.isRoot, scratch.sh("mknod disk b 7 0") == 0 {
            targets.append(("disk", "is a block device (a disk or a partition); hats writes output only to a file, a character device (such as /dev/null), a FIFO or standard output (nothing was written)"))
        } else {
            print("SKIP: mknod of a block device needs root; the block-device case of -o is not run")
        }
        for (name, words) in targets {
            let before = scratch.kind(name)
            let run = try hats(["export", "org.json", "--format", "text", "-o", name, "--force"], scratch)
            #expect(run.status == 2, "\(name)")
            #expect(run.stderr == "hats export: cannot write \(name): \(words)\n")
            #expect(scratch.kind(name) == before)
        }
    }

    // MARK: 5. OUT is the input; an existing OUT

    @Test("OUT that is the input (the same file, a hard link, a symlink) is refused even with --force")
    func outputIsTheInput() throws {
        let scratch = try Scratch()
        let original = scratch.bytes("org.json")
        #expect(link(scratch.path("org.json"), scratch.path("hard.json")) == 0)
        #expect(symlink("org.json", scratch.path("soft.json")) == 0)
        for out in ["org.json", "hard.json", "soft.json", "./org.json"] {
            for force in [false, true] {
                let run = try hats(["export", "org.json", "--format", "text", "-o", out] + (force ? ["--force"] : []), scratch)
                #expect(run.status == 2, "\(out)")
                #expect(run.stderr == "hats export: \(out) is the input file org.json; nothing was written (give another -o)\n")
                #expect(scratch.bytes("org.json") == original)
            }
        }
        try Data("id,name,reports_to\n1,Ann,\n".utf8).write(to: scratch.url.appendingPathComponent("staff.csv"))
        let imported = try hats(["import", "staff.csv", "-o", "staff.csv", "--force"], scratch)
        #expect(imported.status == 2)
        #expect(imported.stderr.hasSuffix("hats import: staff.csv is the input file staff.csv; nothing was written (give another -o)\n"))
        #expect(scratch.bytes("staff.csv") == Data("id,name,reports_to\n1,Ann,\n".utf8))
    }

    @Test("export: an existing OUT is replaced only with --force, as with import")
    func existingOutput() throws {
        let scratch = try Scratch()
        try Data("keep me".utf8).write(to: scratch.url.appendingPathComponent("chart.txt"))
        let refused = try hats(["export", "org.json", "--format", "text", "-o", "chart.txt"], scratch)
        #expect(refused.status == 2)
        #expect(refused.stderr == "hats export: chart.txt already exists; nothing was written (add --force to replace it)\n")
        #expect(scratch.bytes("chart.txt") == Data("keep me".utf8))
        let forced = try hats(["export", "org.json", "--format", "text", "-o", "chart.txt", "--force"], scratch)
        #expect(forced.status == 0)
        #expect(String(decoding: scratch.bytes("chart.txt") ?? Data(), as: UTF8.self).hasPrefix("Northwind MSP"))
        let noOut = try hats(["export", "org.json", "--format", "text", "--force"], scratch)
        #expect(noOut.status == 2)
        #expect(noOut.stderr == "hats export: --force replaces the file given with -o; there is none\n")
    }

    // MARK: 6. What a save keeps

    @Test("a save as root keeps the owner and group and extended attributes, and drops setuid/setgid")
    func ownerAndMode() throws {
        guard Self.isRoot else {
            print("SKIP: not root; giving a file to another owner (chown) needs root, so the owner-keeping save is not run")
            return
        }
        let scratch = try Scratch()
        #expect(scratch.sh("cp org.json s.json && chown nobody:nogroup s.json && chmod 6755 s.json") == 0)
        let xattr = scratch.sh("python3 -c \"import os; os.setxattr('s.json', 'user.tag', b'keep')\" 2>/dev/null") == 0
        if !xattr { print("note: this file system takes no user extended attributes; that part is not checked") }
        let run = try hats(["export", "--preset", "msp-roles", "--format", "json", "-o", "s.json", "--force"], scratch)
        #expect(run.status == 0, "\(run.stderr)")
        var info = stat()
        #expect(stat(scratch.path("s.json"), &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o755, "mode \(String(info.st_mode & 0o7777, radix: 8)): setuid and setgid are dropped, the rest kept")
        let nobody = getpwnam("nobody")
        #expect(nobody != nil && info.st_uid == nobody!.pointee.pw_uid, "the owner is kept")
        let group = getgrnam("nogroup")
        #expect(group != nil && info.st_gid == group!.pointee.gr_gid, "the group is kept")
        if xattr {
            #expect(scratch.sh("python3 -c \"import os, sys; sys.exit(0 if os.getxattr('s.json', 'user.tag') == b'keep' else 1)\"") == 0, "the extended attribute is kept")
        }
    }

    // MARK: 7–9. What reaches the terminal

    /// An org whose first person's name holds `name`.
    func hostileOrg(_ scratch: Scratch, name: String) throws {
        var org = try OrgFile.load(path: scratch.path("org.json")).org
        try org.apply(.renamePerson(org.people[0].id, to: name))
        try OrgFile.save(org, path: scratch.path("hostile.json"))
    }

    /// What `command` prints on a terminal (a pseudo-terminal made by `script`).
    func onTerminal(_ command: String, _ scratch: Scratch) -> Data? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return nil }
        scratch.sh("TERM=dumb script -qec \(Self.shellQuoted(command)) /dev/null > typescript.out 2>&1 < /dev/null")
        return scratch.bytes("typescript.out")
    }

    @Test("every export on a terminal shows control characters as ?, and into a file stays exact")
    func exportOnTerminal() throws {
        let scratch = try Scratch()
        try hostileOrg(scratch, name: "Eve\u{1B}]0;PWN\u{07}\u{1B}[2J")
        for format in ["csv", "json", "text", "markdown", "mermaid", "dot", "html", "svg"] {
            guard let shown = onTerminal("\(Self.hatsPath) export hostile.json --format \(format)", scratch) else {
                print("SKIP: script (util-linux) is not installed; exports on a terminal are not checked")
                return
            }
            #expect(!shown.contains(0x1B) && !shown.contains(0x07), "\(format): no live escape reaches the terminal")
            let toFile = try hats(["export", "hostile.json", "--format", format, "-o", "out.\(format)"], scratch)
            #expect(toFile.status == 0)
            let piped = try hats(["export", "hostile.json", "--format", format], scratch)
            #expect(scratch.bytes("out.\(format)") == Data(piped.stdout.utf8), "\(format): a file and a pipe get the same exact bytes")
        }
        let csv = try hats(["export", "hostile.json", "--format", "csv"], scratch).stdout
        #expect(csv.contains("Eve\u{1B}]0;PWN\u{07}"), "a file keeps the name exactly")
        let shown = String(decoding: onTerminal("\(Self.hatsPath) export hostile.json --format csv", scratch) ?? Data(), as: UTF8.self)
        #expect(shown.contains("Eve?]0;PWN??[2J"), "the name is there, its controls visible as ?")
    }

    @Test("file names and arguments with escapes are never echoed raw")
    func namesInMessages() throws {
        let scratch = try Scratch()
        let evil = "x\u{1B}]0;PWN\u{07}"
        try Data("id,name,reports_to,Extra\u{1B}[31m\n1,Ann,\n".utf8).write(to: scratch.url.appendingPathComponent("\(evil).csv"))
        var runs: [HatsRun] = []
        runs.append(try hats(["import", "\(evil).csv"], scratch))
        runs.append(try hats(["import", "\(evil).csv", "-o", "\(evil).json"], scratch))
        runs.append(try hats(["import", "\(evil).csv", "-o", "\(evil).json"], scratch))  // exists now
        runs.append(try hats(["new", "n\u{1B}[2J.json"], scratch))
        runs.append(try hats(["export", "org.json", "--format", "t\u{1B}[2Jext"], scratch))
        runs.append(try hats(["fr\u{1B}[31mob"], scratch))
        runs.append(try hats(["check", "missing\u{1B}[2J.json"], scratch))
        for run in runs {
            let printed = Array(run.stdout.utf8) + Array(run.stderr.utf8)
            #expect(!printed.contains(0x1B) && !printed.contains(0x07), "raw escape in: \(run.stderr.debugDescription) \(run.stdout.prefix(200).debugDescription)")
        }
        #expect(runs[0].stderr.contains("x?]0;PWN?.csv: columns used"))
        #expect(runs[2].stderr == "hats import: x?]0;PWN?.json already exists; nothing was written (add --force to replace it)\n")
        // The org's name, taken from the CSV's file name, holds no control character.
        let org = try OrgFile.decode(Array(runs[0].stdout.utf8)).org
        #expect(org.name == "x]0;PWN")
        let made = try OrgFile.load(path: scratch.path("n\u{1B}[2J.json")).org
        #expect(made.name == "n[2J")
    }

    @Test("U+2028 and U+2029 in a name become spaces in check text and the text export")
    func lineSeparators() throws {
        let scratch = try Scratch()
        try hostileOrg(scratch, name: "Dana\u{2028}Line\u{2029}Reyes")
        let check = try hats(["check", "hostile.json", "--fail-on", "never"], scratch)
        let text = try hats(["export", "hostile.json", "--format", "text"], scratch)
        for output in [check.stdout, text.stdout] {
            #expect(!output.unicodeScalars.contains { $0.value == 0x2028 || $0.value == 0x2029 })
            #expect(output.contains("Dana Line Reyes"))
        }
    }

    // MARK: 11. FIFOs as input

    @Test("check reads a FIFO as cat does, waiting for its writer; the builder refuses one without opening it")
    func fifoInput() throws {
        let scratch = try Scratch()
        #expect(mkfifo(scratch.path("in.json"), 0o600) == 0)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "sleep 0.3; cat org.json > in.json"]
        writer.currentDirectoryURL = scratch.url
        try writer.run()
        let check = try hats(["check", "in.json", "--fail-on", "never"], scratch)
        writer.waitUntilExit()
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("Dana Reyes"))
        // No writer at all: the builder says what it is at once (it would hang otherwise).
        let open = try hats(["in.json"], scratch)
        #expect(open.status == 2)
        #expect(open.stderr == "in.json: is a named pipe (FIFO), not an org file\n")
    }
}
