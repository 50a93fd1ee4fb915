import Foundation

/// Where the builder keeps a copy of unsaved work, so that a dropped SSH session, a
/// `kill -9` or a crash costs nothing: `$XDG_STATE_HOME/hats/`, else
/// `~/.local/state/hats/`. Each session has its own copy of each document, named after
/// the document and the session (host, boot, process id and start time):
/// `org-1f2e3d@host.0a1b2c3d.4242.987654.json`. A plain hats org file, private to the
/// user (0600), written with the same atomic save as everything else.
///
/// A copy is offered back only when its session has ended (on this host: the process
/// is gone, or is another process with the same id; on another host it cannot be told,
/// so the offer names the host), and only the session that wrote a copy, or the user
/// choosing in a later session, ever removes it.
public struct RecoveryStore: Sendable {
    public let directory: String
    public let session: Session
    /// The system calls a copy's save makes (tests make them fail).
    let system: any FileSystemCalls

    public init(directory: String, session: Session = .current, system: any FileSystemCalls = PosixFileSystem()) {
        self.directory = directory
        self.session = session
        self.system = system
    }

    public static func standard(environment: [String: String]) -> RecoveryStore {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return RecoveryStore(directory: state + "/hats")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return RecoveryStore(directory: home + "/.local/state/hats")
    }

    /// The key of a document: its absolute path, or what it came from ("preset msp-10").
    public static func key(path: String?, origin: String?) -> String {
        if let path {
            return URL(fileURLWithPath: path).standardizedFileURL.path
        }
        return origin ?? "untitled"
    }

    /// The start of every copy's name for a key: a readable name plus a hash of the whole
    /// key, so two files called org.json in different folders do not share one.
    func stem(for key: String) -> String {
        var readable = ""
        for scalar in ((key as NSString).lastPathComponent as NSString).deletingPathExtension.unicodeScalars {
            readable.unicodeScalars.append(scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? scalar : "-")
        }
        let hash = String(FileFingerprint.fnv1a(key.utf8), radix: 16)
        return "\(readable.prefix(40))-\(hash)"
    }

    /// This session's copy for a key.
    public func file(for key: String) -> String {
        "\(directory)/\(stem(for: key))@\(session.tag).json"
    }

    /// Writes this session's copy (never another's), private to the user.
    public func write(_ org: Org, for key: String) throws(DiskError) {
        if mkdir(directory, 0o700) != 0, errno == ENOENT {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw DiskError("cannot create \(directory): \(DiskFile.describe(errno, action: ""))")
            }
        }
        do throws(DiskError) {
            try DiskFile.writeAtomically(Array(OrgFile.encode(org).utf8), to: file(for: key), permissions: 0o600, system: system)
        } catch {
            // The reason first, then the folder: a status bar may cut a long path short.
            var reason = Substring(error.message)
            for action in ["cannot save in \(directory): ", "cannot save: "] where reason.hasPrefix(action) {
                reason = reason.dropFirst(action.count)
            }
            throw DiskError("\(reason) (\(directory))")
        }
    }

    /// Removes this session's copy (the work is saved or deliberately dropped).
    public func remove(for key: String) {
        unlink(file(for: key))
    }

    /// Removes a copy the user dealt with (recovered into this session, or discarded).
    /// A copy whose session is still running is never removed.
    public func retire(_ copy: String) {
        let name = (copy as NSString).lastPathComponent
        guard copy.hasPrefix(directory + "/"), !isLive(name) else { return }
        unlink(copy)
    }

    /// A copy of unsaved work from a session that has ended.
    public struct Copy: Equatable, Sendable {
        public var path: String
        public var org: Org
        public var written: Date
        /// The host the session ran on, when it is not this one (it may still be running).
        public var otherHost: String?
        /// The document's file was written after this copy (a `git pull`, a sync tool, a
        /// later save): recovering it replaces what the file now holds.
        public var fileChangedSince = false
    }

    /// The copies of ended sessions for a key, newest first; never this session's own
    /// copy, never a copy whose session is still running on this host.
    public func copies(for key: String) -> [Copy] {
        let stem = stem(for: key)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var copies: [Copy] = []
        for name in names where name.hasPrefix(stem) && name.hasSuffix(".json") {
            let rest = name.dropFirst(stem.count).dropLast(".json".count)
            let session: Session?
            if rest.isEmpty {
                session = nil  // written by a hats before per-session copies: its session is over
            } else if rest.hasPrefix("@"), let parsed = Session(tag: String(rest.dropFirst())) {
                session = parsed
            } else {
                continue
            }
            if let session, session == self.session || session.isRunning { continue }
            let path = "\(directory)/\(name)"
            guard let written = Self.modified(path), let loaded = try? OrgFile.load(path: path, regularOnly: true) else { continue }
            let otherHost = session.flatMap { $0.host == Session.current.host ? nil : $0.host }
            copies.append(Copy(path: path, org: loaded.org, written: Date(timeIntervalSince1970: written), otherHost: otherHost))
        }
        return copies.sorted { $0.written > $1.written }
    }

    /// The copies worth offering when opening a document whose file is `path` (nil: none
    /// yet) and holds `current`, newest first. A copy that matches the file is removed;
    /// a copy older than the file is offered too, marked so the offer can say so.
    public func offer(for key: String, file path: String?, current: Org) -> [Copy] {
        let fileWritten = path.flatMap(Self.modified)
        var offered: [Copy] = []
        for var copy in copies(for: key) {
            if copy.org == current {
                if copy.otherHost == nil { unlink(copy.path) }
                continue
            }
            if let fileWritten { copy.fileChangedSince = copy.written.timeIntervalSince1970 < fileWritten }
            offered.append(copy)
        }
        return offered
    }

    /// Whether a copy's file name says its session is still running on this host.
    func isLive(_ name: String) -> Bool {
        guard let at = name.lastIndex(of: "@"), name.hasSuffix(".json"),
              let session = Session(tag: String(name[name.index(after: at)...].dropLast(".json".count))) else { return false }
        return session == self.session || session.isRunning
    }

    /// When the file at `path` was last written (seconds since 1970), or nil if it is not there.
    static func modified(_ path: String) -> TimeInterval? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9
    }
}

