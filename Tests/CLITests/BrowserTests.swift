import Foundation
import Testing
@testable import OrgKit

/// The HTML and SVG exports opened in a real browser (headless Chromium), as the person the
/// file is sent to would open them. For each page:
/// - it loads with no console message: Chromium, run with `--enable-logging=stderr --v=0`,
///   prints every console message (an error, a blocked resource, a Content-Security-Policy
///   violation) as a `…:CONSOLE:…] "message", source: …` line on standard error; none may
///   appear. An SVG that is not well-formed XML logs nothing, but Chromium shows an error
///   page instead, so the DOM after loading (`--dump-dom`) must hold no `<parsererror>`.
///   The first test shows that both checks catch what they are for.
/// - every person's name is in the rendered text: the page printed to PDF
///   (`--print-to-pdf`), read back with `pdftotext`, white space folded, each name found
///   whole (not as the start of a longer name) in either of its two readings: in drawing
///   order (`-raw`, which keeps the lines of one box together but drops the space where a
///   name changes font, "李伟1") or in reading order (the default, which keeps that space
///   but may join the lines of boxes side by side). A standalone SVG prints on Letter pages,
///   clipped, so it is printed from a page holding it in an iframe, on one page of its size.
///   Names in Chinese and Korean print only with a font that has them: without one they
///   come out as empty boxes and are missing from the text, and the test says which font.
/// - a screenshot (`--screenshot`, 1280 × 900) is a PNG of that size, larger than a blank
///   page's (about 5 KB).
/// Every Chromium run has a fresh profile directory and runs under `timeout`, so a hung
/// browser fails the test instead of hanging CI.
@Suite("Exports in a real browser", .serialized)
struct BrowserTests {
    static let chromium: String? = {
        let found = ["chromium", "chromium-browser"].lazy.compactMap(OutsidePrograms.which).first
        if found == nil { print("SKIP: chromium is not installed; the browser tests of the HTML and SVG exports are skipped (apt-get install chromium)") }
        return found
    }()

    static let pdftotext: String? = {
        let found = OutsidePrograms.which("pdftotext")
        if found == nil { print("SKIP: pdftotext is not installed; the browser tests of the HTML and SVG exports are skipped (apt-get install poppler-utils)") }
        return found
    }()

