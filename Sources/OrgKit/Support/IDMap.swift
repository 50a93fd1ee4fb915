/// A table from ids to values, for the lookups by id that the checker makes hundreds of
/// thousands of times (each hat's role, each person's manager, each candidate's roles).
///
/// Swift's `Dictionary` hashes a `String` through `Hasher` (SipHash, seeded and finalised
/// at every lookup): some 350 instructions a lookup, and a sixth of `hats check`'s work
/// at 10,000 people (callgrind; docs/performance.md, "Fourth round"). This table hashes an
/// id's UTF-8 bytes eight at a time with a multiply-and-mix, seeded at random once per
/// process, so that no file can be written to make its ids collide.
///
/// Open addressing with linear probing over a power-of-two table at most half full; each
/// slot holds 32 bits of the hash (which also place it) and the entry's number. Entries
/// are kept dense, in the order they were added, until a removal moves the last entry into
/// the gap (as a `Dictionary`'s, their order is no promise).
struct IDMap<Value> {
    /// The ids, by entry.
    private(set) var keys: [String] = []
    /// The values, by entry (`keys[i]`'s is `values[i]`).
    private(set) var values: [Value] = []
    /// 0 for an empty slot; else the hash's high 32 bits above the entry's number + 1.
    private var slots: [UInt64] = []
    /// The process's seed, kept here: reading the global at each lookup went through
    /// `swift_once`.
    private let seed = IDHash.seed

    init() {}

    init(minimumCapacity: Int) {
        reserveCapacity(minimumCapacity)
    }

    var count: Int { keys.count }
    var isEmpty: Bool { keys.isEmpty }

    subscript(key: String) -> Value? {
        get { entry(of: key).map { values[$0] } }
        set {
            if let newValue {
                if let entry = entry(of: key) { values[entry] = newValue } else { append(key, newValue) }
            } else if let entry = entry(of: key) {
                remove(entry: entry)
            }
        }
    }

    /// Changes the value of `key` in place (no copy of it, when it is an array), starting
    /// from `value` when the key is new.
    @discardableResult
    mutating func update<Result>(_ key: String, default value: @autoclosure () -> Value, _ change: (inout Value) -> Result) -> Result {
        let entry = entry(of: key) ?? append(key, value())
        return change(&values[entry])
    }

    /// The value of `key`, adding `value` first when the key is new (`Dictionary`'s
    /// `self[key, default: value]`, read once).
    mutating func value(of key: String, adding value: @autoclosure () -> Value) -> Value {
        values[entry(of: key) ?? append(key, value())]
    }

    /// Changes the value of entry `entry` (an index of `keys` and `values`) in place.
    mutating func updateValue<Result>(at entry: Int, _ change: (inout Value) -> Result) -> Result {
        change(&values[entry])
    }

    /// Changes every value in place (ids and places are unchanged).
    mutating func updateValues(_ change: (inout Value) -> Void) {
        for entry in values.indices { change(&values[entry]) }
    }

    /// The map with each value transformed (the same ids and places).
    func mapValues<T>(_ transform: (Value) -> T) -> IDMap<T> {
        var result = IDMap<T>()
        result.keys = keys
        result.values = values.map(transform)
        result.slots = slots
        return result
    }

    /// Only the entries that `isIncluded` keeps.
    func filter(_ isIncluded: (String, Value) -> Bool) -> IDMap {
        var result = IDMap(minimumCapacity: count)
        for entry in keys.indices where isIncluded(keys[entry], values[entry]) { result.append(keys[entry], values[entry]) }
        return result
    }

    mutating func reserveCapacity(_ capacity: Int) {
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        if 2 * capacity > slots.count { rehash(slotCount: Self.slotCount(for: capacity)) }
    }

    // MARK: - The table

