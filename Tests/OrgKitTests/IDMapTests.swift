import Testing
@testable import OrgKit

/// `IDMap` answers as `Dictionary<String, Value>` would, for any ids and any order of
/// changes: the checker's lookups by id go through it.
@Suite("IDMap")
struct IDMapTests {
    /// Ids that are equal as Swift strings but not byte for byte, and ids at the edges of
    /// the hash's eight-byte words and of the small-string form (15 bytes).
    static let awkward = [
        "K", "\u{212A}", // KELVIN SIGN is canonically "K"
        ";", "\u{037E}", // GREEK QUESTION MARK is canonically ";"
        "café", "cafe\u{301}", "Å", "\u{212B}", "A\u{30A}",
        "", " ", "a", "1234567", "12345678", "123456789", "123456789012345", "1234567890123456",
        "level-1-technician", "王芳", "王芳-2", "😀", "role-0", "role-00", "role-0\u{301}",
    ]

    @Test("equal strings hash alike, canonically equivalent ones included")
    func canonicalHashing() {
        for a in Self.awkward {
            for b in Self.awkward where a == b {
                #expect(IDHash.hash(a) == IDHash.hash(b), "\(Array(a.unicodeScalars)) vs \(Array(b.unicodeScalars))")
            }
        }
        #expect(IDHash.hash("K") == IDHash.hash("\u{212A}"))
        #expect(IDHash.hash("café") == IDHash.hash("cafe\u{301}"))
        #expect(IDHash.hash("role-1") != IDHash.hash("role-2"))
        #expect(IDHash.hash("12345678") != IDHash.hash("12345678\u{0}"))
    }

    @Test("random inserts, updates, removals and lookups agree with Dictionary")
    func agreesWithDictionary() {
        var random = SplitMix64(seed: 18)
        let pool = Self.awkward + (0..<300).map { "p\($0)" } + (0..<40).map { "a-longer-role-identifier-\($0)" }
        for round in 0..<20 {
            var map = IDMap<Int>()
            var dictionary: [String: Int] = [:]
            if round % 2 == 1 { map.reserveCapacity(Int(random.next() % 200)) }
            for step in 0..<2_000 {
                let key = pool[Int(random.next() % UInt64(pool.count))]
                switch random.next() % 10 {
                case 0, 1:
                    map[key] = nil
                    dictionary[key] = nil
                case 2:
                    map.update(key, default: 0) { $0 += step }
                    dictionary[key, default: 0] += step
                default:
                    map[key] = step
                    dictionary[key] = step
                }
                let probe = pool[Int(random.next() % UInt64(pool.count))]
                #expect(map[probe] == dictionary[probe], "round \(round) step \(step): \(probe)")
                #expect(map.count == dictionary.count)
            }
            // Every entry is where the map says, and nothing else is in it.
            var seen: [String: Int] = [:]
            for entry in map.keys.indices { seen[map.keys[entry]] = map.values[entry] }
            #expect(seen == dictionary)
            for key in pool { #expect(map[key] == dictionary[key]) }
        }
    }

    @Test("a large map keeps every id, and values change in place")
    func large() {
        var map = IDMap<Int>(minimumCapacity: 10)
        for number in 0..<50_000 { map["p\(number)"] = number }
        #expect(map.count == 50_000)
        map.updateValues { $0 *= 2 }
        #expect((0..<50_000).allSatisfy { map["p\($0)"] == 2 * $0 })
        #expect(map["p50000"] == nil)
        for number in stride(from: 0, to: 50_000, by: 2) { map["p\(number)"] = nil }
        #expect(map.count == 25_000)
        #expect((0..<50_000).allSatisfy { map["p\($0)"] == ($0 % 2 == 1 ? 2 * $0 : nil) })
        let halves = map.mapValues { $0 / 2 }
        #expect((0..<50_000).allSatisfy { halves["p\($0)"] == ($0 % 2 == 1 ? $0 : nil) })
        let small = map.filter { _, value in value < 100 }
        #expect(small.count == 25 && small["p1"] == 2 && small["p99"] == nil)
    }
}

/// `PositionSet` answers as `Set<Int>` would, through its growth.
@Suite("PositionSet")
struct PositionSetTests {
    @Test("random inserts and lookups agree with Set<Int>")
    func agreesWithSet() {
        var random = SplitMix64(seed: 7)
        for round in 0..<20 {
            var positions = PositionSet(minimumCapacity: round)
            var set = Set<Int>()
            for _ in 0..<3_000 {
                let position = Int(random.next() % (round.isMultiple(of: 2) ? 500 : 1_000_000))
                #expect(positions.insert(position) == set.insert(position).inserted)
                let probe = Int(random.next() % 1_000)
                #expect(positions.contains(probe) == set.contains(probe))
            }
            #expect(positions.count == set.count)
            #expect(set.allSatisfy { positions.contains($0) })
            #expect(!positions.contains(-1))
        }
    }
}
