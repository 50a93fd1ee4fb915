import Testing
@testable import OrgKit

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("quoted fields with commas, quotes and line breaks; CRLF; BOM; blank lines; spaces")
    func tolerances() {
        let text = "\u{FEFF}id , name\r\n\r\n1,\"Reyes, Dana\"\r\n2 ,  \"Say \"\"hi\"\"\nsecond line\"  \r\n   \r\n3,Lee   \n,,\n4,last"
        let result = CSVReader.read(Array(text.utf8))
        #expect(result.errors.isEmpty)
        #expect(result.records == [
            CSVReader.Record(line: 1, fields: ["id", "name"]),
            CSVReader.Record(line: 3, fields: ["1", "Reyes, Dana"]),
            CSVReader.Record(line: 4, fields: ["2", "Say \"hi\"\nsecond line"]),
            CSVReader.Record(line: 7, fields: ["3", "Lee"]),
            CSVReader.Record(line: 9, fields: ["4", "last"]),
        ])
    }

    @Test("a quoted field that never closes is an error at the line it opens")
    func unterminated() {
        let result = CSVReader.read(Array("id,name\n1,ok\n2,\"open\nstill open\n".utf8))
        #expect(result.errors.map(\.line) == [3])
        #expect(result.records.count == 2)
    }

    @Test("semicolon and tab delimiters are found from the header line")
    func delimiters() {
        #expect(CSVReader.read(Array("id;name;note\n1;\"a;b\";x,y\n".utf8)).records.last?.fields == ["1", "a;b", "x,y"])
        #expect(CSVReader.read(Array("id\tname\n1\tZoë\n".utf8)).records.last?.fields == ["1", "Zoë"])
    }

    @Test("text that is not UTF-8 is reported at its line")
    func notUTF8() {
        let bytes = Array("id,name\n1,".utf8) + [0xE9] + Array("\n".utf8)
        #expect(CSVReader.read(bytes).errors.map(\.line) == [2])
    }
}

@Suite("CSV import")
struct ImportTests {
    func run(_ text: String, _ options: CSVImport.Options = CSVImport.Options()) -> CSVImport.Outcome {
        CSVImport.run(text, options: options)
    }

    @Test("the header spellings of common org tools, case- and space-insensitive")
    func spellings() throws {
        let headers: [(String, String, String, String)] = [
            ("ID", "Name", "Reports To", "Title"), ("Person ID", "Full Name", "Boss ID", "Job Title"),
            ("PersonID", "name", "Supervisor ID", "Role Title"), ("Unique ID", "FULL NAME", "SupervisorID", "title"),
            ("id", "Name", "Manager ID", "Title"), ("id", "Name", "pid", "Title"), ("id", "Name", "parentId", "Title"),
            ("employee_id", "full_name", "reports_to", "job_title"),
        ]
        for (id, name, manager, title) in headers {
            let outcome = run("\(id),\(name),\(manager),\(title)\na,Ann,,Boss\nb,Bo,a,Tech\n")
            let org = try #require(outcome.org, "\(id) \(name) \(manager)")
            #expect(org.person("b")?.reportsTo == "a")
            #expect(org.person("b")?.title == "Tech")
            #expect(outcome.report.unused.isEmpty)
        }
    }

    @Test("First Name + Last Name, a manager by e-mail, derived ids, extra managers as dotted lines")
    func hrExport() throws {
        let text = """
            First Name,Last Name,Work Email,Manager,AltReportsTo,Department
            Dana,Reyes,dana@x.example,,,Exec
            Sam,Ortiz,sam@x.example,dana@x.example,,Ops
            Lee,Park,,SAM@x.example,dana@x.example;sam@x.example,Ops
            Lee,Park,,sam@x.example,,Ops
            """
        let outcome = run(text)
        let org = try #require(outcome.org)
        #expect(org.people.map(\.id) == ["dana@x.example", "sam@x.example", "lee-park", "lee-park-2"])
        #expect(org.people.map(\.name) == ["Dana Reyes", "Sam Ortiz", "Lee Park", "Lee Park"])
        #expect(org.person("lee-park")?.reportsTo == "sam@x.example")
        #expect(org.person("lee-park")?.dottedTo == ["dana@x.example", "sam@x.example"])
        #expect(outcome.report.columns.map(\.field) == [.firstName, .lastName, .email, .reportsTo, .dottedTo, .department])
        #expect(outcome.report.unused.isEmpty)
        #expect(org.people.map(\.department) == ["Exec", "Ops", "Ops", "Ops"])
    }

