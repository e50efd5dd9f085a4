import ChatTemplates
import Foundation
import Models
import Probes

/// Asks one planned forced-choice question of a model and turns what comes back into a ``ChoiceAnswer``.
///
/// - ``ChoiceMethod/exact`` (an ``OptionScoringModel``): the question is evaluated once; the probability of each
///   offered answer at the answer position — `A`/`B`, `Yes`/`No` (both casings summed), or each action's full
///   text for a repeat form — is renormalised over the answers and mapped to the actions. Every form also records
///   each action's full-text log-probability, raw and per token.
/// - ``ChoiceMethod/sampled``: one answer is sampled with the question's seed and parsed
///   (``Probes/ChoiceQuestion/action(answering:)``); an answer that picks no action is a refusal when it reads as
///   one (``RefusalDetector/isRefusalBroadly(_:)``), else invalid.
public struct ChoiceAsker: Sendable {
    /// The suite the questions come from.
    public var suite: ProbeSuite
    /// Sampling settings of sampled questions (temperature, top-p, max tokens).
    public var configuration: RunConfiguration

    /// Creates an asker.
    public init(suite: ProbeSuite, configuration: RunConfiguration) {
        self.suite = suite
        self.configuration = configuration
    }

    /// The question a planned choice stands for.
    /// - Throws: ``RunError/unknownItem(itemID:variant:)`` when the suite has no such choice, form or order.
    public func question(for planned: PlannedChoice) throws -> (ChoiceItem, ChoiceQuestion) {
        guard let choice = suite.choice(id: planned.choiceID),
              let question = ChoiceQuestion.questions(for: choice, forms: suite.resolvedChoiceForms)
                  .first(where: { $0.form.id == planned.form && $0.orderIndex == planned.orderIndex })
        else { throw RunError.unknownItem(itemID: planned.choiceID, variant: planned.orderIndex) }
        return (choice, question)
    }

    /// Asks the question. Backend failures are returned as an ``ChoiceAnswer/Status/error`` answer; cancellation
    /// and a model that cannot do what was planned are thrown.
    public func ask(_ planned: PlannedChoice, of model: any ChatModel) async throws -> ChoiceAnswer {
        let (choice, question) = try question(for: planned)
        let messages = [ChatMessage(role: "user", content: question.prompt)]
        let clock = ContinuousClock(), start = clock.now
        func elapsed() -> Double {
            let time = clock.now - start
            return Double(time.components.seconds) * 1000 + Double(time.components.attoseconds) * 1e-15
        }
        do {
            switch planned.method {
            case .exact:
                guard let scorer = model as? any OptionScoringModel else {
                    throw RunError.modelUnavailable(spec: planned.model,
                                                    reason: "it cannot score options exactly (only local: models can)")
                }
                return try await exact(planned, choice: choice, question: question, messages: messages,
                                       scorer: scorer, elapsed: elapsed)
            case .sampled, .logprobs:
                // Letter and yes/no answers are one token: ask for the first token's alternatives too.
                let scored = question.form.answer != .repeat
                let response = try await model.complete(ChatRequest(
                    messages: messages, temperature: configuration.temperature, topP: configuration.topP,
                    maxTokens: configuration.effectiveMaxTokens, seed: planned.seed, stopOnRepetition: true,
                    topLogprobs: scored ? Self.topLogprobs : nil))
                var answer = Self.parse(response.text, planned: planned, choice: choice, question: question,
                                        latency: response.latencyMilliseconds)
                if scored, let top = response.firstTokenLogprobs,
                   let (probabilities, mass) = Self.distribution(top, question: question, actions: choice.actions.count) {
                    answer.status = .answered
                    answer.probabilities = probabilities
                    answer.answerMass = mass
                }
                return answer
            }
        } catch {
            if error is CancellationError || Task.isCancelled { throw error }
            if error is RunError { throw error }
            return ChoiceAnswer(question: planned, status: .error, probabilities: [], error: Runner.oneLine(error),
                                latencyMilliseconds: elapsed())
        }
    }

