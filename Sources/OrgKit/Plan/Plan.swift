/// A staffing plan for a whole org: an ordered list of steps (moves among the people there,
/// then hires as open positions), each verified against the org as the earlier steps left
/// it, and what the org looks like at the end. Made by `Planner.plan`.
public struct Plan: Equatable, Sendable {
    /// One person's load before and after a step (nil before: a new open position).
    public struct LoadChange: Equatable, Sendable {
        public var id: String
        public var name: String
        public var before: Double?
        public var after: Double
    }

    /// An open position the plan creates.
    public struct Hire: Equatable, Sendable {
        public var id: String
        public var name: String
        public var title: String
        /// The position's weekly hours: the policy's full week, or part of it.
        public var hoursPerWeek: Double
        public var fullTime: Bool
        /// Who the position reports to (an id), nil at the top of the chart.
        public var manager: String?
        public var hats: [Hat]
        /// Hats' hours as the check counts them (a hat may take an equal share).
        public var hatHours: [Double]
        /// The certifications to hire for: every one of `certifications`, and one of each
        /// list in `anyCertification`.
        public var certifications: [String]
        public var anyCertification: [[String]]
        public var minYears: Double?
        /// The kinds of work it carries (one or two).
        public var kinds: [String]

        /// What to hire for: "CompTIA A+, one of CCNA or Network+, 3 years' experience"
        /// (empty when the work asks for nothing).
        public var needs: String {
            var parts = certifications
            parts += anyCertification.map { "one of " + $0.joined(separator: " or ") }
            if let minYears { parts.append("\(Format.years(minYears)) of experience") }
            return parts.joined(separator: ", ")
        }

        /// The hats' hours together.
        public var allocatedHours: Double { hatHours.reduce(0, +) }
    }

    public struct Step: Equatable, Sendable {
        public enum Kind: String, Sendable { case move, hire }
        public var kind: Kind
        /// "Move Sales & Marketing (15.0 h) from Dana Reyes to 王芳"
        public var text: String
        /// The change, one undo step.
        public var edit: Edit
        /// Everyone whose load the step changes, before → after.
        public var loads: [LoadChange]
        /// Findings the step clears, and findings it makes less severe (as they are after).
        public var cleared: [Finding]
        public var eased: [Finding]
        /// Findings the step brings, all of them the expected kind: a role now covered
        /// only by the plan's open position, a fill that leaves a role short.
        public var brings: [Finding]
        /// The open position a hire step creates.
        public var hire: Hire?
        /// Critical, warning and info findings of the org after this step.
        public var findingsAfter: Counts
    }

    /// Findings per severity.
    public struct Counts: Equatable, Sendable {
        public var critical: Int
        public var warning: Int
        public var info: Int

        init(critical: Int, warning: Int, info: Int) {
            self.critical = critical
            self.warning = warning
            self.info = info
        }

        init(_ report: LoadReport) {
            critical = report.count(.critical)
            warning = report.count(.warning)
            info = report.count(.info)
        }
    }

    /// A finding the plan leaves, and why it cannot clear it.
    public struct Unresolved: Equatable, Sendable {
        public var finding: Finding
        public var reason: String
    }

    /// The least the work left after the moves needs, whoever does it.
    public struct LowerBound: Equatable, Sendable {
        /// Hours a week that must leave overloaded people or fill short and empty roles,
        /// even if each overloaded person lost all switching (kept one kind of work).
        public var hours: Double
        /// Everyone else's room, as if they lost no time to switching and could do any work.
        public var roomElsewhere: Double
        /// What is left for new people, in full-time people at the warning line.
        public var people: Double
        /// A full-time person's hours at the warning line (the divisor of `people`).
        public var personHours: Double
    }

    public var steps: [Step]
    /// The org as it is and as planned, checked (without suggestions).
    public var before: LoadReport
    public var after: LoadReport
    /// The planned org: the input with every step applied.
    public var org: Org
    public var unresolved: [Unresolved]
    public var lowerBound: LowerBound
    /// The most hires the plan was allowed (nil: no limit).
    public var maxHires: Int?

    public var hires: [Hire] { steps.compactMap(\.hire) }
    public var moves: [Step] { steps.filter { $0.kind == .move } }
    public var countsBefore: Counts { Counts(before) }
    public var countsAfter: Counts { Counts(after) }
    /// The findings the whole plan clears, makes worse or adds, as in a what-if.
    public var comparison: ReportComparison { ReportComparison(before: before, after: after) }
}

/// How far a plan has got, for a progress bar.
public struct PlanProgress: Equatable, Sendable {
    public var steps: Int
    /// Hours of overload and shortfall left, and at the start.
    public var hoursLeft: Double
    public var hoursAtStart: Double

    /// 0 … 1.
    public var fraction: Double {
        guard hoursAtStart > 0 else { return 1 }
        return min(1, max(0, 1 - hoursLeft / hoursAtStart))
    }
}
