import OrgKit

extension Commands {
    enum DiffOption {
        static let format = TextOrJSON.option(doc: "docs/diff.md")
        static let git = OptionSpec(
            name: "--git",
            help: "take the seven arguments git gives an external diff driver (path old-file old-hex old-mode new-file new-hex new-mode); exit 0 unless a file is invalid, as git expects")
    }

    static let diff = Command(
        name: "diff",
        summary: "what changed between two org files; exit 1 when they differ",
        operands: "OLD NEW",
        about: """
            Compares two org files as a manager reads them: people added, removed and
            changed (reporting line, dotted lines, name, title, hours), hats given, taken
            and re-houred, roles and duties added, removed and changed, each changed
            person's load before → after, and the findings of hats check that are new,
            worse, better or resolved. People, roles and duties are matched by id.
            """,
        options: [DiffOption.format, DiffOption.git],
        notes: """
            Exit codes: 0 the two files hold the same org (whitespace and key order
            aside); 1 they differ; 2 bad usage or an invalid file. With --git, 0 unless a
            file is invalid. docs/diff.md shows how to make git diff use it.

            Examples:
              hats diff northwind.json northwind-next.json
              hats diff old.json new.json --format json
              git -c diff.hats.command="hats diff --git" diff northwind.org.json
            """,
        run: { arguments, context in
            let json = try TextOrJSON.wantsJSON(arguments, DiffOption.format)
            let files = arguments.positionals
            let git = arguments.has(DiffOption.git)
            let (oldPath, newPath, labels): (String, String, (String, String))
            if git {
                guard files.count == 7 else {
                    throw UsageError("--git takes the seven arguments git passes (path old-file old-hex old-mode new-file new-hex new-mode), got \(files.count)")
                }
                (oldPath, newPath, labels) = (files[1], files[4], ("a/\(files[0])", "b/\(files[0])"))
            } else {
                guard files.count == 2 else {
                    throw UsageError("expected two org files, OLD and NEW, got \(files.count)\(files.isEmpty ? "" : ": " + files.joined(separator: " "))")
                }
                (oldPath, newPath, labels) = (files[0], files[1], (files[0], files[1]))
            }
            let old = try loadSide(oldPath, git: git, console: context.console)
            let new = try loadSide(newPath, git: git, console: context.console)
            let diff = OrgDiff(old: old, new: new)
            if json {
                context.console.resultBytes(diff.jsonBytes())
            } else {
                                context.console.out(DiffText(report: TextOrJSON.reportText(context.console)).render(diff, old: labels.0, new: labels.1))
            }
            if git { return 0 }
            return diff.same ? 0 : 1
        }
    )

    /// Git passes /dev/null for the side of an added or deleted file: an empty org, so
    /// everyone in the other shows as added or removed.
    private static func loadSide(_ path: String, git: Bool, console: Console) throws -> Org {
        if git && path == "/dev/null" { return try Org(name: "") }
        return try OrgSource.loadFile(path, console: console)
    }
}
