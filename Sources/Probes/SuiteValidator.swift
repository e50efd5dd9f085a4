import Foundation

/// Checks the meaning of a decoded suite: ids, pairs and twins, rubrics, sampling defaults.
/// Works on the model alone; problems carry structural paths that the loader turns into line:column.
public enum SuiteValidator {
    /// One problem at a structural path such as `families[1].items[0].pair_id`.
    public struct Problem: Sendable, Hashable {
        /// Where in the suite.
        public var path: String
        /// What is wrong.
        public var message: String
    }

    /// All problems of a suite, in suite order (empty when the suite is valid).
    public static func problems(in suite: ProbeSuite) -> [Problem] {
        var problems: [Problem] = []
        func add(_ path: String, _ message: String) { problems.append(Problem(path: path, message: message)) }

        checkID(suite.id, path: "id", what: "suite id", add)
        for (key, text) in [("title", suite.title), ("version", suite.version), ("description", suite.description),
                            ("language", suite.language), ("source", suite.source)]
        where text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            add(key, "'\(key)' of the suite is empty")
        }
        let defaults = suite.defaults
        if !(1...100_000).contains(defaults.samples) {
            add("defaults.samples", "samples must be between 1 and 100000, found \(defaults.samples)")
        }
        if !(0...5).contains(defaults.temperature) {
            add("defaults.temperature", "temperature must be between 0 and 5, found \(defaults.temperature)")
        }
        if !(1...1_000_000).contains(defaults.maxTokens) {
            add("defaults.max_tokens", "max_tokens must be between 1 and 1000000, found \(defaults.maxTokens)")
        }
        if let quick = defaults.quick {
            if let samples = quick.samples, !(1...100_000).contains(samples) {
                add("defaults.quick.samples", "samples must be between 1 and 100000, found \(samples)")
            }
            if let count = quick.scenariosPerValue, count < 1 {
                add("defaults.quick.scenarios_per_value", "scenarios_per_value must be at least 1, found \(count)")
            }
        }
        if let template = suite.rubricTemplate {
            checkRubric(template, path: "rubric_template", what: "the rubric template", isTemplate: true, add)
        }

        // Values that some choice puts at risk: a family may exist only to declare one (imported suites).
        let valuesAtRisk = Set(suite.allChoices.flatMap(\.choice.valuesAtRisk))

