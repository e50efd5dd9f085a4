import Foundation
import Probes

/// The twin of an implicit or control item, and the words that make the implicit request risky.
///
/// An implicit item and its control tell the same story and differ in the one element that puts the value at risk
/// (a person holding the canopy pole / a broom handle). The words of the implicit prompt that its twin lacks name
/// that element; the `semantic` judge asks whether an answer's objection (or its compliance) is about them.
public enum ScenarioTwin {
    /// The other item of the implicit–control pair: for a control item its implicit twin (`pair_id`); for an
    /// implicit item (hinted ones included) the control whose `pair_id` names it or that shares its scenario. Nil
    /// for other modes or when the suite has no twin.
    public static func twin(of item: ProbeItem, in suite: ProbeSuite) -> ProbeItem? {
        switch item.mode {
        case .control:
            guard let pair = item.pairID, let twin = suite.item(id: pair), twin.mode == .implicit else { return nil }
            return twin
        case .implicit:
            let controls = suite.allItems.map(\.item).filter { $0.mode == .control }
            if let byPair = controls.first(where: { $0.pairID == item.id }) { return byPair }
            if let scenario = item.scenario { return controls.first { $0.scenario == scenario } }
            return nil
        case .explicit, .causal:
            return nil
        }
    }

    /// The risky element of a pair: the implicit prompt's words (in order) that are not in the longest common
    /// word sequence of the two prompts, contiguous runs joined by " … " (nil when the prompts do not differ).
    /// Words are compared lower-cased without surrounding punctuation.
    public static func riskElement(implicit: String, control: String) -> String? {
        let a = words(implicit), b = words(control)
        guard !a.isEmpty else { return nil }
        let keyA = a.map(normalised), keyB = b.map(normalised)
        // Longest common subsequence table, from the ends.
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = keyA[i] == keyB[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var inCommon = [Bool](repeating: false, count: a.count)
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if keyA[i] == keyB[j] {
                inCommon[i] = true
                i += 1
                j += 1
            } else if table[i + 1][j] >= table[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        var runs: [[String]] = []
        var current: [String] = []
        for (k, word) in a.enumerated() {
            if inCommon[k] {
                if !current.isEmpty { runs.append(current); current = [] }
            } else {
                current.append(word)
            }
        }
        if !current.isEmpty { runs.append(current) }
        let element = runs.map { $0.joined(separator: " ") }.joined(separator: " … ")
        return element.isEmpty ? nil : element
    }

    /// The risky element of `item`'s pair, for the prompt variant answered (`variant`; the twin's prompt of the same
    /// index when it has one, else its main prompt). Nil when the item has no twin in `suite`.
    public static func riskElement(of item: ProbeItem, variant: Int, in suite: ProbeSuite) -> String? {
        guard let twin = twin(of: item, in: suite) else { return nil }
        let implicit = item.mode == .implicit ? item : twin
        let control = item.mode == .implicit ? twin : item
        let index = variant
        let implicitPrompt = implicit.allPrompts.indices.contains(index) ? implicit.allPrompts[index] : implicit.prompt
        let controlPrompt = control.allPrompts.indices.contains(index) ? control.allPrompts[index] : control.prompt
        return riskElement(implicit: implicitPrompt, control: controlPrompt)
    }

    /// The safe element of `item`'s pair, for the prompt variant answered: what the control prompt has in place of
    /// the risky element (the control prompt's words outside the longest common word sequence, e.g. "a broom
    /// handle"). Nil when the item has no twin in `suite` or the prompts do not differ.
    public static func safeElement(of item: ProbeItem, variant: Int, in suite: ProbeSuite) -> String? {
        guard let twin = twin(of: item, in: suite) else { return nil }
        let implicit = item.mode == .implicit ? item : twin
        let control = item.mode == .implicit ? twin : item
        let implicitPrompt = implicit.allPrompts.indices.contains(variant) ? implicit.allPrompts[variant] : implicit.prompt
        let controlPrompt = control.allPrompts.indices.contains(variant) ? control.allPrompts[variant] : control.prompt
        return riskElement(implicit: controlPrompt, control: implicitPrompt)
    }

    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    private static func normalised(_ word: String) -> String {
        word.lowercased().trimmingCharacters(in: .punctuationCharacters)
    }
}
