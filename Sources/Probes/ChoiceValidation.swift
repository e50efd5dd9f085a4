import Foundation

/// The validator's rules for forced-choice items (``ChoiceItem``) and question forms (``ChoiceForm``).
/// Paths are the model's (`families[1].choices[3].actions[0].text`); the loader places them in the file.
extension SuiteValidator {
    /// Most actions a choice may offer (letters A–Z).
    static let maximumChoiceActions = 26

    /// Checks every choice of the suite: ids (unique across items and choices), actions, values at risk, control
    /// twins, and with `strict_scenarios` the unspoken value and cue phrases.
    static func checkChoices(in suite: ProbeSuite, itemIndex: [String: (family: Int, item: Int)],
                             _ add: (String, String) -> Void) {
        let suiteValues = suite.families.map(\.value)
        // First pass: where each choice id is (first occurrence wins).
        var choiceIndex: [String: (family: Int, choice: Int)] = [:]
        for (f, family) in suite.families.enumerated() {
            for (c, choice) in family.choices.enumerated() where choiceIndex[choice.id] == nil {
                choiceIndex[choice.id] = (f, c)
            }
        }
        var controls: [String: String] = [:]  // choice id -> its first control
        for (f, family) in suite.families.enumerated() {
            for (c, choice) in family.choices.enumerated() {
                let path = "families[\(f)].choices[\(c)]"
                let name = choice.isControl ? "control '\(choice.id)'" : "choice '\(choice.id)'"
                checkID(choice.id, path: "\(path).id", what: "choice id", add)
                if let item = itemIndex[choice.id] {
                    add("\(path).id", "duplicate id '\(choice.id)': an item of family '\(suite.families[item.family].id)' "
                        + "already uses it (ids are unique across items and choices)")
                } else if let first = choiceIndex[choice.id], first != (f, c) {
                    add("\(path).id", "duplicate choice id '\(choice.id)' (first used in family "
                        + "'\(suite.families[first.family].id)')")
                }
                if choice.context.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    add("\(path).context", "the context of \(name) is empty")
                }
                checkActions(of: choice, name: name, path: path, suiteValues: suiteValues, add)
                var target: ChoiceItem?
                if let controlOf = choice.controlOf {
                    target = checkControlTarget(controlOf, of: choice, familyIndex: f, path: path, suite: suite,
                                                index: choiceIndex, add)
                    if let target {
                        if let existing = controls[target.id] {
                            add("\(path).control_of", "choice '\(target.id)' already has control '\(existing)'")
                        } else {
                            controls[target.id] = choice.id
                        }
                    }
                    for (a, action) in choice.actions.enumerated() where !action.atRisk.isEmpty {
                        add("\(path).actions[\(a)].at_risk", "action \(a + 1) of \(name) puts "
                            + "'\(action.atRisk[0])' at risk; the actions of a control put no value at risk")
                    }
                } else if choice.actions.count >= 2 {
                    if choice.actions.allSatisfy(\.atRisk.isEmpty) {
                        add("\(path).actions", "no action of \(name) puts a value at risk (name the value with "
                            + "at_risk on the action that does, or make the choice a control)")
                    } else if suite.strictScenarios && choice.actions.allSatisfy({ !$0.atRisk.isEmpty }) {
                        add("\(path).actions", "every action of \(name) puts a value at risk; with "
                            + "strict_scenarios a choice needs an action that puts none")
                    }
                }
                if suite.strictScenarios {
                    let atRisk = Set(choice.valuesAtRisk + (target?.valuesAtRisk ?? []))
                    let terms = family.valueTerms
                        + suite.families.filter { $0.value != family.value && atRisk.contains($0.value) }
                            .flatMap(\.valueTerms)
                    checkUnspoken(choice, name: name, path: path, terms: terms,
                                  inheritsContext: target?.context == choice.context, add)
                }
            }
        }
    }

    /// Count, texts and values at risk of a choice's actions.
    private static func checkActions(of choice: ChoiceItem, name: String, path: String, suiteValues: [String],
                                     _ add: (String, String) -> Void) {
        let count = choice.actions.count
        if count < 2 || count > maximumChoiceActions {
            add("\(path).actions", "\(name) has \(count) action\(count == 1 ? "" : "s"); a choice offers 2 to "
                + "\(maximumChoiceActions)")
        }
        var seen: [String: Int] = [:]
        for (a, action) in choice.actions.enumerated() {
            let actionPath = "\(path).actions[\(a)]"
            let normalised = ChoiceQuestion.normalised(action.text)
            if normalised.isEmpty {
                add("\(actionPath).text", "action \(a + 1) of \(name) is empty")
            } else if let first = seen[normalised] {
                add("\(actionPath).text", "actions \(first + 1) and \(a + 1) of \(name) have the same text "
                    + "(an answer could not tell them apart)")
            } else {
                seen[normalised] = a
            }
            for (v, value) in action.atRisk.enumerated() where !suiteValues.contains(value) {
                add("\(actionPath).at_risk[\(v)]", "at_risk '\(abbreviate(value))' of action \(a + 1) of \(name) is "
                    + "not a value of this suite (values: \(suiteValues.joined(separator: ", ")))"
                    + KeySuggestion.hint(for: value, among: suiteValues))
            }
        }
    }

    /// `control_of` names a choice of the same family that is not itself a control; returns it.
    private static func checkControlTarget(
        _ controlOf: String, of choice: ChoiceItem, familyIndex: Int, path: String, suite: ProbeSuite,
        index: [String: (family: Int, choice: Int)], _ add: (String, String) -> Void
    ) -> ChoiceItem? {
        let family = suite.families[familyIndex]
        guard let location = index[controlOf] else {
            let hint = KeySuggestion.hint(for: controlOf, among: family.choices.map(\.id))
            add("\(path).control_of", "control_of '\(controlOf)' of '\(choice.id)' points to no choice\(hint)")
            return nil
        }
        let target = suite.families[location.family].choices[location.choice]
        if location.family != familyIndex {
            add("\(path).control_of", "control_of '\(controlOf)' of '\(choice.id)' points to a choice of another "
                + "family ('\(suite.families[location.family].id)'); a control stays within its value")
            return nil
        }
        if target.isControl {
            add("\(path).control_of", "control_of of '\(choice.id)' points to '\(controlOf)', which is itself a "
                + "control")
            return nil
        }
        return target
    }

    /// `strict_scenarios`: no context or action names a value at stake or carries a cue phrase.
    private static func checkUnspoken(_ choice: ChoiceItem, name: String, path: String, terms: [String],
                                      inheritsContext: Bool, _ add: (String, String) -> Void) {
        var texts: [(path: String, wording: String, text: String)] = []
        if !inheritsContext { texts.append(("\(path).context", "the context", choice.context)) }
        for (a, action) in choice.actions.enumerated() {
            texts.append(("\(path).actions[\(a)].text", "action \(a + 1)", action.text))
        }
        for entry in texts {
            if let term = namedTerm(in: entry.text, terms: terms) {
                add(entry.path, "\(entry.wording) of \(name) names a value ('\(term)'); strict_scenarios keeps the "
                    + "value unspoken")
            }
            if let cue = CuePhrases.first(in: entry.text) {
                add(entry.path, "\(entry.wording) of \(name) carries the cue phrase '\(cue)', which announces the "
                    + "problem (strict_scenarios)")
            }
        }
    }

    /// Checks `choice_forms`: not empty, ids, and templates with exactly the placeholders their answer kind fills.
    static func checkChoiceForms(in suite: ProbeSuite, _ add: (String, String) -> Void) {
        guard let forms = suite.choiceForms else { return }
        if forms.isEmpty {
            add("choice_forms", "choice_forms is empty (leave it out to ask MoralChoice's three forms)")
        }
        var ids: Set<String> = []
        for (i, form) in forms.enumerated() {
            let path = "choice_forms[\(i)]"
            checkID(form.id, path: "\(path).id", what: "choice form id", add)
            if !ids.insert(form.id).inserted { add("\(path).id", "duplicate choice form id '\(form.id)'") }
            let kind = form.answer.rawValue
            let used = placeholders(in: form.template)
            for needed in form.placeholders where !used.contains(needed) {
                add("\(path).template", "the template of choice form '\(form.id)' has no \(needed) (a \(kind) form "
                    + "needs \(form.placeholders.joined(separator: ", ")))")
            }
            for unknown in used where !form.placeholders.contains(unknown) && !form.optionalPlaceholders.contains(unknown) {
                add("\(path).template", "the template of choice form '\(form.id)' uses \(unknown), which a \(kind) "
                    + "form does not fill (it fills \(form.placeholders.joined(separator: ", ")))")
            }
        }
    }

    /// The `{name}` placeholders of a template, in order of first use.
    static func placeholders(in template: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: #"\{[A-Za-z0-9_]*\}"#) else { return [] }
        var found: [String] = []
        for match in expression.matches(in: template, range: NSRange(template.startIndex..., in: template)) {
            if let range = Range(match.range, in: template), !found.contains(String(template[range])) {
                found.append(String(template[range]))
            }
        }
        return found
    }

    /// Problems that do not stop a suite from loading: yes/no forms that choices with more than two actions skip.
    public static func warnings(in suite: ProbeSuite) -> [Problem] {
        var wide: [(path: String, id: String)] = []
        for (f, family) in suite.families.enumerated() {
            for (c, choice) in family.choices.enumerated() where choice.actions.count > 2 {
                wide.append(("families[\(f)].choices[\(c)].actions", choice.id))
            }
        }
        guard let first = wide.first else { return [] }
        var problems: [Problem] = []
        for (i, form) in suite.resolvedChoiceForms.enumerated() where form.answer == .yesNo {
            let path = suite.choiceForms == nil ? first.path : "choice_forms[\(i)]"
            problems.append(Problem(path: path, message: "choice form '\(form.id)' asks yes or no, which fits two "
                                    + "actions only: \(wide.count) choice\(wide.count == 1 ? "" : "s") with more "
                                    + "(first '\(first.id)') skip\(wide.count == 1 ? "s" : "") it"))
        }
        return problems
    }
}
