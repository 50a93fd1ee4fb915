import Foundation
import OrgKit

/// Where a command that makes a file (`export`, `import`) writes it: standard output
/// (no `-o`, or `-o -`), or OUT. Checked before any work, so a refused OUT changes
/// nothing:
/// - a directory, a block device or a socket is refused;
/// - OUT that is one of the command's inputs (the same file, by device and inode: a hard
///   link or a symlink to it counts) is refused, even with `--force`;
/// - an existing regular file is replaced only with `--force`;
/// - a character device (`/dev/null`, a terminal), a FIFO and `/dev/stdout`, `/dev/fd/N`
///   are written into as they are, never replaced (see `DiskFile.writeOutput`).
enum Output {
    case standardOutput
    case file(String)

    static let dash = "-"

    static let outputOption = OptionSpec(
        name: "--output", short: "-o", valueName: "OUT", usageShowsShort: true, namesAFile: true,
        help: "write to OUT instead of standard output (-o - is standard output)")
    static let forceOption = OptionSpec(
        name: "--force", within: "--output",
        help: "replace OUT if it is an existing file (without it, an existing file is never touched)")

    static func from(_ arguments: ParsedArguments, command: String, inputs: [String]) throws -> Output {
        let force = arguments.has(forceOption)
        guard let path = arguments.value(outputOption), path != dash else {
            if force { throw UsageError("--force replaces the file given with -o; there is none") }
            return .standardOutput
        }
        if DiskFile.openStream(named: path) != nil { return .file(path) }
        let kind = FileKind(path: path)
        switch kind {
        case .directory, .blockDevice, .socket, .other:
            throw CommandFailure("hats \(command): cannot write \(path): \(kind.refusal(saving: false))")
        case .regular:
            for input in inputs where FileIdentity(path) == FileIdentity(input) {
                throw CommandFailure("hats \(command): \(path) is the input file \(input); nothing was written (give another -o)")
            }
            if !force {
                throw CommandFailure("hats \(command): \(path) already exists; nothing was written (add --force to replace it)")
            }
        case .missing, .characterDevice, .fifo:
            break
        }
        return .file(path)
    }

    /// Writes the result: to standard output as `Console.result` shows it, or to OUT exactly.
    func write(_ text: String, command: String, console: Console) throws {
        switch self {
        case .standardOutput:
            console.result(text)
        case .file(let path):
            do throws(DiskError) {
                try DiskFile.writeOutput(Array(text.utf8), to: path, onTerminal: { bytes in
                    Array(TextSafety.printableLines(String(decoding: bytes, as: UTF8.self)).utf8)
                })
            } catch {
                throw CommandFailure("hats \(command): cannot write \(path): \(error.message)")
            }
        }
    }

    /// Writes binary output (a PNG, a PDF) exactly, wherever it goes: the caller has made
    /// sure that standard output on a terminal was asked for (`-o -`).
    func writeBytes(_ bytes: [UInt8], command: String, console: Console) throws {
        switch self {
        case .standardOutput:
            console.outBytes(bytes)
        case .file(let path):
            do throws(DiskError) {
                try DiskFile.writeOutput(bytes, to: path)
            } catch {
                throw CommandFailure("hats \(command): cannot write \(path): \(error.message)")
            }
        }
    }

    var path: String? {
        if case .file(let path) = self { path } else { nil }
    }
}

/// A file's device and inode, following symlinks: equal for two names of one file.
struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64

    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// What an open descriptor refers to (standard output's file, pipe or terminal).
    init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
