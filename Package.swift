// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "hats",
    products: [
        .executable(name: "hats", targets: ["hats"]),
        .library(name: "OrgKit", targets: ["OrgKit"]),
    ],
    targets: [
        // The org: model, edits and history, file format, presets. Foundation only.
        .target(name: "OrgKit"),
        // The interactive builder, pure Swift: state, messages, update, view -> Canvas, KeyMap.
        .target(name: "OrgTUI", dependencies: ["OrgKit"]),
        // Command-line parsing and the commands; the executable only calls into it.
        .target(name: "HatsCLI", dependencies: ["OrgKit"]),
        .executableTarget(name: "hats", dependencies: ["HatsCLI"]),
        // Golden/ holds the reviewed expected outputs of the exporters (read by path).
        .testTarget(name: "OrgKitTests", dependencies: ["OrgKit"], exclude: ["Golden"]),
        // Drives the app with messages and compares whole screens with golden files.
        .testTarget(name: "OrgTUITests", dependencies: ["OrgTUI", "OrgKit"]),
        // Runs the built `hats` binary as a user would.
        .testTarget(name: "CLITests", dependencies: ["hats", "HatsCLI", "OrgKit"]),
    ],
    swiftLanguageModes: [.v6]
)
