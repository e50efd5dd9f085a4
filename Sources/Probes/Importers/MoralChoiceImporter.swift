/// Reads MoralChoice's scenario CSVs (Scherrer et al. 2023; `data/scenarios/moralchoice_low_ambiguity.csv` and
/// `…_high_ambiguity.csv` in the authors' repository) into forced-choice items.
///
/// Columns: `scenario_id, ambiguity, generation_type, generation_rule, context, action1, action2`, then for each
/// action (`a1_`, `a2_`) and each of Gert's ten rules (`death, pain, disable, freedom, pleasure, deceive, cheat,
/// break_promise, break_law, duty`) whether taking it breaks the rule (`Yes`, `No`, `No Agreement`).
///
/// Each rule becomes a family whose value is the rule ("Do not kill"); each row a choice in the family of its
/// `generation_rule`, whose action 1 and 2 put at risk the rules marked `Yes` for them. A low-ambiguity row that
/// marks no rule gets its generation rule on action 2 (MoralChoice generates action 2 as the unfavourable one); a
/// high-ambiguity row that marks none is skipped, as it says nothing about values, and so is a row whose two actions
/// have the same text (one in the published high-ambiguity file).
struct MoralChoiceImporter {
    let file: String
    let options: ItemBankOptions

    /// Gert's rules: the column suffix and the rule as MoralChoice's `generation_rule` writes it.
    static let rules: [(column: String, value: String, keyword: String)] = [
        ("death", "Do not kill", "kill"), ("pain", "Do not cause pain", "pain"),
        ("disable", "Do not disable", "disable"), ("freedom", "Do not deprive of freedom", "freedom"),
        ("pleasure", "Do not deprive of pleasure", "pleasure"), ("deceive", "Do not deceive", "deceive"),
        ("cheat", "Do not cheat", "cheat"), ("break_promise", "Do not break your promises", "promise"),
        ("break_law", "Do not break the law", "law"), ("duty", "Do your duty", "duty"),
    ]

    static var columns: [String] {
        ["scenario_id", "ambiguity", "generation_rule", "context", "action1", "action2"]
            + ["a1_", "a2_"].flatMap { prefix in rules.map { prefix + $0.column } }
    }

    func read(_ text: String) throws(ItemBankError) -> ImportedSuite {
        let table = try CSVTable(text: text, file: file)
        let column = try table.columns(Self.columns, file: file, format: "MoralChoice scenario")
        let typeColumn = table.header.firstIndex(of: "generation_type")
        var choices: [String: [ChoiceItem]] = [:]
        var firstLine: [String: Int] = [:]
        var skipped: [String] = []
        for row in table.rows {
            func field(_ name: String) -> String {
                row.fields[column[name] ?? 0].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let id = field("scenario_id")
            guard !id.isEmpty else { throw error(row.line, "empty 'scenario_id'") }
            if let first = firstLine[id] {
                throw error(row.line, "duplicate scenario_id '\(id)' (first on line \(first))")
            }
            firstLine[id] = row.line
            for name in ["context", "action1", "action2"] where field(name).isEmpty {
                throw error(row.line, "empty '\(name)' (scenario \(id))")
            }
            if ChoiceQuestion.normalised(field("action1")) == ChoiceQuestion.normalised(field("action2")) {
                skipped.append("\(file):\(row.line): skipped \(id): both actions have the same text")
                continue
            }
            let ambiguity = field("ambiguity").lowercased()
            guard ambiguity == "low" || ambiguity == "high" else {
                throw error(row.line, "column 'ambiguity' must be low or high, found '\(field("ambiguity"))' "
                            + "(scenario \(id))")
            }
            var atRisk: [[String]] = [[], []]
            var disagreed: [String] = []
            for (a, prefix) in ["a1_", "a2_"].enumerated() {
                for rule in Self.rules {
                    let name = prefix + rule.column
                    switch field(name).lowercased() {
                    case "yes": atRisk[a].append(rule.value)
                    case "no": break
                    case "no agreement": disagreed.append(name)
                    default:
                        throw error(row.line, "column '\(name)' must be Yes, No or No Agreement, found "
                                    + "'\(field(name))' (scenario \(id))")
                    }
                }
            }
            let generationRule = field("generation_rule")
            guard let home = Self.rule(named: generationRule) ?? atRisk.flatMap({ $0 }).first else {
                throw error(row.line, "unknown generation_rule '\(generationRule)' and no rule marked Yes "
                            + "(scenario \(id))")
            }
            var metadata = ["source": "MoralChoice \(id)", "ambiguity": ambiguity, "generation_rule": generationRule]
            if let typeColumn, !row.fields[typeColumn].isEmpty { metadata["generation_type"] = row.fields[typeColumn] }
            if !disagreed.isEmpty { metadata["no_agreement"] = disagreed.joined(separator: ", ") }
            if atRisk.allSatisfy(\.isEmpty) {
                guard ambiguity == "low" else {
                    skipped.append("\(file):\(row.line): skipped \(id): no rule is marked Yes for either action")
                    continue
                }
                atRisk[1] = [home]
                metadata["at_risk_from"] = "generation_rule"
            }
            let choice = ChoiceItem(id: id, context: field("context"),
                                    actions: [ChoiceAction(text: field("action1"), atRisk: atRisk[0]),
                                              ChoiceAction(text: field("action2"), atRisk: atRisk[1])],
                                    metadata: metadata)
            choices[home, default: []].append(choice)
        }
        let used = Set(choices.values.flatMap { $0.flatMap(\.valuesAtRisk) }).union(choices.keys)
        let families = Self.rules.filter { used.contains($0.value) }.map { rule in
            ProbeFamily(id: ImportNaming.slug(rule.value), value: rule.value,
                        description: "MoralChoice's rule '\(rule.value)' (Gert's common morality).",
                        items: [], choices: choices[rule.value] ?? [])
        }
        guard !families.isEmpty else {
            throw ItemBankError(file: file, message: "no scenarios to import (the file has a header only)")
        }
        let suite = ProbeSuite(
            id: options.suiteID ?? ImportNaming.suiteID(for: file, fallback: "moralchoice"),
            title: "MoralChoice scenarios (imported)", version: "1.0.0",
            description: "Forced choices imported from MoralChoice's scenario file; one family per rule of Gert's "
                + "common morality; an action puts at risk the rules the annotators marked it as breaking.",
            source: "MoralChoice (Scherrer et al. 2023), imported by valueprobe suites import moralchoice",
            license: "CC-BY-4.0",
            defaults: ImportNaming.choiceDefaults,
            families: families)
        return ImportedSuite(suite: suite, skipped: skipped,
                             licenceNote: "MoralChoice's data is published under CC BY 4.0: credit Scherrer, Shi, "
                                + "Feder & Blei (2023) when you share results or this file.")
    }

    /// The rule a `generation_rule` names: exactly, or by its keyword ("Do not break promise" → promises).
    static func rule(named name: String) -> String? {
        let lower = name.lowercased()
        if let exact = rules.first(where: { $0.value.lowercased() == lower }) { return exact.value }
        return rules.first { lower.contains($0.keyword) }?.value
    }

    private func error(_ line: Int, _ message: String) -> ItemBankError {
        ItemBankError(file: file, line: line, message: message)
    }
}
