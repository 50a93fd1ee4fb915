import Foundation
import OrgKit

/// The forms: what fields each has, and what Enter does with them.
enum Forms {
    static let yesNo = ["no", "yes"]

    static func addPerson(manager: String?, _ state: AppState) -> FormDialog {
        let org = state.document.org
        let note = manager.flatMap { org.person($0) }.map { "Reports to \($0.name)." } ?? "At the top of the chart."
        return FormDialog(title: "Add a person", purpose: .addPerson(manager: manager), fields: [
            FormField("Name"),
            FormField("Title"),
            FormField("Capacity h/week", "", .number(optional: true), hint: "blank: the policy's \(Format.oneDecimal(org.policy.hoursPerWeek)) h"),
            FormField("External", "no", .choice(yesNo), hint: Self.externalHint),
            FormField("Open position", "no", .choice(yesNo), hint: Self.openHint),
        ], note: note)
    }

    static let externalHint = "an outside firm: shown apart, not load-checked (Space changes)"
    static let openHint = "a planned hire or a vacancy: load-checked, but no cover for a critical role yet (Space changes)"

    static func editPerson(_ id: String, _ state: AppState) -> FormDialog {
        let person = state.document.org.person(id) ?? Person(id: id, name: "")
        return FormDialog(title: "Edit \(person.name)", purpose: .editPerson(id), fields: [
            FormField("Name", person.name),
            FormField("Title", person.title ?? ""),
            FormField("E-mail", person.email ?? ""),
            FormField("Department", person.department ?? "", hint: "a team or department: CSV, Markdown, HTML and the chart show it"),
            FormField("Capacity h/week", person.hoursPerWeek.map(number) ?? "", .number(optional: true), hint: "blank: the policy's hours"),
            FormField("External", person.external ? "yes" : "no", .choice(yesNo), hint: externalHint),
            FormField("Open position", person.open ? "yes" : "no", .choice(yesNo), hint: "no: hired, someone is in the job now (Space changes)"),
            FormField("Certifications", person.certifications.joined(separator: ", "), hint: "comma-separated"),
            FormField("Years of experience", person.yearsExperience.map(number) ?? "", .number(optional: true)),
        ])
    }

    static func addRole(_ state: AppState) -> FormDialog {
        FormDialog(title: "Add a role", purpose: .addRole, fields: roleFields(Role(id: "", name: ""), state.document.org))
    }

    static func editRole(_ id: String, _ state: AppState) -> FormDialog {
        let role = state.document.org.role(id) ?? Role(id: id, name: "")
        return FormDialog(title: "Edit role \(role.name)", purpose: .editRole(id), fields: roleFields(role, state.document.org))
    }

    static let rolePickHint = "Space chooses from the roles; Backspace clears it"

    /// Every field a role has in the file (docs/file-format.md), but its id: adding and
    /// editing a role show the same ones, so what a catalog brings can be typed too.
    static func roleFields(_ role: Role, _ org: Org) -> [FormField] {
        [
            FormField("Name", role.name),
            FormField("Category", role.category ?? "", hint: "the kind of work: roles of one category cost no switching between them"),
            FormField("Summary", role.summary ?? ""),
            FormField("Aliases", role.aliases.joined(separator: ", "), hint: "other names, comma-separated"),
            FormField("Hours per week", role.hoursPerWeek.map(number) ?? "", .number(optional: true), hint: "blank: the sum of its duties' hours"),
            FormField("Critical", role.critical ? "yes" : "no", .choice(yesNo), hint: "one holder is a single point of failure (Space changes)"),
            FormField("Tier", role.tier.map(String.init) ?? "—", .choice(["—", "1", "2", "3"]), hint: "helpdesk tier (Space changes)"),
            FormField("Escalates to", roles: role.escalatesTo.map { [$0] } ?? [], multiple: false, in: org,
                      hint: rolePickHint),
            FormField("Related roles", roles: role.related, multiple: true, in: org, hint: "Space marks roles to see alongside; Backspace clears it"),
            FormField("Certifications", role.requires?.certifications.joined(separator: ", ") ?? "", hint: "every one required, comma-separated"),
            FormField("Any certification of", role.requires?.anyCertification.joined(separator: ", ") ?? "", hint: "at least one of these required, comma-separated"),
            FormField("Minimum years", role.requires?.minYears.map(number) ?? "", .number(optional: true), hint: "years of experience required; blank: none"),
        ]
    }

