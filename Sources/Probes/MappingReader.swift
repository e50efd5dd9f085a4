import Foundation
import Yams

/// Reads the keys of one YAML mapping, reporting unknown keys (with suggestions), missing required keys and
/// values of the wrong type to the ``DecodeSession``, and recording each value's position by path.
struct MappingReader {
    let path: String
    /// What the mapping is, for messages: "the suite", "item 'canopy'".
    let context: String
    let mark: Mark?
    private let entries: [String: (key: Node, value: Node)]
    private let session: DecodeSession

    /// Nil (after reporting) when `node` is not a mapping.
    init?(_ node: Node, path: String, context: String, allowed: [String], session: DecodeSession) {
        guard case .mapping(let mapping) = node else {
            session.report("expected a mapping (key: value pairs) for \(context), found \(describeNode(node))",
                           at: node.mark, path: path)
            return nil
        }
        self.path = path
        self.context = context
        self.mark = node.mark
        self.session = session
        session.record(path, node)
        var entries: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                session.report("keys of \(context) must be plain text, found \(describeNode(key))",
                               at: key.mark, path: path)
                continue
            }
            let name = scalar.string
            guard allowed.contains(name) else {
                session.report(
                    "unknown key '\(name)' in \(context)\(KeySuggestion.hint(for: name, among: allowed))",
                    at: key.mark, path: path)
                continue
            }
            entries[name] = (key, value)
            session.record(joinPath(path, name), value)
        }
        self.entries = entries
    }

    /// The value of a key; nil when absent or null. A missing or null required key is reported.
    func node(_ key: String, required: Bool = false) -> Node? {
        guard let entry = entries[key] else {
            if required { session.report("missing required key '\(key)' in \(context)", at: mark, path: path) }
            return nil
        }
        if case .scalar(let scalar) = entry.value, isNull(scalar) {
            if required {
                session.report("'\(key)' in \(context) has no value", at: entry.value.mark ?? entry.key.mark,
                               path: joinPath(path, key))
            }
            return nil
        }
        return entry.value
    }

    private func wrongType(_ key: String, expected: String, found node: Node) {
        session.report("'\(key)' in \(context) must be \(expected), found \(describeNode(node))",
                       at: node.mark, path: joinPath(path, key))
    }

    /// A text value (any scalar; numbers and booleans are kept as written).
    func string(_ key: String, required: Bool = false) -> String? {
        guard let node = node(key, required: required) else { return nil }
        guard case .scalar(let scalar) = node else {
            wrongType(key, expected: "text", found: node)
            return nil
        }
        return scalar.string
    }

    /// A whole number.
    func int(_ key: String, required: Bool = false) -> Int? {
        guard let node = node(key, required: required) else { return nil }
        guard case .scalar(let scalar) = node, let value = Int(scalar.string.trimmingCharacters(in: .whitespaces))
        else {
            wrongType(key, expected: "a whole number", found: node)
            return nil
        }
        return value
    }

    /// A finite number.
    func double(_ key: String, required: Bool = false) -> Double? {
        guard let node = node(key, required: required) else { return nil }
        guard case .scalar(let scalar) = node,
              let value = Double(scalar.string.trimmingCharacters(in: .whitespaces)), value.isFinite
        else {
            wrongType(key, expected: "a number", found: node)
            return nil
        }
        return value
    }

    /// `true`/`false` (also `yes`/`no`).
    func bool(_ key: String, required: Bool = false) -> Bool? {
        guard let node = node(key, required: required) else { return nil }
        if case .scalar(let scalar) = node {
            switch scalar.string.lowercased() {
            case "true", "yes": return true
            case "false", "no": return false
            default: break
            }
        }
        wrongType(key, expected: "true or false", found: node)
        return nil
    }

    /// A list of texts.
    func strings(_ key: String, required: Bool = false) -> [String]? {
        guard let node = node(key, required: required) else { return nil }
        guard case .sequence(let sequence) = node else {
            wrongType(key, expected: "a list of texts", found: node)
            return nil
        }
        var result: [String] = []
        for (index, element) in sequence.enumerated() {
            let elementPath = "\(joinPath(path, key))[\(index)]"
            guard session.spend(at: element.mark, path: elementPath) else { break }
            session.record(elementPath, element)
            guard case .scalar(let scalar) = element, !isNull(scalar) else {
                session.report("entry \(index + 1) of '\(key)' in \(context) must be text, found \(describeNode(element))",
                               at: element.mark, path: elementPath)
                continue
            }
            result.append(scalar.string)
        }
        return result
    }

    /// A mapping of texts to texts (scalar values are kept as written).
    func stringMap(_ key: String) -> [String: String]? {
        guard let node = node(key) else { return nil }
        guard case .mapping(let mapping) = node else {
            wrongType(key, expected: "a mapping of names to texts", found: node)
            return nil
        }
        var result: [String: String] = [:]
        for (name, value) in mapping {
            guard session.spend(at: value.mark, path: joinPath(path, key)) else { break }
            guard case .scalar(let nameScalar) = name, case .scalar(let valueScalar) = value else {
                session.report("'\(key)' in \(context) must map names to texts, found \(describeNode(value))",
                               at: value.mark ?? name.mark, path: joinPath(path, key))
                continue
            }
            session.record("\(joinPath(path, key)).\(nameScalar.string)", value)
            result[nameScalar.string] = isNull(valueScalar) ? "" : valueScalar.string
        }
        return result
    }

    /// The elements of a list with their paths; nil (reported if present) when the value is not a list.
    func list(_ key: String, required: Bool = false) -> [(node: Node, path: String)]? {
        guard let node = node(key, required: required) else { return nil }
        guard case .sequence(let sequence) = node else {
            wrongType(key, expected: "a list", found: node)
            return nil
        }
        var result: [(node: Node, path: String)] = []
        for (index, element) in sequence.enumerated() {
            let elementPath = "\(joinPath(path, key))[\(index)]"
            guard session.spend(at: element.mark, path: elementPath) else { break }
            session.record(elementPath, element)
            result.append((element, elementPath))
        }
        return result
    }
}
