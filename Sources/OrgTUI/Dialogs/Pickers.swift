import OrgKit

/// The type-to-filter pickers: their items, and what choosing one does.
enum Pickers {
    static func find(_ state: AppState) -> PickerDialog {
        let org = state.document.org
        var items: [PickerItem] = []
        items += org.people.map { PickerItem(id: "person:\($0.id)", label: $0.name, detail: "person · \($0.title ?? "")", keywords: [$0.title ?? "", $0.email ?? "", $0.id]) }
        items += org.roles.map { PickerItem(id: "role:\($0.id)", label: $0.name, detail: "role · \($0.category ?? "")", keywords: $0.aliases + [$0.id]) }
        items += org.duties.map { PickerItem(id: "duty:\($0.id)", label: $0.name, detail: "duty · \($0.area ?? "")", keywords: [$0.id]) }
        return PickerDialog(title: "Find", purpose: .find, items: items, enterLabel: "goes there · aliases and titles match")
    }

    static func manager(for id: String, _ state: AppState) -> PickerDialog {
        let org = state.document.org
        let person = org.person(id)
        // Everyone under the person: choosing one of them would make a cycle.
        var below: Set<Int> = []
        if let position = org.position(ofPerson: id) {
            var stack = state.tree.children[position]
            while let next = stack.popLast() {
                if below.insert(next).inserted { stack += state.tree.children[next] }
            }
        }
        var items = [PickerItem(id: "", label: "— nobody (top of the chart)", mark: person?.reportsTo == nil ? "✓" : " ")]
        for (position, candidate) in org.people.enumerated() where candidate.id != id {
            var reason: String?
            if below.contains(position) {
                reason = "in \(person?.name ?? id)'s team: that would make a cycle"
            }
            items.append(PickerItem(id: candidate.id, label: candidate.name, detail: candidate.title ?? "",
                                    keywords: [candidate.title ?? ""], unavailable: reason,
                                    mark: person?.reportsTo == candidate.id ? "✓" : " "))
        }
        return PickerDialog(title: "Manager of \(person?.name ?? id)", purpose: .manager(person: id), items: items,
                            enterLabel: "sets the manager · greyed out: would make a cycle")
    }

    static func dottedLines(for id: String, _ state: AppState) -> PickerDialog {
        let org = state.document.org
        let person = org.person(id)
        var items: [PickerItem] = []
        for candidate in org.people where candidate.id != id {
            let isSolid = person?.reportsTo == candidate.id
            items.append(PickerItem(id: candidate.id, label: candidate.name, detail: candidate.title ?? "",
                                    keywords: [candidate.title ?? ""], unavailable: isSolid ? "already the solid-line manager" : nil,
                                    mark: person?.dottedTo.contains(candidate.id) == true ? "✓" : " "))
        }
        return PickerDialog(title: "Dotted lines of \(person?.name ?? id)", purpose: .dottedLine(person: id), items: items,
                            enterLabel: "adds or removes it (✓ = in place)")
    }

    /// The roles to give as a hat: the org's (with the hours the hat would start at and the
    /// load after it; the ones already worn greyed out), then, once something is typed,
    /// catalog roles that match, and "Create role “typed”" when no role of the org has that
    /// name — so a hat can be given before any role exists.
    static func addHat(for id: String, _ state: AppState) -> PickerDialog {
        let org = state.document.org
        let hours = Hours(org)
        let person = org.person(id)
        var items: [PickerItem] = []
        for role in org.roles {
            guard let person else { break }
            if person.wears(role.id) {
                items.append(PickerItem(id: role.id, label: role.name, keywords: role.aliases + [role.category ?? ""],
                                        unavailable: "\(person.name) already wears it"))
                continue
            }
            // The hat starts at what the role still lacks, capped at the person's room.
            let start = NewHat(person: person, role: role.id, org: org, hours: hours)
            var detail = startText(start)
            if !person.external {
                var wearing = person
                wearing.hats.append(Hat(role: role.id, hoursPerWeek: start.hours))
                let after = PersonLoad(person: wearing, hours: hours, policy: org.policy).load
                detail += " → \(Format.percent(after))\(after > org.policy.warnAt ? (after > org.policy.criticalAt ? " ✖" : " ▲") : "")"
            }
            items.append(PickerItem(id: role.id, label: role.name, detail: detail, keywords: role.aliases + [role.category ?? ""], keepsDetail: true))
        }
        let own = items.count
        items += catalogItems(for: org)
        return PickerDialog(title: "Give \(person?.name ?? id) a hat", purpose: .addHat(person: id), items: items,
                            enterLabel: "gives the hat · a new name creates a role", creates: "role",
                            rowsHint: min(items.count, max(own, 10)))
    }

