/// What a CSV column can become in an org, and the header spellings that name it.
public enum ImportField: String, CaseIterable, Sendable {
    case id
    case name
    case firstName = "first-name"
    case lastName = "last-name"
    case title
    case email
    case department
    case reportsTo = "reports-to"
    case dottedTo = "dotted-to"
    case hats
    case hoursPerWeek = "hours-per-week"
    case external
    case open

    /// Header spellings, compared after `normalize` (case, spaces, `_` and `-` ignored).
    /// The lists follow PRODUCT.md's conventions of the common org tools and HR exports.
    public var spellings: [String] {
        switch self {
        case .id: ["id", "personid", "uniqueid", "employeeid", "employeenumber"]
        case .name: ["name", "fullname", "displayname", "employeename"]
        case .firstName: ["firstname", "givenname", "first", "forename"]
        case .lastName: ["lastname", "surname", "familyname", "last"]
        case .title: ["title", "jobtitle", "roletitle", "position", "positionname", "positiontitle", "job", "designation"]
        case .email: ["email", "workemail", "emailaddress"]
        case .department: ["department", "departmentname", "dept", "deptname", "team", "teamname"]
        case .reportsTo: ["reportsto", "bossid", "supervisorid", "managerid", "manager", "manageremail", "pid", "parentid"]
        case .dottedTo: ["dottedto", "dottedids", "altreportsto"]
        case .hats: ["hats"]
        case .hoursPerWeek: ["hoursperweek", "hours", "weeklyhours"]
        case .external: ["external"]
        // Vacancy reports of HR tools name the column Vacant or Open.
        case .open: ["open", "openposition", "isopen", "vacant", "vacancy", "isvacant"]
        }
    }

    /// Spellings of a column that stands in for the field only when no column has one of
    /// its `spellings`: a job code (Oracle HR's `JOB_ID`) when there is no job title.
    public var fallbackSpellings: [String] {
        switch self {
        case .title: ["jobid", "jobcode"]
        case .department: ["departmentid", "deptid", "teamid"]
        default: []
        }
    }

    /// The field a header names: by its spellings, or else by its fallback spellings.
    static func recognised(_ normalizedHeader: String) -> (field: ImportField, fallback: Bool)? {
        if let field = allCases.first(where: { $0.spellings.contains(normalizedHeader) }) { return (field, false) }
        if let field = allCases.first(where: { $0.fallbackSpellings.contains(normalizedHeader) }) { return (field, true) }
        return nil
    }

    /// How the column report describes the field.
    public var meaning: String {
        switch self {
        case .id: "id"
        case .name: "name"
        case .firstName: "first name"
        case .lastName: "last name"
        case .title: "title"
        case .email: "e-mail"
        case .department: "department"
        case .reportsTo: "reports to (a manager's id or e-mail)"
        case .dottedTo: "dotted lines (ids or e-mails)"
        case .hats: "hats (Role Name:hours;…)"
        case .hoursPerWeek: "hours per week (capacity)"
        case .external: "external (true/false)"
        case .open: "open position (true/false)"
        }
    }

    /// `--map` accepts the field's name in any of these spellings too.
    public static func named(_ text: String) -> ImportField? {
        let key = normalize(text)
        return allCases.first { normalize($0.rawValue) == key }
    }

    /// Lower case, without spaces, `_`, `-` or `.` ("Reports To" → "reportsto").
    public static func normalize(_ header: String) -> String {
        var out = ""
        for scalar in header.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "_" || scalar == "-" || scalar == "." { continue }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
