import Foundation
import Yams

/// Turns a composed YAML tree into an ``OutcomeSet`` and checks it, reporting every problem with its position:
/// unknown keys, wrong types, missing keys, duplicate ids, empty texts, a polarity without a value (or the other way
/// round), and a prompt template without both placeholders.
struct OutcomeSetDecoder {
    let session: DecodeSession

    static let setKeys = ["id", "title", "version", "description", "prompt", "outcomes"]
    static let outcomeKeys = ["id", "text", "value", "polarity"]

    func decodeSet(_ root: Node) -> OutcomeSet? {
        guard let reader = MappingReader(root, path: "", context: "the outcome set", allowed: Self.setKeys,
                                         session: session) else { return nil }
        let id = reader.string("id", required: true)
        let title = reader.string("title", required: true)
        let version = reader.string("version", required: true)
        let description = reader.string("description", required: true)
        let prompt = reader.string("prompt")
        if let id { checkIdentifier(id, what: "the set id", path: "id") }
        if let prompt { checkPrompt(prompt) }
        var outcomes: [Outcome] = []
        var seen: [String: Int] = [:]
        let nodes = reader.list("outcomes", required: true) ?? []
        for (node, path) in nodes {
            guard let outcome = decodeOutcome(node, path: path) else { continue }
            if let line = seen[outcome.id] {
                report("duplicate outcome id '\(outcome.id)' (first used on line \(line))", at: joinPath(path, "id"))
            } else {
                seen[outcome.id] = session.mark(for: joinPath(path, "id"))?.line ?? 0
            }
            outcomes.append(outcome)
        }
        if reader.node("outcomes") != nil, nodes.count < 2 {
            report("an outcome set needs at least 2 outcomes, found \(nodes.count)", at: "outcomes")
        }
        var texts: [String: String] = [:]
        for (index, outcome) in outcomes.enumerated() {
            let key = outcome.text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
            if let other = texts[key] {
                report("outcome '\(outcome.id)' has the same text as '\(other)'", at: "outcomes[\(index)].text")
            } else {
                texts[key] = outcome.id
            }
        }
        guard let id, let title, let version, let description else { return nil }
        return OutcomeSet(id: id, title: title, version: version, description: description, prompt: prompt,
                          outcomes: outcomes)
    }

    private func decodeOutcome(_ node: Node, path: String) -> Outcome? {
        var name: String?
        if case .mapping(let mapping) = node, case .scalar(let scalar)? = mapping["id"] { name = scalar.string }
        guard let reader = MappingReader(node, path: path, context: name.map { "outcome '\($0)'" } ?? "an outcome",
                                         allowed: Self.outcomeKeys, session: session) else { return nil }
        let id = reader.string("id", required: true)
        let text = reader.string("text", required: true)
        let value = reader.string("value")
        let polarityText = reader.string("polarity")
        if let id { checkIdentifier(id, what: "an outcome id", path: joinPath(path, "id")) }
        if let text, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            report("the text of \(reader.context) is empty", at: joinPath(path, "text"))
        }
        if let value { checkIdentifier(value, what: "a value name", path: joinPath(path, "value")) }
        var polarity: OutcomePolarity?
        if let polarityText {
            polarity = OutcomePolarity(rawValue: polarityText)
            if polarity == nil {
                let names = OutcomePolarity.allCases.map(\.rawValue)
                report("unknown polarity '\(polarityText)' in \(reader.context) (expected \(names.joined(separator: ", ")))\(KeySuggestion.hint(for: polarityText, among: names))",
                       at: joinPath(path, "polarity"))
                return nil
            }
        }
        switch (value, polarity) {
        case (nil, .upholds?), (nil, .violates?):
            report("\(reader.context) \(polarityText ?? "") a value but names none (add 'value:')", at: joinPath(path, "polarity"))
        case (.some(_), nil):
            report("\(reader.context) names the value '\(value ?? "")' but no polarity (add 'polarity: upholds' or 'polarity: violates')",
                   at: joinPath(path, "value"))
        case (.some(_), .neutral?):
            report("\(reader.context) is neutral but names the value '\(value ?? "")' (leave 'value:' out or choose upholds or violates)",
                   at: joinPath(path, "polarity"))
        default: break
        }
        guard let id, let text else { return nil }
        return Outcome(id: id, text: text, value: value, polarity: polarity ?? .neutral)
    }

    private func checkIdentifier(_ text: String, what: String, path: String) {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        if text.isEmpty || text.unicodeScalars.contains(where: { !allowed.contains($0) }) {
            report("\(what) '\(abbreviate(text))' may only use letters, digits, '-', '_' and '.'", at: path)
        }
    }

    private func checkPrompt(_ prompt: String) {
        for placeholder in OutcomeSet.placeholders {
            let count = prompt.components(separatedBy: placeholder).count - 1
            if count != 1 {
                report("the prompt must contain \(placeholder) exactly once, found it \(count) time\(count == 1 ? "" : "s")",
                       at: "prompt")
            }
        }
    }

    private func report(_ message: String, at path: String) {
        session.report(message, at: session.mark(for: path), path: path)
    }
}
