import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension OrgFile {
    /// Files larger than this are refused before reading: no real org comes close
    /// (100,000 people is about 30 MB), and reading is bounded in time and memory.
    public static let maxFileBytes = 512 * 1024 * 1024

    /// Reads and checks the org file at `path`. Every failure is an `OrgProblems` whose
    /// lines name the problem; the caller adds the file name.
    ///
    /// - Parameter regularOnly: open nothing but a regular file (the builder, which must
    ///   never block on a FIFO or a device); see `DiskFile.read`.
    /// - Parameter fingerprint: keep a fingerprint of what was read (for a later save to
    ///   tell whether the file changed); a command that never saves leaves it out (5 ms
    ///   of a 38 MB file).
    public static func load(path: String, regularOnly: Bool = false, fingerprint: Bool = true) throws(OrgProblems) -> Loaded {
        let bytes: [UInt8]
        do {
            bytes = try DiskFile.read(path: path, limit: maxFileBytes, regularOnly: regularOnly)
        } catch {
            throw OrgProblems([Problem("", error.message)])
        }
        var loaded = try decode(bytes)
        if fingerprint { loaded.fingerprint = FileFingerprint(bytes) }
        return loaded
    }

    /// Reads and checks an org file from standard input (`hats check -`).
    public static func loadStandardInput() throws(OrgProblems) -> Loaded {
        let bytes: [UInt8]
        do {
            bytes = try DiskFile.readStandardInput(limit: maxFileBytes)
        } catch {
            throw OrgProblems([Problem("", error.message)])
        }
        var loaded = try decode(bytes)
        loaded.fingerprint = FileFingerprint(bytes)
        return loaded
    }

    /// Writes the org canonically to `path` with an atomic save; returns the fingerprint
    /// of what was written.
    @discardableResult
    public static func save(_ org: Org, path: String, system: FileSystemCalls = PosixFileSystem()) throws(DiskError) -> FileFingerprint {
        let bytes = Array(encode(org).utf8)
        try DiskFile.writeAtomically(bytes, to: path, system: system)
        return FileFingerprint(bytes)
    }
}

/// The system calls a save makes. The real ones by default; tests pass one that fails.
public protocol FileSystemCalls: Sendable {
    func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32
    func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int
    func fchmod(_ descriptor: Int32, _ mode: mode_t) -> Int32
    func fsync(_ descriptor: Int32) -> Int32
    func close(_ descriptor: Int32) -> Int32
    func rename(_ from: String, _ to: String) -> Int32
    func unlink(_ path: String) -> Int32
    func fchown(_ descriptor: Int32, _ owner: uid_t, _ group: gid_t) -> Int32
}

extension FileSystemCalls {
    public func fchown(_ descriptor: Int32, _ owner: uid_t, _ group: gid_t) -> Int32 { Glibc.fchown(descriptor, owner, group) }
}

/// The real system calls.
public struct PosixFileSystem: FileSystemCalls {
    public init() {}
    public func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { Glibc.open(path, flags, mode) }
    public func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int { Glibc.write(descriptor, buffer, count) }
    public func fchmod(_ descriptor: Int32, _ mode: mode_t) -> Int32 { Glibc.fchmod(descriptor, mode) }
    public func fsync(_ descriptor: Int32) -> Int32 { Glibc.fsync(descriptor) }
    public func close(_ descriptor: Int32) -> Int32 { Glibc.close(descriptor) }
    public func rename(_ from: String, _ to: String) -> Int32 { Glibc.rename(from, to) }
    public func unlink(_ path: String) -> Int32 { Glibc.unlink(path) }
}

