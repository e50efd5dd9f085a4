import ChatTemplates
import Foundation
import Inference

/// How likely a model is to give each of several answers to a question, computed exactly from the embedded
/// engine's logits rather than estimated by sampling (issue 13's forced-choice measurement).
///
/// The question is rendered with the model's chat template and its generation prompt, evaluated once, and two
/// scorings are made against the same logits:
/// - **labels** (`"A"`, `"B"`, …, as the model would start its answer): the log-probability of each label's tokens
///   at the answer position — for a one-token label, log softmax of the logits there. ``labelProbabilities``
///   renormalises them over the labels; ``labelMass`` is how much of the model's probability they hold together
///   (a low mass means the model would mostly answer something else: read the preferences with care);
/// - **continuations** (each option's full text): the summed log-probability of its tokens
///   (``continuationLogProbabilities``, raw) and the mean per token (``continuationMeanLogProbabilities``,
///   length-normalised), with ``continuationProbabilities`` the softmax of the raw sums over the options.
public struct OptionLikelihoods: Sendable, Codable, Equatable {
    /// The labels, in order.
    public var labels: [String]
    /// Natural-log probability of each label's tokens after the question.
    public var labelLogProbabilities: [Double]
    /// The label probabilities renormalised over the labels (they sum to 1).
    public var labelProbabilities: [Double]
    /// Σ exp(labelLogProbabilities): the model's probability of answering with one of the labels at all.
    public var labelMass: Double
    /// Summed log-probability of each option's full text after the question.
    public var continuationLogProbabilities: [Double]
    /// The same divided by the option's token count.
    public var continuationMeanLogProbabilities: [Double]
    /// Softmax of ``continuationLogProbabilities`` over the options.
    public var continuationProbabilities: [Double]
    /// Tokens of the rendered question.
    public var promptTokens: Int

    /// Probabilities proportional to exp(`logProbabilities`), computed stably.
    static func normalised(_ logProbabilities: [Double]) -> [Double] {
        guard let top = logProbabilities.max(), top.isFinite else { return logProbabilities.map { _ in .nan } }
        let weights = logProbabilities.map { Foundation.exp($0 - top) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }
}

extension EmbeddedChatModel {
    /// The exact likelihood of each option after `messages` (see ``OptionLikelihoods``). `labels[i]` and
    /// `options[i]` belong to the same option; both lists need the same, non-zero length.
    /// - Throws: a one-line error for mismatched or empty lists, or text that encodes to no tokens.
    public func optionLikelihoods(messages: [ChatMessage], labels: [String], options: [String]) async throws
        -> OptionLikelihoods
    {
        guard !labels.isEmpty, labels.count == options.count else {
            throw InferenceError.invalidRequest("option likelihoods need as many labels as options (at least one), got \(labels.count) and \(options.count)")
        }
        let prompt = model.tokenize(prompt: try model.renderChat(messages))
        func tokens(_ text: String, _ what: String) throws -> [Int32] {
            let ids = model.tokenizer.encode(text, parseSpecial: false)
            guard !ids.isEmpty else { throw InferenceError.invalidRequest("\(what) '\(text)' encodes to no tokens") }
            return ids
        }
        let labelTokens = try labels.map { try tokens($0, "label") }
        let optionTokens = try options.map { try tokens($0, "option") }
        let scores = try await engine.score(prompt: prompt, continuations: labelTokens + optionTokens)
        let labelScores = scores.prefix(labels.count).map(\.logProbability)
        let optionScores = Array(scores.suffix(options.count))
        return OptionLikelihoods(
            labels: labels, labelLogProbabilities: Array(labelScores),
            labelProbabilities: OptionLikelihoods.normalised(Array(labelScores)),
            labelMass: labelScores.map { Foundation.exp($0) }.reduce(0, +),
            continuationLogProbabilities: optionScores.map(\.logProbability),
            continuationMeanLogProbabilities: optionScores.map { $0.logProbability / Double($0.tokens.count) },
            continuationProbabilities: OptionLikelihoods.normalised(optionScores.map(\.logProbability)),
            promptTokens: prompt.count)
    }
}
