import Foundation
import Testing

/// The README's examples are the program's real output.
@Suite("README examples")
struct ReadmeTests {
    /// The text of the fenced block that follows the line `$ COMMAND` in the README.
    func block(after command: String) throws -> String {
        let readme = try String(contentsOf: HatsProcess.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let marker = "```\n$ \(command)\n"
        let start = try #require(readme.range(of: marker), "README has no block for \(command)")
        let end = try #require(readme.range(of: "```\n", range: start.upperBound..<readme.endIndex))
        return String(readme[start.upperBound..<end.lowerBound])
    }

    @Test("the hats check example", arguments: ["hats check --preset msp-10", "hats presets"])
    func example(command: String) throws {
        let arguments = command.split(separator: " ").dropFirst().map(String.init)
        let run = try HatsProcess.run(arguments)
        #expect(run.stdout == (try block(after: command)))
    }
}
