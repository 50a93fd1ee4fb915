/// A set of positions (non-negative `Int`s, such as a person's place in the org), for the
/// advisor's candidate lists: `Set<Int>` hashes each one with SipHash through `Hasher`
/// (some 190 instructions an insert, callgrind); positions are no one's choice, so a
/// multiplication (Fibonacci hashing) spreads them well enough.
///
/// Open addressing with linear probing, at most half full.
struct PositionSet {
    /// 0 for an empty slot, else the position + 1.
    private var slots: [Int]
    private var shift: Int
    private(set) var count = 0

    init(minimumCapacity: Int = 8) {
        var bits = 4
        while 1 << bits < 2 * minimumCapacity { bits += 1 }
        slots = [Int](repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    /// Adds `position`; whether it was new (as `Set.insert(_:).inserted`).
    @discardableResult
    mutating func insert(_ position: Int) -> Bool {
        precondition(position >= 0, "a position is never negative")
        let (slot, found) = probe(position)
        if found { return false }
        slots[slot] = position + 1
        count += 1
        if 2 * count > slots.count { grow() }
        return true
    }

    func contains(_ position: Int) -> Bool {
        position >= 0 && probe(position).found
    }

    /// The slot holding `position`, or the empty slot where it would go.
    private func probe(_ position: Int) -> (slot: Int, found: Bool) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: position) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
        while slots[slot] != 0 {
            if slots[slot] == position + 1 { return (slot, true) }
            slot = (slot + 1) & mask
        }
        return (slot, false)
    }

    private mutating func grow() {
        let old = slots
        slots = [Int](repeating: 0, count: 2 * old.count)
        shift -= 1
        count = 0
        for held in old where held != 0 { insert(held - 1) }
    }
}
