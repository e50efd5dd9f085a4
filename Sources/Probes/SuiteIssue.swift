/// One problem found in a suite, with where it is.
public struct SuiteIssue: Sendable, Hashable, CustomStringConvertible {
    /// The file the suite was read from ("<string>" for text loaded from memory).
    public var file: String
    /// 1-based line, when the problem can be placed in the source text.
    public var line: Int?
    /// 1-based column (in Unicode scalars), when the problem can be placed in the source text.
    public var column: Int?
    /// Where in the suite's structure, e.g. `families[0].items[2].pair_id` (empty for the whole file).
    public var path: String
    /// What is wrong, in one sentence.
    public var message: String

    /// Creates an issue.
    public init(file: String, line: Int? = nil, column: Int? = nil, path: String = "", message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    /// `file:LINE:COLUMN: message`, or `file: path: message` when the problem has no source position.
    public var description: String {
        if let line, let column { return "\(file):\(line):\(column): \(message)" }
        if path.isEmpty { return "\(file): \(message)" }
        return "\(file): \(path): \(message)"
    }
}

extension SuiteIssue {
    /// One line for a list of problems: the first, and how many more there are ("… (and 2 more problems)").
    static func summary(_ issues: [SuiteIssue], empty: String) -> String {
        guard let first = issues.first else { return empty }
        let more = issues.count - 1
        return more == 0 ? first.description : "\(first.description) (and \(more) more problem\(more == 1 ? "" : "s"))"
    }
}
