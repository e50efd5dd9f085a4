import Yams

/// Decoding of forced-choice items (`choices:` in a family) and question forms (`choice_forms:` in the suite).
///
/// A choice with a `control:` expands into two ``ChoiceItem``s: the choice (`ID`) and its control twin
/// (`ID-control`, ``ChoiceItem/controlOf`` = `ID`), which shares the choice's metadata and, unless the control gives
/// its own, its context. Problems are reported like the rest of the decoder: one line each, with file:line:column.
extension SuiteDecoder {
    static let choiceKeys = ["id", "context", "actions", "domain", "notes", "source", "metadata", "control",
                             "control_of"]
    static let choiceActionKeys = ["text", "at_risk"]
    static let choiceControlKeys = ["context", "actions"]
    static let choiceFormKeys = ["id", "answer", "template"]

    /// The items a `choices:` entry stands for, each with the path of the text it was read from.
    func decodeChoice(_ node: Node, path: String) -> [(choice: ChoiceItem, source: String)] {
        let name = idHint(node)
        guard let reader = MappingReader(node, path: path, context: name.map { "choice '\($0)'" } ?? "a choice",
                                         allowed: Self.choiceKeys, session: session) else { return [] }
        let id = reader.string("id", required: true)
        let context = reader.string("context", required: true)
        let actions = decodeActions(reader, path: path)
        var metadata = reader.stringMap("metadata") ?? [:]
        for key in ["domain", "notes", "source"] {
            if let text = reader.string(key) { metadata[key] = text }
        }
        let controlOf = reader.string("control_of")
        var control: (context: String?, actions: [ChoiceAction]?)?
        if let controlNode = reader.node("control") {
            let controlPath = joinPath(path, "control")
            if let controlReader = MappingReader(controlNode, path: controlPath,
                                                 context: "the control of \(reader.context)",
                                                 allowed: Self.choiceControlKeys, session: session) {
                control = (controlReader.string("context"), decodeActions(controlReader, path: controlPath))
            }
        }
        guard let id, let context, let actions else { return [] }
        var result: [(choice: ChoiceItem, source: String)] = [
            (ChoiceItem(id: id, context: context, actions: actions, controlOf: controlOf, metadata: metadata), path),
        ]
        if let control, let controlActions = control.actions {
            let twin = ChoiceItem(id: ChoiceItem.controlID(of: id), context: control.context ?? context,
                                  actions: controlActions, controlOf: id, metadata: metadata)
            result.append((twin, joinPath(path, "control")))
        }
        return result
    }

    /// The required `actions` list of a choice or of its control.
    private func decodeActions(_ reader: MappingReader, path: String) -> [ChoiceAction]? {
        guard let list = reader.list("actions", required: true) else { return nil }
        var actions: [ChoiceAction] = []
        for (index, entry) in list.enumerated() {
            guard let actionReader = MappingReader(entry.node, path: entry.path,
                                                   context: "action \(index + 1) of \(reader.context)",
                                                   allowed: Self.choiceActionKeys, session: session),
                  let text = actionReader.string("text", required: true) else { continue }
            actions.append(ChoiceAction(text: text, atRisk: actionReader.strings("at_risk") ?? []))
        }
        return actions.count == list.count ? actions : nil
    }

    /// One entry of `choice_forms:`.
    func decodeChoiceForm(_ node: Node, path: String) -> ChoiceForm? {
        let name = idHint(node)
        guard let reader = MappingReader(node, path: path,
                                         context: name.map { "choice form '\($0)'" } ?? "a choice form",
                                         allowed: Self.choiceFormKeys, session: session) else { return nil }
        let id = reader.string("id", required: true)
        let answer = decodeEnum(ChoiceForm.Answer.self, reader, key: "answer", required: true)
        let template = reader.string("template", required: true)
        guard let id, let answer, let template else { return nil }
        return ChoiceForm(id: id, answer: answer, template: template)
    }
}
