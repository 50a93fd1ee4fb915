import OrgKit

/// `hats plan` as text: the steps in order, each with the loads it changes and the
/// findings it clears, then the org before and after, the hires, the lower bound and what
/// the plan leaves. Names go through `TextSafety.printable`.
struct PlanText {
    var report: ReportText

    func render(_ plan: Plan, input: Org) -> String {
        var lines: [String] = []
        let title = input.name.isEmpty ? "Untitled org" : TextSafety.printable(input.name)
        let moves = plan.moves.count, hires = plan.hires.count
        if plan.steps.isEmpty {
            lines.append(report.bold("\(title): " + (plan.unresolved.isEmpty
                ? "no plan needed — nobody is over the line and no role is short or unfilled"
                : "no step helps — what is left, and why, is below")))
        } else {
            lines.append(report.bold("\(title): a plan in \(Format.count(plan.steps.count, "step")) (\(Format.count(moves, "move")), \(Format.count(hires, "hire")))"))
        }
        lines.append("\(plan.steps.isEmpty ? "Findings" : "Before"): \(report.summary(plan.before))")
        var number = 0
        for (heading, kind) in [("Moves among the people you have", Plan.Step.Kind.move), ("Hires (open positions)", .hire)] {
            let steps = plan.steps.filter { $0.kind == kind }
            guard !steps.isEmpty else { continue }
            lines.append("")
            lines.append(report.bold(heading))
            for step in steps {
                number += 1
                lines += describe(step, number: number)
            }
        }
        if !plan.steps.isEmpty {
            lines.append("")
            lines.append(report.bold("After: \(report.summary(plan.after))") + " (\(ReportText.comparisonSummary(plan.comparison)))")
            lines += report.comparisonLines(plan.comparison)
        }
        if !plan.hires.isEmpty {
            let total = plan.hires.reduce(0) { $0 + $1.hoursPerWeek }
            lines.append("")
            lines.append(report.bold("Hires: \(hires), \(Format.hours(total)) a week"))
            for hire in plan.hires {
                var line = "  \(TextSafety.printable(hire.name)): \(TextSafety.printable(hire.title)), \(hire.fullTime ? "full-time" : "part-time"), \(Format.hours(hire.hoursPerWeek)) a week"
                if let manager = hire.manager.flatMap(plan.org.person) { line += ", reporting to \(TextSafety.printable(manager.name))" }
                lines.append(line)
                let needs = hire.needs
                if !needs.isEmpty { lines.append("      hire for: \(TextSafety.printable(needs))") }
            }
        }
        lines += lowerBound(plan)
        if !plan.unresolved.isEmpty {
            lines.append("")
            lines.append(report.bold("Left as they are"))
            for item in plan.unresolved {
                lines.append("  \(report.symbol(item.finding.severity)) \(item.finding.rule.rawValue) · \(TextSafety.printable(item.finding.subject.name))")
                lines.append("      \(TextSafety.printable(item.finding.message))")
                lines.append("      · \(TextSafety.printable(item.reason))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func describe(_ step: Plan.Step, number: Int) -> [String] {
        var lines = ["\(number < 10 ? " " : "")\(number). \(TextSafety.printable(step.text))"]
        if !step.loads.isEmpty {
            let loads = step.loads.map { change in
                let name = TextSafety.printable(change.name)
                guard let before = change.before else { return "\(name) (new) \(Format.percent(change.after))" }
                return "\(name) \(Format.percent(before)) → \(Format.percent(change.after))"
            }
            lines.append("      load: " + loads.joined(separator: ", "))
        }
        let cleared = step.cleared.map { "\($0.rule.rawValue) · \(TextSafety.printable($0.subject.name))" }
        if !cleared.isEmpty { lines.append("      clears: " + cleared.joined(separator: ", ")) }
        let eased = step.eased.map { finding -> String in
            let load = finding.load.map { " (now \(Format.percent($0)))" } ?? ""
            return "\(finding.rule.rawValue) · \(TextSafety.printable(finding.subject.name))\(load)"
        }
        if !eased.isEmpty { lines.append("      eases: " + eased.joined(separator: ", ")) }
        for finding in step.brings {
            lines.append("      brings: \(finding.rule.rawValue) · \(TextSafety.printable(finding.subject.name)) — \(TextSafety.printable(finding.message))")
        }
        return lines
    }

    func lowerBound(_ plan: Plan) -> [String] {
        let bound = plan.lowerBound
        guard bound.hours > 0 else { return [] }
        var lines = [""]
        if bound.people > 0 {
            lines.append(report.bold("Lower bound: at least \(Format.oneDecimal(bound.people)) of a full-time person must be new"))
        } else {
            lines.append(report.bold("Lower bound: none — the people there have the room, but not for this work (the fit rule)"))
        }
        lines.append("  After the moves, \(Format.hours(bound.hours)) a week must still leave overloaded people or fill short roles, even if they lost nothing to switching;")
        lines.append("  everyone else has room for at most \(Format.hours(bound.roomElsewhere)), even doing any work; a full-time person carries \(Format.hours(bound.personHours)) at the warning line.")
        let hired = plan.hires.reduce(0) { $0 + $1.hoursPerWeek }
        if hired > 0 {
            lines.append("  This plan hires \(Format.hours(hired)) a week: work comes in whole hats, of kinds one person can carry together.")
        }
        return lines
    }
}