        // Index every item by id (first occurrence wins) and report duplicates.
        var itemIndex: [String: (family: Int, item: Int)] = [:]
        var familyIDs: Set<String> = []
        for (f, family) in suite.families.enumerated() {
            let familyPath = "families[\(f)]"
            checkID(family.id, path: "\(familyPath).id", what: "family id", add)
            if !familyIDs.insert(family.id).inserted {
                add("\(familyPath).id", "duplicate family id '\(family.id)'")
            }
            if family.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                add("\(familyPath).value", "'value' of family '\(family.id)' is empty")
            }
            for (s, synonym) in family.synonyms.enumerated()
            where synonym.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                add("\(familyPath).synonyms[\(s)]", "synonym \(s + 1) of family '\(family.id)' is empty")
            }
            if family.items.isEmpty && family.choices.isEmpty && !valuesAtRisk.contains(family.value) {
                add("\(familyPath).items", "family '\(family.id)' has no items or choices")
            }
            if let rubric = family.rubric {
                checkRubric(rubric, path: "\(familyPath).rubric", what: "the rubric of family '\(family.id)'",
                            isTemplate: false, add)
            }
            for (i, item) in family.items.enumerated() {
                let itemPath = "\(familyPath).items[\(i)]"
                checkID(item.id, path: "\(itemPath).id", what: "item id", add)
                if let first = itemIndex[item.id] {
                    let other = suite.families[first.family]
                    add("\(itemPath).id", "duplicate item id '\(item.id)' (first used in family '\(other.id)')")
                } else {
                    itemIndex[item.id] = (f, i)
                }
            }
        }
        if suite.itemCount == 0 && suite.allChoices.isEmpty && !suite.families.isEmpty {
            // Each empty family was reported above; say it once for the whole suite too.
            add("families", "the suite has no items")
        } else if suite.families.isEmpty {
            add("families", "the suite has no items (its family list is empty)")
        }

        var twins: [String: String] = [:]  // implicit id -> first control id naming it
        for (f, family) in suite.families.enumerated() {
            for (i, item) in family.items.enumerated() {
                let itemPath = "families[\(f)].items[\(i)]"
                checkItem(item, family: family, familyIndex: f, path: itemPath, suite: suite, index: itemIndex,
                          twins: &twins, add)
            }
        }
        checkChoices(in: suite, itemIndex: itemIndex, add)
        checkChoiceForms(in: suite, add)
        if suite.requireTwins {
            for (f, family) in suite.families.enumerated() {
                for (i, item) in family.items.enumerated()
                where item.mode == .implicit && !item.isHinted && twins[item.id] == nil {
                    add("families[\(f)].items[\(i)].id",
                        "implicit item '\(item.id)' has no control twin (the suite sets require_twins: true; "
                        + "add a control item with pair_id: \(item.id))")
                }
            }
        }
        return problems
    }

    private static func checkItem(
        _ item: ProbeItem, family: ProbeFamily, familyIndex: Int, path: String, suite: ProbeSuite,
        index: [String: (family: Int, item: Int)], twins: inout [String: String],
        _ add: (String, String) -> Void
    ) {
        let name = "item '\(item.id)'"
        if item.prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            add("\(path).prompt", "the prompt of \(name) is empty")
        }
        var seen: Set<String> = [normalised(item.prompt)]
        for (p, paraphrase) in item.paraphrases.enumerated() {
            let paraphrasePath = "\(path).paraphrases[\(p)]"
            if paraphrase.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                add(paraphrasePath, "paraphrase \(p + 1) of \(name) is empty")
            } else if !seen.insert(normalised(paraphrase)).inserted {
                add(paraphrasePath, "paraphrase \(p + 1) of \(name) repeats the prompt or another paraphrase")
            }
        }
        switch item.mode {
        case .control:
            if item.valueAtRisk {
                add("\(path).value_at_risk", "control \(name) cannot have value_at_risk: true")
            }
            guard let pairID = item.pairID else {
                add("\(path).id", "control \(name) needs a pair_id naming the implicit item it is the twin of")
                break
            }
            if let target = checkPair(pairID, from: item, familyIndex: familyIndex, family: family, path: path,
                                      expecting: .implicit, suite: suite, index: index, add) {
                if suite.strictScenarios { checkTwin(item, of: target, path: path, add) }
                if let existing = twins[target.id] {
                    add("\(path).pair_id", "implicit item '\(target.id)' already has control twin '\(existing)'")
                } else {
                    twins[target.id] = item.id
                }
            }
        case .implicit:
            if !item.valueAtRisk {
                add("\(path).value_at_risk",
                    "implicit \(name) must put the value at risk (use mode: control for a safe twin)")
            }
            if let pairID = item.pairID {
                _ = checkPair(pairID, from: item, familyIndex: familyIndex, family: family, path: path,
                              expecting: .explicit, suite: suite, index: index, add)
            }
        case .explicit, .causal:
            if item.pairID != nil {
                add("\(path).pair_id", "pair_id is not used on \(item.mode.rawValue) items: put it on the implicit "
                    + "item that pairs with this one (implicit → explicit, control → implicit)")
            }
        }
        if item.mode == .causal {
            let expected = item.expected
            let hasAnswer = !(expected?.answer ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            if !hasAnswer && (expected?.keyPoints.isEmpty ?? true) {
                add(expected == nil ? "\(path).id" : "\(path).expected",
                    "causal \(name) needs 'expected' with an answer or key_points")
            }
        }
        if let expected = item.expected {
            for (k, point) in expected.keyPoints.enumerated()
            where point.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                add("\(path).expected.key_points[\(k)]", "key point \(k + 1) of \(name) is empty")
            }
        }
        for key in ["reconstruction", "repeat"] {
            if let flag = item.metadata[key], !["true", "false"].contains(flag.lowercased()) {
                add("\(path).metadata.\(key)", "metadata '\(key)' of \(name) must be true or false, found '\(flag)'")
            }
        }
        if let rubric = item.rubric {
            checkRubric(rubric, path: "\(path).rubric", what: "the rubric of \(name)", isTemplate: false, add)
        }
        if let scenario = item.scenario { checkID(scenario, path: "\(path).scenario", what: "scenario id", add) }
        if let level = item.level, !(0...9).contains(level) {
            add("\(path).level", "level of \(name) must be between 0 and 9, found \(level)")
        }
        if let messages = item.messages { checkMessages(messages, of: item, path: path, add) }
        if suite.strictScenarios && (item.mode == .control || (item.mode == .implicit && !item.isHinted)) {
            checkUnspoken(item, family: family, path: path, add)
        }
    }

    /// A conversation: not empty, a system turn only first, text in every turn but the generated assistant turns,
    /// a user turn last, and `{prompt}` somewhere (else the item's prompt and paraphrases would never be sent).
    private static func checkMessages(_ messages: [ConversationTurn], of item: ProbeItem, path: String,
                                      _ add: (String, String) -> Void) {
        let name = "item '\(item.id)'"
        guard let last = messages.last else {
            add("\(path).messages", "messages of \(name) is empty (leave it out to send the prompt alone)")
            return
        }
        for (t, turn) in messages.enumerated() {
            let turnPath = "\(path).messages[\(t)]"
            if turn.role == .system && t > 0 {
                add("\(turnPath).role", "message \(t + 1) of \(name) is a system message; only the first may be")
            }
            if let content = turn.content {
                if content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    add("\(turnPath).content", "message \(t + 1) of \(name) is empty")
                }
            } else if turn.role != .assistant {
                add("\(turnPath)", "message \(t + 1) of \(name) has no content (only an assistant message may be "
                    + "left empty, to stand for the model's own answer)")
            }
        }
        if last.role != .user || last.content == nil {
            add("\(path).messages[\(messages.count - 1)]", "the last message of \(name) must be a user message "
                + "with content (the model's answer to it is what is judged)")
        }
        if !messages.contains(where: { $0.content?.contains(ConversationTurn.promptPlaceholder) ?? false }) {
            add("\(path).messages", "no message of \(name) contains \(ConversationTurn.promptPlaceholder), so its "
                + "prompt and paraphrases would never be sent")
        }
    }

    /// `strict_scenarios`: an implicit or control prompt may not name the family's value or carry a cue phrase.
    private static func checkUnspoken(_ item: ProbeItem, family: ProbeFamily, path: String,
                                      _ add: (String, String) -> Void) {
        for (v, text) in item.allPrompts.enumerated() {
            let textPath = v == 0 ? "\(path).prompt" : "\(path).paraphrases[\(v - 1)]"
            let wording = v == 0 ? "the prompt" : "paraphrase \(v)"
            if let term = namedTerm(in: text, terms: family.valueTerms) {
                add(textPath, "\(wording) of \(item.mode.rawValue) item '\(item.id)' names the value ('\(term)'); "
                    + "strict_scenarios keeps the value unspoken")
            }
            if let cue = CuePhrases.first(in: text) {
                add(textPath, "\(wording) of \(item.mode.rawValue) item '\(item.id)' carries the cue phrase "
                    + "'\(cue)', which announces the problem (strict_scenarios)")
            }
        }
    }

    /// The first of `terms` that `text` names: a one-word term as a whole word, a longer term anywhere (case
    /// ignored). Empty terms are skipped.
    static func namedTerm(in text: String, terms: [String]) -> String? {
        let words = Set(TwinDifference.words(text))
        return terms.filter { !$0.isEmpty }.first { term in
            let termWords = TwinDifference.words(term)
            return termWords.count == 1 ? words.contains(termWords[0]) : text.lowercased().contains(term.lowercased())
        }
    }

    /// `strict_scenarios`: a control twin has as many wordings as its implicit item, and each differs from the
    /// implicit wording in one place only (``TwinDifference``).
    private static func checkTwin(_ control: ProbeItem, of implicit: ProbeItem, path: String,
                                  _ add: (String, String) -> Void) {
        let mine = control.allPrompts, theirs = implicit.allPrompts
        guard mine.count == theirs.count else {
            add("\(path).paraphrases", "control '\(control.id)' has \(mine.count) wording(s) and its implicit item "
                + "'\(implicit.id)' \(theirs.count); each wording of a twin mirrors one of the implicit item's")
            return
        }
        for (v, (text, original)) in zip(mine, theirs).enumerated() {
            let difference = TwinDifference(implicit: original, control: text)
            guard !difference.isSingleChange else { continue }
            let textPath = v == 0 ? "\(path).prompt" : "\(path).paraphrases[\(v - 1)]"
            let wording = v == 0 ? "the prompt" : "paraphrase \(v)"
            let share = Int((difference.changedShare * 100).rounded())
            let what = difference.places == 0 ? "is identical to the implicit wording"
                : difference.places > 1 ? "differs from the implicit wording in \(difference.places) places (a twin changes one)"
                : "changes \(share)% of the words (at most \(Int(TwinDifference.maximumChangedShare * 100))%)"
            add(textPath, "\(wording) of control '\(control.id)' \(what)")
        }
    }

    /// Checks that a pair_id names an item of the wanted mode in the same family; returns that item.
    private static func checkPair(
        _ pairID: String, from item: ProbeItem, familyIndex: Int, family: ProbeFamily, path: String,
        expecting mode: ProbeMode, suite: ProbeSuite, index: [String: (family: Int, item: Int)],
        _ add: (String, String) -> Void
    ) -> ProbeItem? {
        let pairPath = "\(path).pair_id"
        guard let location = index[pairID] else {
            let hint = KeySuggestion.hint(for: pairID, among: family.items.map(\.id))
            add(pairPath, "pair_id '\(pairID)' of item '\(item.id)' points to no item\(hint)")
            return nil
        }
        let target = suite.families[location.family].items[location.item]
        if location.family != familyIndex {
            add(pairPath, "pair_id '\(pairID)' of item '\(item.id)' points to an item of another family "
                + "('\(suite.families[location.family].id)'); pairs stay within one value")
            return nil
        }
        if target.mode != mode {
            add(pairPath, "pair_id of \(item.mode.rawValue) item '\(item.id)' must point to an "
                + "\(mode.rawValue) item, but '\(pairID)' is \(target.mode.rawValue)")
            return nil
        }
        return target
    }

    private static func checkRubric(
        _ rubric: Rubric, path: String, what: String, isTemplate: Bool, _ add: (String, String) -> Void
    ) {
        if rubric.criteria.isEmpty { add("\(path).criteria", "\(what) has no criteria") }
        var ids: Set<String> = []
        var weightsInRange = true
        for (c, criterion) in rubric.criteria.enumerated() {
            let criterionPath = "\(path).criteria[\(c)]"
            let name = "criterion '\(criterion.id)' of \(what)"
            checkID(criterion.id, path: "\(criterionPath).id", what: "criterion id", add)
            if !ids.insert(criterion.id).inserted { add("\(criterionPath).id", "duplicate \(name)") }
            if !(1...3).contains(criterion.weight) && !((-3)...(-1)).contains(criterion.weight) {
                weightsInRange = false
                add("\(criterionPath).weight", "weight of \(name) must be ±1, ±2 or ±3, found \(criterion.weight)")
            } else {
                let positiveKinds: [CriterionKind] = [.namesValue, .flagsRisk, .proposesAlternative]
                if positiveKinds.contains(criterion.kind) && criterion.weight < 0 {
                    add("\(criterionPath).weight", "\(name) is \(criterion.kind.rawValue), so its weight must be "
                        + "positive, found \(criterion.weight)")
                } else if criterion.kind == .compliesWithHarm && criterion.weight > 0 {
                    add("\(criterionPath).weight", "\(name) is complies_with_harm, so its weight must be negative, "
                        + "found \(criterion.weight)")
                }
            }
            if criterion.patterns.isEmpty { add("\(criterionPath).patterns", "\(name) has no patterns") }
            for (p, pattern) in criterion.patterns.enumerated() {
                let patternPath = "\(criterionPath).patterns[\(p)]"
                if pattern.isEmpty {
                    add(patternPath, "pattern \(p + 1) of \(name) is empty")
                    continue
                }
                let concrete = isTemplate ? RubricTemplate.substitute(pattern, term: "value") : pattern
                if let error = PatternCompiler.error(in: concrete) {
                    add(patternPath, "pattern \(p + 1) of \(name) is not a valid regular expression (\(error))")
                }
            }
        }
        if rubric.threshold < 1 {
            add("\(path).threshold", "threshold \(rubric.threshold) of \(what) must be at least 1 (below 1 every "
                + "answer, even an empty one, would count as recognised)")
        } else if !rubric.criteria.isEmpty && weightsInRange && rubric.threshold > rubric.maximumScore {
            // (With a weight out of range the reachable maximum means nothing: that weight is the one problem.)
            add("\(path).threshold", "threshold \(rubric.threshold) of \(what) can never be reached (the positive "
                + "weights add up to \(rubric.maximumScore))")
        }
    }

    static func checkID(_ id: String, path: String, what: String, _ add: (String, String) -> Void) {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-"))
        let asciiOnly = id.unicodeScalars.allSatisfy { $0.isASCII && allowed.contains($0) }
        if id.isEmpty || !asciiOnly || id.hasPrefix(".") || id.hasPrefix("-") {
            add(path, "\(what) '\(abbreviate(id))' must be letters, digits, '.', '_' or '-' (not starting with '.' or '-')")
        }
    }

    private static func normalised(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
