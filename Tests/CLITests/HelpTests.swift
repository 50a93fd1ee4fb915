import Foundation
import Testing
@testable import HatsCLI

/// The help is made from the option declarations; these tests hold the parser to them, so
/// an option can be neither accepted without being documented nor documented without
/// being accepted.
@Suite("Help and options")
struct HelpTests {
    static let commands = [Commands.open] + Commands.all

    /// Every spelling that might be accepted: each short option, each long option any
    /// command declares, and long ones a parser might take without declaring them.
    static var candidates: [String] {
        let letters = (UInt8(ascii: "a")...UInt8(ascii: "z")).flatMap { [Character(UnicodeScalar($0)), Character(UnicodeScalar($0 - 32))] }
        let declared = commands.flatMap { $0.options.flatMap(\.spellings) } + Help.helpOption.spellings + Help.versionOption.spellings
        let common = ["--quiet", "--verbose", "--color", "--colour", "--no-color", "--file", "--input", "--out", "--debug", "--dry-run", "--yes"]
        return Array(Set(letters.map { "-\($0)" } + declared + common)).sorted()
    }

    /// `option` stands in `text` as a word: not inside a longer option (`-f` in `--fail-on`).
    static func mentions(_ text: String, _ option: String) -> Bool {
        var searchFrom = text.startIndex
        while let found = text.range(of: option, range: searchFrom..<text.endIndex) {
            let before = found.lowerBound == text.startIndex ? " " : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? " " : text[found.upperBound]
            if " [,(".contains(before), " ],=)\n".contains(after) { return true }
            searchFrom = found.upperBound
        }
        return false
    }

    static func accepts(_ command: Command, _ option: String) -> Bool {
        do {
            _ = try ParsedArguments.parse([option, "value"], options: command.options, command: command.name)
            return true
        } catch {
            return !error.message.hasPrefix("unknown option")
        }
    }

    @Test("every option a command accepts is in its help, its usage and its option list", arguments: commands.map(\.name))
    func acceptedIsDocumented(name: String) throws {
        let command = try #require(Commands.named(name))
        let help = Help.text(for: command)
        // The "Options:" section only, up to the blank line that ends it.
        let afterHeading = try #require(help.range(of: "\nOptions:\n"))
        let sectionEnd = help.range(of: "\n\n", range: afterHeading.upperBound..<help.endIndex)?.lowerBound ?? help.endIndex
        let optionList = String(help[afterHeading.upperBound..<sectionEnd]) + "\n"
        var accepted: [String] = []
        for option in Self.candidates where Self.accepts(command, option) {
            accepted.append(option)
            #expect(Self.mentions(optionList, option), "hats \(name) accepts \(option) but its option list does not name it")
        }
        #expect(accepted.contains("--help") && accepted.contains("-h"))
        let usage = Help.usageLines(for: command).joined(separator: "\n")
        for option in command.options {
            #expect(Self.mentions(usage, option.usageShowsShort ? option.short ?? option.name : option.name), "hats \(name): \(option.name) is not in the usage")
        }
    }

    @Test("every option hats takes on its own is in hats --help")
    func topLevelIsDocumented() {
        let overview = Help.overview()
        for option in Self.candidates {
            let printed = Captured()
            let console = Console(out: { printed.append($0) }, err: { printed.append($0) }, stdoutIsTerminal: false, environment: [:])
            // An option the builder takes needs a value here, so nothing opens a terminal.
            let status = HatsCLI.run([option], console: console)
            let unknown = printed.text.contains("unknown option")
            if status == 0 || !unknown {
                #expect(Self.mentions(overview, option), "hats \(option) is accepted but hats --help does not name it")
            }
        }
    }

    @Test("the option list of hats help check names -f, which no help used to mention")
    func shortFormat() throws {
        let run = try HatsProcess.run(["help", "check"])
        #expect(run.stdout.contains("\n  -f, --format text|json   text for people (the default), json for scripts\n"))
        #expect(try HatsProcess.run(["export", "--help"]).stdout.contains("\n  -f, --format FORMAT  one of the formats above\n"))
    }

    @Test("a misspelt option is pointed at the declared one", arguments: commands.map(\.name))
    func hints(name: String) throws {
        let command = try #require(Commands.named(name))
        for option in command.options + [Help.helpOption] {
            let typo = String(option.name.dropLast())
            do {
                _ = try ParsedArguments.parse([typo], options: command.options, command: name)
                Issue.record("hats \(name) accepted \(typo)")
            } catch {
                #expect(error.message == "unknown option \(typo) for hats \(name) (did you mean \(option.name)?)")
            }
        }
    }

    @Test("hats help open works, as the builder's unknown-option hint says")
    func helpOpen() throws {
        let hint = try HatsProcess.run(["--presett", "msp-10"])
        #expect(hint.stderr == "hats open: unknown option --presett for hats open (did you mean --preset?)\n")
        let unknown = try HatsProcess.run(["--colour"])
        #expect(unknown.stderr == "hats open: unknown option --colour for hats open (see hats help open)\n")
        let help = try HatsProcess.run(["help", "open"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("hats — open the interactive builder (the default command)\n\nUsage:\n  hats [FILE] [--preset NAME]\n"))
    }
}

/// What a console printed, collected from its `@Sendable` closures.
final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String] = []
    func append(_ text: String) { lock.withLock { parts.append(text) } }
    var text: String { lock.withLock { parts.joined() } }
}