/// A file-system failure, worded for the user.
public struct DiskError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Reading and writing whole files with POSIX calls, so that every failure has a clear
/// message and a save can never leave a half-written file behind.
public enum DiskFile {
    /// `kind` names what the file should be, for the message about a directory.
    ///
    /// A FIFO or a device is read as `cat` reads it (a FIFO waits for its writer: that is
    /// how `hats check <(cmd)` works), unless `regularOnly`: then the path is looked at
    /// with `stat` first and only a regular file is opened (without blocking, and checked
    /// again once open), so the builder can never freeze on a file that became a FIFO.
    public static func read(path: String, limit: Int, kind: String = "an org file", regularOnly: Bool = false) throws(DiskError) -> [UInt8] {
        if regularOnly {
            let found = FileKind(path: path)
            guard found == .regular || found == .missing else { throw DiskError("is \(found.described), not \(kind)") }
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | (regularOnly ? O_NONBLOCK : 0))
        guard descriptor >= 0 else { throw DiskError(describe(errno, action: "cannot open")) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw DiskError(describe(errno, action: "cannot read")) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw DiskError("is a directory, not \(kind)") }
        if regularOnly, (info.st_mode & S_IFMT) != S_IFREG { throw DiskError("is \(FileKind(info).described), not \(kind)") }
        if (info.st_mode & S_IFMT) == S_IFREG, info.st_size > limit {
            throw tooLarge(Int(info.st_size), limit: limit)
        }
        return try readAll(descriptor, limit: limit, sizeHint: Int(max(0, info.st_size)))
    }

    /// Reads standard input to its end (`hats check -`): a pipe, a redirected file or a
    /// terminal (until Ctrl-D), bounded by `limit` as a file is.
    public static func readStandardInput(limit: Int) throws(DiskError) -> [UInt8] {
        var info = stat()
        var sizeHint = 0
        if fstat(STDIN_FILENO, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
            // A redirected file (`hats check - < org.json`): refused before reading when too big.
            if info.st_size > limit {
                throw tooLarge(Int(info.st_size), limit: limit)
            }
            sizeHint = Int(max(0, info.st_size))
        }
        return try readAll(STDIN_FILENO, limit: limit, sizeHint: sizeHint)
    }

    /// The refusal of a file over `limit` bytes, for a file and for standard input alike.
    private static func tooLarge(_ size: Int, limit: Int) -> DiskError {
        DiskError("is \(size / 1_048_576) MB; the largest file hats reads is \(limit / 1_048_576) MB")
    }