    private func exact(_ planned: PlannedChoice, choice: ChoiceItem, question: ChoiceQuestion,
                       messages: [ChatMessage], scorer: any OptionScoringModel,
                       elapsed: () -> Double) async throws -> ChoiceAnswer {
        let yesNo = question.form.answer == .yesNo
        // Yes/no answers are scored in both casings and summed; the actions' texts are scored as continuations.
        let labels = yesNo ? question.answers + question.answers.map { $0.lowercased() } : question.answers
        let texts = yesNo ? question.shownActions + question.shownActions : question.shownActions
        let likelihoods = try await scorer.optionLikelihoods(messages: messages, labels: labels, options: texts)
        var answerLog = Array(likelihoods.labelLogProbabilities.prefix(question.answers.count))
        if yesNo {
            answerLog = answerLog.indices.map {
                Self.logAdd(likelihoods.labelLogProbabilities[$0],
                            likelihoods.labelLogProbabilities[$0 + question.answers.count])
            }
        }
        let mass = answerLog.map { Foundation.exp($0) }.reduce(0, +)
        let top = answerLog.max() ?? 0
        let weights = answerLog.map { Foundation.exp($0 - top) }
        let total = weights.reduce(0, +)
        var probabilities = Array(repeating: 0.0, count: choice.actions.count)
        for (index, action) in question.answerActions.enumerated() { probabilities[action] = weights[index] / total }
        guard probabilities.allSatisfy(\.isFinite) else {
            return ChoiceAnswer(question: planned, status: .error, probabilities: [],
                                error: "the model gave no finite probability to any offered answer",
                                latencyMilliseconds: elapsed())
        }
        var raw = Array(repeating: 0.0, count: choice.actions.count)
        var mean = raw
        for (index, action) in question.order.enumerated() {
            raw[action] = likelihoods.continuationLogProbabilities[index]
            mean[action] = likelihoods.continuationMeanLogProbabilities[index]
        }
        return ChoiceAnswer(question: planned, status: .answered, probabilities: probabilities, answerMass: mass,
                            continuationLogProbabilities: raw, continuationMeanLogProbabilities: mean,
                            latencyMilliseconds: elapsed())
    }

    /// How many first-token alternatives a sampled letter or yes/no question asks the server for (OpenAI's most).
    static let topLogprobs = 20

    /// The offered answers' probabilities from a server's first-token alternatives, renormalised and mapped to the
    /// actions, with their mass; nil when none of the answers is among the alternatives. A token counts for an
    /// answer when, without surrounding spaces, it is the answer (letters exactly; yes/no in any case); an answer
    /// missing from the list counts 0.
    static func distribution(_ top: [TokenLogprob], question: ChoiceQuestion, actions: Int)
        -> (probabilities: [Double], mass: Double)?
    {
        let caseless = question.form.answer == .yesNo
        var mass = Array(repeating: 0.0, count: question.answers.count)
        for entry in top {
            let token = entry.token.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let index = question.answers.firstIndex(where: {
                caseless ? $0.lowercased() == token.lowercased() : $0 == token
            }) else { continue }
            mass[index] += Foundation.exp(entry.logprob)
        }
        let total = mass.reduce(0, +)
        guard total > 0, total.isFinite else { return nil }
        var probabilities = Array(repeating: 0.0, count: actions)
        for (index, action) in question.answerActions.enumerated() { probabilities[action] += mass[index] / total }
        return (probabilities, total)
    }

    /// ln(eᵃ + eᵇ), computed stably.
    static func logAdd(_ a: Double, _ b: Double) -> Double {
        let top = max(a, b)
        guard top.isFinite else { return top }
        return top + Foundation.log(Foundation.exp(a - top) + Foundation.exp(b - top))
    }

    /// A sampled answer as stored: the action it picks, a refusal, or invalid.
    public static func parse(_ text: String, planned: PlannedChoice, choice: ChoiceItem, question: ChoiceQuestion,
                             latency: Double) -> ChoiceAnswer {
        if let action = question.action(answering: text) {
            var probabilities = Array(repeating: 0.0, count: choice.actions.count)
            probabilities[action] = 1
            return ChoiceAnswer(question: planned, status: .answered, probabilities: probabilities, text: text,
                                latencyMilliseconds: latency)
        }
        let status: ChoiceAnswer.Status = RefusalDetector.isRefusalBroadly(text) ? .refused : .invalid
        return ChoiceAnswer(question: planned, status: status, probabilities: [], text: text,
                            latencyMilliseconds: latency)
    }
}