    /// The hours a new hat starts at, as the picker shows them: "28.0 h unfilled", or
    /// "40.0 of 68.0 h unfilled" when the person's room is less than the role lacks.
    static func startText(_ start: NewHat) -> String {
        guard let hours = start.hours else { return "an equal share (no hours yet)" }
        if start.capped { return "\(Format.oneDecimal(hours)) of \(Format.hours(start.unfilled)) unfilled" }
        if start.unfilled == 0 { return "0.0 h (role filled)" }
        return "\(Format.hours(hours)) unfilled"
    }

    /// Every role of the preset catalogs, each name once (the first catalog that has it),
    /// loaded once.
    static let catalogRoles: [(preset: String, role: Role, hours: Double, duties: Int)] = {
        var seen: Set<String> = []
        var roles: [(preset: String, role: Role, hours: Double, duties: Int)] = []
        for preset in PresetCatalog.all {
            guard let catalog = try? preset.load() else { continue }
            let hours = Hours(catalog)
            for role in catalog.roles where seen.insert(role.name.searchFolded).inserted {
                roles.append((preset.name, role, hours.hours(ofRole: role.id), hours.dutyCount(ofRole: role.id)))
            }
        }
        return roles
    }()

    /// The catalog roles the org does not have (by id or name), as picker items.
    static func catalogItems(for org: Org) -> [PickerItem] {
        let names = Set(org.roles.map(\.name.searchFolded))
        return catalogRoles.compactMap { entry in
            guard org.role(entry.role.id) == nil, !names.contains(entry.role.name.searchFolded) else { return nil }
            var detail = "from \(entry.preset)"
            if entry.hours > 0 { detail += " · \(Format.hours(entry.hours))" }
            if entry.duties > 0 { detail += " · \(Format.count(entry.duties, "duty", "duties"))" }
            return PickerItem(id: entry.role.id, label: entry.role.name, detail: detail, keywords: entry.role.aliases,
                              keepsDetail: true, origin: .catalog(entry.preset))
        }
    }

    static func catalogPresets() -> PickerDialog {
        let items = PresetCatalog.all.map { preset in
            PickerItem(id: preset.name, label: preset.name, detail: preset.summary)
        }
        return PickerDialog(title: "Add roles from a catalog", purpose: .catalogPreset, items: items, enterLabel: "opens the catalog")
    }

    static func catalogRoles(preset name: String, _ state: AppState) -> PickerDialog {
        let org = state.document.org
        let catalog = (try? PresetCatalog.named(name)?.load()) ?? .empty()
        let items = catalog.roles.map { role in
            let duties = catalog.duties.filter { $0.role == role.id }.count
            let exists = org.role(role.id) != nil || org.roles.contains { $0.name == role.name }
            return PickerItem(id: role.id, label: role.name,
                              detail: [role.category, duties > 0 ? Format.count(duties, "duty", "duties") : nil].compactMap { $0 }.joined(separator: " · "),
                              keywords: role.aliases, unavailable: exists ? "already in this org" : nil)
        }
        return PickerDialog(title: "Roles in \(name)", purpose: .catalogRole(preset: name), items: items,
                            enterLabel: "adds the marked (or selected) roles", marking: .orSelected)
    }

    static func moveDuty(_ id: String, _ state: AppState) -> PickerDialog {
        let org = state.document.org
        let duty = org.duty(id)
        var items = [PickerItem(id: "", label: "— no role (unowned)", mark: duty?.role == nil ? "✓" : " ")]
        items += org.roles.map { PickerItem(id: $0.id, label: $0.name, detail: $0.category ?? "", keywords: $0.aliases, mark: duty?.role == $0.id ? "✓" : " ") }
        return PickerDialog(title: "Move \(duty?.name ?? id)", purpose: .moveDuty(id), items: items, enterLabel: "moves the duty to the role")
    }

