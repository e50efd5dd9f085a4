import Hummingbird
import Inference

extension OpenAIEndpoints {
    /// `POST /v1/completions`: raw prompts (a string, a list of strings, token ids or lists of token ids), `n`
    /// sequences per prompt; choice `p·n + i` is sequence `i` of prompt `p`. Prompt text is tokenised as the model's
    /// own (BOS added when the model asks for it, special tokens recognised).
    ///
    /// With `echo` each choice's text starts with its prompt, and with `logprobs` its log-probabilities cover the
    /// prompt tokens (scored by the engine in one pass over the prompt) before the generated ones.
    func completions(_ request: Request, _ f: RequestFields, context: ServerRequestContext,
                     start: ContinuousClock.Instant) async throws -> Response {
        try checkChatModel(f)
        let prompts = try promptTokens(f)
        var bound = try GenerationSettings(f, chat: false)
        try bound.bind(to: model)
        let settings = bound
        for p in prompts { try checkContext(p, param: "prompt") }
        let contextSize = configuration.contextSize
        let requests = prompts.flatMap { p in (0 ..< settings.n).map { settings.request(prompt: p, index: $0, context: contextSize) } }
        let ticket = try admit(requests.count)
        let id = Self.newID("cmpl-"), created = Self.now, modelID = configuration.modelID, fingerprint = fingerprint
        let promptCount = prompts.reduce(0) { $0 + $1.count }
        let fanout = SequenceFanout(service: generation)
        let formatter = logprobs
        let echoTexts = settings.echo ? try promptTexts(f, tokens: prompts) : []

        if settings.stream {
            let connection = context.connection
            return eventStream(request: request, context: context, start: start, ticket: ticket) { writer in
                func chunk(_ choices: [TextCompletion.Choice], usage: Usage? = nil) -> TextCompletion {
                    TextCompletion(id: id, created: created, model: modelID, systemFingerprint: fingerprint,
                                   choices: choices, usage: usage, writesUsage: settings.includeUsage)
                }
                var completion = 0
                var offsets = [Int](repeating: 0, count: requests.count)
                try await fanout.run(requests, connection: connection) { index, event in
                    switch event {
                    case .delta(let text, let tokens):
                        let lp = settings.logprobs ? formatter.legacy(tokens, offset: offsets[index]) : nil
                        offsets[index] += text.count
                        if text.isEmpty, lp?.tokens.isEmpty ?? true { return }
                        try await writer.write(Self.event(chunk([.init(text: text, index: index, logprobs: lp)])))
                    case .finished(let result):
                        completion += result.tokens.count
                        let reason = SequenceOutput.openAIReason(result.finishReason)
                        try await writer.write(Self.event(chunk([.init(text: "", index: index, finishReason: reason)])))
                    }
                }
                let usage = Usage(promptTokens: promptCount, completionTokens: completion)
                if settings.includeUsage { try await writer.write(Self.event(chunk([], usage: usage))) }
                return "prompt=\(usage.promptTokens) completion=\(usage.completionTokens)"
            }
        }

        defer { ticket.release() }
        let promptScores = settings.echo && settings.logprobs
            ? try await scorePrompts(prompts, topLogprobs: settings.topLogprobs) : []
        let outputs = settings.echo && settings.maxTokens == 0
            ? requests.map { _ in SequenceOutput(finishReason: "length") }
            : try await fanout.collect(requests, connection: context.connection)
        let choices = outputs.enumerated().map { i, out in
            let p = i / settings.n
            var lp: LogprobFormatter.LegacyLogprobs?
            if settings.logprobs {
                lp = settings.echo
                    ? formatter.echo(prompt: prompts[p], score: promptScores[p], generated: out.tokens,
                                     completionOffset: echoTexts[p].count)
                    : formatter.legacy(out.tokens)
            }
            return TextCompletion.Choice(text: settings.echo ? echoTexts[p] + out.text : out.text, index: i, logprobs: lp,
                                         finishReason: out.finishReason ?? "stop")
        }
        let usage = Usage(promptTokens: promptCount, completionTokens: outputs.reduce(0) { $0 + $1.completionTokens })
        log.record(client: context.client, method: "POST", path: request.uri.path, status: 200, since: start,
                   detail: "prompt=\(usage.promptTokens) completion=\(usage.completionTokens)")
        return try Self.json(TextCompletion(id: id, created: created, model: modelID, systemFingerprint: fingerprint,
                                            choices: choices, usage: usage))
    }