    static func addDuty(_ state: AppState) -> FormDialog {
        let org = state.document.org
        let current = state.selectedDuty.flatMap { org.duty($0) }
        let role = current?.role
        let note = role.flatMap { org.role($0) }.map { "Owned by \($0.name) (m moves it to another role)." } ?? "Owned by no role yet (m gives it one)."
        return FormDialog(title: "Add a duty", purpose: .addDuty(role: role), fields: [
            FormField("Name"),
            FormField("Area", current?.area ?? ""),
            FormField("Hours per week", "", .number(optional: true)),
            FormField("Critical", "no", .choice(yesNo)),
            FormField("Special project", "no", .choice(yesNo), hint: "project work priced separately, not run-the-business work (Space changes)"),
        ], note: note)
    }

    static func editDuty(_ id: String, _ state: AppState) -> FormDialog {
        let duty = state.document.org.duty(id) ?? Duty(id: id, name: "")
        return FormDialog(title: "Edit duty", purpose: .editDuty(id), fields: [
            FormField("Name", duty.name),
            FormField("Area", duty.area ?? ""),
            FormField("Hours per week", duty.hoursPerWeek.map(number) ?? "", .number(optional: true)),
            FormField("Critical", duty.critical ? "yes" : "no", .choice(yesNo)),
            FormField("Special project", duty.specialProject ? "yes" : "no", .choice(yesNo)),
        ])
    }

    static func policy(_ state: AppState) -> FormDialog {
        let policy = state.document.org.policy
        return FormDialog(title: "Policy", purpose: .policy, fields: [
            FormField("Hours per week", number(policy.hoursPerWeek), .number(optional: false), hint: "everyone's capacity unless set on the person"),
            FormField("Switching", policy.switching.rawValue, .choice(Policy.Switching.allCases.map(\.rawValue)),
                      hint: "weighted: by hours per kind of work; weinberg: 20/40/60/75 % for 2/3/4/5 hats; flat: one loss; none (Space changes)"),
            FormField("Flat loss %", number(policy.flatSwitchingLoss * 100), .number(optional: false), hint: "used by the flat model"),
            FormField("Available %", number(policy.availability * 100), .number(optional: false), hint: "share of contract hours that can be planned (MSPs plan 70–80 % for technicians)"),
            FormField("Warn above %", number(policy.warnAt * 100), .number(optional: false)),
            FormField("Critical above %", number(policy.criticalAt * 100), .number(optional: false)),
            FormField("Most hats", String(policy.maxHats), .number(optional: false)),
            FormField("Most duties", String(policy.maxDuties), .number(optional: false)),
            FormField("Most direct reports", String(policy.maxDirectReports), .number(optional: false)),
        ])
    }

    static func saveAs(_ state: AppState) -> FormDialog {
        let suggested = state.document.path ?? (OrgID.slug(state.document.org.name, fallback: "org") + ".json")
        return FormDialog(title: "Save as", purpose: .saveAs, fields: [FormField("File", suggested, hint: "an existing file is not overwritten")])
    }

    static func renameOrg(_ state: AppState) -> FormDialog {
        FormDialog(title: "Rename the org", purpose: .renameOrg, fields: [FormField("Name", state.document.org.name)])
    }

    static func openFile() -> FormDialog {
        FormDialog(title: "Open a file", purpose: .openFile, fields: [FormField("File", "", hint: "a file that does not exist yet starts a new org")])
    }

    // MARK: - Enter