    @Test("a first-name-like and a last-name-like column together give \"First Last\"", arguments: [
        ("name", "lastName"), ("First Name", "Last Name"), ("first_name", "last_name"), ("FIRST_NAME", "LAST_NAME"),
        ("firstName", "surname"), ("Given Name", "Family Name"), ("first", "last"), ("Forename", "Surname"),
    ])
    func firstAndLast(first: String, last: String) throws {
        let outcome = run("id,\(first),\(last),manager\n100,Steven,King,\n101,Neena,Kochhar,100\n102,Lex,,100\n")
        let org = try #require(outcome.org, "\(outcome.report.problems)")
        #expect(org.people.map(\.name) == ["Steven King", "Neena Kochhar", "Lex"], "\(first) + \(last)")
        #expect(outcome.report.columns.map(\.field) == [.id, .firstName, .lastName, .reportsTo], "\(first) + \(last)")
        #expect(outcome.report.unused.isEmpty)
    }

    @Test("a Name column that already holds the whole name is not followed by the last name twice")
    func nameHoldingTheWholeName() throws {
        let org = try #require(run("Name,Last Name\nSteven King,King\nNeena,Kochhar\nLee Park,PARK\n").org)
        #expect(org.people.map(\.name) == ["Steven King", "Neena Kochhar", "Lee Park"])
        // A full-name column is the name; first and last names fill in for a row without one.
        let full = try #require(run("Full Name,First Name,Last Name\nDana Reyes,Dana,Reyes\n,Sam,Ortiz\n").org)
        #expect(full.people.map(\.name) == ["Dana Reyes", "Sam Ortiz"])
        // A name assigned by hand stays the whole name.
        let byHand = try #require(run("name,lastName\nSteven,King\n", CSVImport.Options(mapping: [(.name, "name")])).org)
        #expect(byHand.people.map(\.name) == ["Steven"])
    }

    @Test("title columns: Position, positionName, Position Title, Job, Designation, in any case, with spaces or underscores", arguments: [
        "position", "Position", "positionName", "position_name", "Position Title", "POSITION_TITLE", "Job", "JOB", "Designation", "designation",
        "Title", "Job Title", "Role Title",
    ])
    func titleSpellings(header: String) throws {
        let outcome = run("id,name,\(header),pid\nO-1,Ian Devling,Chief Executive Officer,\nO-2,Davolio Nancy,CTO,O-1\n")
        let org = try #require(outcome.org, "\(header): \(outcome.report.problems)")
        #expect(org.people.map(\.title) == ["Chief Executive Officer", "CTO"], "\(header)")
        #expect(outcome.report.columns.map(\.field) == [.id, .name, .title, .reportsTo], "\(header)")
        #expect(outcome.report.unused.isEmpty, "\(header)")
    }

    @Test("a job code (JOB_ID) is the title only when no column holds a title")
    func jobCodeAsTitle() throws {
        let codes = run("EMPLOYEE_ID,FIRST_NAME,LAST_NAME,JOB_ID,MANAGER_ID\n100,Steven,King,AD_PRES,\n101,Neena,Kochhar,AD_VP,100\n")
        #expect(try #require(codes.org).people.map(\.title) == ["AD_PRES", "AD_VP"])
        #expect(codes.report.columns.map(\.header) == ["EMPLOYEE_ID", "FIRST_NAME", "LAST_NAME", "JOB_ID", "MANAGER_ID"])
        // Oracle's EMP_DETAILS_VIEW has both: the title wins, wherever it is.
        let both = run("EMPLOYEE_ID,JOB_ID,MANAGER_ID,FIRST_NAME,LAST_NAME,JOB_TITLE\n100,AD_PRES,,Steven,King,President\n")
        #expect(try #require(both.org).people.map(\.title) == ["President"])
        #expect(both.report.unused == [CSVImport.UnusedColumn(header: "JOB_ID", column: 2, reason: "title comes from column \"JOB_TITLE\"")])
        #expect(both.report.columns.first { $0.field == .title }?.header == "JOB_TITLE")
    }

