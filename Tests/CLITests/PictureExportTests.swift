import Foundation
import Testing
@testable import OrgKit

/// `hats export --format png|pdf`, run as a user would: the file a mail client or a PDF
/// reader gets (a PNG's signature and size, a PDF's page count read by `pdfinfo`), what
/// happens without rsvg-convert, and where binary output may go.
@Suite("PNG and PDF export", .serialized)
struct PictureExportTests {
    static let hasRsvg: Bool = {
        let found = OutsidePrograms.which("rsvg-convert") != nil
        if !found { print("SKIP: rsvg-convert is not installed; PNG and PDF export tests are skipped (apt-get install librsvg2-bin)") }
        return found
    }()

    static let pdfinfo: String? = {
        let found = OutsidePrograms.which("pdfinfo")
        if found == nil { print("SKIP: pdfinfo is not installed; the PDF page count is not checked (apt-get install poppler-utils)") }
        return found
    }()

    /// A scratch folder holding msp-10 as org.json; removed by `deinit`.
    final class Scratch {
        let url: URL
        init() throws {
            url = try HatsProcess.temporaryDirectory()
            try OutsidePrograms.preset(named: "org.json", in: url)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        func bytes(_ name: String) -> Data? { FileManager.default.contents(atPath: path(name)) }
        func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }
        func hats(_ arguments: [String], environment: [String: String] = [:]) throws -> ProgramRun {
            try OutsidePrograms.hats(arguments, in: url, environment: environment)
        }
    }