    /// Whether fontconfig knows a font for Chinese and one for Korean (the test orgs' names).
    static let hasCJKFont: Bool = {
        let found = ["zh", "ko"].allSatisfy { language in
            guard let fcList = OutsidePrograms.which("fc-list"),
                  let run = try? OutsidePrograms.run(fcList, [":lang=\(language)", "family"]) else { return false }
            return run.status == 0 && !run.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
        if !found { print("SKIP: a font for Chinese and Korean (fonts-wqy-microhei) is not installed; the browser tests are skipped, as those names would print as empty boxes (apt-get install fonts-wqy-microhei)") }
        return found
    }()

    static var ready: Bool { chromium != nil && pdftotext != nil && hasCJKFont }

    /// Generous: a 1,000-person page loads and prints in seconds; only a hung browser waits this long.
    static let timeoutSeconds = 300
    static let window = (width: 1280, height: 900)

    struct Browsed {
        var status: Int32
        var consoleLines: [String]
        var dom: String
        var stderr: String
    }

    /// Opens `page` (a file in `directory`) in headless Chromium; `print` and `screenshot`
    /// name files to make there.
    func browse(_ page: String, in directory: URL, print: String? = nil, screenshot: String? = nil) throws -> Browsed {
        let chromium = try #require(Self.chromium)
        let timeout = try #require(OutsidePrograms.which("timeout"), "timeout (coreutils) is on every Linux")
        let profile = directory.appendingPathComponent("profile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        var arguments = ["--kill-after=10", "\(Self.timeoutSeconds)", chromium,
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--user-data-dir=\(profile.path)", "--no-first-run", "--disable-extensions",
                         "--enable-logging=stderr", "--v=0", "--dump-dom"]
        if let print { arguments += ["--print-to-pdf=\(directory.appendingPathComponent(print).path)", "--no-pdf-header-footer"] }
        if let screenshot {
            arguments += ["--screenshot=\(directory.appendingPathComponent(screenshot).path)", "--window-size=\(Self.window.width),\(Self.window.height)"]
        }
        arguments.append(directory.appendingPathComponent(page).absoluteString)
        let run = try OutsidePrograms.run(timeout, arguments, in: directory)
        #expect(run.status != 124 && run.status != 137, "Chromium did not finish \(page) within \(Self.timeoutSeconds) s")
        let console = run.stderr.split(whereSeparator: \.isNewline).filter { $0.contains(":CONSOLE") }.map(String.init)
        return Browsed(status: run.status, consoleLines: console, dom: run.text, stderr: run.stderr)
    }

    /// The text of a printed PDF in its two readings (drawing order, reading order), white
    /// space folded to single spaces.
    func renderedText(_ pdf: URL) throws -> [String] {
        try [["-raw"], []].map { mode in
            let run = try OutsidePrograms.run(try #require(Self.pdftotext), mode + ["-enc", "UTF-8", pdf.path, "-"])
            #expect(run.status == 0, "pdftotext: \(run.stderr)")
            return Self.folded(run.text)
        }
    }

    static func folded(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The names in `names` that are not in `text` as a whole: a name counts only where the
    /// characters on both sides are no letter or digit ("Ana Silva 1" is not found in
    /// "Ana Silva 12").
    static func missing(_ names: [String], in readings: [String]) -> [String] {
        names.filter { name in
            let name = folded(name)
            return !readings.contains { text in text.ranges(of: name).contains { range in
                let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
                let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
                return [before, after].allSatisfy { $0.map { !($0.isLetter || $0.isNumber) } ?? true }
            } }
        }
    }

    /// The screenshot: a PNG of the window's size, with more in it than a blank page.
    func expectSaneScreenshot(_ file: URL, _ what: String) {
        let data = FileManager.default.contents(atPath: file.path)
        guard let data, let header = PNGHeader(data) else {
            Issue.record("\(what): no PNG screenshot")
            return
        }
        #expect(header.width == Self.window.width && header.height == Self.window.height, "\(what): \(header.width) × \(header.height)")
        #expect(data.count > 20_000, "\(what): a \(data.count)-byte screenshot looks blank (a blank page is about 5 KB)")
    }

    func expectLoadedCleanly(_ browsed: Browsed, _ what: String) {
        #expect(browsed.status == 0, "\(what): Chromium exited with \(browsed.status): \(browsed.stderr.suffix(2_000))")
        #expect(browsed.consoleLines.isEmpty, "\(what): console messages:\n\(browsed.consoleLines.joined(separator: "\n"))")
        #expect(!browsed.dom.isEmpty, "\(what): no DOM after loading")
        #expect(!browsed.dom.contains("<parsererror"), "\(what): Chromium could not parse it: \(browsed.dom.prefix(1_000))")
    }

    /// The width and height of the SVG's root element.
    func svgSize(_ svg: String) throws -> (Int, Int) {
        let open = try #require(svg.range(of: "<svg"))
        let tag = svg[open.upperBound..<(svg.range(of: ">", range: open.upperBound..<svg.endIndex)?.lowerBound ?? svg.endIndex)]
        func attribute(_ name: String) throws -> Int {
            let match = try #require(tag.firstMatch(of: try Regex(" \(name)=\"([0-9.]+)\"")), "the SVG has a \(name)")
            return Int((Double(String(try #require(match.output[1].substring))) ?? 0).rounded(.up))
        }
        return (try attribute("width"), try attribute("height"))
    }

    /// An HTML page holding the SVG file `svg` in an iframe of its size, printed on one page
    /// of that size (scaled down to fit the largest page Chromium prints, 200 inches).
    func printablePage(for svg: String, in directory: URL) throws -> String {
        let text = try String(contentsOf: directory.appendingPathComponent(svg), encoding: .utf8)
        let (width, height) = try svgSize(text)
        let scale = min(1, 19_000 / Double(max(width, height)))
        let pageWidth = Int((Double(width) * scale).rounded(.up)), pageHeight = Int((Double(height) * scale).rounded(.up))
        let page = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>print \(svg)</title>
            <style>@page { size: \(pageWidth)px \(pageHeight)px; margin: 0 } html, body { margin: 0 }
            iframe { border: 0; display: block; width: \(width)px; height: \(height)px; transform: scale(\(scale)); transform-origin: 0 0 }</style>
            </head><body><iframe src="\(svg)"></iframe></body></html>
            """
        let name = "print-\(svg).html"
        try page.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return name
    }

    /// Exports `org.json` in `directory` as HTML and SVG and checks both pages in the browser.
    func checkExports(of org: Org, in directory: URL, _ what: String) throws {
        let names = org.people.map(\.name)
        #expect(!names.isEmpty)
        for format in ["html", "svg"] {
            let export = try OutsidePrograms.hats(["export", "org.json", "--format", format, "-o", "org.\(format)"], in: directory)
            #expect(export.status == 0, "\(export.stderr)")
        }

        // The HTML: one run loads it, prints it and takes the screenshot.
        let html = try browse("org.html", in: directory, print: "html.pdf", screenshot: "html.png")
        expectLoadedCleanly(html, "\(what) HTML")
        let htmlMissing = Self.missing(names, in: try renderedText(directory.appendingPathComponent("html.pdf")))
        #expect(htmlMissing.isEmpty, "\(what) HTML: \(htmlMissing.count) names are not in the printed page, such as \(htmlMissing.prefix(5))")
        expectSaneScreenshot(directory.appendingPathComponent("html.png"), "\(what) HTML")

        // The SVG: opened by itself for the console, the DOM and the screenshot; printed
        // from a page of its size for the text.
        let svg = try browse("org.svg", in: directory, screenshot: "svg.png")
        expectLoadedCleanly(svg, "\(what) SVG")
        #expect(svg.dom.contains("<svg"), "\(what) SVG: the DOM is an SVG document")
        expectSaneScreenshot(directory.appendingPathComponent("svg.png"), "\(what) SVG")
        let printed = try browse(try printablePage(for: "org.svg", in: directory), in: directory, print: "svg.pdf")
        expectLoadedCleanly(printed, "\(what) SVG in a page")
        let svgMissing = Self.missing(names, in: try renderedText(directory.appendingPathComponent("svg.pdf")))
        #expect(svgMissing.isEmpty, "\(what) SVG: \(svgMissing.count) names are not in the printed chart, such as \(svgMissing.prefix(5))")
    }

    @Test("the checks catch what they are for: a console error, a broken SVG, a missing name")
    func checksCatchFaults() throws {
        guard Self.ready else { return }
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try #"<!DOCTYPE html><html><head><title>fault</title></head><body><p>Ana</p><script>console.error("hats-test-fault")</script></body></html>"#
            .write(to: directory.appendingPathComponent("fault.html"), atomically: true, encoding: .utf8)
        try #"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><text x="10" y="50">Ana</text><g></svg>"#
            .write(to: directory.appendingPathComponent("broken.svg"), atomically: true, encoding: .utf8)
        let fault = try browse("fault.html", in: directory)
        #expect(fault.status == 0)
        #expect(fault.consoleLines.contains { $0.contains("hats-test-fault") }, "a console.error is seen: \(fault.stderr.suffix(2_000))")
        let broken = try browse("broken.svg", in: directory)
        #expect(broken.dom.contains("<parsererror"), "a broken SVG is seen: \(broken.dom.prefix(500))")
        #expect(Self.missing(["Ana Silva 1", "Ana Silva 12"], in: ["x Ana Silva 12 y"]) == ["Ana Silva 1"])
        #expect(Self.missing(["王芳 1", "Zoë Müller"], in: ["王芳1 Zoë", Self.folded("王芳 1\n Zoë\nMüller")]).isEmpty,
                "a name found in either reading counts")
    }

    @Test("msp-10: the HTML and the SVG load cleanly, show every name, and screenshot")
    func msp10() throws {
        guard Self.ready else { return }
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let org = try OutsidePrograms.preset(named: "org.json", in: directory)
        try checkExports(of: org, in: directory, "msp-10")
    }

    @Test("a 1,000-person generated org: the HTML and the SVG load cleanly, show every name, and screenshot")
    func thousandPeople() throws {
        guard Self.ready else { return }
        let directory = try HatsProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let org = try OutsidePrograms.generatedOrg(1000, seed: 7, named: "org.json", in: directory)
        try checkExports(of: org, in: directory, "1,000 people")
    }
}
