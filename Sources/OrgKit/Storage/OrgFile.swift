/// The `hats` file format, version 1: reading (with every problem reported at its JSON
/// path) and canonical writing (stable key order, so load → save is byte-identical).
public enum OrgFile {
    /// The format version this build reads and writes.
    public static let version = 1

    /// A successfully read org, with notes about fields that were kept but not understood.
    public struct Loaded: Sendable {
        public var org: Org
        /// Unknown fields (kept on save) and other things worth a look; never fatal.
        public var warnings: [Problem]
        /// What the file held, when it was read from disk.
        public var fingerprint: FileFingerprint?
    }

    /// Reads an org from the bytes of a file. Throws every problem found, or the syntax error.
    public static func decode(_ bytes: [UInt8]) throws(OrgProblems) -> Loaded {
        // A clean file (nearly every file) takes the quick way; anything else, or a file
        // with problems, the thorough one, which words every problem.
        if let org = FastOrgReader.read(bytes), OrgValidator.problems(in: org).isEmpty {
            return Loaded(org: org, warnings: [], fingerprint: nil)
        }
        return try decodeThoroughly(bytes)
    }

    /// `decode` without the quick way: the tests and the fuzz-org target check that both
    /// give the same org, or the same problems.
    public static func decodeThoroughly(_ bytes: [UInt8]) throws(OrgProblems) -> Loaded {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw OrgProblems([Problem("\(error.line):\(error.column)", "invalid JSON: \(error.message)")])
        }
        let decoder = OrgDecoder()
        guard let org = decoder.decodeOrg(json) else {
            throw OrgProblems(decoder.problems)
        }
        // Type problems and rule problems together, so one run shows everything to fix;
        // a field that failed to decode is not reported a second time by the rules.
        let reported = Set(decoder.problems.map(\.path))
        let problems = decoder.problems + OrgValidator.problems(in: org).filter { !reported.contains($0.path) }
        if !problems.isEmpty { throw OrgProblems(problems) }
        return Loaded(org: org, warnings: decoder.warnings, fingerprint: nil)
    }

    public static func decode(_ text: String) throws(OrgProblems) -> Loaded {
        try decode(Array(text.utf8))
    }

    /// The org as the canonical file text.
    public static func encode(_ org: Org) -> String {
        JSONWriter.write(OrgEncoder.encode(org))
    }
}
