import OrgKit

/// The findings of a large org, worked out off the main loop. When the builder opens an
/// org of `AppState.checkOffLoopFrom` people or more, the first frame shows everyone's
/// numbers from a check of the numbers alone (`LiveCheck(org, findings: false)`), and the
/// `.check` effect asks for the complete check on a thread of its own. Keys go on being
/// taken meanwhile: each edit is kept in order, and when the check arrives it is brought up
/// to date with them (`LiveCheck.catchUp`), so the findings shown are always those of the
/// org as it is. Until then the status bar says "checking…".
public struct PendingCheck: Sendable {
    /// The request that is out (nil: none yet, or the last answer came too late to catch
    /// up and another is due).
    var requested: Int?
    /// The edits made since the org of that request, each with its inverse.
    var edits: [(edit: Edit, inverse: Edit)] = []
}

extension App {
    /// The size from which the builder opens an org with its findings worked out off the
    /// loop: a complete check of 5,000 people takes about 30 ms on the development machine
    /// (release build), so below it the first frame has the findings at once.
    public static let checkOffLoopFrom = 5_000

    /// The size from which a builder that checks off the loop works what-ifs out off it too:
    /// at 100,000 people a what-if takes some 100–170 ms (release build), at 10,000 over
    /// 8 ms.
    public static let whatIfOffLoopFrom = 5_000

    /// Whether the findings shown are still being worked out (the org's, or a what-if's).
    public static func isChecking(_ state: AppState) -> Bool { state.pendingCheck != nil || state.pendingWhatIf != nil }

    /// Whether the what-if of `org` is worked out off the loop.
    static func whatIfOffLoop(_ state: AppState, _ org: Org) -> Bool {
        state.checkOffLoopFrom != nil && org.people.count >= state.whatIfOffLoopFrom
    }

    /// What the app let go of, to be freed off the loop by a runner that works off it (else
    /// here and now).
    static func releaseRetired(_ state: inout AppState) -> [Effect] {
        guard !state.retired.isEmpty else { return [] }
        let retired = Retired(state.retired)
        state.retired = []
        return state.checkOffLoopFrom == nil ? [] : [.release(retired)]
    }

    /// Asks for the what-if that is due, if its request has not gone out.
    static func requestWhatIf(_ state: inout AppState) -> [Effect] {
        guard let pending = state.pendingWhatIf, !pending.requested, !state.quitting else { return [] }
        state.pendingWhatIf = (pending.id, true)
        return [.whatIf(WhatIfRequest(id: pending.id, live: state.live, org: state.document.org, away: state.away))]
    }

    /// The what-if of request `id`, shown if it is the one still awaited: a what-if asked for
    /// before an edit, an undo, another `w`, or the org's findings arriving, is dropped (a
    /// newer request is out for the org as it is).
    static func receive(whatIf: WhatIfCheck, id: Int, _ state: inout AppState) {
        guard state.pendingWhatIf?.id == id else { return }
        state.arrivedWhatIf = whatIf
        refresh(&state, .whatIf)
        state.suggestionKey = nil
        refreshSuggestion(&state)
    }

    /// A check of `org` for the screen: complete, or of the numbers alone with the
    /// findings asked for off the loop when the org is large and the runner can do that.
    static func startCheck(_ state: inout AppState, _ org: Org) {
        if let threshold = state.checkOffLoopFrom, org.people.count >= threshold {
            state.live = LiveCheck(org, findings: false)
            state.pendingCheck = PendingCheck()
        } else {
            state.live = LiveCheck(org)
            state.pendingCheck = nil
        }
    }

    /// Asks for the complete check when one is due and none is out.
    static func requestCheck(_ state: inout AppState) -> [Effect] {
        guard var pending = state.pendingCheck, pending.requested == nil, !state.quitting else { return [] }
        state.checkRequests += 1
        pending.requested = state.checkRequests
        pending.edits = []
        state.pendingCheck = pending
        return [.check(state.document.org, id: state.checkRequests)]
    }

    /// The complete check of the org request `id` was made for: brought up to date with the
    /// edits made since and shown, or (when they reach too far to catch up locally) asked
    /// for again for the org as it is. An answer to an older request is dropped.
    static func receive(check: LiveCheck, id: Int, _ state: inout AppState) {
        guard var pending = state.pendingCheck, pending.requested == id else { return }
        var check = check
        guard check.catchUp(to: state.document.org, edits: pending.edits) else {
            pending.requested = nil
            state.pendingCheck = pending
            return
        }
        state.live = check
        state.pendingCheck = nil
        // The what-if, the findings list and the details' suggestion from the findings.
        refresh(&state, .whatIf)
        state.suggestionKey = nil
        refreshSuggestion(&state)
    }

    /// Keeps an edit for the check that is out.
    static func noteEditWhileChecking(_ edit: Edit, inverse: Edit, _ state: inout AppState) {
        state.pendingCheck?.edits.append((edit, inverse))
    }
}