    @Test("an e-mail without @ is left out, with a note naming its line")
    func emailWithoutAt() throws {
        let outcome = run("id,name,email,manager\n100,Steven King,SKING,\n101,Neena Kochhar,neena@x.example,100\n102,Lex De Haan,,100\n")
        let org = try #require(outcome.org)
        #expect(org.people.map(\.email) == [nil, "neena@x.example", nil])
        #expect(outcome.report.problems.isEmpty)
        #expect(outcome.report.notes.map(\.description) == [#"line 2: email "SKING" is not an e-mail address (it has no @); left out"#])
        #expect(outcome.report.columns.map(\.field) == [.id, .name, .email, .reportsTo])
        // Without an id column the id comes from the name, not from the value left out;
        // and a manager is not matched by it.
        let derived = run("name,email,manager\nSteven King,SKING,\nNeena Kochhar,neena@x.example,SKING\n")
        #expect(derived.org == nil)
        #expect(derived.report.problems.map(\.description) == [#"line 3: manager "SKING" matches no id or e-mail in the file"#])
        let ids = try #require(run("name,email\nSteven King,SKING\nNeena Kochhar,neena@x.example\n").org)
        #expect(ids.people.map(\.id) == ["steven-king", "neena@x.example"])
    }

    @Test("a column with no e-mail address in it (Oracle HR's EMAIL: SKING, NKOCHHAR…) is left out with one note")
    func emailColumnWithoutAddresses() throws {
        let outcome = run("EMPLOYEE_ID,FIRST_NAME,LAST_NAME,EMAIL\n100,Steven,King,SKING\n101,Neena,Kochhar,NKOCHHAR\n102,Lex,De Haan,\n")
        let org = try #require(outcome.org)
        #expect(org.people.allSatisfy { $0.email == nil })
        #expect(outcome.report.notes.map(\.description) == [#"line 2: EMAIL holds no e-mail address (no value has an @, like "SKING" here); the column is left out"#])
        #expect(outcome.report.columns.map(\.header) == ["EMPLOYEE_ID", "FIRST_NAME", "LAST_NAME"])
        #expect(outcome.report.unused == [CSVImport.UnusedColumn(header: "EMAIL", column: 4, reason: "no value has an @")])
    }

    @Test("after 10 e-mails without @, one note counts the rest")
    func manyEmailsWithoutAt() throws {
        var text = "id,name,email\n0,Boss,boss@x.example\n"
        for row in 1...25 { text += "\(row),P\(row),user\(row)\n" }
        let notes = run(text).report.notes.map(\.description)
        #expect(notes.count == 11)
        #expect(notes[9] == #"line 12: email "user10" is not an e-mail address (it has no @); left out"#)
        #expect(notes[10] == "line 13: email: this row and 14 more below have no @ either; left out")
    }

    @Test("department columns: department, department_name, Dept, Team, in any case", arguments: [
        "department", "Department", "department_name", "DEPARTMENT_NAME", "Dept", "Team", "team_name",
    ])
    func departmentSpellings(header: String) throws {
        let outcome = run("id,name,\(header),manager id\n1,Dana Reyes,Leadership,\n2,Sam Ortiz,Service,1\n3,Lee Park,,2\n")
        let org = try #require(outcome.org, "\(header): \(outcome.report.problems)")
        #expect(org.people.map(\.department) == ["Leadership", "Service", nil], "\(header)")
        #expect(outcome.report.columns.map(\.field) == [.id, .name, .department, .reportsTo], "\(header)")
        #expect(outcome.report.unused.isEmpty)
    }

    @Test("a department id (Oracle HR's DEPARTMENT_ID) is the department only when no column names it")
    func departmentID() throws {
        let ids = run("EMPLOYEE_ID,FIRST_NAME,LAST_NAME,MANAGER_ID,DEPARTMENT_ID\n100,Steven,King,,90\n178,Kimberely,Grant,100,\n")
        #expect(try #require(ids.org).people.map(\.department) == ["90", nil])
        let both = run("EMPLOYEE_ID,DEPARTMENT_ID,FIRST_NAME,LAST_NAME,DEPARTMENT_NAME\n100,90,Steven,King,Executive\n")
        #expect(try #require(both.org).people.map(\.department) == ["Executive"])
        #expect(both.report.unused == [CSVImport.UnusedColumn(header: "DEPARTMENT_ID", column: 2, reason: "department comes from column \"DEPARTMENT_NAME\"")])
        let long = run("name,team\nA,\(String(repeating: "t", count: 10_001))\n")
        #expect(long.report.problems.map(\.description) == ["line 2: team is 10001 characters long; the most hats accepts is 10000"])
    }

    @Test("Dottedids are separated by colons")
    func dottedIDs() throws {
        let org = try #require(run("id,name,parentId,Dottedids\n1,A,,\n2,B,1,\n3,C,1,2:1\n").org)
        #expect(org.person("3")?.dottedTo == ["2", "1"])
    }

