// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "hats",
    products: [
        .executable(name: "hats", targets: ["hats"]),
        .library(name: "OrgKit", targets: ["OrgKit"]),
    ],
    targets: [
        // The org: model, edits and history, file format, presets. Foundation and Glibc (for atomic saves); no terminal.
        .target(name: "OrgKit"),
        // The interactive builder, pure Swift: state, messages, update, view -> Canvas, KeyMap.
        .target(name: "OrgTUI", dependencies: ["OrgKit"]),
        // ncursesw with its wide-character API, macro wrappers, signal and crash handling in C.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The real terminal: the only importer of CNcursesw. Draws a Canvas, reads input.
        .target(name: "Terminal", dependencies: ["OrgTUI", "CNcursesw"]),
        // Command-line parsing and the commands; the executable only calls into it.
        .target(name: "HatsCLI", dependencies: ["OrgKit", "OrgTUI", "Terminal"]),
        .executableTarget(name: "hats", dependencies: ["HatsCLI"]),
        // The benchmark and stress tool: seeded org generator, measurements, save loop.
        .executableTarget(name: "hats-bench", dependencies: ["OrgKit", "OrgTUI"], path: "Benchmarks/hats-bench"),
        // Fuzzing (docs/fuzzing.md). The checks every fuzz target makes, shared with
        // FuzzRegressionTests so a crash found by the fuzzer is replayed by `swift test`.
        .target(name: "FuzzChecks", dependencies: ["OrgKit"], path: "Fuzz/Checks"),
        // libFuzzer targets: one file each, defining LLVMFuzzerTestOneInput. scripts/fuzz.sh
        // builds them with --sanitize=address --sanitize=fuzzer -Xswiftc -DFUZZING; a normal
        // build gives them a main that replays the files named on the command line.
        .executableTarget(name: "fuzz-org", dependencies: ["FuzzChecks"], path: "Fuzz/Org"),
        .executableTarget(name: "fuzz-csv", dependencies: ["FuzzChecks"], path: "Fuzz/CSV"),
        .executableTarget(name: "fuzz-export", dependencies: ["FuzzChecks"], path: "Fuzz/Export"),
        // Golden/ holds the reviewed expected outputs of the exporters (read by path).
        .testTarget(name: "OrgKitTests", dependencies: ["OrgKit", "FuzzChecks"], exclude: ["Golden"]),
        // Drives the app with messages and compares whole screens with golden files.
        .testTarget(name: "OrgTUITests", dependencies: ["OrgTUI", "OrgKit"], exclude: ["Snapshots"]),
        // The pure parts of the terminal layer: key decoding, ASCII fallback, colours, diffing.
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "OrgTUI"]),
        // The real binary in tmux, driven as a person would.
        .testTarget(name: "EndToEndTests", dependencies: ["hats", "hats-bench", "OrgKit"]),
        // Runs the built `hats` binary as a user would.
        .testTarget(name: "CLITests", dependencies: ["hats", "hats-bench", "HatsCLI", "OrgKit"], exclude: ["Corpus"]),
    ],
    swiftLanguageModes: [.v6]
)
