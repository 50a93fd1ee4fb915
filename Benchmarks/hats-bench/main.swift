import Foundation
import OrgKit

/// hats-bench: the benchmark and stress tool (see docs/performance.md and docs/safety.md).
///   hats-bench generate N [--seed S]      a generated org with N people, on stdout
///   hats-bench save-loop A B TARGET       save A, then B, to TARGET, forever (for kill tests)
let arguments = Array(CommandLine.arguments.dropFirst())

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("hats-bench: \(message)\n".utf8))
    exit(2)
}

switch arguments.first {
case "generate":
    guard arguments.count >= 2, let count = Int(arguments[1]), count > 0 else { fail("usage: hats-bench generate N [--seed S]") }
    var seed: UInt64 = 1
    if let index = arguments.firstIndex(of: "--seed"), index + 1 < arguments.count {
        guard let value = UInt64(arguments[index + 1]) else { fail("--seed takes a whole number") }
        seed = value
    }
    var generator = OrgGenerator(seed: seed)
    FileHandle.standardOutput.write(Data(OrgFile.encode(generator.org(people: count)).utf8))
case "save-loop":
    guard arguments.count == 4 else { fail("usage: hats-bench save-loop A B TARGET") }
    guard let first = FileManager.default.contents(atPath: arguments[1]), let second = FileManager.default.contents(atPath: arguments[2]) else {
        fail("cannot read \(arguments[1]) or \(arguments[2])")
    }
    let versions = [Array(first), Array(second)]
    var saves = 0
    while true {
        do {
            try DiskFile.writeAtomically(versions[saves % 2], to: arguments[3])
        } catch {
            fail("\(arguments[3]): \(error.message)")
        }
        saves += 1
    }
default:
    fail("usage: hats-bench generate N [--seed S] | save-loop A B TARGET")
}
