import Foundation
import Testing
@testable import OrgKit

@Suite("Documentation")
struct DocumentationTests {
    /// The first ```json block of a Markdown file.
    func firstJSONBlock(_ relativePath: String) throws -> String {
        let text = try readRepositoryFile(relativePath)
        let start = try #require(text.range(of: "```json\n"))
        let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
        return String(text[start.upperBound..<end.lowerBound]) + "\n"
    }

    @Test("the worked example in docs/file-format.md loads, is canonical, and has the hours it claims")
    func fileFormatExample() throws {
        let example = try firstJSONBlock("docs/file-format.md")
        let org = try OrgFile.decode(example).org
        #expect(OrgFile.encode(org) == example)
        let hours = Hours(org)
        let kim = try #require(org.person("kim"))
        let lou = try #require(org.person("lou"))
        let max = try #require(org.person("max"))
        #expect(hours.allocated(kim) == 34)
        #expect(hours.allocated(lou) == 30)
        #expect(hours.allocated(max) == 24)
        #expect(hours.capacity(max) == 32)
        #expect(hours.capacity(lou) == 40)
    }

    @Test("every source file docs/architecture.md names exists in the repository")
    func architectureNamesRealFiles() throws {
        let text = try readRepositoryFile("docs/architecture.md")
        // Every file name in backticks that ends in a source or script extension, with or
        // without its folder (`Builder.swift`, `Widgets/ListState.swift`).
        let pattern = try NSRegularExpression(pattern: "`([A-Za-z0-9_+./-]+\\.(swift|sh|h|modulemap))`")
        let names = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
        #expect(names.count > 10, "the pattern finds the file names")
        var files: [String] = []
        let root = repositoryRoot
        for folder in ["Sources", "Tests", "Benchmarks", "Fuzz", "scripts"] {
            let enumerator = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path)
            while let path = enumerator?.nextObject() as? String { files.append("\(folder)/\(path)") }
        }
        for name in Set(names) {
            #expect(files.contains { $0 == name || $0.hasSuffix("/" + name) }, "docs/architecture.md names \(name), which does not exist")
        }
    }
}