    /// A PNG a mail client can show: the signature, an IHDR chunk, a size that is neither a
    /// sliver nor larger than the limits `hats` renders within.
    func expectSanePNG(_ data: Data?, _ what: String) {
        guard let data, let header = PNGHeader(data) else {
            Issue.record("\(what): not a PNG (first bytes: \(Array((data ?? Data()).prefix(8))))")
            return
        }
        #expect(header.width > 100 && header.height > 100, "\(what): \(header.width) × \(header.height) px")
        #expect(header.width <= 16_384 && header.height <= 16_384 && header.width * header.height <= 40_000_000,
                "\(what): \(header.width) × \(header.height) px is larger than hats renders")
    }

    /// The PDF's page count, as `pdfinfo` reads it.
    func pages(_ file: String) throws -> Int? {
        guard let pdfinfo = Self.pdfinfo else { return nil }
        let info = try OutsidePrograms.run(pdfinfo, [file])
        #expect(info.status == 0, "pdfinfo: \(info.stderr)")
        let line = info.text.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        return line.flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    }

    @Test("msp-10 as a PNG (-o) and a one-page PDF (piped)")
    func msp10() throws {
        guard Self.hasRsvg else { return }
        let scratch = try Scratch()
        let png = try scratch.hats(["export", "org.json", "--format", "png", "-o", "chart.png"])
        #expect(png.status == 0 && png.stderr.isEmpty && png.stdout.isEmpty, "\(png.stderr)")
        expectSanePNG(scratch.bytes("chart.png"), "msp-10 PNG")

        let pdf = try scratch.hats(["export", "org.json", "--format", "pdf"])
        #expect(pdf.status == 0 && pdf.stderr.isEmpty, "\(pdf.stderr)")
        #expect(pdf.stdout.starts(with: Array("%PDF-".utf8)), "a pipe gets the PDF's bytes")
        try pdf.stdout.write(to: scratch.url.appendingPathComponent("piped.pdf"))
        if let count = try pages(scratch.path("piped.pdf")) { #expect(count == 1) }

        // -o - writes the same bytes as a pipe.
        let dash = try scratch.hats(["export", "org.json", "--format", "png", "-o", "-"])
        #expect(dash.status == 0 && dash.stdout == scratch.bytes("chart.png"), "-o - and -o FILE write the same PNG")
    }

    @Test("a 1,000-person generated org as a PNG (piped) and a one-page PDF (-o)")
    func thousandPeople() throws {
        guard Self.hasRsvg else { return }
        let scratch = try Scratch()
        try OutsidePrograms.generatedOrg(1000, seed: 7, named: "big.json", in: scratch.url)
        let png = try scratch.hats(["export", "big.json", "--format", "png"])
        #expect(png.status == 0 && png.stderr.isEmpty, "\(png.stderr)")
        expectSanePNG(png.stdout, "1,000-person PNG")

        let pdf = try scratch.hats(["export", "big.json", "--format", "pdf", "-o", "big.pdf"])
        #expect(pdf.status == 0 && pdf.stderr.isEmpty, "\(pdf.stderr)")
        #expect(scratch.bytes("big.pdf")?.starts(with: Array("%PDF-".utf8)) == true)
        if let count = try pages(scratch.path("big.pdf")) { #expect(count == 1) }
    }

    @Test("without rsvg-convert on PATH: exit 2, what to install, nothing written or replaced")
    func missingTool() throws {
        let scratch = try Scratch()
        try Data("old\n".utf8).write(to: scratch.url.appendingPathComponent("old.png"))
        for format in ["png", "pdf"] {
            let message = "hats export: --format \(format) needs rsvg-convert (Debian/Ubuntu: apt install librsvg2-bin; macOS: brew install librsvg)\n"
            // The binary is started by its full path; PATH holds no rsvg-convert.
            let new = try scratch.hats(["export", "org.json", "--format", format, "-o", "chart.\(format)"], environment: ["PATH": "/nonexistent"])
            #expect(new.status == 2)
            #expect(new.stderr == message)
            #expect(new.stdout.isEmpty)
            #expect(!scratch.exists("chart.\(format)"), "no file is written")
            let replacing = try scratch.hats(["export", "org.json", "--format", format, "-o", "old.png", "--force"], environment: ["PATH": "/nonexistent"])
            #expect(replacing.status == 2 && replacing.stderr == message)
            #expect(scratch.bytes("old.png") == Data("old\n".utf8), "an existing file is untouched")
            let piped = try scratch.hats(["export", "org.json", "--format", format], environment: ["PATH": "/nonexistent"])
            #expect(piped.status == 2 && piped.stderr == message && piped.stdout.isEmpty)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted()
        #expect(leftovers == ["old.png", "org.json"])
    }

    @Test("rsvg-convert that fails: exit 2, its complaint, nothing written")
    func failingTool() throws {
        let scratch = try Scratch()
        let bin = scratch.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let fake = bin.appendingPathComponent("rsvg-convert")
        try Data("#!/bin/sh\necho 'cannot render: out of memory' >&2\nexit 3\n".utf8).write(to: fake)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        // First on PATH, before any real one; the rest of PATH stays (under AddressSanitizer
        // the binary needs llvm-symbolizer from it to apply scripts/lsan.supp).
        let path = ProcessInfo.processInfo.environment["PATH"].map { "\(bin.path):\($0)" } ?? bin.path
        let run = try scratch.hats(["export", "org.json", "--format", "png", "-o", "chart.png"], environment: ["PATH": path])
        #expect(run.status == 2)
        #expect(run.stderr == "hats export: rsvg-convert could not render the chart as PNG (exit 3): cannot render: out of memory; nothing was written\n")
        #expect(!scratch.exists("chart.png"))
    }

    @Test("the -o rules hold for binary output: an existing file needs --force, the input is never replaced")
    func outputRules() throws {
        guard Self.hasRsvg else { return }
        let scratch = try Scratch()
        try Data("old\n".utf8).write(to: scratch.url.appendingPathComponent("chart.png"))
        let refused = try scratch.hats(["export", "org.json", "--format", "png", "-o", "chart.png"])
        #expect(refused.status == 2)
        #expect(refused.stderr == "hats export: chart.png already exists; nothing was written (add --force to replace it)\n")
        #expect(scratch.bytes("chart.png") == Data("old\n".utf8))

        let original = scratch.bytes("org.json")
        let overInput = try scratch.hats(["export", "org.json", "--format", "pdf", "-o", "org.json", "--force"])
        #expect(overInput.status == 2)
        #expect(overInput.stderr == "hats export: org.json is the input file org.json; nothing was written (give another -o)\n")
        #expect(scratch.bytes("org.json") == original)

        let forced = try scratch.hats(["export", "org.json", "--format", "png", "-o", "chart.png", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        expectSanePNG(scratch.bytes("chart.png"), "the replaced chart.png")

        let device = try scratch.hats(["export", "org.json", "--format", "pdf", "-o", "/dev/null"])
        #expect(device.status == 0, "\(device.stderr)")
        #expect(FileKind(path: "/dev/null") == .characterDevice)
    }

    @Test("on a terminal without -o: refused (exit 2), no bytes shown; -o - writes them anyway")
    func terminal() throws {
        guard Self.hasRsvg else { return }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            print("SKIP: script (util-linux) is not installed; binary output on a terminal is not checked")
            return
        }
        let scratch = try Scratch()
        let hats = OutputTargetTests.hatsPath
        let status = system("cd '\(scratch.url.path)' && TERM=dumb script -qec \"\(hats) export org.json --format png\" /dev/null > shown.txt 2>&1 < /dev/null")
        let shown = scratch.bytes("shown.txt") ?? Data()
        #expect(status != 0, "script passes on hats's failure")
        #expect(String(decoding: shown, as: UTF8.self).contains("hats export: binary output: give -o FILE or pipe it (-o - writes the PNG here anyway)"))
        #expect(shown.range(of: Data("IHDR".utf8)) == nil, "no PNG bytes reach the terminal")

        system("cd '\(scratch.url.path)' && TERM=dumb script -qec \"\(hats) export org.json --format png -o -\" /dev/null > asked.txt 2>&1 < /dev/null")
        #expect(scratch.bytes("asked.txt")?.range(of: Data("IHDR".utf8)) != nil, "-o - writes the PNG to the terminal when asked")
    }
}
