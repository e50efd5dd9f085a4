import Yams

/// Turns a composed YAML tree into a ``ProbeSuite``, reporting structural problems (unknown keys, wrong types,
/// missing keys, unknown enum values) with their positions. Returns nil when the structure is unusable.
struct SuiteDecoder {
    let session: DecodeSession

    static let suiteKeys = ["id", "title", "version", "description", "language", "source", "license", "defaults",
                            "require_twins", "strict_scenarios", "ladder", "rubric_template", "families",
                            "choice_forms"]
    static let defaultsKeys = ["samples", "temperature", "max_tokens", "quick"]
    static let quickKeys = ["samples", "scenarios_per_value", "paraphrases"]
    static let familyKeys = ["id", "value", "synonyms", "description", "rubric", "items", "scenarios", "choices"]
    static let itemKeys = ["id", "mode", "prompt", "paraphrases", "pair_id", "value_at_risk", "expected", "rubric",
                           "metadata", "scenario", "level", "messages"]
    static let turnKeys = ["role", "content"]
    static let ladderKeys = ["deliberation", "follow_up"]
    static let scenarioKeys = ["id", "domain", "notes", "source", "reconstruction", "metadata", "implicit", "control",
                               "explicit", "causal"]
    static let formKeys = ["prompt", "paraphrases", "expected", "rubric"]
    static let expectedKeys = ["answer", "key_points", "fallacy"]
    static let rubricKeys = ["criteria", "threshold"]
    static let criterionKeys = ["id", "description", "weight", "patterns", "kind"]

    func decodeSuite(_ root: Node) -> ProbeSuite? {
        guard let reader = MappingReader(root, path: "", context: "the suite", allowed: Self.suiteKeys,
                                         session: session) else { return nil }
        let id = reader.string("id", required: true)
        let title = reader.string("title", required: true)
        let version = reader.string("version", required: true)
        let description = reader.string("description", required: true)
        let language = reader.string("language") ?? "en"
        let source = reader.string("source", required: true)
        let license = reader.string("license")
        let defaults = reader.node("defaults").flatMap { decodeDefaults($0) } ?? .standard
        let requireTwins = reader.bool("require_twins") ?? false
        let strictScenarios = reader.bool("strict_scenarios") ?? false
        let ladder = reader.node("ladder").flatMap { decodeLadder($0) }
        let template = reader.node("rubric_template").flatMap {
            decodeRubric($0, path: "rubric_template", context: "the rubric template")
        }
        var families: [ProbeFamily] = []
        for (node, path) in reader.list("families", required: true) ?? [] {
            if let family = decodeFamily(node, path: path, ladder: ladder) { families.append(family) }
        }
        var choiceForms: [ChoiceForm]?
        if let list = reader.list("choice_forms") {
            choiceForms = list.compactMap { decodeChoiceForm($0.node, path: $0.path) }
        }
        guard let id, let title, let version, let description, let source else { return nil }
        return ProbeSuite(id: id, title: title, version: version, description: description, language: language,
                          source: source, license: license, defaults: defaults, requireTwins: requireTwins,
                          strictScenarios: strictScenarios, ladder: ladder, rubricTemplate: template,
                          families: families, choiceForms: choiceForms)
    }

    private func decodeDefaults(_ node: Node) -> SuiteDefaults? {
        guard let reader = MappingReader(node, path: "defaults", context: "the defaults",
                                         allowed: Self.defaultsKeys, session: session) else { return nil }
        let standard = SuiteDefaults.standard
        var quick: QuickPlan?
        if let node = reader.node("quick"),
           let quickReader = MappingReader(node, path: "defaults.quick", context: "the quick plan",
                                           allowed: Self.quickKeys, session: session) {
            quick = QuickPlan(samples: quickReader.int("samples"),
                              scenariosPerValue: quickReader.int("scenarios_per_value"),
                              paraphrases: quickReader.bool("paraphrases"))
        }
        return SuiteDefaults(samples: reader.int("samples") ?? standard.samples,
                             temperature: reader.double("temperature") ?? standard.temperature,
                             maxTokens: reader.int("max_tokens") ?? standard.maxTokens, quick: quick)
    }

    private func decodeLadder(_ node: Node) -> HintLadder? {
        guard let reader = MappingReader(node, path: "ladder", context: "the ladder", allowed: Self.ladderKeys,
                                         session: session) else { return nil }
        let deliberation = reader.string("deliberation", required: true)
        let followUp = reader.string("follow_up", required: true)
        guard let deliberation, let followUp else { return nil }
        return HintLadder(deliberation: deliberation, followUp: followUp)
    }