    /// The text `echo` puts before each prompt's completion: the prompt as sent, or the text of its token ids.
    func promptTexts(_ f: RequestFields, tokens: [[Int32]]) throws(APIError) -> [String] {
        switch f["prompt"] {
        case .string(let s)?: return [s]
        case .array(let items)? where items.allSatisfy({ if case .string = $0 { true } else { false } }):
            return items.compactMap { if case .string(let s) = $0 { s } else { nil } }
        default:
            return tokens.map { String(decoding: $0.flatMap { model.tokenizer.tokenBytes($0) }, as: UTF8.self) }
        }
    }

    /// Each prompt's tokens after the first, scored by the engine with `topLogprobs` alternatives per token: one
    /// evaluation of the prompt each, all prompts at once. Nil for a one-token prompt (nothing to score).
    func scorePrompts(_ prompts: [[Int32]], topLogprobs: Int) async throws -> [ContinuationScore?] {
        let generation = generation
        return try await withThrowingTaskGroup(of: (Int, ContinuationScore?).self) { group in
            for (i, prompt) in prompts.enumerated() {
                group.addTask {
                    guard prompt.count > 1 else { return (i, nil) }
                    let scores = try await generation.score(prompt: [prompt[0]], continuations: [Array(prompt.dropFirst())],
                                                            topLogprobs: topLogprobs)
                    return (i, scores.first)
                }
            }
            var out = [ContinuationScore?](repeating: nil, count: prompts.count)
            for try await (i, score) in group { out[i] = score }
            return out
        }
    }

    /// The prompts of a completions request as token ids.
    func promptTokens(_ f: RequestFields) throws(APIError) -> [[Int32]] {
        guard let value = f["prompt"] else { throw APIError.missing("prompt") }
        let vocabulary = model.config.vocabularySize
        func ids(_ items: [JSONValue], at: String) throws(APIError) -> [Int32] {
            var out: [Int32] = []
            for (i, item) in items.enumerated() {
                guard let id = item.integerValue, id >= 0, id < Int64(vocabulary) else {
                    throw APIError.invalid("prompt", "'\(at)[\(i)]' must be a token id in 0..<\(vocabulary)")
                }
                out.append(Int32(id))
            }
            return out
        }
        switch value {
        case .string(let s):
            return [model.tokenize(prompt: s)]
        case .array(let items) where items.isEmpty:
            throw APIError.invalid("prompt", "'prompt' is empty")
        case .array(let items):
            switch items[0] {
            case .string:
                var out: [[Int32]] = []
                for (i, item) in items.enumerated() {
                    guard case .string(let s) = item else {
                        throw APIError.invalid("prompt", "'prompt[\(i)]' must be a string like the other items")
                    }
                    out.append(model.tokenize(prompt: s))
                }
                return out
            case .integer, .number:
                return [try ids(items, at: "prompt")]
            case .array:
                var out: [[Int32]] = []
                for (i, item) in items.enumerated() {
                    guard case .array(let inner) = item else {
                        throw APIError.invalid("prompt", "'prompt[\(i)]' must be an array of token ids like the other items")
                    }
                    out.append(try ids(inner, at: "prompt[\(i)]"))
                }
                return out
            default:
                throw APIError.invalid("prompt", "'prompt' must be a string, an array of strings, or token ids")
            }
        default:
            throw APIError.invalid("prompt", "'prompt' must be a string, an array of strings, or token ids, got \(value.typeName)")
        }
    }
}
