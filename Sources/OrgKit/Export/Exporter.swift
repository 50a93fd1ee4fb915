/// The formats `hats export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    case text, json
}

public struct ExportOptions: Sendable {
    /// Text chart: ASCII guides instead of box drawing.
    public var ascii: Bool
    public init(ascii: Bool = false) { self.ascii = ascii }
}

/// Every exporter is a pure function from an org to text.
public enum Exporter {
    public static func export(_ org: Org, as format: ExportFormat, options: ExportOptions = ExportOptions()) -> String {
        switch format {
        case .json: OrgFile.encode(org)
        case .text: TextChart.render(org, options: TextChart.Options(ascii: options.ascii))
        }
    }
}
