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
}
