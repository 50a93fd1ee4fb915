import Foundation
import OrgKit

extension Commands {
    enum CheckOption {
        static let format = TextOrJSON.option()
        static let without = OptionSpec(
            name: "--without", valueName: "PERSON-ID", repeatable: true,
            help: "check as if this person were away (repeatable); the report lists what is new, worse, better and resolved compared with the org as it is")
        static let failOn = OptionSpec(
            name: "--fail-on", valueName: "LEVEL",
            help: "exit 1 when a finding is at or above LEVEL: info, warning (the default), critical, or never")
    }

    static let check = Command(
        name: "check",
        summary: "check who carries too much; exit 1 when findings reach --fail-on",
        operands: "FILE",
        about: """
            Runs the load checker (see docs/load-model.md). The rules: overload (hours
            against effective hours, after the cost of switching between kinds of work,
            weighted by their hours, and the share of the week that can be planned),
            too-many-hats, too-many-duties, role-conflict, single-point-of-failure,
            unfilled-role, understaffed-role (a role whose wearers give it fewer hours
            than it needs), unowned-duty, escalation, span-of-control and qualification.

            Each finding says what is wrong, with the numbers, and then either one
            concrete change that fixes it without creating a new problem, offered only to
            someone who can take the work on or to an outside provider who already does
            it, or the reason there is none ("no suggestion:"; noSuggestion in json). A
            table of everyone follows: hats, kinds of work, hours, switching, effective
            hours, load and room (the hours they can take on before the warning line).

            FILE - reads the org from standard input; messages name it "standard input".
            """,
        options: [OrgSource.presetOption, CheckOption.format, CheckOption.without, CheckOption.failOn],
        notes: """
            Exit codes: 0 nothing at or above --fail-on; 1 something is; 2 bad usage or an
            invalid file. Colour is used only on a terminal, never when NO_COLOR is set.

            Examples:
              hats check --preset msp-10
              hats check northwind.json --without sam-ortiz
              hats check northwind.json --format json --fail-on critical
              hats import staff.csv | hats check -
            """,
        run: { arguments, context in
            let json = try TextOrJSON.wantsJSON(arguments, CheckOption.format)
            let failOnName = arguments.value(CheckOption.failOn) ?? "warning"
            let failOn: Finding.Severity?
            if failOnName == "never" {
                failOn = nil
            } else if let severity = Finding.Severity(name: failOnName) {
                failOn = severity
            } else {
                var message = "--fail-on takes info, warning, critical or never, not \"\(failOnName)\""
                if let suggestion = NearestSpelling.suggest(for: failOnName, among: ["info", "warning", "critical", "never"]) { message += " (did you mean \"\(suggestion)\"?)" }
                throw UsageError(message)
            }
            let source = try OrgSource.from(arguments, command: "check", console: context.console)
            let org = source.org
            let without = arguments.all(CheckOption.without)
            let report: LoadReport
            var whatIf: (without: [String], comparison: ReportComparison)?
            if without.isEmpty {
                report = LoadChecker.check(org)
            } else {
                for id in without where org.person(id) == nil {
                    var message = "--without \(id): \(source.label) has no person with that id"
                    if let suggestion = NearestSpelling.suggest(for: id, among: org.people.map(\.id)) { message += " (did you mean \"\(suggestion)\"?)" }
                    throw UsageError(message)
                }
                let result = WhatIf.check(org, without: without)
                report = result.report
                whatIf = (without, result.comparison)
            }
            // Written out in pieces as they are made: a large org's report is never held whole.
            if json {
                if context.console.stdoutIsTerminal {
                    context.console.resultBytes(report.jsonBytes(whatIf: whatIf))
                } else {
                    report.writeJSON(whatIf: whatIf) { context.console.outBytes($0) }
                }
            } else {
                TextOrJSON.reportText(context.console).write(report, org: org, whatIf: whatIf) { context.console.outBytes($0) }
            }
            // The org and the report are not freed value by value just before the process
            // exits (tens of milliseconds at 100,000 people); the output is already out, so
            // this does not raise the peak.
            KeptUntilExit.keep((source, report))
            guard let failOn, let worst = report.worst else { return 0 }
            return worst >= failOn ? 1 : 0
        }
    )
}

/// Large values a command is done with, kept until the process exits (which returns their
/// memory at once) instead of being freed value by value. Only the latest is kept, so a
/// test that runs commands in process holds one at most.
enum KeptUntilExit {
    /// Commands run in parallel in one test process: the slot is behind a lock.
    private static let latest = Locked<Any?>(nil)

    static func keep(_ value: consuming Any) {
        var value: Any? = value
        latest.withLock { swap(&$0, &value) }
        // The previous value (now in `value`) is freed here, outside the lock.
    }
}
