import Foundation
import OrgKit
import OrgTUI

/// `hats-bench run`'s per-kind keystroke table: each binding that changes the org or the
/// view, driven through the builder's own update loop (`App.update` with the key, or the
/// dialog's Enter; `App.commit` of the edit a dialog makes) and followed by drawing the
/// 120×40 screen, timed separately, with the undo (`u`) and redo (`Ctrl-R`) of each.
struct KeyKinds {
    var org: Org
    /// Times each kind is measured (each time: the key, its undo, its redo).
    var repeats: Int
    /// The plan for the plan-step rows: the whole plan (nil), or its first so many steps
    /// (above `Benchmark.planSizeLimit` people, where the whole plan takes too long). The
    /// key applies the selected step, the first, which is the same in both.
    var planSteps: Int?
    /// Only the kinds whose row name contains this (for `perf record` of one kind).
    var only: String? = nil

    func wanted(_ name: String) -> Bool { only.map { name.contains($0) } ?? true }

    struct Row {
        /// The same at every size (a row of the big table).
        var name: String
        var sample: Sample?
        /// What differs by size ("team of 1,944").
        var note: String? = nil
    }

    /// Start-up split, as the builder opens an org: to the first frame (everyone's numbers;
    /// from `App.checkOffLoopFrom` people the findings are worked out off the loop), and to
    /// the findings complete on screen (the complete check, as the builder's worker thread
    /// does it after the first frame, taken by the loop and drawn). With `path`, reading the
    /// file is part of both; else the org is already in memory.
    static func startUp(_ org: Org, path: String? = nil, repeats: Int) -> (firstFrame: Sample, complete: Sample) {
        var first: [Double] = []
        var complete: [Double] = []
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000 }
            var document = Document(org: org, path: path)
            if let path {
                guard let loaded = try? OrgFile.load(path: path) else { continue }
                document = Document(org: loaded.org, path: path, fingerprint: loaded.fingerprint)
            }
            var state = App.start(document, size: Size(width: 120, height: 40), checkOffLoopFrom: App.checkOffLoopFrom)
            _ = App.view(state)
            first.append(elapsed())
            for effect in App.update(&state, .tick(Date())) {
                if case .check(let checked, let id) = effect {
                    _ = App.update(&state, .checked(id: id, LiveCheck(checked)))
                }
            }
            _ = App.view(state)
            precondition(!App.isChecking(state), "the findings came")
            complete.append(elapsed())
        }
        return (Sample(values: first), Sample(values: complete))
    }

    func rows() -> [Row] {
        var state = App.start(Document(org: org, path: nil), size: Size(width: 120, height: 40))
        // The builder holds the only copy of its org, but here `self.org` shares the state's:
        // the first edit timed would copy every person (15–50 ms at 100,000 people), a cost
        // the builder never pays. One edit, undone, untimed, gives the state its own copy
        // (as `keystrokeSample` does).
        if let person = org.people.first(where: { !$0.hats.isEmpty }), let hat = person.hats.first {
            App.commit(.setHatHours(person: person.id, role: hat.role, hours: 11), &state)
            _ = App.update(&state, .key(.character("u")))
        }
        _ = App.view(state)
        var rows: [Row] = []
        func key(_ key: Key) -> Double {
            Clock.milliseconds {
                _ = App.update(&state, .key(key))
                _ = App.view(state)
            }
        }
        func timed(_ body: (inout AppState) -> Void) -> Double {
            Clock.milliseconds {
                body(&state)
                _ = App.view(state)
            }
        }
        /// `apply` (timed) makes one undo step; then u and Ctrl-R (timed), then u (not).
        func edit(_ name: String, note: String? = nil, prepare: (inout AppState) -> Void = { _ in }, _ apply: (inout AppState) -> Void) {
            guard wanted(name) else { return }
            var applied: [Double] = []
            var undone: [Double] = []
            var redone: [Double] = []
            for _ in 0..<repeats {
                prepare(&state)
                let revision = state.document.history.revision
                let time = timed(apply)
                guard state.document.history.revision != revision else {
                    log("\(name): the key changed nothing (\(state.status?.text ?? "-")); row left out")
                    rows += [Row(name: name, sample: nil), Row(name: "\(name): undo", sample: nil), Row(name: "\(name): redo", sample: nil)]
                    return
                }
                applied.append(time)
                undone.append(key(.character("u")))
                redone.append(key(.control("r")))
                _ = App.update(&state, .key(.character("u")))
            }
            rows += [Row(name: name, sample: Sample(values: applied), note: note),
                     Row(name: "\(name): undo", sample: Sample(values: undone), note: note),
                     Row(name: "\(name): redo", sample: Sample(values: redone), note: note)]
        }

        let people = org.people
        let tree = ReportingTree(org)
        // Team sizes (everyone under each person), to pick managers.
        var team = [Int](repeating: 0, count: people.count)
        var order: [Int] = []
        var stack = tree.roots
        while let next = stack.popLast() { order.append(next); stack += tree.children[next] }
        for position in order.reversed() { team[position] = tree.children[position].reduce(0) { $0 + 1 + team[$1] } }

        // What-if on and off: a person in the middle of the file, and the person at the top.
        let middle = people.dropFirst(people.count / 2).first { !$0.hats.isEmpty }?.id
        let top = tree.roots.first.map { people[$0].id }
        for (label, id) in [("middle person", middle), ("person at the top", top)] {
            guard let id, wanted("what-if on (`w`), \(label)") else { continue }
            var on: [Double] = []
            var off: [Double] = []
            _ = App.perform(.showChart, &state)
            for _ in 0..<repeats {
                state.selectedPerson = id
                on.append(key(.character("w")))
                state.selectedPerson = id
                off.append(key(.character("w")))
            }
            if !state.away.isEmpty { log("what-if of \(label): still away after w w") }
            rows += [Row(name: "what-if on (`w`), \(label)", sample: Sample(values: on)),
                     Row(name: "what-if off (`w`), \(label)", sample: Sample(values: off))]
        }
        // The same as the builder runs a large org (`hats FILE`): the what-if worked out off
        // the loop. Timed: the key (update and view), then the answer (the work done off the
        // loop, run here in line, then taken by the loop and drawn), then the key back.
        var offLoop = App.start(Document(org: org, path: nil), size: Size(width: 120, height: 40), checkOffLoopFrom: App.checkOffLoopFrom)
        for effect in App.update(&offLoop, .tick(Date())) {
            if case .check(let checked, let id) = effect { _ = App.update(&offLoop, .checked(id: id, LiveCheck(checked))) }
        }
        _ = App.perform(.showChart, &offLoop)
        for (label, id) in [("middle person", middle), ("person at the top", top)] {
            guard let id, wanted("what-if on (`w`), \(label)"), people.count >= App.whatIfOffLoopFrom else { continue }
            var on: [Double] = []
            var worked: [Double] = []
            var arrived: [Double] = []
            var off: [Double] = []
            for _ in 0..<repeats {
                offLoop.selectedPerson = id
                var effects: [Effect] = []
                on.append(Clock.milliseconds {
                    effects = App.update(&offLoop, .key(.character("w")))
                    for case .release(let retired) in effects { DispatchQueue.global(qos: .utility).async { retired.empty() } }
                    _ = App.view(offLoop)
                })
                guard case .whatIf(let request)? = effects.first(where: { if case .whatIf = $0 { true } else { false } }) else {
                    log("what-if of \(label): no request off the loop")
                    break
                }
                var answer: Msg?
                worked.append(Clock.milliseconds { answer = request.run() })
                effects = []
                arrived.append(Clock.milliseconds {
                    // The loop takes the answer from the worker (which keeps no copy).
                    guard let taken = answer else { return }
                    answer = nil
                    for case .release(let retired) in App.update(&offLoop, taken) {
                        DispatchQueue.global(qos: .utility).async { retired.empty() }
                    }
                    _ = App.view(offLoop)
                })
                if App.isChecking(offLoop) { log("what-if of \(label): still checking after the answer") }
                offLoop.selectedPerson = id
                off.append(Clock.milliseconds {
                    // As the builder does: what is let go of is freed on another thread.
                    for case .release(let retired) in App.update(&offLoop, .key(.character("w"))) {
                        DispatchQueue.global(qos: .utility).async { retired.empty() }
                    }
                    _ = App.view(offLoop)
                })
            }
            rows += [Row(name: "what-if on (`w`) off the loop, \(label): the key", sample: Sample(values: on)),
                     Row(name: "what-if on (`w`) off the loop, \(label): worked out (off the loop)", sample: Sample(values: worked)),
                     Row(name: "what-if on (`w`) off the loop, \(label): the answer taken and drawn", sample: Sample(values: arrived)),
                     Row(name: "what-if off (`w`) off the loop, \(label)", sample: Sample(values: off))]
        }

        // Apply a suggestion (`f`): someone with a finding that has one.
        let findings = wanted("apply a suggestion (`f`)") ? state.live.report().findings : []
        let suggested = findings.lazy.filter { $0.subject.kind == .person }.first { finding in
            state.live.suggestion(for: finding, in: org) != nil
        }?.subject.id
        if !wanted("apply a suggestion (`f`)") {
        } else if let suggested {
            edit("apply a suggestion (`f`)", prepare: { state in
                _ = App.perform(.showChart, &state)
                state.selectedPerson = suggested
                // `1` (the chart, already shown): the details show the selection's suggestion.
                _ = App.update(&state, .key(.character("1")))
            }) { state in _ = App.update(&state, .key(.character("f"))) }
        } else {
            rows += [Row(name: "apply a suggestion (`f`)", sample: nil)]
        }

        // Apply a plan step (`f` in the Plan view), the plan fed in as the planner answers.
        if wanted("apply a plan step") {
            let plan = planSteps.map { Planner.plan(org, maxSteps: $0) } ?? Planner.plan(org)
            if plan.steps.isEmpty {
                log("the plan has no steps")
            }
            let note = planSteps.map { _ in "the plan's first \(plan.steps.count) steps" }
            edit("apply a plan step (`f`, Plan view)", note: note, prepare: { state in
                _ = App.perform(.showPlan, &state)
                _ = App.update(&state, .planned(for: state.document.org, plan))
            }) { state in _ = App.update(&state, .key(.character("f"))) }
            _ = App.perform(.showChart, &state)
        }

        // Set a manager for the person with the largest team under the top (not the top).
        let candidates = tree.roots.flatMap { tree.children[$0] }.sorted { team[$0] > team[$1] }
        if candidates.count >= 2 {
            let mover = people[candidates[0]].id
            let newManager = people[candidates[1]].id
            edit("set a manager (the largest team under the top)", note: "team of \(team[candidates[0]].formatted())") { state in
                App.commit(.setManager(person: mover, manager: newManager), &state)
            }
        }

        // Delete a manager and re-home their reports (the `d` confirm's edit).
        let managers = people.indices.filter { !tree.children[$0].isEmpty && !tree.roots.contains($0) }
        if !managers.isEmpty {
            let manager = managers[managers.count / 2]
            let id = people[manager].id
            edit("delete a manager, reports re-homed", note: "\(tree.children[manager].count) reports") { state in
                if let removal = Edit.removing(person: id, in: state.document.org) { App.commit(removal, &state) }
            }
        }

        // Add roles from a catalog: `c` in Roles, Enter on the first preset, Enter on a role.
        edit("add roles from a catalog (`c`, Enter, Enter)", prepare: { state in
            _ = App.perform(.showRoles, &state)
            _ = App.update(&state, .key(.character("c")))
            _ = App.update(&state, .key(.enter))
        }) { state in _ = App.update(&state, .key(.enter)) }
        _ = App.perform(.showChart, &state)

        // Give and take a hat (the hats dialog's edits).
        if let id = middle, let wearer = org.person(id), let role = org.roles.first(where: { role in !wearer.hats.contains { $0.role == role.id } })?.id {
            edit("give a hat") { state in App.commit(.addHat(person: id, hat: Hat(role: role, hoursPerWeek: 4)), &state) }
            if let worn = wearer.hats.first?.role {
                edit("take a hat") { state in App.commit(.removeHat(person: id, role: worn), &state) }
            }
        }
        return rows
    }

    func log(_ message: String) {
        FileHandle.standardError.write(Data("hats-bench: \(message)\n".utf8))
    }
}
