import OrgKit

/// The checks of the three fuzz targets. Each throws the first `CheckFailure` it finds;
/// the fuzz targets trap on it, `FuzzRegressionTests` report it.
public enum FuzzChecks {
    // MARK: - fuzz-org

    /// Bytes as an org file: a refusal must name at least one problem; an org that loads
    /// is load-checked, checked with its first person away, and saved and read back to an
    /// equal org with the same bytes; and, when it has at most `exportLimit` people, every
    /// export of it passes the fuzz-export checks (so the exporters also see shapes the
    /// fixed org of fuzz-export cannot have: deep chains, forests, many hats, odd numbers).
    public static func org(_ bytes: [UInt8]) throws(CheckFailure) {
        try sameBothWays(bytes)
        let loaded: OrgFile.Loaded
        do {
            loaded = try OrgFile.decode(bytes)
        } catch {
            try expect(!error.problems.isEmpty, "org refusal", "the file was refused without a problem")
            return
        }
        let org = loaded.org
        let report = LoadChecker.check(org)
        try expect(report.people.count <= org.people.count, "org load check", "more loads than people")
        if let first = org.people.first {
            _ = WhatIf.check(org, without: [first.id])
        }
        try roundTrip(org, "org")
        if org.people.count <= exportLimit {
            try exports(of: org)
        }
    }

    /// `OrgFile.decode` (which takes a quick way through clean files) and the thorough way
    /// agree: the same org and warnings, or the same problems.
    static func sameBothWays(_ bytes: [UInt8]) throws(CheckFailure) {
        let quick = Result { () throws(OrgProblems) in try OrgFile.decode(bytes) }
        let thorough = Result { () throws(OrgProblems) in try OrgFile.decodeThoroughly(bytes) }
        switch (quick, thorough) {
        case (.success(let a), .success(let b)):
            try expect(a.org == b.org && a.warnings == b.warnings, "org quick read", "the quick and thorough reads give different orgs")
        case (.failure(let a), .failure(let b)):
            try expect(a.problems == b.problems, "org quick read", "the quick and thorough reads give different problems")
        default:
            throw CheckFailure("org quick read", "one way reads the file, the other refuses it")
        }
    }

    /// Bigger orgs are only loaded and checked, to keep fuzz-org fast.
    static let exportLimit = 40

    /// `OrgFile.encode` then `decode` gives an equal org, and saving that gives the same bytes.
    public static func roundTrip(_ org: Org, _ what: String) throws(CheckFailure) {
        let text = OrgFile.encode(org)
        let again: Org
        do {
            again = try OrgFile.decode(text).org
        } catch {
            throw CheckFailure("\(what) round trip", "the saved file is refused: \(error.problems.prefix(3).map(\.description))")
        }
        let textAgain = OrgFile.encode(again)
        try expect(again == org, "\(what) round trip", "the org read back differs: \(firstDifference(text, textAgain))")
        try expect(textAgain == text, "\(what) round trip", "saving again changes the bytes: \(firstDifference(text, textAgain))")
    }

