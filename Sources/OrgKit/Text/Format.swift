/// Numbers as the checker and the builder show them.
public enum Format {
    /// "45.0 h"
    public static func hours(_ value: Double) -> String {
        var bytes: [UInt8] = []
        appendOneDecimal(value, to: &bytes)
        bytes += " h".utf8
        return String(decoding: bytes, as: UTF8.self)
    }

    /// "45.0" (one decimal, always).
    public static func oneDecimal(_ value: Double) -> String {
        var bytes: [UInt8] = []
        appendOneDecimal(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `oneDecimal` written as UTF-8 (the one implementation; a large report's table is
    /// written as bytes, not strings).
    public static func appendOneDecimal(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else { return out.append(contentsOf: (value > 0 ? "∞" : "—").utf8) }
        let tenths = (value * 10).rounded()
        let whole = Int(tenths / 10)
        let fraction = Int(abs(tenths.truncatingRemainder(dividingBy: 10)))
        if tenths < 0 && whole == 0 { out.append(UInt8(ascii: "-")) }
        appendInteger(whole, to: &out)
        out.append(UInt8(ascii: "."))
        out.append(UInt8(ascii: "0") + UInt8(fraction))
    }

    /// "188 %" for a load of 1.875; "∞ %" for an infinite load.
    public static func percent(_ fraction: Double) -> String {
        var bytes: [UInt8] = []
        appendPercent(fraction, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `percent` written as UTF-8.
    public static func appendPercent(_ fraction: Double, to out: inout [UInt8]) {
        appendPercentNumber(fraction, to: &out)
        out.append(contentsOf: " %".utf8)
    }

    /// "188" for 1.875, rounded half up; "∞" when infinite.
    public static func percentNumber(_ fraction: Double) -> String {
        var bytes: [UInt8] = []
        appendPercentNumber(fraction, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendPercentNumber(_ fraction: Double, to out: inout [UInt8]) {
        guard fraction.isFinite else { return out.append(contentsOf: "∞".utf8) }
        appendInteger(Int((fraction * 100).rounded(.toNearestOrAwayFromZero)), to: &out)
    }

    /// A whole number's decimal digits, as `String(number)` writes them.
    public static func appendInteger(_ number: Int, to out: inout [UInt8]) {
        if number < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
        }
    }

    /// "1 year", "2.5 years".
    public static func years(_ value: Double) -> String {
        let text = JSONWriter.formatNumber((value * 10).rounded() / 10)
        return value == 1 ? "1 year" : "\(text) years"
    }

    /// How long ago, roughly: "just now", "5 minutes ago", "3 hours ago", "2 days ago".
    public static func age(_ seconds: Double) -> String {
        let minutes = Int(max(0, seconds) / 60)
        if minutes < 1 { return "just now" }
        if minutes < 60 { return "\(count(minutes, "minute")) ago" }
        if minutes < 48 * 60 { return "\(count(minutes / 60, "hour")) ago" }
        return "\(count(minutes / (24 * 60), "day")) ago"
    }

    /// "1 hat", "3 hats", "9,000 characters".
    public static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(grouped(number)) \(number == 1 ? singular : (plural ?? singular + "s"))"
    }

    /// A whole number with commas between thousands, whatever the locale: "10,000".
    public static func grouped(_ number: Int) -> String {
        var digits: [UInt8] = []
        appendInteger(number, to: &digits)
        let start = number < 0 ? 1 : 0
        let count = digits.count - start
        guard count > 3 else { return String(decoding: digits, as: UTF8.self) }
        var result: [UInt8] = []
        result.reserveCapacity(digits.count + count / 3)
        result += digits[..<start]
        for index in 0..<count {
            if index > 0, (count - index) % 3 == 0 { result.append(UInt8(ascii: ",")) }
            result.append(digits[start + index])
        }
        return String(decoding: result, as: UTF8.self)
    }
}

extension String {
    /// The text without white space (any Unicode kind) at either end.
    public var trimmingSpaces: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