    /// Whether standard input is a terminal (a person would have to type the file).
    public static var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    private static func readAll(_ descriptor: Int32, limit: Int, sizeHint: Int) throws(DiskError) -> [UInt8] {
        // A file of known size straight into the array (one byte more, to see the end at
        // once): through a chunk, every byte was copied twice (a 38 MB file in 35 ms).
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: min(sizeHint, limit) + 1) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            // In 2 MB pages where the kernel has them (transparent huge pages on request,
            // Debian's default): a fault for each 4 KB page of a large file's fresh memory
            // was most of its reading time (38 MB: 25 ms, and 11 ms so).
            let huge = 1 << 21
            let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
            let end = (Int(bitPattern: base) + buffer.count) & ~(huge - 1)
            if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE) }
            while count < buffer.count {
                let read = Glibc.read(descriptor, base + count, buffer.count - count)
                if read < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if read == 0 { return }
                count += read
            }
        }
        if failure != 0 { throw DiskError(describe(failure, action: "cannot read")) }
        if bytes.count > limit { throw DiskError("is larger than \(limit / 1_048_576) MB, the largest file hats reads") }
        // The end came before the array was full: that is the whole file.
        if bytes.count < min(sizeHint, limit) + 1 { return bytes }
        // More than the size said (a file that grew, a pipe): on by chunks.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw DiskError(describe(errno, action: "cannot read"))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit {
                throw DiskError("is larger than \(limit / 1_048_576) MB, the largest file hats reads")
            }
        }
        return bytes
    }

    /// Saves `bytes` at `path` so that the file is always either the old or the new
    /// version: temp file in the same directory, write, keep the old file's owner, group,
    /// permission bits and extended attributes (ACLs), fsync, rename over the target, fsync
    /// the directory. A symlink is saved through to its target. Only a regular file (or a
    /// new one) is written: a device, FIFO, socket or directory is refused, never replaced
    /// (`writeOutput` streams into devices and FIFOs). Temp files left by saves that were
    /// killed are removed first. Every system call goes through `system`, so tests can make
    /// any of them fail.
    ///
    /// What a save does not keep: setuid, setgid and sticky bits (an org file is not a
    /// program), an owner the process may not give away (a non-root save of someone
    /// else's file leaves it owned by the saver), and hard links (the file gets a new
    /// inode; other names of the old one keep the old content).
    ///
    /// - Parameter permissions: the mode to give the file whatever it had (the recovery
    ///   copies are always 0600); nil keeps an existing file's bits and gives a new one
    ///   0666 less the umask.
    public static func writeAtomically(_ bytes: [UInt8], to path: String, permissions: mode_t? = nil, system: FileSystemCalls = PosixFileSystem()) throws(DiskError) {
        let target = resolveSymlinks(path)
        let (directory, baseName) = splitPath(target)
        let directoryPath = directory.isEmpty ? "." : directory
        var mode: mode_t = 0o644
        var existing = stat()
        let exists = stat(target, &existing) == 0
        if exists {
            let kind = FileKind(existing)
            guard kind == .regular else { throw DiskError(kind.refusal(saving: true)) }
            mode = existing.st_mode & 0o777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        if let permissions { mode = permissions }
        removeStaleTempFiles(in: directoryPath, for: baseName, system: system)
        let tempPath = "\(directoryPath)/\(tempPrefix(for: baseName))\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = system.open(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw DiskError(describe(errno, action: "cannot save in \(directoryPath)")) }
        var finished = false
        defer {
            if !finished { _ = system.unlink(tempPath) }
        }
        do throws(DiskError) {
            try writeAll(bytes, to: descriptor, system: system, action: "cannot save")
            if exists {
                keepOwner(of: existing, on: descriptor, system: system)
                copyExtendedAttributes(from: target, to: descriptor)
            }
            // After fchown, which clears setuid/setgid bits on some systems.
            guard system.fchmod(descriptor, mode) == 0 else { throw DiskError(describe(errno, action: "cannot set permissions")) }
            guard system.fsync(descriptor) == 0 else { throw DiskError(describe(errno, action: "cannot flush to disk")) }
        } catch {
            _ = system.close(descriptor)
            throw error
        }
        guard system.close(descriptor) == 0 else { throw DiskError(describe(errno, action: "cannot save")) }
        guard system.rename(tempPath, target) == 0 else { throw DiskError(describe(errno, action: "cannot replace the file")) }
        finished = true
        let directoryDescriptor = system.open(directoryPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
        if directoryDescriptor >= 0 {
            _ = system.fsync(directoryDescriptor)
            _ = system.close(directoryDescriptor)
        }
    }

    /// Writes a command's output to `path`: a regular file (or a new one) with the atomic
    /// save; a character device (`/dev/null`, a terminal) or a FIFO by writing straight
    /// into it, as `cat > path` would (a FIFO waits for its reader); `/dev/stdout`,
    /// `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N` into that open descriptor, whatever
    /// it is (a pipe, a terminal, a file opened for appending). A directory, a block device
    /// and a socket are refused. Nothing that is not a regular file is ever replaced.
    ///
    /// - Parameter onTerminal: what to write instead of `bytes` when the target turns out
    ///   to be a terminal (`-o /dev/tty`, `-o /dev/stdout` on a terminal): the caller's
    ///   visible form of control characters.
    /// - Parameter waitForReader: a FIFO without a reader is waited on, as `cat > fifo`
    ///   does (the command line); false refuses it at once (the builder, which must not
    ///   freeze).
    public static func writeOutput(_ bytes: [UInt8], to path: String, onTerminal: (([UInt8]) -> [UInt8])? = nil,
                                   waitForReader: Bool = true, system: FileSystemCalls = PosixFileSystem()) throws(DiskError) {
        func stream(into descriptor: Int32) throws(DiskError) {
            let shown = isatty(descriptor) == 1 ? onTerminal.map { $0(bytes) } ?? bytes : bytes
            try writeAll(shown, to: descriptor, system: system, action: "")
        }
        if let descriptor = openStream(named: path) {
            guard fcntl(descriptor, F_GETFD) != -1 else { throw DiskError("cannot write: descriptor \(descriptor) is not open") }
            try stream(into: descriptor)
            return
        }
        let kind = FileKind(path: path)
        switch kind {
        case .missing, .regular:
            try writeAtomically(bytes, to: path, system: system)
        case .characterDevice, .fifo:
            let descriptor = Glibc.open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | (waitForReader ? 0 : O_NONBLOCK))
            if descriptor < 0, errno == ENXIO, kind == .fifo {
                throw DiskError("is a named pipe (FIFO) that no program is reading; nothing was written")
            }
            guard descriptor >= 0 else { throw DiskError(describe(errno, action: "")) }
            if !waitForReader {
                // A reader is there: from now on, write as `cat` does.
                _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
            }
            defer { _ = Glibc.close(descriptor) }
            try stream(into: descriptor)
        case .directory, .blockDevice, .socket, .other:
            throw DiskError(kind.refusal(saving: false))
        }
    }

    /// The descriptor a path names without being a file of its own: `/dev/stdout`,
    /// `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`.
    public static func openStream(named path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default: break
        }
        for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
            return Int32(path.dropFirst(prefix.count))
        }
        return nil
    }

    /// Writes every byte (retrying short writes and EINTR).
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, system: FileSystemCalls, action: String) throws(DiskError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                system.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw DiskError(describe(errno, action: action))
            }
            if written == 0 { throw DiskError(action.isEmpty ? "it accepted no more data" : "\(action): the disk accepted no more data") }
            offset += written
        }
    }

    /// Gives the temp file the old file's owner and group, where the process may (root
    /// may give any; another user may keep a group they belong to). A refusal is not an
    /// error: the save goes on, owned by whoever saves.
    static func keepOwner(of existing: stat, on descriptor: Int32, system: FileSystemCalls) {
        guard existing.st_uid != geteuid() || existing.st_gid != getegid() else { return }
        if system.fchown(descriptor, existing.st_uid, existing.st_gid) == 0 { return }
        _ = system.fchown(descriptor, uid_t.max, existing.st_gid)
    }

    /// Copies the old file's extended attributes (POSIX ACLs live in
    /// `system.posix_acl_access`) to the temp file; best effort, as `cp -a` does.
    static func copyExtendedAttributes(from path: String, to descriptor: Int32) {
        guard let calls = ExtendedAttributeCalls.shared else { return }
        let size = calls.list(path, nil, 0)
        guard size > 0 else { return }
        var names = [CChar](repeating: 0, count: size)
        let length = calls.list(path, &names, size)
        guard length > 0 else { return }
        var start = 0
        for index in 0..<length where names[index] == 0 {
            let name = Array(names[start...index])
            start = index + 1
            let valueSize = calls.get(path, name, nil, 0)
            guard valueSize >= 0 else { continue }
            var value = [UInt8](repeating: 0, count: max(valueSize, 1))
            let read = calls.get(path, name, &value, valueSize)
            guard read >= 0 else { continue }
            _ = calls.set(descriptor, name, value, read, 0)
        }
    }

    /// The start of the name of a save's temp file: hidden, next to the file, naming it.
    static func tempPrefix(for baseName: String) -> String {
        ".\(baseName).hats-save-"
    }

    /// Removes temp files of earlier saves of the same file whose process is gone (a save
    /// killed part-way leaves one; the file itself was never touched).
    static func removeStaleTempFiles(in directory: String, for baseName: String, system: FileSystemCalls) {
        let prefix = tempPrefix(for: baseName)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count)
            guard let pid = rest.split(separator: "-").first.flatMap({ pid_t($0) }), pid > 0 else { continue }
            if pid != getpid(), kill(pid, 0) == -1, errno == ESRCH {
                _ = system.unlink("\(directory)/\(entry)")
            }
        }
    }

    /// The folder (empty for none) and the last component of a path, as NSString's
    /// `deletingLastPathComponent` and `lastPathComponent` give them, which are not used:
    /// the first traps on "." and "./" in swift-corelibs-foundation (`hats export -o .`
    /// crashed with SIGILL).
    static func splitPath(_ path: String) -> (directory: String, name: String) {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return ("", String(trimmed)) }
        let directory = trimmed[..<slash]
        return (directory.isEmpty ? "/" : String(directory), String(trimmed[trimmed.index(after: slash)...]))
    }

    /// Follows a chain of symlinks (bounded, in case of a loop) to the file they name.
    static func resolveSymlinks(_ path: String) -> String {
        var current = path
        for _ in 0..<32 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, Int(PATH_MAX))
            guard length > 0 else { return current }
            let destination = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if destination.hasPrefix("/") {
                current = destination
            } else {
                current = ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
            }
        }
        return current
    }

    /// What the file at `path` holds now, to tell whether someone else changed it; nil
    /// when there is no file.
    /// The fingerprint of a regular file's bytes; nil when it cannot be read or is not a
    /// regular file (a FIFO or a device is never opened: see `read`).
    public static func fingerprint(_ path: String) -> FileFingerprint? {
        guard let bytes = try? read(path: path, limit: OrgFile.maxFileBytes, regularOnly: true) else { return nil }
        return FileFingerprint(bytes)
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// An errno in words, after `action` ("cannot save: permission denied"); with an
    /// empty action, the words alone.
    static func describe(_ code: Int32, action: String) -> String {
        let reason = switch code {
        case ENOSPC: "no space left on the device"
        case EACCES, EPERM: "permission denied"
        case EDQUOT: "disk quota exceeded"
        case EROFS: "the file system is read-only"
        case ENOTDIR: "a part of the path is not a directory"
        case ENOENT: "no such file or directory"
        case EISDIR: "is a directory"
        default: String(cString: strerror(code))
        }
        if code == ENOENT || code == EISDIR || action.isEmpty { return reason }
        return "\(action): \(reason)"
    }
}