    /// Carries out the form. Returns nil with `form.error` set when it cannot, or the
    /// effects to run (the form closes).
    static func submit(_ form: inout FormDialog, _ state: inout AppState) -> [Effect]? {
        do {
            return try submitOrThrow(form, &state)
        } catch let problem as FormProblem {
            form.error = problem.message
            return nil
        } catch {
            form.error = "\(error)"
            return nil
        }
    }

    struct FormProblem: Error { var message: String }

    private static func submitOrThrow(_ form: FormDialog, _ state: inout AppState) throws -> [Effect] {
        let org = state.document.org
        func text(_ index: Int) -> String { form.fields[index].value }
        func optionalText(_ index: Int) -> String? { text(index).isEmpty ? nil : text(index) }
        func required(_ index: Int) throws -> String {
            guard !text(index).isEmpty else { throw FormProblem(message: "\(form.fields[index].label) is needed") }
            return text(index)
        }
        func numberValue(_ index: Int) throws -> Double? {
            let raw = text(index).replacingOccurrences(of: ",", with: ".")
            if raw.isEmpty {
                if case .number(optional: false) = form.fields[index].kind { throw FormProblem(message: "\(form.fields[index].label) is needed") }
                return nil
            }
            guard let value = Double(raw), value.isFinite else { throw FormProblem(message: "\(form.fields[index].label): \"\(raw)\" is not a number") }
            return value
        }
        func list(_ index: Int) -> [String] {
            text(index).split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        }
        func flag(_ index: Int) -> Bool { text(index) == "yes" }
        func apply(_ edit: Edit) throws {
            do {
                let entry = try state.document.history.perform(edit, on: &state.document.org)
                App.refresh(&state, .edit(entry.edit, inverse: entry.inverse))
            } catch {
                throw FormProblem(message: error.reason)
            }
        }

        /// The role fields (`roleFields`) over `role`; what the file keeps of it that the
        /// form does not show (unknown fields) stays.
        func roleFromFields(_ role: Role) throws -> Role {
            var role = role
            role.name = try required(0)
            role.category = optionalText(1)
            role.summary = optionalText(2)
            role.aliases = list(3)
            role.hoursPerWeek = try numberValue(4)
            role.critical = flag(5)
            role.tier = Int(text(6))
            role.escalatesTo = form.fields[7].picked.first
            role.related = form.fields[8].picked
            var requires = role.requires ?? Requirements()
            requires.certifications = list(9)
            requires.anyCertification = list(10)
            requires.minYears = try numberValue(11)
            role.requires = requires.isEmpty ? nil : requires
            return role
        }

        switch form.purpose {
        case .addPerson(let manager):
            let name = try required(0)
            let id = OrgID.uniqueID(OrgID.slug(name, fallback: "person"), taken: { org.person($0) != nil })
            let external = flag(3)
            let open = flag(4)
            try apply(.addPerson(Person(id: id, name: name, title: optionalText(1), reportsTo: manager, hoursPerWeek: try numberValue(2),
                                        external: external, open: open)))
            App.reveal(person: id, &state)
            let what = open ? "the open position \(name)" : external ? "the outside provider \(name)" : name
            state.status = StatusMessage(text: "Added \(what). Enter gives them hats; m sets their manager.", kind: .success)

        case .editPerson(let id):
            guard let person = org.person(id) else { throw FormProblem(message: "that person is gone") }
            var edits: [Edit] = []
            let name = try required(0)
            if name != person.name { edits.append(.renamePerson(id, to: name)) }
            if optionalText(1) != person.title { edits.append(.setTitle(person: id, title: optionalText(1))) }
            if optionalText(2) != person.email { edits.append(.setEmail(person: id, email: optionalText(2))) }
            if optionalText(3) != person.department { edits.append(.setDepartment(person: id, department: optionalText(3))) }
            let capacity = try numberValue(4)
            if capacity != person.hoursPerWeek { edits.append(.setCapacity(person: id, hours: capacity)) }
            if flag(5) != person.external { edits.append(.setExternal(person: id, external: flag(5))) }
            if flag(6) != person.open { edits.append(.setOpen(person: id, open: flag(6))) }
            let years = try numberValue(8)
            if list(7) != person.certifications || years != person.yearsExperience {
                edits.append(.setQualifications(person: id, certifications: list(7), yearsExperience: years))
            }
            // Hired on its own is its own undo step ("mark … as hired"), as the user thinks of it.
            if edits.count == 1, case .setOpen = edits[0] {
                try apply(edits[0])
                if !flag(6) { state.status = StatusMessage(text: "\(person.name) is hired: no longer an open position.", kind: .success) }
            } else if !edits.isEmpty {
                try apply(.batch(edits, label: "edit \(person.name)"))
            }

        case .addRole:
            let name = try required(0)
            let id = OrgID.uniqueID(OrgID.slug(name, fallback: "role"), taken: { org.role($0) != nil })
            let role = try roleFromFields(Role(id: id, name: name))
            // The links go on after the role exists (a link names a role of the org).
            let bare = Role(id: id, name: role.name, category: role.category, summary: role.summary, aliases: role.aliases,
                            hoursPerWeek: role.hoursPerWeek, critical: role.critical, tier: role.tier, requires: role.requires)
            try apply(bare == role ? .addRole(role) : .batch([.addRole(bare), .updateRole(role)], label: "add role \(name)"))
            state.selectedRole = id
            App.keepSelectionVisible(&state)

        case .editRole(let id):
            guard let old = org.role(id) else { throw FormProblem(message: "that role is gone") }
            let role = try roleFromFields(old)
            if role != old { try apply(.updateRole(role)) }

        case .addDuty(let role):
            let name = try required(0)
            let id = OrgID.uniqueID(OrgID.slug(name, fallback: "duty"), taken: { org.duty($0) != nil })
            try apply(.addDuty(Duty(id: id, name: name, area: optionalText(1), role: role, hoursPerWeek: try numberValue(2), critical: flag(3), specialProject: flag(4))))
            state.selectedDuty = id
            App.keepSelectionVisible(&state)

        case .editDuty(let id):
            guard var duty = org.duty(id) else { throw FormProblem(message: "that duty is gone") }
            duty.name = try required(0)
            duty.area = optionalText(1)
            duty.hoursPerWeek = try numberValue(2)
            duty.critical = flag(3)
            duty.specialProject = flag(4)
            if duty != org.duty(id) { try apply(.updateDuty(duty)) }

        case .policy:
            var policy = org.policy
            policy.hoursPerWeek = try numberValue(0) ?? policy.hoursPerWeek
            policy.switching = Policy.Switching(rawValue: text(1)) ?? policy.switching
            policy.flatSwitchingLoss = (try numberValue(2) ?? policy.flatSwitchingLoss * 100) / 100
            policy.availability = (try numberValue(3) ?? policy.availability * 100) / 100
            policy.warnAt = (try numberValue(4) ?? policy.warnAt * 100) / 100
            policy.criticalAt = (try numberValue(5) ?? policy.criticalAt * 100) / 100
            func whole(_ index: Int) throws -> Int {
                guard let value = try numberValue(index), value == value.rounded(), abs(value) < 1e6 else {
                    throw FormProblem(message: "\(form.fields[index].label) must be a whole number")
                }
                return Int(value)
            }
            policy.maxHats = try whole(6)
            policy.maxDuties = try whole(7)
            policy.maxDirectReports = try whole(8)
            if policy != org.policy { try apply(.setPolicy(policy)) }

        case .saveAs:
            let path = try required(0)
            let check: SaveCheck = path == state.document.path ? state.document.saveCheck : .mustBeNew
            return [.save(state.document.org, path: path, revision: state.document.history.revision, check: check)]

        case .renameOrg:
            let name = try required(0)
            if name != org.name { try apply(.renameOrg(name)) }

        case .openFile:
            return [.open(path: try required(0))]
        }
        return []
    }

    // MARK: - Helpers

    static func number(_ value: Double) -> String {
        JSONWriter.formatNumber(value)
    }

}
