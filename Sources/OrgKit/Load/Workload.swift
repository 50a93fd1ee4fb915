/// Kinds of work: what switching costs are counted over (docs/load-model.md).
///
/// A hat's *kind of work* is its role's `category` (trimmed, ignoring case) when the role
/// has one, else the role itself. Switching between a 36 h job and 2 h of a related task
/// costs little; between three equal jobs of different kinds, a lot.
public struct WorkContext: Equatable, Sendable {
    /// The category as the first role of that kind spells it, or the role's name.
    public var name: String
    public var hours: Double

    public init(name: String, hours: Double) {
        self.name = name
        self.hours = hours
    }

    /// The effective number of kinds of work, `(Σ h)² / Σ h²` over hours (Laakso and
    /// Taagepera 1979): k equal kinds give k; 36 h + 2 h gives 1.11; no hours give 0.
    public static func effectiveNumber(_ hours: some Sequence<Double>) -> Double {
        var sum = 0.0
        var squares = 0.0
        for value in hours where value > 0 {
            sum += value
            squares += value * value
        }
        return squares > 0 ? sum * sum / squares : 0
    }
}

extension Policy {
    /// Weinberg (1992): the share of a week lost with 1...5 concurrent tasks.
    static let weinbergTable = [0.0, 0.20, 0.40, 0.60, 0.75]

    /// The share of a week lost to switching between `hats` distinct roles, counted as
    /// whole projects (`weinberg`), with one flat loss (`flat`), or none. For `weighted`
    /// this is the loss of `hats` kinds of work of equal hours.
    public func switchLoss(hats: Int) -> Double {
        switch switching {
        case .none:
            return 0
        case .flat:
            return hats >= 2 ? flatSwitchingLoss : 0
        case .weinberg, .weighted:
            if hats <= 1 { return 0 }
            return hats <= Self.weinbergTable.count ? Self.weinbergTable[hats - 1] : 0.75
        }
    }

    /// Weinberg's table joined by straight lines between whole numbers of tasks: 0 up to
    /// n = 1, 20 % at 2, 40 % at 3, 60 % at 4, 75 % at 5 and beyond.
    public static func weightedSwitchLoss(contexts n: Double) -> Double {
        guard n > 1 else { return 0 }
        guard n < 5 else { return 0.75 }
        let below = Int(n.rounded(.down))
        let fraction = n - Double(below)
        let low = weinbergTable[below - 1]
        let high = weinbergTable[below]
        return low + (high - low) * fraction
    }

    /// The loss for someone with `hats` hats whose hours make `contexts` effective kinds
    /// of work, under this policy's model.
    public func switchLoss(hats: Int, contexts: Double) -> Double {
        switching == .weighted ? Self.weightedSwitchLoss(contexts: contexts) : switchLoss(hats: hats)
    }
}

extension Hours {
    /// The person's kinds of work with their hours, largest first (ties: first worn).
    public func contexts(of person: Person, hatHours: ((Hat) -> Double)? = nil) -> [WorkContext] {
        // Hats read in place (a copy of each retains its role and extra fields), into
        // lists of their size; a person has a few kinds of work, so they are put in order
        // by insertion (most hours first, the first met first on a tie), not by a sort of
        // an enumerated copy.
        var result: [(index: Int, context: WorkContext)] = []
        result.reserveCapacity(person.hats.count)
        for position in person.hats.indices {
            let hours = hatHours?(person.hats[position]) ?? self.hours(of: person.hats[position])
            let index = context(ofRole: person.hats[position].role)
            if let slot = result.firstIndex(where: { $0.index == index }) {
                result[slot].context.hours += hours
            } else {
                result.append((index, WorkContext(name: contextName(index, role: person.hats[position].role), hours: hours)))
            }
        }
        var ordered: [WorkContext] = []
        ordered.reserveCapacity(result.count)
        for entry in result {
            var slot = ordered.count
            while slot > 0, ordered[slot - 1].hours < entry.context.hours { slot -= 1 }
            ordered.insert(entry.context, at: slot)
        }
        return ordered
    }

    /// The effective number of kinds of work in the person's hats (see `WorkContext`),
    /// without building the list: one hat, or all hats of one kind, is the common case.
    /// `without` leaves out the hat for a role, `adding` counts one more.
    public func effectiveContexts(of person: Person, hatHours: ((Hat) -> Double)? = nil,
                                  without: String? = nil, adding: (role: String, hours: Double)? = nil) -> Double {
        let hats = person.hats
        if hats.count == 1, without == nil, adding == nil { return (hatHours?(hats[0]) ?? hours(of: hats[0])) > 0 ? 1 : 0 }
        return withUnsafeTemporaryAllocation(of: (Int, Double).self, capacity: hats.count + 1) { buffer in
            var used = 0
            func add(_ index: Int, _ hours: Double) {
                var slot = 0
                while slot < used, buffer[slot].0 != index { slot += 1 }
                if slot == used {
                    buffer[slot] = (index, hours)
                    used += 1
                } else {
                    buffer[slot].1 += hours
                }
            }
            for hat in hats where hat.role != without {
                add(context(ofRole: hat.role), hatHours?(hat) ?? self.hours(of: hat))
            }
            if let adding { add(context(ofRole: adding.role), adding.hours) }
            var sum = 0.0
            var squares = 0.0
            for slot in 0..<used where buffer[slot].1 > 0 {
                sum += buffer[slot].1
                squares += buffer[slot].1 * buffer[slot].1
            }
            return squares > 0 ? sum * sum / squares : 0
        }
    }
}