/// glibc's `listxattr`, `getxattr` and `fsetxattr`, which the Glibc module does not
/// import (`sys/xattr.h` is not in it): looked up once by name.
struct ExtendedAttributeCalls: @unchecked Sendable {
    typealias List = @convention(c) (UnsafePointer<CChar>, UnsafeMutablePointer<CChar>?, Int) -> Int
    typealias Get = @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>, UnsafeMutableRawPointer?, Int) -> Int
    typealias Set = @convention(c) (Int32, UnsafePointer<CChar>, UnsafeRawPointer?, Int, Int32) -> Int32
    let list: List
    let get: Get
    let set: Set

    static let shared: ExtendedAttributeCalls? = {
        let handle = dlopen(nil, RTLD_NOW)
        guard let list = dlsym(handle, "listxattr"), let get = dlsym(handle, "getxattr"), let set = dlsym(handle, "fsetxattr") else { return nil }
        return ExtendedAttributeCalls(list: unsafeBitCast(list, to: List.self), get: unsafeBitCast(get, to: Get.self), set: unsafeBitCast(set, to: Set.self))
    }()
}

/// What a path names, following symlinks: only a regular file is ever saved over.
public enum FileKind: Equatable, Sendable {
    case missing, regular, directory, characterDevice, blockDevice, fifo, socket, other

