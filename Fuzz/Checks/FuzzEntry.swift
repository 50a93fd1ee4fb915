#if canImport(Glibc)
import Glibc
#endif

/// What each fuzz target's one file calls: libFuzzer's entry point, and the `main` of a
/// normal (non-fuzzer) build, which replays files through the same check.
public enum FuzzEntry {
    public typealias Check = ([UInt8]) throws(CheckFailure) -> Void

    /// Runs `check` on libFuzzer's input; a failed check traps, so libFuzzer saves the input.
    public static func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int, _ check: Check) -> CInt {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        do {
            try check(bytes)
        } catch {
            fatalError("fuzz check failed: \(error)")
        }
        return 0
    }

    /// `fuzz-org FILE|DIR...` in a normal build: runs the check on each file (each file of a
    /// directory), prints one line per file, and exits 1 if any check failed.
    public static func replay(_ check: Check, name: String) -> Never {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.isEmpty || arguments.contains("-h") || arguments.contains("--help") {
            print("""
                usage: \(name) FILE|DIR...
                Runs the \(name) checks on each file (or each file in a directory) and reports
                which fail. This is the replay build; scripts/fuzz.sh builds the libFuzzer one.
                """)
            exit(arguments.isEmpty ? 2 : 0)
        }
        var failed = 0
        var count = 0
        for path in arguments.flatMap(files) {
            guard let bytes = readFile(path) else {
                print("\(path): cannot be read")
                failed += 1
                continue
            }
            count += 1
            do {
                try check(bytes)
                print("\(path): ok")
            } catch {
                print("\(path): FAILED \(error)")
                failed += 1
            }
        }
        print("\(name): \(count) inputs, \(failed) failed")
        exit(failed == 0 ? 0 : 1)
    }

    /// The path itself, or the regular files directly inside it (sorted), for a directory.
    static func files(_ path: String) -> [String] {
        guard let directory = opendir(path) else { return [path] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        return names.sorted().map { path + "/" + $0 }
    }

    static func readFile(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let read = fread(&buffer, 1, buffer.count, file)
            if read > 0 { bytes.append(contentsOf: buffer[0..<read]) }
            if read < buffer.count { break }
        }
        return ferror(file) == 0 ? bytes : nil
    }
}
