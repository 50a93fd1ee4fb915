import Foundation
import OrgKit

/// `hats export --format png|pdf`: the SVG chart drawn by OrgKit, rendered by
/// `rsvg-convert` (librsvg). OrgKit stays pure (text in, text out); running an outside
/// program is the command line's business, so it lives here.
///
/// These formats are not `ExportFormat` cases on purpose: the builder's export dialog offers
/// every `ExportFormat`, and it writes text from a pure function without spawning programs.
enum PictureFormat: String, CaseIterable, Sendable {
    case png, pdf

    /// "PNG", "PDF": how messages name the file.
    var label: String { rawValue.uppercased() }
}

/// What `--format` names: one of OrgKit's text formats, or a picture of the chart.
enum ExportTarget: Equatable {
    case text(ExportFormat)
    case picture(PictureFormat)

    init?(_ name: String) {
        if let format = ExportFormat(rawValue: name) {
            self = .text(format)
        } else if let picture = PictureFormat(rawValue: name) {
            self = .picture(picture)
        } else {
            return nil
        }
    }

    /// Every format name, in the order help and messages list them.
    static var names: [String] {
        ExportFormat.allCases.map(\.rawValue) + PictureFormat.allCases.map(\.rawValue)
    }
}

enum ChartPicture {
    static let tool = "rsvg-convert"

    /// The line that says what to install.
    static func missingTool(_ format: PictureFormat) -> String {
        "hats export: --format \(format.rawValue) needs \(tool) (Debian/Ubuntu: apt install librsvg2-bin; macOS: brew install librsvg)"
    }

    /// The PNG's size: two pixels per SVG unit (192 dpi, sharp on a high-density screen and
    /// in a mail client that shows it at half size), scaled down when the chart is larger
    /// than either limit. Both keep the memory rsvg-convert needs in bounds (4 bytes a
    /// pixel: 40 megapixels is 160 MB) and the picture one that image viewers open.
    static let maxPixels = 40_000_000.0
    static let pngZoom = 2.0
    static let maxSide = 16_384.0

    /// The PDF's page: the chart's own size (one SVG unit is 0.75 pt), scaled down when a
    /// side would pass 14,400 pt (200 inches), the largest page Adobe's readers open.
    static let maxPageUnits = 14_400.0 / 0.75

    /// The PATH entry holding `rsvg-convert`, as a shell would find it; nil when there is
    /// none. An empty PATH entry (the current directory) is not searched.
    static func find(environment: [String: String]) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = "\(directory)/\(tool)"
            var info = stat()
            if stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }

    /// The `--zoom` for the chart `svg` in `format` (1 unless the chart is too large).
    static func zoom(for svg: String, as format: PictureFormat) -> Double {
        guard let (width, height) = size(of: svg), width > 0, height > 0 else { return 1 }
        let zoom: Double
        switch format {
        case .png: zoom = min(pngZoom, maxSide / max(width, height), (maxPixels / (width * height)).squareRoot())
        case .pdf: zoom = min(1, maxPageUnits / max(width, height))
        }
        return max(zoom, 0.0001)
    }

    /// The width and height of the root `<svg>` element.
    static func size(of svg: String) -> (Double, Double)? {
        guard let start = svg.range(of: "<svg"), let end = svg.range(of: ">", range: start.upperBound..<svg.endIndex) else { return nil }
        let tag = svg[start.upperBound..<end.lowerBound]
        func attribute(_ name: String) -> Double? {
            guard let found = tag.range(of: " \(name)=\"") else { return nil }
            let rest = tag[found.upperBound...]
            guard let close = rest.firstIndex(of: "\"") else { return nil }
            return Double(rest[..<close])
        }
        guard let width = attribute("width"), let height = attribute("height") else { return nil }
        return (width, height)
    }

    /// "0.4427": at most four decimals, rounded down so a limit is never passed.
    static func decimal(_ value: Double) -> String {
        let tenThousandths = Int((value * 10_000).rounded(.down))
        let fraction = String(tenThousandths % 10_000)
        return "\(tenThousandths / 10_000).\(String(repeating: "0", count: 4 - fraction.count))\(fraction)"
    }

    /// Renders `svg` as `format` with the `rsvg-convert` at `toolPath`: its bytes. The SVG
    /// and the picture go through a private temporary directory, removed afterwards.
    static func render(_ svg: String, as format: PictureFormat, toolPath: String, environment: [String: String]) throws -> [UInt8] {
        let base = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(base)/hats-export-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw CommandFailure("hats export: cannot make a temporary directory in \(base): \(String(cString: strerror(errno)))")
        }
        let directory = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = "\(directory)/chart.svg"
        let output = "\(directory)/chart.\(format.rawValue)"
        do {
            try Data(svg.utf8).write(to: URL(fileURLWithPath: input))
        } catch {
            throw CommandFailure("hats export: cannot write a temporary file in \(base): \(error.localizedDescription)")
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: toolPath)
        process.arguments = ["--format", format.rawValue, "--zoom", decimal(zoom(for: svg, as: format)), "--output", output, input]
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw CommandFailure("hats export: cannot run \(toolPath): \(error.localizedDescription)")
        }
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let complaint = String(decoding: said, as: UTF8.self)
            .split(whereSeparator: \.isNewline).first.map { ": \($0)" } ?? ""
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let how = process.terminationReason == .exit ? "exit \(process.terminationStatus)" : "signal \(process.terminationStatus)"
            throw CommandFailure("hats export: \(tool) could not render the chart as \(format.label) (\(how))\(complaint); nothing was written")
        }
        guard let bytes = FileManager.default.contents(atPath: output), !bytes.isEmpty else {
            throw CommandFailure("hats export: \(tool) made no \(format.label)\(complaint); nothing was written")
        }
        return Array(bytes)
    }
}