    private func decodeFamily(_ node: Node, path: String, ladder: HintLadder?) -> ProbeFamily? {
        let name = idHint(node)
        guard let reader = MappingReader(node, path: path, context: name.map { "family '\($0)'" } ?? "a family",
                                         allowed: Self.familyKeys, session: session) else { return nil }
        let id = reader.string("id", required: true)
        let value = reader.string("value", required: true)
        let synonyms = reader.strings("synonyms") ?? []
        let description = reader.string("description")
        let rubric = reader.node("rubric").flatMap {
            decodeRubric($0, path: joinPath(path, "rubric"), context: "the rubric of \(reader.context)")
        }
        var items: [ProbeItem] = []
        let hasScenarios = reader.node("scenarios") != nil, hasChoices = reader.node("choices") != nil
        for (itemNode, itemPath) in reader.list("items", required: !hasScenarios && !hasChoices) ?? [] {
            if let item = decodeItem(itemNode, path: itemPath) { items.append(item) }
        }
        for (scenarioNode, scenarioPath) in reader.list("scenarios") ?? [] {
            guard let scenario = decodeScenario(scenarioNode, path: scenarioPath) else { continue }
            for item in scenario.items(ladder: ladder) {
                let form: String
                switch item.mode {
                case .explicit: form = "explicit"
                case .implicit: form = "implicit"
                case .control: form = "control"
                case .causal: form = "causal"
                }
                session.alias(joinPath(path, "items[\(items.count)]"), to: joinPath(scenarioPath, form))
                items.append(item)
            }
        }
        var choices: [ChoiceItem] = []
        for (choiceNode, choicePath) in reader.list("choices") ?? [] {
            for (choice, source) in decodeChoice(choiceNode, path: choicePath) {
                session.alias(joinPath(path, "choices[\(choices.count)]"), to: source)
                choices.append(choice)
            }
        }
        guard let id, let value else { return nil }
        return ProbeFamily(id: id, value: value, synonyms: synonyms, description: description, rubric: rubric,
                           items: items, choices: choices)
    }

    private func decodeItem(_ node: Node, path: String) -> ProbeItem? {
        let name = idHint(node)
        guard let reader = MappingReader(node, path: path, context: name.map { "item '\($0)'" } ?? "an item",
                                         allowed: Self.itemKeys, session: session) else { return nil }
        let id = reader.string("id", required: true)
        let mode = decodeEnum(ProbeMode.self, reader, key: "mode", required: true)
        let prompt = reader.string("prompt", required: true)
        let paraphrases = reader.strings("paraphrases") ?? []
        let pairID = reader.string("pair_id")
        let valueAtRisk = reader.bool("value_at_risk")
        let expected = reader.node("expected").flatMap { decodeExpected($0, path: joinPath(path, "expected"),
                                                                        context: reader.context) }
        let rubric = reader.node("rubric").flatMap {
            decodeRubric($0, path: joinPath(path, "rubric"), context: "the rubric of \(reader.context)")
        }
        let metadata = reader.stringMap("metadata") ?? [:]
        let scenario = reader.string("scenario")
        let level = reader.int("level")
        var messages: [ConversationTurn]?
        if let list = reader.list("messages") {
            messages = list.compactMap { decodeTurn($0.0, path: $0.1, item: reader.context) }
        }
        guard let id, let mode, let prompt else { return nil }
        return ProbeItem(id: id, mode: mode, prompt: prompt, paraphrases: paraphrases, pairID: pairID,
                         valueAtRisk: valueAtRisk, expected: expected, rubric: rubric, metadata: metadata,
                         scenario: scenario, level: level, messages: messages)
    }

    private func decodeTurn(_ node: Node, path: String, item: String) -> ConversationTurn? {
        guard let reader = MappingReader(node, path: path, context: "a message of \(item)", allowed: Self.turnKeys,
                                         session: session) else { return nil }
        let role = decodeEnum(ConversationTurn.Role.self, reader, key: "role", required: true)
        let content = reader.string("content")
        guard let role else { return nil }
        return ConversationTurn(role: role, content: content)
    }

