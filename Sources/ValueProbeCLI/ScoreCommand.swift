import ArgumentParser
import Inference

/// `valueprobe score`: the log-likelihood of continuations after a context, from the engine's own logits (the
/// numbers a log-likelihood benchmark needs, and what `serve`'s `echo` log-probabilities are checked against).
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Print the log-probability of each continuation after a context.",
        discussion: """
        The context is evaluated once; each continuation's tokens are scored against the model's logits at their \
        positions (natural log). Text is tokenised as `serve` does (context: BOS when the model asks for it, \
        special-token text recognised; continuations: no BOS). With --ids, CONTEXT and each CONTINUATION are \
        space-separated token ids instead.
        """)

    @OptionGroup var engine: EngineOptions
    @Flag(help: "CONTEXT and CONTINUATION are space-separated token ids, not text.") var ids = false
    @Flag(help: "Print one JSON object (context_tokens, continuations: [{tokens, logprob, token_logprobs, is_greedy}]).")
    var json = false
    @Argument(help: "The context.") var context: String
    @Argument(help: "One or more continuations.") var continuations: [String]

    func validate() throws {
        guard !continuations.isEmpty else { throw ValidationError("give at least one CONTINUATION") }
    }

    func run() throws {
        let model = try engine.load()
        let vocabulary = model.config.vocabularySize
        func parse(_ text: String, what: String) throws -> [Int32] {
            try text.split(whereSeparator: \.isWhitespace).map { word in
                guard let id = Int32(word), id >= 0, Int(id) < vocabulary else {
                    throw ValidationError("\(what): '\(word)' is not a token id in 0..<\(vocabulary)")
                }
                return id
            }
        }
        let prompt = ids ? try parse(context, what: "CONTEXT") : model.tokenize(prompt: context)
        var conts: [[Int32]] = []
        for (i, c) in continuations.enumerated() {
            let tokens = ids ? try parse(c, what: "CONTINUATION \(i + 1)") : model.tokenizer.encode(c, parseSpecial: true)
            guard !tokens.isEmpty else { throw ValidationError("CONTINUATION \(i + 1) has no tokens") }
            conts.append(tokens)
        }
        guard !prompt.isEmpty else { throw ValidationError("CONTEXT has no tokens") }
        let scores = try engine.generator(model).score(prompt: prompt, continuations: conts)
        if json {
            struct Entry: Encodable {
                var tokens: [Int32]
                var logprob: Double
                var token_logprobs: [Double]
                var is_greedy: Bool
            }
            struct Output: Encodable {
                var context_tokens: [Int32]
                var continuations: [Entry]
            }
            try Terminal.printJSON(Output(context_tokens: prompt, continuations: scores.map {
                Entry(tokens: $0.tokens, logprob: $0.logProbability, token_logprobs: $0.tokenLogProbabilities, is_greedy: $0.isGreedy)
            }))
        } else {
            for (text, score) in zip(continuations, scores) {
                print("\(score.logProbability)\t\(score.isGreedy ? "greedy" : "-")\t\(text)")
            }
        }
    }
}
