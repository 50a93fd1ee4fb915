import Foundation
import Testing
@testable import HatsCLI

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

    @Test("the plan-your-next-hire walk-through: hats plan, then hats diff of the org and its plan")
    func planWalkThrough() throws {
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: HatsProcess.repositoryRoot.appendingPathComponent("docs/examples/solo-owner.json"),
                                         to: directory.appendingPathComponent("solo-owner.json"))
        let plan = try HatsProcess.run(["plan", "solo-owner.json"], in: directory)
        #expect(plan.status == 0)
        #expect(plan.stdout == (try block(after: "hats plan solo-owner.json")))
        let written = try HatsProcess.run(["plan", "solo-owner.json", "-o", "priya-next.json"], in: directory)
        #expect(written.status == 0 && written.stdout == plan.stdout)
        let diff = try HatsProcess.run(["diff", "solo-owner.json", "priya-next.json"], in: directory)
        #expect(diff.status == 1)
        #expect(diff.stdout == (try block(after: "hats diff solo-owner.json priya-next.json")))
    }

    static var readmeURL: URL { HatsProcess.repositoryRoot.appendingPathComponent("README.md") }

    @Test("the command table is made from the option declarations")
    func commandTable() throws {
        var readme = try String(contentsOf: Self.readmeURL, encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- commands:"), "README has no <!-- commands: --> block")
        let endMarker = "<!-- /commands -->\n"
        let end = try #require(readme.range(of: endMarker, range: start.upperBound..<readme.endIndex))
        let generated = Help.readmeCommands()
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            readme.replaceSubrange(start.lowerBound..<end.upperBound, with: generated)
            try readme.write(to: Self.readmeURL, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(readme[start.lowerBound..<end.upperBound]) == generated,
                "README's command table is stale: run RECORD_SNAPSHOTS=1 swift test --filter ReadmeTests")
    }

    @Test("every option the README names is one hats takes")
    func optionsNamedExist() throws {
        var readme = try String(contentsOf: Self.readmeURL, encoding: .utf8)
        // Comments hold instructions for maintainers (swift test --filter …), not hats options.
        while let open = readme.range(of: "<!--"), let close = readme.range(of: "-->", range: open.upperBound..<readme.endIndex) {
            readme.removeSubrange(open.lowerBound..<close.upperBound)
        }
        let declared = Set(([Commands.open] + Commands.all).flatMap { $0.options.map(\.name) } + [Help.helpOption.name, Help.versionOption.name])
        let named = Set(readme.matches(of: /(^|[^\w-])(--[a-z][a-z-]*)/.anchorsMatchLineEndings()).map { String($0.output.2) })
        #expect(!named.isEmpty)
        #expect(named.subtracting(declared).isEmpty, "the README names options hats does not take")
    }
}