extension RecoveryStore {
    /// Who wrote a copy: enough to tell whether that process still runs. A process id
    /// alone is not: ids are reused, so the start time (in clock ticks since boot, from
    /// `/proc/PID/stat`) and the boot are kept too.
    public struct Session: Equatable, Sendable {
        public var host: String
        public var boot: String
        public var pid: Int32
        public var start: UInt64

        public init(host: String, boot: String, pid: Int32, start: UInt64) {
            self.host = host
            self.boot = boot
            self.pid = pid
            self.start = start
        }

        public static let current = Session(host: hostName(), boot: bootID(), pid: getpid(), start: startTime(of: getpid()) ?? 0)

        /// In a file name: `host.boot.pid.start`, the host with only letters, digits and `-`.
        var tag: String { "\(host).\(boot).\(pid).\(start)" }

        init?(tag: String) {
            let parts = tag.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 4, !parts[0].isEmpty, let pid = Int32(parts[2]), let start = UInt64(parts[3]) else { return nil }
            self.init(host: String(parts[0]), boot: String(parts[1]), pid: pid, start: start)
        }

        /// Still running, as far as this host can tell: same host and boot, the process
        /// exists, and it started when the session did. A session on another host is
        /// taken as ended (nothing here can ask), and the offer names its host.
        public var isRunning: Bool {
            guard host == Session.current.host, boot == Session.current.boot, pid > 0 else { return false }
            guard kill(pid, 0) == 0 || errno == EPERM else { return false }
            guard let started = Session.startTime(of: pid) else { return true }
            return start == 0 || started == start
        }

        static func hostName() -> String {
            var buffer = [CChar](repeating: 0, count: 256)
            let name = gethostname(&buffer, buffer.count) == 0 ? String(cString: buffer) : "localhost"
            let kept = String(String.UnicodeScalarView(name.unicodeScalars.map { scalar in
                scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? scalar : "-"
            }))
            return kept.isEmpty ? "localhost" : String(kept.prefix(64))
        }

        /// The first 8 hex digits of the kernel's boot id (a new one at every boot).
        static func bootID() -> String {
            guard let text = try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8) else { return "0" }
            let hex = text.unicodeScalars.filter { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
            return hex.isEmpty ? "0" : String(String.UnicodeScalarView(hex.prefix(8)))
        }

        /// Field 22 of `/proc/PID/stat` (after the command name, which may hold spaces
        /// and parentheses: counted from the last ")").
        static func startTime(of pid: Int32) -> UInt64? {
            guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = text.lastIndex(of: ")") else { return nil }
            let fields = text[text.index(after: close)...].split(separator: " ")
            // fields[0] is the state (field 3); the start time is field 22.
            guard fields.count > 19 else { return nil }
            return UInt64(fields[19])
        }
    }
}