    private func decodeScenario(_ node: Node, path: String) -> ProbeScenario? {
        let name = idHint(node)
        guard let reader = MappingReader(node, path: path, context: name.map { "scenario '\($0)'" } ?? "a scenario",
                                         allowed: Self.scenarioKeys, session: session) else { return nil }
        let id = reader.string("id", required: true)
        var metadata = reader.stringMap("metadata") ?? [:]
        for key in ["domain", "notes", "source"] {
            if let text = reader.string(key) { metadata[key] = text }
        }
        if let flag = reader.bool("reconstruction") { metadata["reconstruction"] = flag ? "true" : "false" }
        func form(_ key: String) -> ProbeScenario.Form? {
            guard let node = reader.node(key, required: true) else { return nil }
            return decodeForm(node, path: joinPath(path, key), context: "the \(key) form of \(reader.context)")
        }
        let implicit = form("implicit"), control = form("control"), explicit = form("explicit")
        let causal = form("causal")
        guard let id, let implicit, let control, let explicit, let causal else { return nil }
        return ProbeScenario(id: id, metadata: metadata, implicit: implicit, control: control, explicit: explicit,
                             causal: causal)
    }

    private func decodeForm(_ node: Node, path: String, context: String) -> ProbeScenario.Form? {
        guard let reader = MappingReader(node, path: path, context: context, allowed: Self.formKeys,
                                         session: session) else { return nil }
        let prompt = reader.string("prompt", required: true)
        let paraphrases = reader.strings("paraphrases") ?? []
        let expected = reader.node("expected").flatMap { decodeExpected($0, path: joinPath(path, "expected"),
                                                                        context: context) }
        let rubric = reader.node("rubric").flatMap {
            decodeRubric($0, path: joinPath(path, "rubric"), context: "the rubric of \(context)")
        }
        guard let prompt else { return nil }
        return ProbeScenario.Form(prompt: prompt, paraphrases: paraphrases, expected: expected, rubric: rubric)
    }

    private func decodeExpected(_ node: Node, path: String, context: String) -> ExpectedAnswer? {
        guard let reader = MappingReader(node, path: path, context: "'expected' of \(context)",
                                         allowed: Self.expectedKeys, session: session) else { return nil }
        return ExpectedAnswer(answer: reader.string("answer"), keyPoints: reader.strings("key_points") ?? [],
                              fallacy: reader.string("fallacy"))
    }

    private func decodeRubric(_ node: Node, path: String, context: String) -> Rubric? {
        guard let reader = MappingReader(node, path: path, context: context, allowed: Self.rubricKeys,
                                         session: session) else { return nil }
        let threshold = reader.int("threshold", required: true)
        var criteria: [RubricCriterion] = []
        for (criterionNode, criterionPath) in reader.list("criteria", required: true) ?? [] {
            if let criterion = decodeCriterion(criterionNode, path: criterionPath, rubricContext: context) {
                criteria.append(criterion)
            }
        }
        guard let threshold else { return nil }
        return Rubric(criteria: criteria, threshold: threshold)
    }

    private func decodeCriterion(_ node: Node, path: String, rubricContext: String) -> RubricCriterion? {
        let name = idHint(node)
        let context = (name.map { "criterion '\($0)'" } ?? "a criterion") + " of \(rubricContext)"
        guard let reader = MappingReader(node, path: path, context: context, allowed: Self.criterionKeys,
                                         session: session) else { return nil }
        let id = reader.string("id", required: true)
        let description = reader.string("description", required: true)
        let weight = reader.int("weight", required: true)
        let patterns = reader.strings("patterns", required: true)
        let kind = decodeEnum(CriterionKind.self, reader, key: "kind", required: true)
        guard let id, let description, let weight, let patterns, let kind else { return nil }
        return RubricCriterion(id: id, description: description, weight: weight, patterns: patterns, kind: kind)
    }

    func decodeEnum<E: RawRepresentable & CaseIterable>(
        _ type: E.Type, _ reader: MappingReader, key: String, required: Bool
    ) -> E? where E.RawValue == String {
        guard let text = reader.string(key, required: required) else { return nil }
        if let value = E(rawValue: text) { return value }
        let names = E.allCases.map(\.rawValue)
        let hint = KeySuggestion.closest(to: text, among: names).map { "; did you mean '\($0)'?" } ?? ""
        let path = joinPath(reader.path, key)
        session.report("unknown \(key) '\(abbreviate(text))' in \(reader.context) (expected one of: "
                       + names.joined(separator: ", ") + hint + ")", at: session.mark(for: path), path: path)
        return nil
    }

    /// The `id` of a mapping node, used to name it in messages before it is decoded.
    func idHint(_ node: Node) -> String? {
        guard case .mapping(let mapping) = node else { return nil }
        for (key, value) in mapping where key.string == "id" {
            if case .scalar(let scalar) = value, !isNull(scalar) { return abbreviate(scalar.string) }
        }
        return nil
    }
}
