import Testing
@testable import OrgKit

/// The builder opens a large org with a check of the numbers alone and asks for the
/// findings off its loop; edits made meanwhile are kept and the complete check is brought up
/// to date with them when it comes (`LiveCheck.catchUp`).
@Suite("A complete check caught up with the edits made while it was worked out")
struct CatchUpTests {
    @Test("after random runs of edits (with undo and redo), the caught-up check equals a full check of the final org; one that cannot catch up changes nothing", arguments: 0..<4)
    func catchUpEqualsFullCheck(batch: Int) throws {
        var caughtUp = 0
        var refused = 0
        for seed in UInt64(batch * 25)..<UInt64(batch * 25 + 25) {
            var random = SeededGenerator(seed: seed &+ 991)
            var org = try SuggestionPropertyTests.randomOrg(seed: seed)
            var history = History()
            for run in 0..<6 {
                let start = org
                // What the builder shows meanwhile: the numbers alone, kept up to date.
                var numbers = LiveCheck(org, findings: false)
                var edits: [(edit: Edit, inverse: Edit)] = []
                for step in 0..<Int.random(in: 1...6, using: &random) {
                    let entry: (edit: Edit, inverse: Edit)
                    if step % 4 == 3, let undone = history.undo(on: &org) {
                        entry = (undone.inverse, undone.edit)
                    } else if let edit = LiveCheckTests.randomEdit(org, &random), let done = try? history.perform(edit, on: &org) {
                        entry = (done.edit, done.inverse)
                    } else {
                        continue
                    }
                    numbers.update(to: org, edit: entry.edit, inverse: entry.inverse)
                    edits.append(entry)
                }
                let full = LoadChecker.check(org, suggestions: false)
                #expect(numbers.loads == full.people, "seed \(seed) run \(run): the numbers shown meanwhile are those of the org as it is")
                #expect(numbers.report().findings.isEmpty && numbers.count(.critical) == 0 && !numbers.complete)

                let complete = LiveCheck(start)
                var check = complete
                if check.catchUp(to: org, edits: edits) {
                    caughtUp += 1
                    #expect(check.complete)
                    #expect(check.report() == full, "seed \(seed) run \(run): \(LiveCheckTests.difference(check.report(), full))")
                    for severity in Finding.Severity.allCases { #expect(check.count(severity) == full.count(severity)) }
                } else {
                    refused += 1
                    #expect(check.report() == complete.report(), "a refused catch-up leaves the check as it was")
                }
            }
        }
        #expect(caughtUp > 30, "most runs of edits are caught up locally (\(caughtUp) caught up, \(refused) refused)")
        #expect(refused > 5, "some reach too far and are refused (\(refused))")
    }
}

@Suite("The reporting tree from the live check's reports")
struct TreeFromReportsTests {
    @Test("after random edits (with undo), the tree from the live check's reports equals the tree worked out from the org's ids")
    func sameTree() throws {
        var compared = 0
        for seed in UInt64(0)..<40 {
            var random = SeededGenerator(seed: seed &+ 4242)
            var org = try SuggestionPropertyTests.randomOrg(seed: seed)
            var live = LiveCheck(org)
            var history = History()
            for step in 0..<30 {
                if step % 5 == 4, let entry = history.undo(on: &org) {
                    live.update(to: org, edit: entry.inverse, inverse: entry.edit)
                } else if let edit = LiveCheckTests.randomEdit(org, &random), let entry = try? history.perform(edit, on: &org) {
                    live.update(to: org, edit: entry.edit, inverse: entry.inverse)
                } else {
                    continue
                }
                #expect(ReportingTree(org, reports: live.reports) == ReportingTree(org), "seed \(seed) step \(step)")
                compared += 1
            }
        }
        #expect(compared > 800)
    }

    @Test("staff under a provider tops the tree and a provider under staff sits apart; the rest keep their managers, in file order")
    func acrossTheLine() throws {
        var builder = OrgBuilder()
        builder.person("ann")
        builder.person("ext", reportsTo: "ann", external: true)
        builder.person("bob", reportsTo: "ext")
        builder.person("carl", reportsTo: "ann")
        builder.person("dave", reportsTo: "ext", external: true)
        builder.person("eve", reportsTo: "carl")
        builder.person("fay", reportsTo: "ann")
        let org = try builder.org()
        let reports = [[1, 3, 6], [2, 4], [], [5], [], [], []]
        for tree in [ReportingTree(org), ReportingTree(org, reports: reports)] {
            #expect(tree.children == [[3, 6], [4], [], [5], [], [], []])
            #expect(tree.roots == [0, 2])
            #expect(tree.externalRoots == [1])
            #expect(tree.rows(from: tree.roots).map(\.person) == [0, 3, 5, 6, 2])
            #expect(tree.rows(from: tree.roots, collapsed: [3]).map(\.person) == [0, 3, 6, 2])
        }
        // Report lists of another length than the people: cut or padded, never out of range.
        let short = ReportingTree(org, reports: [[1, 3, 6]])
        #expect(short.children == [[3, 6], [], [], [], [], [], []] && short.roots == [0, 2, 5] && short.externalRoots == [1, 4])
        let long = ReportingTree(org, reports: reports + [[0], [9]])
        #expect(long.children == ReportingTree(org).children)
        // Everyone on one side: the reports are the tree's children as they are.
        var staff = OrgBuilder()
        staff.person("ann")
        staff.person("bob", reportsTo: "ann")
        staff.person("carl", reportsTo: "bob")
        let shared = ReportingTree(try staff.org(), reports: [[1], [2], []])
        #expect(shared.children == [[1], [2], []] && shared.roots == [0] && shared.externalRoots.isEmpty)
    }
}
