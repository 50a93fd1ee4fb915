/// One thing wrong with an org file, at a JSON path such as `people[3].reportsTo`.
public struct Problem: Equatable, Sendable, CustomStringConvertible {
    /// The JSON path, or a `line:column` position for a syntax error; empty for the file itself.
    public var path: String
    public var message: String

    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String {
        path.isEmpty ? message : "\(path): \(message)"
    }
}

/// Every problem found in an org, thrown when an org is refused.
public struct OrgProblems: Error, Equatable, Sendable, CustomStringConvertible {
    public var problems: [Problem]

    public init(_ problems: [Problem]) {
        self.problems = problems
    }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }

    /// The problems as lines that name the file, the way compilers do:
    /// `org.json: people[3].reportsTo: no person has id "p-99"`.
    public func lines(file: String) -> [String] {
        problems.map { problem in
            if problem.path.isEmpty { return "\(file): \(problem.message)" }
            // Syntax errors carry "line:column", which reads best glued to the file name.
            if let first = problem.path.unicodeScalars.first, ("0"..."9").contains(first) {
                return "\(file):\(problem.path): \(problem.message)"
            }
            return "\(file): \(problem.path): \(problem.message)"
        }
    }
}