    /// The first line where two texts differ, for failure messages.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let left = ExportReaders.splitLines(a)
        let right = ExportReaders.splitLines(b)
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? String(left[index]) : "<end>"
            let r = index < right.count ? String(right[index]) : "<end>"
            if l.unicodeScalars.elementsEqual(r.unicodeScalars) { continue }
            return "line \(index + 1): \(shown(l)) then \(shown(r))"
        }
        return "same text"
    }

    // MARK: - fuzz-csv

    /// Bytes as a CSV to import, as it is and with `--skip-bad-rows`. An import that
    /// gives an org gives a valid one (it saves and reads back equal), and exporting it as
    /// CSV and importing that gives the same people (import.md's round trip). A refused
    /// import names at least one problem, and never one of the import's own "not expected"
    /// rule failures (which would mean a row problem the import does not know about).
    public static func csv(_ bytes: [UInt8]) throws(CheckFailure) {
        let plain = CSVImport.run(bytes)
        let skipping = CSVImport.run(bytes, options: CSVImport.Options(skipBadRows: true))
        if let org = plain.org {
            try expect(plain.report.problems.isEmpty, "csv import", "an org and problems: \(plain.report.problems.prefix(3))")
            try expect(skipping.org == org, "csv import", "a sound file imports differently with --skip-bad-rows")
            try imported(org)
        } else {
            try expect(!plain.report.problems.isEmpty, "csv import", "no org and no problem")
        }
        for outcome in [plain, skipping] {
            let unexpected = outcome.report.problems.filter { $0.message.hasPrefix("people[") || $0.message.hasPrefix("roles[") }
            try expect(unexpected.isEmpty, "csv import", "rows the import let through were refused by the org's rules: \(unexpected.prefix(3))")
        }
        if let org = skipping.org, plain.org == nil {
            try imported(org)
        }
    }

    static func imported(_ org: Org) throws(CheckFailure) {
        try roundTrip(org, "csv import")
        _ = LoadChecker.check(org)
        let csv = Exporter.export(org, as: .csv)
        let back = CSVImport.run(csv)
        guard let again = back.org else {
            throw CheckFailure("csv export round trip", "the exported CSV is refused: \(back.report.problems.prefix(3)) in \(shown(csv))")
        }
        try samePeople(org, again, "csv export round trip")
    }

    /// What import.md promises survives `export --format csv` then `import`: ids, names,
    /// titles, e-mails (without plain spaces at their ends; a value without @ is left
    /// out), departments, managers, dotted lines,
    /// capacity, the external and open flags, and hats by role name with their hours to 0.01 h.
    static func samePeople(_ original: Org, _ copy: Org, _ check: String) throws(CheckFailure) {
        try expect(copy.people.count == original.people.count, check, "\(original.people.count) people became \(copy.people.count)")
        let hours = Hours(original)
        let copyHours = Hours(copy)
        let trim = Documented.trimSpaces
        let optional = { (text: String?) -> String? in text.map(trim).flatMap { $0.isEmpty ? nil : $0 } }
        for person in original.people {
            guard let other = copy.person(person.id) else { throw CheckFailure(check, "\(shown(person.id)) is missing") }
            let who = shown(person.id)
            try expect(other.name == trim(person.name), check, "\(who): name \(shown(person.name)) became \(shown(other.name))")
            try expect(other.title == optional(person.title), check, "\(who): title \(shown(person.title ?? "")) became \(shown(other.title ?? ""))")
            try expect(other.email == optional(person.email).flatMap(Documented.importedEmail), check, "\(who): e-mail \(shown(person.email ?? "")) became \(shown(other.email ?? ""))")
            try expect(other.department == optional(person.department), check, "\(who): department \(shown(person.department ?? "")) became \(shown(other.department ?? ""))")
            try expect(other.reportsTo == person.reportsTo, check, "\(who): manager \(shown(person.reportsTo ?? "")) became \(shown(other.reportsTo ?? ""))")
            try expect(other.dottedTo == person.dottedTo, check, "\(who): dotted lines \(person.dottedTo) became \(other.dottedTo)")
            try expect(other.external == person.external, check, "\(who): external changed")
            try expect(other.open == person.open, check, "\(who): open changed")
            try expect(copyHours.capacity(other) == hours.capacity(person), check, "\(who): capacity \(hours.capacity(person)) became \(copyHours.capacity(other))")
            let want = person.hats.map { (trim(original.role($0.role)?.name ?? ""), hours.hours(of: $0)) }
            let got = other.hats.map { (copy.role($0.role)?.name ?? "", copyHours.hours(of: $0)) }
            try expect(want.map(\.0) == got.map(\.0), check, "\(who): hats \(want.map(\.0)) became \(got.map(\.0))")
            for (a, b) in zip(want, got) {
                try expect(abs(a.1 - b.1) < 0.006, check, "\(who): hat \(shown(a.0)) hours \(a.1) became \(b.1)")
            }
        }
    }
}
