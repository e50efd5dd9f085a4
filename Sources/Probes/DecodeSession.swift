import Yams

/// State shared while one suite file is decoded: the problems found so far, where each decoded value
/// sits in the text (by structural path), and a budget that stops alias-expanded inputs from running away.
final class DecodeSession {
    let file: String
    private(set) var issues: [SuiteIssue] = []
    /// Source positions by structural path (`families[0].items[2].pair_id`).
    private(set) var marks: [String: Mark] = [:]
    /// Paths of items the loader made (from scenarios) → the path of the text they were made from.
    private var aliases: [String: String] = [:]
    /// Nodes that may still be visited; YAML aliases can make a small file describe a huge tree.
    private var budget: Int
    private var budgetReported = false

    init(file: String, nodeBudget: Int = 200_000) {
        self.file = file
        self.budget = nodeBudget
    }

    func report(_ message: String, at mark: Mark?, path: String) {
        issues.append(SuiteIssue(file: file, line: mark?.line, column: mark?.column, path: path, message: message))
    }

    func record(_ path: String, _ node: Node) {
        if let mark = node.mark { marks[path] = mark }
    }

    /// Spends one unit of the node budget; false (after reporting once) when it is exhausted.
    func spend(at mark: Mark?, path: String) -> Bool {
        if budget > 0 {
            budget -= 1
            return true
        }
        if !budgetReported {
            budgetReported = true
            report("the suite is too large (more than 200000 list entries once YAML aliases are expanded)",
                   at: mark, path: path)
        }
        return false
    }

    /// Places everything under `path` (an item made from a scenario) at `source` (the form it was made from).
    func alias(_ path: String, to source: String) {
        aliases[path] = source
    }

    /// The source position of a path, or of its nearest recorded ancestor. A path under an alias
    /// (``alias(_:to:)``) is first rewritten to the text it was made from, so that a made-up path never resolves
    /// to a recorded path it happens to share (a choice's control twin at `choices[1]` is not the file's second
    /// choice).
    func mark(for path: String) -> Mark? {
        var current = path
        while true {
            if let source = aliases[current] { return recordedMark(for: source + path.dropFirst(current.count)) }
            guard let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            current = String(current[..<cut])
        }
        return recordedMark(for: path)
    }

    /// The position recorded for a path or its nearest recorded ancestor.
    private func recordedMark(for path: String) -> Mark? {
        var current = path
        while true {
            if let mark = marks[current] { return mark }
            guard let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) else { return marks[""] }
            current = String(current[..<cut])
        }
    }
}

/// Joins a structural path and a key: `join("families[0]", "id") == "families[0].id"`.
func joinPath(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

/// Words for the kind of a node, for "expected …, found …" messages.
func describeNode(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar):
        if isNull(scalar) { return "nothing (null)" }
        return "the text '\(abbreviate(scalar.string))'"
    case .mapping: return "a mapping (key: value pairs)"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
}

/// Whether a scalar is YAML's null: an unquoted empty value, `~` or `null`.
func isNull(_ scalar: Node.Scalar) -> Bool {
    scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
}

/// The first 40 characters of a text, on one line.
func abbreviate(_ text: String) -> String {
    let oneLine = text.replacingOccurrences(of: "\n", with: " ")
    return oneLine.count <= 40 ? oneLine : String(oneLine.prefix(37)) + "..."
}