    /// The entry holding `key`, if any.
    func entry(of key: String) -> Int? {
        guard !slots.isEmpty else { return nil }
        let hash = IDHash.hash(key, seed: seed)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash >> 32) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let held = slots[slot]
                if held == 0 { return nil }
                if held >> 32 == hash >> 32 {
                    let entry = Int(truncatingIfNeeded: held & 0xFFFF_FFFF) - 1
                    if keys[entry] == key { return entry }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    @discardableResult
    private mutating func append(_ key: String, _ value: Value) -> Int {
        if 2 * (keys.count + 1) > slots.count { rehash(slotCount: Self.slotCount(for: max(keys.count + 1, 2 * keys.count))) }
        let entry = keys.count
        keys.append(key)
        values.append(value)
        place(entry, hash: IDHash.hash(key, seed: seed))
        return entry
    }

    /// Puts `entry` in the first empty slot from its hash's.
    private mutating func place(_ entry: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash >> 32) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash >> 32) << 32 | UInt64(entry + 1)
    }

    /// The slot that holds `entry`.
    private func slot(of entry: Int) -> Int {
        let hash = IDHash.hash(keys[entry], seed: seed)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash >> 32) & mask
        while slots[slot] & 0xFFFF_FFFF != UInt64(entry + 1) { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func remove(entry: Int) {
        // Backward-shift deletion: each later slot of the run moves into the hole unless
        // its own place lies (cyclically) after the hole, so every probe still finds it.
        let mask = slots.count - 1
        var hole = slot(of: entry)
        var next = (hole + 1) & mask
        while slots[next] != 0 {
            let home = Int(truncatingIfNeeded: slots[next] >> 32) & mask
            let between = hole <= next ? (home > hole && home <= next) : (home > hole || home <= next)
            if !between {
                slots[hole] = slots[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        slots[hole] = 0
        // The last entry moves into the removed one's place.
        let last = keys.count - 1
        if entry != last {
            let moved = slot(of: last)
            slots[moved] = slots[moved] & ~0xFFFF_FFFF | UInt64(entry + 1)
            keys.swapAt(entry, last)
            values.swapAt(entry, last)
        }
        keys.removeLast()
        values.removeLast()
    }

    private mutating func rehash(slotCount: Int) {
        slots = [UInt64](repeating: 0, count: slotCount)
        for entry in keys.indices { place(entry, hash: IDHash.hash(keys[entry], seed: seed)) }
    }

    /// The power of two at least twice `capacity` (8 at least): the table stays at most half full.
    private static func slotCount(for capacity: Int) -> Int {
        var count = 8
        while count < 2 * capacity { count *= 2 }
        return count
    }
}

extension IDMap: Sendable where Value: Sendable {}

extension IDMap: Equatable where Value: Equatable {
    /// The same ids with the same values, in any order.
    static func == (lhs: IDMap, rhs: IDMap) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for entry in lhs.keys.indices {
            guard let other = rhs.entry(of: lhs.keys[entry]), rhs.values[other] == lhs.values[entry] else { return false }
        }
        return true
    }
}

/// The hash of `IDMap`: an id's UTF-8 bytes in its canonical form (NFC: what `String`'s
/// `==` compares, so that ids equal as strings hash alike), eight at a time, each word mixed
/// in by a multiplication and a shift, then the length, with a per-process random seed,
/// finalised by MurmurHash3's `fmix64` so that every bit of the result depends on every
/// byte.
enum IDHash {
    /// Random for each process (SystemRandomNumberGenerator), so collisions cannot be
    /// planned in a file.
    static let seed = UInt64.random(in: .min ... .max)

    @inline(__always)
    static func hash(_ id: String, seed: UInt64 = seed) -> UInt64 {
        // ASCII is already in canonical form: its bytes as they are (nearly every id).
        if let hash = id.utf8.withContiguousStorageIfAvailable({ asciiHash($0, seed: seed) }), let hash { return hash }
        return canonicalHash(id, seed: seed)
    }

    /// The hash of ASCII bytes, or nil when there is a byte above 0x7F.
    @inline(__always)
    static func asciiHash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64? {
        let count = bytes.count
        var state = seed
        var high: UInt64 = 0
        guard let base = bytes.baseAddress else { return finish(state, count: 0) }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            high |= word
            state = mix(state ^ word)
            offset += 8
        }
        if offset < count {
            // The last bytes, little-endian, by at most three loads.
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            if count - offset >= 4 {
                tail = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                shift = 32
                offset += 4
            }
            if count - offset >= 2 {
                tail |= UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self))) << shift
                shift += 16
                offset += 2
            }
            if offset < count { tail |= UInt64(base[offset]) << shift }
            high |= tail
            state = mix(state ^ tail)
        }
        guard high & 0x8080_8080_8080_8080 == 0 else { return nil }
        return finish(state, count: count)
    }

    /// The same hash over the id's canonical (NFC) UTF-8, byte by byte: the standard
    /// library's own normalisation, the one `String`'s `==` and `hash(into:)` use.
    static func canonicalHash(_ id: String, seed: UInt64) -> UInt64 {
        var state = seed
        var word: UInt64 = 0
        var shift: UInt64 = 0
        var count = 0
        id._withNFCCodeUnits { byte in
            word |= UInt64(byte) << shift
            shift += 8
            count += 1
            if shift == 64 {
                state = mix(state ^ word)
                word = 0
                shift = 0
            }
        }
        if shift > 0 { state = mix(state ^ word) }
        return finish(state, count: count)
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        let product = value &* 0xBF58_476D_1CE4_E5B9
        return product ^ (product >> 29)
    }

    /// The length mixed in, then MurmurHash3's 64-bit finaliser.
    @inline(__always)
    private static func finish(_ state: UInt64, count: Int) -> UInt64 {
        var hash = state ^ UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash &*= 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash
    }
}
