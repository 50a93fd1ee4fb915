import Foundation

/// The real builder's start-up, as a person sees it: `hats FILE` started on a
/// pseudo-terminal of 120×40, timed from the spawn to the first frame on the terminal (its
/// status bar, "? help", written) and to the findings there (the status bar's counts,
/// "critical", written after the first frame). A fresh HOME keeps recovery copies of
/// earlier runs from offering themselves. The builder is then asked to quit (`q`) and, if
/// it is still there after a second, killed.
enum FirstFrame {
    struct Times {
        var firstFrame: Double
        var complete: Double?
    }

    static func measure(hats: String, file: String) -> Times? {
        // posix_openpt, unlockpt and ptsname are not in Swift's Glibc module; these are the
        // calls they make on Linux (TIOCSPTLCK and TIOCGPTN, whose values are Linux's own).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0 else { return nil }
        defer { close(master) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, 0x4004_5431 /* TIOCSPTLCK */, &unlock) == 0, ioctl(master, 0x8004_5430 /* TIOCGPTN */, &number) == 0 else { return nil }
        let slave = "/dev/pts/\(number)"
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        let home = NSTemporaryDirectory() + "hats-bench-home-\(getpid())"
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A session of its own, so the pseudo-terminal becomes its controlling terminal.
        posix_spawnattr_setflags(&attributes, 0x80 /* POSIX_SPAWN_SETSID */)
        var argv: [UnsafeMutablePointer<CChar>?] = [strdup(hats), strdup(file), nil]
        let settings = ["TERM=xterm-256color", "HOME=\(home)", "LANG=C.UTF-8", "PATH=/usr/bin:/bin"]
        var environment: [UnsafeMutablePointer<CChar>?] = settings.map { strdup($0) } + [nil]
        defer { for pointer in argv + environment { free(pointer) } }

        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000 }
        guard posix_spawn(&pid, hats, &actions, &attributes, &argv, &environment) == 0 else { return nil }

        let help = Array("? help".utf8)
        let counts = Array("critical".utf8)
        var output: [UInt8] = []
        var firstFrame: Double?
        var firstFrameEnd = 0
        var complete: Double?
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while complete == nil, elapsed() < 30_000 {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) >= 0 else { break }
            guard poller.revents & Int16(POLLIN) != 0 else {
                if poller.revents != 0 { break }
                continue
            }
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { break }
            output.append(contentsOf: buffer[0..<count])
            if firstFrame == nil, let end = Self.end(of: help, in: output, from: 0) {
                firstFrame = elapsed()
                firstFrameEnd = end
                // A small org has its findings on the first frame.
                if Self.end(of: counts, in: output, from: 0) != nil { complete = firstFrame }
            } else if firstFrame != nil, Self.end(of: counts, in: output, from: firstFrameEnd) != nil {
                complete = elapsed()
            }
        }
        _ = write(master, "q", 1)
        for _ in 0..<100 {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { pid = 0; break }
            // Keep reading, so the builder never blocks writing its last screen.
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 10) > 0 { _ = read(master, &buffer, buffer.count) }
        }
        if pid != 0 {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        return firstFrame.map { Times(firstFrame: $0, complete: complete) }
    }

    /// The index just past the first `needle` in `haystack` at or after `from`.
    static func end(of needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        for index in from...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index + needle.count }
        }
        return nil
    }
}
