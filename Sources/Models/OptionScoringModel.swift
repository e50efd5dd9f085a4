import ChatTemplates

/// A chat model that can say exactly how likely it is to give each of several answers, from its own logits,
/// instead of being sampled: the embedded engine and every `local:` GGUF model (``EmbeddedChatModel``).
/// Forced-choice measurements use it when a model has it and sample otherwise.
public protocol OptionScoringModel: ChatModel {
    /// The likelihood of each option after `messages` (see ``OptionLikelihoods``).
    func optionLikelihoods(messages: [ChatMessage], labels: [String], options: [String]) async throws
        -> OptionLikelihoods
}

extension EmbeddedChatModel: OptionScoringModel {}
