import Foundation

/// How hats makes an id for a person, role or duty that was given only a name: the name as
/// a slug, then `-2`, `-3`, … until it is free. One rule for the builder's forms, the role
/// catalog and CSV import, so the same name gets the same id wherever it is added.
public enum OrgID {
    /// A URL-and-file-friendly id from a name: lower case, accents removed, letters and
    /// digits of any script kept, everything else one `-` ("Zoë Müller" → "zoe-muller").
    public static func slug(_ text: String, fallback: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        var out = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingDash, !out.isEmpty { out.append("-") }
                pendingDash = false
                out.append(scalar)
                if out.count >= 60 { break }
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? fallback : String(out)
    }

    /// `base`, or `base-2`, `base-3`, … : the first one not `taken`. (Bulk imports use
    /// `UniqueIDs`, which follows the same rule and remembers where each base got to.)
    public static func uniqueID(_ base: String, taken: (String) -> Bool) -> String {
        if !taken(base) { return base }
        var suffix = 2
        while taken("\(base)-\(suffix)") { suffix += 1 }
        return "\(base)-\(suffix)"
    }

    /// `uniqueID` for many ids at once: it remembers where each base got to, so a million
    /// rows named "Alex" take a million steps, not half a trillion.
    struct UniqueIDs {
        private var taken: Set<String>
        private var nextSuffix: [String: Int] = [:]

        init(taken: Set<String> = []) {
            self.taken = taken
        }

        mutating func claim(_ base: String) -> String {
            var candidate = base
            if taken.contains(candidate) {
                var suffix = nextSuffix[base] ?? 2
                repeat {
                    candidate = "\(base)-\(suffix)"
                    suffix += 1
                } while taken.contains(candidate)
                nextSuffix[base] = suffix
            }
            taken.insert(candidate)
            return candidate
        }
    }
}
