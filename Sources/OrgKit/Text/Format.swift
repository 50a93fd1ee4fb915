/// Numbers as the checker and the builder show them.
public enum Format {
    /// "45.0 h"
    public static func hours(_ value: Double) -> String {
        var text = oneDecimalText(value)
        text.append(" h")
        return text.string
    }

    /// `hours` written as UTF-8.
    public static func appendHours(_ value: Double, to out: inout [UInt8]) {
        var text = oneDecimalText(value)
        text.append(" h")
        text.write(to: &out)
    }

    /// "45.0" (one decimal, always).
    public static func oneDecimal(_ value: Double) -> String {
        oneDecimalText(value).string
    }

    /// `oneDecimal` written as UTF-8 (a large report's table is written as bytes).
    public static func appendOneDecimal(_ value: Double, to out: inout [UInt8]) {
        oneDecimalText(value).write(to: &out)
    }

    /// The one implementation of `oneDecimal`.
    public static func oneDecimalText(_ value: Double) -> ShortText {
        var text = ShortText()
        guard value.isFinite else {
            text.append(value > 0 ? "∞" : "—")
            return text
        }
        let tenths = (value * 10).rounded()
        let whole = Int(tenths / 10)
        let fraction = Int(abs(tenths.truncatingRemainder(dividingBy: 10)))
        if tenths < 0 && whole == 0 { text.append(UInt8(ascii: "-")) }
        text.append(integer: whole)
        text.append(UInt8(ascii: "."))
        text.append(UInt8(ascii: "0") + UInt8(fraction))
        return text
    }

    /// "188 %" for a load of 1.875; "∞ %" for an infinite load.
    public static func percent(_ fraction: Double) -> String {
        percentText(fraction).string
    }

    /// `percent` written as UTF-8.
    public static func appendPercent(_ fraction: Double, to out: inout [UInt8]) {
        percentText(fraction).write(to: &out)
    }

    public static func percentText(_ fraction: Double) -> ShortText {
        var text = percentNumberText(fraction)
        text.append(" %")
        return text
    }

    /// "188" for 1.875, rounded half up; "∞" when infinite.
    public static func percentNumber(_ fraction: Double) -> String {
        percentNumberText(fraction).string
    }

    static func percentNumberText(_ fraction: Double) -> ShortText {
        var text = ShortText()
        if fraction.isFinite {
            text.append(integer: Int((fraction * 100).rounded(.toNearestOrAwayFromZero)))
        } else {
            text.append("∞")
        }
        return text
    }

    /// A whole number's decimal digits, as `String(number)` writes them.
    public static func appendInteger(_ number: Int, to out: inout [UInt8]) {
        var text = ShortText()
        text.append(integer: number)
        text.write(to: &out)
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
        var digits = ShortText()
        digits.append(integer: number)
        let start = number < 0 ? 1 : 0
        let count = digits.count - start
        guard count > 3 else { return digits.string }
        var result = ShortText()
        if number < 0 { result.append(UInt8(ascii: "-")) }
        for index in 0..<count {
            if index > 0, (count - index) % 3 == 0 { result.append(UInt8(ascii: ",")) }
            result.append(digits[start + index])
        }
        return result.string
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

/// A short text (at most 32 bytes of UTF-8: a number, a table cell) composed on the stack
/// and then written out at once: appending to an array byte by byte checked its capacity
/// and uniqueness at each byte, and every number of a large report went through it.
public struct ShortText {
    private var storage: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    public private(set) var count = 0

    public init() {}

    subscript(index: Int) -> UInt8 {
        withUnsafeBytes(of: storage) { $0[index] }
    }

    /// Terminal columns, for text whose every character takes one (digits, ".", "%", "−",
    /// "∞", "—", "✖", "▲", letters): its scalars, the bytes that do not continue one.
    public var columns: Int {
        var columns = 0
        for index in 0..<count where self[index] & 0xC0 != 0x80 { columns += 1 }
        return columns
    }

    public mutating func append(_ byte: UInt8) {
        guard count < 32 else { return }
        withUnsafeMutableBytes(of: &storage) { $0[count] = byte }
        count += 1
    }

    public mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { for byte in $0 { append(byte) } }
    }

    /// The digits of `number` (a sign first when negative), as `String(number)` writes them.
    public mutating func append(integer number: Int) {
        if number < 0 { append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        let start = count
        repeat {
            append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        // Written least significant first: reversed in place.
        withUnsafeMutableBytes(of: &storage) { bytes in
            var (low, high) = (start, count - 1)
            while low < high {
                bytes.swapAt(low, high)
                low += 1
                high -= 1
            }
        }
    }

    /// Appended to another short text (as much as fits).
    public func write(to other: inout ShortText) {
        let copied = min(count, 32 - other.count)
        guard copied > 0 else { return }
        withUnsafeBytes(of: storage) { source in
            withUnsafeMutableBytes(of: &other.storage) { target in
                for index in 0..<copied { target[other.count + index] = source[index] }
            }
        }
        other.count += copied
    }

    /// `count` spaces (as many as fit).
    public mutating func appendSpaces(_ spaces: Int) {
        let added = min(max(0, spaces), 32 - count)
        guard added > 0 else { return }
        withUnsafeMutableBytes(of: &storage) { bytes in
            for index in count..<count + added { bytes[index] = UInt8(ascii: " ") }
        }
        count += added
    }

    public func write(to out: inout [UInt8]) {
        // As a raw buffer (copied at once through its contiguous storage): a slice of one
        // was appended byte by byte through an iterator (some 190 instructions a number).
        withUnsafeBytes(of: storage) { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
    }

    public var string: String {
        withUnsafeBytes(of: storage) { String(decoding: UnsafeRawBufferPointer(rebasing: $0[..<count]), as: UTF8.self) }
    }
}

extension Array where Element == UInt8 {
    /// Appends a string's UTF-8 bytes, at once from its contiguous storage (every native
    /// string has it): what the generic `+=` does, in fewer steps (callgrind: 175
    /// instructions an append through the generic path, for the short parts a large
    /// report is made of). The same bytes as `self.append(contentsOf: text)`.
    @inlinable
    public static func += (bytes: inout [UInt8], text: String.UTF8View) {
        if text.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: Array(text))
        }
    }
}
