import Foundation
import OrgKit

extension Commands {
    enum PlanOption {
        static let format = TextOrJSON.option(doc: "docs/plan.md")
        static let maxHires = OptionSpec(
            name: "--max-hires", valueName: "N",
            help: "hire at most N open positions (0: moves only); without it, as many as the work needs")
    }

    static let plan = Command(
        name: "plan",
        summary: "who to hire, for which hats and hours: a staffing plan of verified steps",
        operands: "FILE",
        about: """
            Plans staffing for the whole org (see docs/plan.md): first moves among the
            people you have (and to outside providers who already do the work), offered
            only to someone who can take the work on (the fit rule), then hires, as open
            positions, only for what the moves cannot clear. Each step is checked against
            the org as the earlier steps left it and shows the loads it changes, before →
            after, and the findings it clears. The end shows the org's findings before and
            after, the hires with their hours and what to hire for, a lower bound on the
            new hours the work needs, and every critical or load finding the plan leaves,
            with why.
            """,
        options: [OrgSource.presetOption, PlanOption.format, PlanOption.maxHires, Output.outputOption, Output.forceOption],
        notes: """
            -o OUT writes the planned org (open positions included) as a new org file;
            the plan itself still goes to standard output. OUT is never FILE nor
            standard output (-o -, /dev/stdout), and an existing file is replaced only
            with --force. On a terminal, standard error
            shows a progress bar while a large org is planned.

            Exit codes: 0 the plan leaves no critical finding; 1 it leaves one (listed,
            with why); 2 bad usage or an invalid file.

            Examples:
              hats plan --preset msp-10
              hats plan northwind.json -o northwind-next.json
              hats plan northwind.json --max-hires 0
              hats plan northwind.json --format json
            """,
        run: { arguments, context in
            let json = try TextOrJSON.wantsJSON(arguments, PlanOption.format)
            var maxHires: Int?
            if let text = arguments.value(PlanOption.maxHires) {
                guard let value = Int(text), value >= 0 else { throw UsageError("--max-hires takes a whole number, 0 or more, not \"\(text)\"") }
                maxHires = value
            }
            let source = try OrgSource.from(arguments, command: "plan", console: context.console)
            // Checked before the work: a refused OUT costs nothing and changes nothing.
            if arguments.value(Output.outputOption) == Output.dash {
                throw UsageError("-o - would mix the planned org with the plan on standard output; give a file name")
            }
            let output = try Output.from(arguments, command: "plan", inputs: arguments.positionals.filter { $0 != OrgSource.standardInput })
            // Another name for standard output (/dev/stdout, /dev/fd/1, the file it is
            // redirected to) would mix the two just the same.
            if let path = output.path, let identity = FileIdentity(path), identity == FileIdentity(descriptor: STDOUT_FILENO) {
                throw UsageError("-o \(path) is standard output, where the plan goes: it would mix the planned org with the plan; give another file")
            }
            let bar = ProgressBar(console: context.console, label: "planning")
            let plan = Planner.plan(source.org, maxHires: maxHires, progress: bar.map { bar in { bar.show($0.fraction, note: "\(Format.count($0.steps, "step"))") } })
            bar?.finish()
            if let path = output.path {
                try output.write(Exporter.export(plan.org, as: .json), command: "plan", console: context.console)
                context.console.errorLine("hats plan: wrote the planned org to \(path)")
            }
            if json {
                context.console.resultBytes(plan.jsonBytes())
            } else {
                context.console.out(PlanText(report: TextOrJSON.reportText(context.console)).render(plan, input: source.org))
            }
            return plan.after.count(.critical) > 0 ? 1 : 0
        }
    )
}
