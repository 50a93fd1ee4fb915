import Foundation

/// Where the builder keeps a copy of unsaved work, so that a dropped SSH session, a
/// `kill -9` or a crash costs nothing: `$XDG_STATE_HOME/hats/`, else
/// `~/.local/state/hats/`. One file per document, named after it; each is a plain hats
/// org file, written with the same atomic save as everything else.
public struct RecoveryStore: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
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

    /// The recovery file for a key: a readable name plus a hash of the whole key, so two
    /// files called org.json in different folders do not share one.
    public func file(for key: String) -> String {
        var readable = ""
        for scalar in ((key as NSString).lastPathComponent as NSString).deletingPathExtension.unicodeScalars {
            readable.unicodeScalars.append(scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? scalar : "-")
        }
        let hash = String(FileFingerprint(Array(key.utf8)).hash, radix: 16)
        return "\(directory)/\(readable.prefix(40))-\(hash).json"
    }

    public func write(_ org: Org, for key: String) throws(DiskError) {
        if mkdir(directory, 0o700) != 0, errno == ENOENT {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw DiskError("cannot create \(directory): \(error.localizedDescription)")
            }
        }
        let path = file(for: key)
        if !DiskFile.exists(path) {
            // A new file starts private: it may hold what the user has not chosen to share.
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor >= 0 { close(descriptor) }
        }
        try OrgFile.save(org, path: path)
    }

    /// The recovered org and when it was written, if there is a readable copy.
    public func read(for key: String) -> (org: Org, written: Date)? {
        let path = file(for: key)
        guard let written = Self.modified(path), let loaded = try? OrgFile.load(path: path) else { return nil }
        return (loaded.org, Date(timeIntervalSince1970: written))
    }

    /// When the file at `path` was last written (seconds since 1970), or nil if it is not there.
    static func modified(_ path: String) -> TimeInterval? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9
    }

    public func remove(for key: String) {
        unlink(file(for: key))
    }

    /// A copy worth offering when opening `path`: newer than the file (or the file is
    /// gone), and different from it. A copy that matches the file is removed.
    public func offer(for key: String, file path: String?, current: Org) -> Org? {
        guard let (org, written) = read(for: key) else { return nil }
        if org == current {
            remove(for: key)
            return nil
        }
        if let path, let modified = Self.modified(path), written.timeIntervalSince1970 < modified { return nil }
        return org
    }
}