    /// The roles a role field of a form can hold: every role but the one being edited.
    /// Nil when there is none to choose.
    static func formRoles(_ form: FormDialog, field index: Int, _ state: AppState) -> PickerDialog? {
        let org = state.document.org
        guard form.fields.indices.contains(index), case .roles(let multiple) = form.fields[index].kind else { return nil }
        let field = form.fields[index]
        var own: String?
        if case .editRole(let id) = form.purpose { own = id }
        let roles = org.roles.filter { $0.id != own }
        guard !roles.isEmpty else { return nil }
        var items: [PickerItem] = multiple ? [] : [PickerItem(id: "", label: "— none", mark: field.picked.isEmpty ? "✓" : " ")]
        items += roles.map { role in
            PickerItem(id: role.id, label: role.name, detail: role.category ?? "", keywords: role.aliases,
                       mark: !multiple && field.picked.contains(role.id) ? "✓" : " ")
        }
        return PickerDialog(title: field.label, purpose: .formRoles(field: index, multiple: multiple), items: items,
                            enterLabel: multiple ? "sets the marked roles (✓)" : "sets it",
                            marking: multiple ? .exactly : .none, marked: multiple ? field.picked : [])
    }

    // MARK: - Choosing

    /// Gives `person` the hat of a role of the org, of a catalog role (added first, with
    /// its duties and links), or of a new role named `typed`: one undo step each.
    @discardableResult
    static func giveHat(_ item: PickerItem, typed: String, to person: String, _ state: inout AppState) -> Bool {
        let org = state.document.org
        guard let wearer = org.person(person) else { return false }
        var edits: [Edit] = []
        var role = item.id
        var label = "give \(wearer.name) \(item.label)"
        switch item.origin {
        case .org:
            break
        case .catalog(let preset):
            guard let catalog = try? PresetCatalog.named(preset)?.load(), let original = catalog.role(item.id) else { return false }
            edits = importRoles([original], from: catalog, into: org)
            if case .addRole(let added, _)? = edits.first { role = added.id }
            label = "give \(wearer.name) \(original.name) from \(preset)"
        case .create:
            guard !typed.isEmpty else { return false }
            role = OrgID.uniqueID(OrgID.slug(typed, fallback: "role"), taken: { org.role($0) != nil })
            edits = [.addRole(Role(id: role, name: typed))]
            label = "give \(wearer.name) the new role \(typed)"
        }
        // The hat starts at what the role lacks, worked out on the org with the role in it.
        var hours: Double?
        if let after = try? (edits.isEmpty ? org : org.applying(.batch(edits, label: label))) {
            hours = NewHat(person: wearer, role: role, org: after, hours: Hours(after)).hours
        }
        let hat = Edit.addHat(person: person, hat: Hat(role: role, hoursPerWeek: hours))
        return App.commit(edits.isEmpty ? hat : .batch(edits + [hat], label: label), &state)
    }

