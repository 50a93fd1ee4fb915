/// A check that failed: the fuzz targets trap with it, the regression tests report it.
public struct CheckFailure: Error, CustomStringConvertible, Sendable {
    /// Which check: "org round trip", "svg well-formed", …
    public var check: String
    public var detail: String

    public init(_ check: String, _ detail: String) {
        self.check = check
        self.detail = detail
    }

    public var description: String { "\(check): \(detail)" }
}

/// Throws `CheckFailure(check(), detail())` unless `condition` holds. Both texts are
/// built only on failure: these checks run millions of times.
@inline(__always)
func expect(_ condition: Bool, _ check: @autoclosure () -> String, _ detail: @autoclosure () -> String) throws(CheckFailure) {
    if !condition { throw CheckFailure(check(), detail()) }
}

/// A short, unambiguous rendering of text for failure messages: Swift's debug description
/// (escapes controls), cut to a few hundred characters.
func shown(_ text: String) -> String {
    let debug = text.debugDescription
    return debug.unicodeScalars.count <= 300 ? debug : String(String.UnicodeScalarView(debug.unicodeScalars.prefix(300))) + "…"
}
