import Testing
@testable import OrgKit

@Suite("Ids made from names")
struct OrgIDTests {
    @Test("slugs: accents folded, any script kept, the rest one dash")
    func slugs() {
        #expect(OrgID.slug("Zoë Müller", fallback: "x") == "zoe-muller")
        #expect(OrgID.slug("王芳", fallback: "x") == "王芳")
        #expect(OrgID.slug("  Level 1 / Tech!  ", fallback: "x") == "level-1-tech")
        #expect(OrgID.slug("!!!", fallback: "role") == "role")
    }

    @Test("one at a time and in bulk, a taken id gets the same -2, -3, … suffix")
    func uniqueIDs() {
        let existing: Set<String> = ["alex", "alex-2", "alex-4", "sam"]
        var taken = existing
        var bulk = OrgID.UniqueIDs(taken: existing)
        for base in ["alex", "alex", "sam", "kim", "alex", "kim"] {
            let single = OrgID.uniqueID(base, taken: { taken.contains($0) })
            taken.insert(single)
            #expect(bulk.claim(base) == single, "\(base)")
        }
        #expect(taken.subtracting(existing) == ["alex-3", "alex-5", "alex-6", "sam-2", "kim", "kim-2"])
    }
}