    /// Carries out the choice (the items Enter took: one, or the marked ones); returns
    /// whether the picker should close.
    static func choose(_ chosen: [PickerItem], _ picker: PickerDialog, _ state: inout AppState) -> Bool {
        let org = state.document.org
        if case .formRoles(let index, let multiple) = picker.purpose {
            guard case .form(var form)? = state.dialogs.last, form.fields.indices.contains(index) else { return true }
            let ids = multiple ? chosen.map(\.id) : chosen.prefix(1).map(\.id).filter { !$0.isEmpty }
            form.fields[index].pick(ids, in: org)
            form.error = nil
            state.dialogs[state.dialogs.count - 1] = .form(form)
            return true
        }
        guard let item = chosen.first else { return true }
        switch picker.purpose {
        case .manager(let person):
            return App.commit(.setManager(person: person, manager: item.id.isEmpty ? nil : item.id), &state)
        case .dottedLine(let person):
            let has = org.person(person)?.dottedTo.contains(item.id) == true
            return App.commit(has ? .removeDottedLine(person: person, manager: item.id) : .addDottedLine(person: person, manager: item.id), &state)
        case .addHat(let person):
            guard giveHat(item, typed: picker.typedName, to: person, &state),
                case .hats(var hats)? = state.dialogs.last, hats.person == person,
                let worn = state.document.org.person(person)?.hats, let added = worn.indices.last(where: { !(org.person(person)?.wears(worn[$0].role) ?? false) })
            else { return true }
            // The new hat is selected with its hours ready to type.
            hats.list.select(added, count: worn.count, rows: Screens.hatsRows(state.size, hats: worn.count))
            hats.editHours(of: added, worn)
            state.dialogs[state.dialogs.count - 1] = .hats(hats)
            return true
        case .catalogPreset:
            state.dialogs.append(.picker(catalogRoles(preset: item.id, state)))
            return false
        case .catalogRole(let preset):
            guard let catalog = try? PresetCatalog.named(preset)?.load() else { return true }
            let roles = chosen.compactMap { catalog.role($0.id) }
            guard let first = roles.first else { return true }
            let edits = importRoles(roles, from: catalog, into: org)
            let duties = edits.filter { if case .addDuty = $0 { true } else { false } }.count
            let label = roles.count == 1 ? "add role \(first.name) from the catalog" : "add \(roles.count) roles from \(preset)"
            guard App.commit(.batch(edits, label: label), &state) else { return true }
            if let added = edits.first, case .addRole(let role, _) = added {
                state.selectedRole = role.id
                App.keepSelectionVisible(&state)
            }
            let names = roles.count == 1 ? first.name : Format.count(roles.count, "role")
            state.status = StatusMessage(text: "Added \(names) from \(preset) with \(Format.count(duties, "duty", "duties")) — u undoes it", kind: .success)
            return true
        case .moveDuty(let duty):
            return App.commit(.moveDuty(duty, toRole: item.id.isEmpty ? nil : item.id), &state)
        case .find:
            let parts = item.id.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return true }
            switch parts[0] {
            case "person":
                App.reveal(person: parts[1], &state)
                if state.tab != .people { state.tab = .chart }
            case "role": App.jump(to: .role, parts[1], &state)
            default: App.jump(to: .duty, parts[1], &state)
            }
            App.keepSelectionVisible(&state)
            return true
        case .startPreset, .formRoles:
            return true
        }
    }

    /// The edits that copy catalog roles and their duties into the org, renaming ids that
    /// are taken. Their links (related roles, escalation) go to the roles the org already
    /// has, by id, and to each other; and roles added earlier from the catalog get back
    /// their links to these, which they could not keep while these were missing — so the
    /// links do not depend on the order roles arrive in, one at a time or several at once.
    static func importRoles(_ roles: [Role], from catalog: Org, into org: Org) -> [Edit] {
        var taken = Set(org.roles.map(\.id))
        var newID: [String: String] = [:]
        for role in roles where newID[role.id] == nil {
            let id = OrgID.uniqueID(role.id, taken: { taken.contains($0) })
            taken.insert(id)
            newID[role.id] = id
        }
        // A catalog link, as an id of the org once these are added (nil: it has no such role).
        func link(_ target: String) -> String? {
            newID[target] ?? (org.role(target) != nil ? target : nil)
        }
        var adds: [Edit] = []
        var links: [Edit] = []
        var added: [String] = []
        for role in roles {
            guard let id = newID[role.id], !added.contains(id) else { continue }
            added.append(id)
            var copy = role
            copy.id = id
            copy.related = role.related.compactMap(link).filter { $0 != id }
            copy.escalatesTo = role.escalatesTo.flatMap(link).flatMap { $0 == id ? nil : $0 }
            // A link may name a role of this batch that is not added yet: links go on after.
            var bare = copy
            bare.related = copy.related.filter { org.role($0) != nil }
            bare.escalatesTo = copy.escalatesTo.flatMap { org.role($0) != nil ? $0 : nil }
            adds.append(.addRole(bare))
            if bare != copy { links.append(.updateRole(copy)) }
        }
        // Roles already in the org that came from this catalog get their missing links to
        // the newcomers (only those added under their catalog id: a renamed one is another role).
        let arriving = roles.filter { newID[$0.id] == $0.id }.map(\.id)
        for var earlier in org.roles {
            guard let original = catalog.role(earlier.id) else { continue }
            let before = earlier
            for id in arriving {
                if original.related.contains(id), !earlier.related.contains(id) { earlier.related.append(id) }
                // A link the user set or cleared since is theirs: only a missing one is filled.
                if original.escalatesTo == id, earlier.escalatesTo == nil { earlier.escalatesTo = id }
            }
            if earlier != before { links.append(.updateRole(earlier)) }
        }
        var duties: [Edit] = []
        var takenDuties = Set(org.duties.map(\.id))
        for role in roles {
            guard let id = newID[role.id] else { continue }
            for duty in catalog.duties where duty.role == role.id {
                var copy = duty
                copy.id = OrgID.uniqueID(duty.id, taken: { takenDuties.contains($0) })
                takenDuties.insert(copy.id)
                copy.role = id
                duties.append(.addDuty(copy))
            }
        }
        return adds + links + duties
    }
}
