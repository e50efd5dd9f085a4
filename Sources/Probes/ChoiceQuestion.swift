import Foundation

/// One forced-choice question as the model sees it: a choice asked in one form (``ChoiceForm``) with its actions in
/// one presentation order, and how each possible answer maps back to an action.
///
/// Every choice is asked in every form and every order: for two actions both orders (A/B and B/A), for more the
/// cyclic rotations, so that each action is shown once in each position. Yes/no forms are asked only of choices
/// with two actions.
public struct ChoiceQuestion: Sendable, Hashable {
    /// The choice asked.
    public var choiceID: String
    /// The form it is asked in.
    public var form: ChoiceForm
    /// Which order this is (0 = the file's order), among ``orders(count:)``.
    public var orderIndex: Int
    /// The actions' indices (into ``ChoiceItem/actions``) in the order they are shown.
    public var order: [Int]
    /// The question text, sent as the user's message.
    public var prompt: String
    /// The actions' texts in the order they are shown.
    public var shownActions: [String]
    /// The answers the model is asked to give, in presentation order: `A`, `B`, … for a letter form; the action
    /// texts for a repeat form; `Yes`, `No` for a yes/no form.
    public var answers: [String]
    /// The action each answer stands for: `answerActions[i]` is the index into ``ChoiceItem/actions`` that
    /// `answers[i]` picks.
    public var answerActions: [Int]

    /// The presentation orders of `count` actions: both orders for two, the cyclic rotations for more.
    public static func orders(count: Int) -> [[Int]] {
        guard count > 1 else { return [Array(0..<max(count, 0))] }
        return (0..<count).map { shift in (0..<count).map { ($0 + shift) % count } }
    }

    /// Letters for `count` options: `A`, `B`, … (at most 26).
    static func letters(_ count: Int) -> [String] {
        (0..<min(count, 26)).map { String(UnicodeScalar(UInt8(65 + $0))) }
    }

    /// Every question for a choice: each form (yes/no forms only for two actions) × each order.
    public static func questions(for choice: ChoiceItem, forms: [ChoiceForm]) -> [ChoiceQuestion] {
        forms.flatMap { form -> [ChoiceQuestion] in
            if form.answer == .yesNo && choice.actions.count != 2 { return [] }
            return orders(count: choice.actions.count).enumerated().map { index, order in
                ChoiceQuestion(choice: choice, form: form, orderIndex: index, order: order)
            }
        }
    }

    /// Renders `choice` in `form` with its actions shown in `order`.
    public init(choice: ChoiceItem, form: ChoiceForm, orderIndex: Int, order: [Int]) {
        self.choiceID = choice.id
        self.form = form
        self.orderIndex = orderIndex
        self.order = order
        let texts = order.map { choice.actions[$0].text }
        shownActions = texts
        var prompt = form.template.replacingOccurrences(of: "{context}", with: choice.context)
        switch form.answer {
        case .letter:
            let letters = Self.letters(texts.count)
            let lines = zip(letters, texts).map { "\($0). \($1)" }.joined(separator: "\n")
            prompt = prompt.replacingOccurrences(of: "{options}", with: lines)
                .replacingOccurrences(of: "{letters}", with: Self.list(letters))
            answers = letters
            answerActions = order
        case .repeat:
            prompt = prompt.replacingOccurrences(of: "{options}", with: texts.map { "- " + $0 }.joined(separator: "\n"))
            answers = texts
            answerActions = order
        case .yesNo:
            prompt = prompt.replacingOccurrences(of: "{option_a}", with: texts.first ?? "")
                .replacingOccurrences(of: "{option_b}", with: texts.dropFirst().first ?? "")
            answers = ["Yes", "No"]
            answerActions = Array(order.prefix(2))
        }
        self.prompt = prompt
    }

    /// "A or B", "A, B or C".
    static func list(_ letters: [String]) -> String {
        guard letters.count > 1 else { return letters.first ?? "" }
        return letters.dropLast().joined(separator: ", ") + " or " + letters[letters.count - 1]
    }

    /// The action a sampled answer picks (an index into ``ChoiceItem/actions``), or nil when the answer picks none
    /// or more than one (an invalid answer; refusals are told apart by the caller).
    ///
    /// Letter forms accept the letter alone or at the start (`B`, `B.`, `(B)`, `Option B`, `**B**`, `Answer: B`), or
    /// the text of exactly one action; repeat forms accept an answer that contains exactly one action's text (case,
    /// punctuation and spacing ignored) or begins with its first eight words; yes/no forms read the first word. An
    /// answer that names two letters ("A or B", "A and B", "A/B") picks none.
    public func action(answering text: String) -> Int? {
        let words = Self.normalised(text).split(separator: " ").map(String.init)
        let body = words.first.map { ["answer", "option"].contains($0) } == true ? Array(words.dropFirst()) : words
        switch form.answer {
        case .letter:
            let letters = answers.map { $0.lowercased() }
            if let first = body.first, first.count == 1, let index = letters.firstIndex(of: first) {
                // "A or B", "A and B", "A/B" name two options: no choice.
                let joined = body.count > 2 && ["or", "and"].contains(body[1])
                let next = joined ? body[2] : (body.count == 2 ? body[1] : nil)
                if let next, next != first, letters.contains(next) { return nil }
                return answerActions[index]
            }
            return actionByText(body.joined(separator: " "))
        case .repeat:
            return actionByText(body.joined(separator: " "))
        case .yesNo:
            switch body.first {
            case "yes": return answerActions[0]
            case "no": return answerActions[1]
            default: return nil
            }
        }
    }

    /// The one shown action whose text the answer contains, or whose first eight words it starts with.
    private func actionByText(_ answer: String) -> Int? {
        guard !answer.isEmpty else { return nil }
        let texts = shownActions.map(Self.normalised)
        func unique(_ matches: [Int]) -> Int? { matches.count == 1 ? order[matches[0]] : nil }
        let contained = texts.indices.filter { answer.contains(texts[$0]) }
        if contained.count > 1 { return nil }  // names several actions
        if let hit = unique(contained) { return hit }
        let prefixes = texts.map { $0.split(separator: " ").prefix(8).joined(separator: " ") }
        return unique(prefixes.indices.filter { answer.hasPrefix(prefixes[$0]) })
    }

    /// Lower case, letters and digits only, single spaces.
    static func normalised(_ text: String) -> String {
        let kept = text.lowercased().unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
        return String(kept).split(separator: " ").joined(separator: " ")
    }
}