    @Test("our own hats column creates roles by name, with hours; capacity and external")
    func hats() throws {
        let text = #"""
            id,name,hats,hours_per_week,external
            a,Ann,"Lead:20;Ops\:Night:5.5;Books",32,false
            b,Bo,Ops\:Night:30,"37,5",yes
            """#
        let org = try #require(run(text).org)
        #expect(org.roles.map(\.name) == ["Lead", "Ops:Night", "Books"])
        #expect(org.roles.map(\.id) == ["lead", "ops-night", "books"])
        #expect(org.person("a")?.hats == [Hat(role: "lead", hoursPerWeek: 20), Hat(role: "ops-night", hoursPerWeek: 5.5), Hat(role: "books")])
        #expect(org.person("a")?.hoursPerWeek == 32)
        #expect(org.person("b")?.hoursPerWeek == 37.5)
        #expect(org.person("b")?.external == true)
    }

    @Test("a leading ' before = + - @ is the CSV export's formula guard and is removed")
    func formulaGuard() throws {
        let org = try #require(run("id,name,title\na,\"'=SUM(1)\",'-lead\nb,\"''@x\",'plain\n").org)
        #expect(org.person("a")?.name == "=SUM(1)")
        #expect(org.person("a")?.title == "-lead")
        #expect(org.person("b")?.name == "'@x")
        #expect(org.person("b")?.title == "'plain")
    }

    @Test("--map assigns any header by hand and can leave a field out")
    func mapping() throws {
        let text = "Staff No,Who,Line Manager,Manager,Position\n1,Ann,,9,Boss\n2,Bo,1,9,Tech\n"
        let outcome = run(text, CSVImport.Options(mapping: [(.id, "staff no"), (.name, "Who"), (.reportsTo, "Line Manager"), (.title, "")]))
        let org = try #require(outcome.org, "\(outcome.report.problems)")
        #expect(org.person("2")?.reportsTo == "1")
        #expect(org.person("2")?.title == nil)
        #expect(outcome.report.columns.map(\.header) == ["Staff No", "Who", "Line Manager"])
        #expect(outcome.report.columns.allSatisfy { $0.byHand })
        #expect(outcome.report.unused.map(\.header) == ["Manager", "Position"])
        #expect(outcome.report.unused.map(\.reason) == ["reports-to comes from column \"Line Manager\"", "--map title= leaves title out"])
        let missing = run(text, CSVImport.Options(mapping: [(.name, "Nom")]))
        #expect(missing.org == nil)
        #expect(missing.report.problems.map(\.description) == [#"--map name=Nom: no column "Nom" in the header (the header has "Staff No", "Who", "Line Manager", "Manager", "Position")"#])
    }

    @Test("every problem is reported with its line, and nothing is imported")
    func problems() {
        let text = "id,name,manager id,hours,hats\n1,A,,40,\n2,B,9,40,\n3,C,4,forty,\n4,D,3,20,\n2,E,1,10,\n6,,1,,\n7,G,1,200,X:abc\n\n8,\"H\nI\",1,,\"Y;Y\"\n"
        let outcome = run(text)
        #expect(outcome.org == nil)
        #expect(outcome.report.problems.map(\.description) == [
            #"line 3: manager id "9" matches no id or e-mail in the file"#,
            #"line 4: hours "forty" is not a number of hours from 0 to 168"#,
            #"line 4: reporting cycle: "3" (line 4) → "4" (line 5) → "3" (line 4)"#,
            #"line 6: duplicate id "2" (first used on line 3)"#,
            #"line 7: no name ("name" is empty)"#,
            #"line 8: hours "200" is not a number of hours from 0 to 168"#,
            #"line 8: hats: "X:abc": the hours "abc" are not a number from 0 to 168"#,
            #"line 10: hats: "Y" is listed twice; a role is worn once"#,
        ])
    }

    @Test("no name column is a problem that names the headers found")
    func noNameColumn() {
        let outcome = run("id,boss\n1,\n")
        #expect(outcome.report.problems.map(\.description) == [#"line 1: no name column: expected Name, Full Name, or First Name and Last Name (the header has "id", "boss"); assign one with --map name=HEADER"#])
        #expect(run("").report.problems.map(\.description) == ["line 1: the file has no header line (it is empty)"])
    }

    @Test("--skip-bad-rows imports the sound rows; reports of a skipped row move to the top")
    func skipBadRows() throws {
        let text = "id,name,manager id,hours\n1,A,,40\n2,B,1,lots\n3,C,2,\n4,D,1,\n"
        let outcome = run(text, CSVImport.Options(skipBadRows: true))
        let org = try #require(outcome.org)
        #expect(org.people.map(\.id) == ["1", "3", "4"])
        #expect(org.person("3")?.reportsTo == nil)
        #expect(outcome.report.skippedLines == [3])
        #expect(outcome.report.notes.map(\.description) == ["line 4: C's manager (line 3) was skipped; placed at the top"])
    }

    @Test("someone reporting to themselves is taken as the top, with a note")
    func selfManager() throws {
        let outcome = run("id,name,reports to\n1,A,1\n2,B,1\n")
        #expect(try #require(outcome.org).person("1")?.reportsTo == nil)
        #expect(outcome.report.notes.map(\.description) == ["line 2: A reports to themselves; taken as the top of the tree"])
    }

    @Test("derived ids are made unique in linear time: 50,000 rows named Alex, roles whose names slug alike")
    func manySameNames() throws {
        // Trying alex, alex-2, alex-3, … from the start for every row took 49 s for 20,000 rows.
        var text = "name,hats\nAlex,\"A!:1;A?:1;A#:1\"\nalex-3,\n"
        for _ in 0..<50_000 { text += "Alex,\n" }
        let clock = ContinuousClock()
        let start = clock.now
        let org = try #require(run(text).org)
        #expect(clock.now - start < .seconds(60), "a bound against a hang, not a speed target")
        #expect(org.people.prefix(5).map(\.id) == ["alex", "alex-3", "alex-2", "alex-4", "alex-5"])
        #expect(org.people.last?.id == "alex-50002")
        #expect(org.roles.map(\.id) == ["a", "a-2", "a-3"])
    }

    @Test("a manager e-mail shared by many rows names five of their lines, not all of them")
    func sharedEmail() {
        // Each of 20,000 rows listed all 20,000 lines: 2.6 GB of messages and 5 GB of memory.
        var text = "id,name,email,manager\n"
        for row in 0..<1_000 { text += "\(row),P\(row),x@y.z,x@y.z\n" }
        let problems = run(text).report.problems
        #expect(problems.count == 1_000)
        #expect(problems.first?.description == #"line 2: manager "x@y.z" matches 1000 people by e-mail (lines 2, 3, 4, 5, 6 and 995 more)"#)
    }

    @Test("the header list in a message names 20 headers, each at most 40 characters")
    func longHeaderList() {
        let headers = (0..<1_000).map { "column \($0)" } + [String(repeating: "h", count: 100_000)]
        let message = run(headers.joined(separator: ",") + "\n1\n").report.problems.first?.message ?? ""
        #expect(message.hasPrefix(#"no name column: expected Name, Full Name, or First Name and Last Name (the header has "column 0", "column 1", "#))
        #expect(message.hasSuffix(#""column 19" and 981 more); assign one with --map name=HEADER"#))
        #expect(CSVImport.headerList([String(repeating: "h", count: 100)]) == "\"\(String(repeating: "h", count: 40))…\"")
    }

    @Test("a header line without rows imports nobody, with a note; a UTF-16 file and a broken header line are refused with one clear line")
    func nothingToImport() {
        let headerOnly = run("id,name,manager id\n")
        #expect(headerOnly.report.problems.isEmpty)
        #expect(headerOnly.report.notes.map(\.description) == ["line 1: the header is the only line: the org has nobody in it"])
        #expect(headerOnly.org?.people.isEmpty == true)
        #expect(run("id,name\n\n,\n").org?.people.isEmpty == true, "rows with nothing in them are blank lines")
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("id\tname\r\n1\tAnn\r\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(CSVImport.run(utf16).report.problems.map(\.description) == ["line 1: the file is UTF-16 text; hats reads UTF-8 (save the file as CSV UTF-8)"])
        // The header is not UTF-8: line 2 is not taken for the header, and the file is not called empty.
        let outcome = CSVImport.run(Array("id,n".utf8) + [0xE9] + Array("\n1,Ann\n".utf8))
        #expect(outcome.report.problems.map(\.description) == ["line 1: not valid UTF-8 text (save the file as CSV UTF-8)"])
        #expect(outcome.report.columns.isEmpty)
    }

    @Test("after 10 lines that are not UTF-8, one line counts the rest")
    func manyLinesNotUTF8() {
        var bytes = Array("id,name\n".utf8)
        for row in 0..<500 { bytes += Array("\(row),Zo".utf8) + [0xEB] + Array("\n".utf8) }
        let problems = CSVImport.run(bytes).report.problems.map(\.description)
        #expect(problems.count == 11)
        #expect(problems[9] == "line 11: not valid UTF-8 text (save the file as CSV UTF-8)")
        #expect(problems[10] == "line 12: this line and 489 more below are not valid UTF-8 text either")
    }
}