    public init(path: String) {
        var info = stat()
        self = stat(path, &info) == 0 ? FileKind(info) : .missing
    }

    init(_ info: stat) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }

    /// In words, with an article: "a named pipe (FIFO)".
    public var described: String {
        switch self {
        case .missing: "missing"
        case .regular: "a regular file"
        case .directory: "a directory"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device (a disk or a partition)"
        case .fifo: "a named pipe (FIFO)"
        case .socket: "a socket"
        case .other: "not a regular file"
        }
    }

    /// Why a save or an output does not go there.
    public func refusal(saving: Bool) -> String {
        if self == .directory { return saving ? "is a directory" : "is a directory; give a file name" }
        if saving { return "is \(described), not a regular file; an org is saved only as a regular file (nothing was written)" }
        return "is \(described); hats writes output only to a file, a character device (such as /dev/null), a FIFO or standard output (nothing was written)"
    }
}

/// The size and a 64-bit FNV-1a hash of a file's bytes: equal fingerprints mean (for any
/// practical purpose) the same content, so the builder can tell that another program
/// changed the file since it was opened or saved.
public struct FileFingerprint: Equatable, Hashable, Sendable {
    public var size: Int
    public var hash: UInt64

    /// What `bytes` hold, eight bytes at a step (a 38 MB file in about 5 ms, where a byte
    /// at a time took 37 ms of the builder's start-up). Compared only within one run of
    /// hats, never stored.
    public init(_ bytes: [UInt8]) {
        size = bytes.count
        var value: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        func mix(_ word: UInt64) {
            value = ((value ^ (word &* 0x9E37_79B9_7F4A_7C15)).rotated(by: 27)) &* 0xFF51_AFD7_ED55_8CCD
        }
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for index in 0..<words { mix(raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) }
            var tail: UInt64 = 0
            for (shift, byte) in raw[(words * 8)...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
            mix(tail)
        }
        value ^= value >> 33
        value = value &* 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        hash = value
    }

    /// FNV-1a of `bytes`: the hash in the names of recovery copies, which must stay the
    /// same from one version of hats to the next (a copy made by an older hats is still
    /// found by a newer one).
    public static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        return value
    }
}

extension UInt64 {
    func rotated(by count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
