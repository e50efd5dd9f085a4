import Foundation

/// Counters of a `BatchEngine` since it started.
public struct BatchStatistics: Sendable, Equatable, Codable {
    /// Forward steps run.
    public var steps = 0
    /// Tokens evaluated (prompt and generated).
    public var evaluatedTokens = 0
    /// Tokens generated.
    public var generatedTokens = 0
    /// Prompt tokens taken from the cache (shared prefixes) instead of being evaluated.
    public var reusedPromptTokens = 0
    /// The most tokens one step held.
    public var largestStep = 0

    public init() {}
}

/// The continuous batch, run by one thread: jobs wait in a queue, take a free cache slot (starting from the
/// longest prefix of their tokens already in some slot, copied over), and every `step()` evaluates one token of
/// each decoding sequence plus chunks of prompts up to the step's token budget, then samples every sequence that
/// got logits. A finished or cancelled job frees its slot at once; the slot keeps its entries as a prefix cache.
///
/// A job whose prompt shares more with a prompt still being evaluated than with anything already cached waits
/// until that prompt is done, then forks from it: a prompt sampled n times at once is evaluated once, and the
/// logits after it are stored with the slot so that the forks evaluate nothing before their first token.
final class BatchScheduler {
    let model: LanguageModel
    let forward: ForwardPass
    let cache: KVCache
    /// The most tokens per step.
    let stepTokens: Int
    /// Positions per slot.
    var capacity: Int { cache.capacity }
    private(set) var slots: [CacheSlot]
    private var waiting: [BatchJob] = []
    /// Active jobs, in admission order.
    private var active: [BatchJob] = []
    private(set) var statistics = BatchStatistics()
    private let logits: UnsafeMutablePointer<Float>
    /// Events and results produced since the last `takeOutbox()`, delivered by the caller once it has published
    /// the statistics they belong to.
    private var outbox: [() -> Void] = []

    init(model: LanguageModel, slots: Int, capacity: Int, stepTokens: Int, threads: Int) {
        self.model = model
        self.stepTokens = stepTokens
        cache = KVCache(config: model.config, capacity: capacity, slots: slots)
        forward = ForwardPass(model: model, maxTokens: stepTokens, capacity: capacity, threads: threads)
        self.slots = Array(repeating: CacheSlot(), count: slots)
        logits = .allocate(capacity: stepTokens * model.config.vocabularySize)
    }

    deinit { logits.deallocate() }

    /// Whether a step would do anything.
    var hasWork: Bool { !active.isEmpty || !waiting.isEmpty }

    /// Jobs waiting for a slot.
    var waitingCount: Int { waiting.count }
    /// Jobs holding a slot.
    var activeCount: Int { active.count }

    func enqueue(_ job: BatchJob) { waiting.append(job) }

    /// The deliveries produced since the last call, in order.
    func takeOutbox() -> [() -> Void] {
        defer { outbox.removeAll(keepingCapacity: true) }
        return outbox
    }

    /// Stops job `id` wherever it is; unknown ids (finished jobs) are ignored.
    func cancel(_ id: Int) {
        if let i = waiting.firstIndex(where: { $0.id == id }) {
            let job = waiting.remove(at: i)
            end(job, error: CancellationError())
        } else if let i = active.firstIndex(where: { $0.id == id }) {
            let job = active.remove(at: i)
            job.decoder?.cancel()
            release(job)
            end(job, error: job.decoder == nil ? CancellationError() : nil)
        }
    }

    /// Ends every job with `error` (shutdown).
    func failAll(_ error: any Error) {
        for job in waiting + active { end(job, error: error) }
        for job in active { release(job) }
        waiting = []
        active = []
    }

    // MARK: - Admission

    private func admit() {
        var i = 0
        while i < waiting.count, slots.contains(where: { $0.owner == nil }) {
            let job = waiting[i]
            var best = 0, source = -1
            for (s, slot) in slots.enumerated() {
                let n = commonPrefixLength(slot.tokens[...], job.tokens[...])
                // Prefer a free slot on ties: it can be taken without a copy.
                if n > best || (n == best && n > 0 && slot.owner == nil && slots[source].owner != nil) {
                    best = n
                    source = s
                }
            }
            let waitsForPrefix = active.contains { other in
                other.isPrefilling && commonPrefixLength(other.tokens[..<other.prefillCount], job.tokens[...]) > best
            }
            if waitsForPrefix {
                i += 1
                continue
            }
            waiting.remove(at: i)
            start(job, source: source, common: best)
        }
    }

    /// Gives `job` a free slot holding the first `common` of its tokens (copied from `source` unless that slot
    /// is free and taken itself) and evaluates what it can without a step (stored logits after its prompt).
    private func start(_ job: BatchJob, source: Int, common: Int) {
        let target: Int
        if source >= 0, slots[source].owner == nil {
            target = source
        } else {
            // The least recently used free slot (never used ones first).
            target = slots.indices.filter { slots[$0].owner == nil }.min { slots[$0].lastUsed < slots[$1].lastUsed }!
        }
        let k = job.logitsFrom + 1
        var stored: [Float]?
        if common >= k, source >= 0 { stored = slots[source].logits(after: job.tokens[..<k]) }
        // At least the last prompt token is evaluated, for its logits, unless they are stored.
        let begin = stored == nil ? min(common, job.logitsFrom) : k
        if target != source {
            if begin > 0 { cache.copy(positions: begin, from: source, to: target) }
            slots[target].tokens = Array(job.tokens[..<begin])
            slots[target].promptTokens = stored == nil ? [] : Array(job.tokens[..<k])
            slots[target].promptLogits = stored ?? []
        }
        slots[target].truncate(to: begin)
        slots[target].owner = job.id
        slots[target].lastUsed = statistics.steps + 1
        job.slot = target
        job.cached = begin
        job.reused = min(begin, job.promptCount)
        statistics.reusedPromptTokens += job.reused
        active.append(job)
        guard let stored else { return }
        let position = job.logitsFrom
        stored.withUnsafeBufferPointer { row in
            if job.decoder != nil {
                job.decoder!.promptEvaluated(reused: job.reused)
                let choice = job.decoder!.choose(row)
                accept(choice, for: job)
            } else {
                score(row, at: position, for: job)
            }
        }
        if job.decoder == nil && job.cached == job.tokens.count { finishScore(job) }
    }

    // MARK: - The step

    /// Admits waiting jobs, evaluates one step and hands out its results.
    func step() {
        admit()
        guard !active.isEmpty else { return }
        var step: [StepToken] = []
        var rows: [Int] = []
        var members: [(job: BatchJob, count: Int)] = []
        var budget = stepTokens
        // Decoding sequences first (one token each), then prompt chunks in admission order.
        let decoding = active.filter { !$0.isPrefilling }, prefilling = active.filter { $0.isPrefilling }
        for job in decoding + prefilling where budget > 0 && job.cached < job.tokens.count {
            let n = min(budget, job.tokens.count - job.cached)
            cache.reserve(slot: job.slot, positions: job.cached + n)
            for p in job.cached ..< job.cached + n {
                if p >= job.logitsFrom { rows.append(step.count) }
                step.append(StepToken(id: job.tokens[p], slot: job.slot, position: p))
            }
            members.append((job, n))
            budget -= n
        }
        guard !step.isEmpty else { return }
        forward.run(step, cache: cache, logitRows: rows, logits: logits)
        statistics.steps += 1
        statistics.evaluatedTokens += step.count
        statistics.largestStep = max(statistics.largestStep, step.count)

        // Which logits row belongs to which job and position.
        let vocab = model.config.vocabularySize
        var rowJobs: [(job: BatchJob, position: Int)] = []
        for (job, n) in members {
            let first = job.cached
            job.cached += n
            slots[job.slot].tokens.append(contentsOf: job.tokens[first ..< first + n])
            for p in first ..< first + n where p >= job.logitsFrom { rowJobs.append((job, p)) }
        }
        // The prompt's last logits are kept with the slot for later forks.
        for (r, (job, position)) in rowJobs.enumerated() where position == job.logitsFrom {
            slots[job.slot].promptTokens = Array(job.tokens[..<job.promptCount])
            slots[job.slot].promptLogits = Array(UnsafeBufferPointer(start: logits + r * vocab, count: vocab))
            job.decoder?.promptEvaluated(reused: job.reused)
        }
        // Sampling and scoring are per sequence: in parallel.
        var choices = [TokenChoice?](repeating: nil, count: rowJobs.count)
        var scored = [RowScore](repeating: RowScore(logProbability: 0, isGreedy: false, top: []), count: rowJobs.count)
        let logits = self.logits
        choices.withUnsafeMutableBufferPointer { choices in
            scored.withUnsafeMutableBufferPointer { scored in
                forward.pool.run(chunks: rowJobs.count) { r, _ in
                    let (job, position) = rowJobs[r]
                    let row = UnsafeBufferPointer(start: logits + r * vocab, count: vocab)
                    if job.decoder != nil {
                        choices[r] = job.decoder!.choose(row)
                    } else {
                        scored[r] = Self.scoreRow(row, target: job.target(after: position), top: job.scoreTopCount)
                    }
                }
            }
        }
        for (r, (job, _)) in rowJobs.enumerated() {
            if let choice = choices[r] {
                accept(choice, for: job)
            } else {
                record(scored[r], for: job)
            }
        }
        for (job, _) in members where job.decoder == nil && job.cached == job.tokens.count { finishScore(job) }
    }

    /// Records a generation's chosen token, hands out its delta, and ends the job when it has finished.
    private func accept(_ choice: TokenChoice, for job: BatchJob) {
        let next = job.decoder!.accept(choice)
        statistics.generatedTokens += 1
        if let next { job.tokens.append(next) }
        if let delta = job.decoder!.takeDelta(), let events = job.events {
            outbox.append { events.yield(.delta(text: delta.text, tokens: delta.tokens)) }
        }
        if next == nil {
            remove(job)
            end(job, error: nil)
        }
    }

    private func score(_ row: UnsafeBufferPointer<Float>, at position: Int, for job: BatchJob) {
        record(Self.scoreRow(row, target: job.target(after: position), top: job.scoreTopCount), for: job)
    }

    private func record(_ score: RowScore, for job: BatchJob) {
        job.scoreLogProbabilities.append(score.logProbability)
        if !score.isGreedy { job.scoreIsGreedy = false }
        if job.scoreTopCount > 0 { job.scoreTop.append(score.top) }
    }

    private func finishScore(_ job: BatchJob) {
        remove(job)
        end(job, error: nil)
    }

    /// One position of a scoring job: the target's log-probability, whether it is the argmax, and the `top` most
    /// likely tokens.
    struct RowScore {
        var logProbability: Double
        var isGreedy: Bool
        var top: [TokenScore]
    }

    /// The log-probability of `target`, whether it is the argmax (ties go to the lowest id), and the `top` most
    /// likely tokens with their log-probabilities.
    static func scoreRow(_ row: UnsafeBufferPointer<Float>, target: Int32, top: Int = 0) -> RowScore {
        var best = 0
        for i in 1 ..< row.count where row[i] > row[best] { best = i }
        let normalizer = LogSoftmax(row)
        let alternatives = top > 0
            ? Sampler.topCandidates(count: top, of: row.count) { row[$0] }.map {
                TokenScore(id: $0.id, value: normalizer.logProbability($0.logit))
            }
            : []
        return RowScore(logProbability: Double(normalizer.logProbability(row[Int(target)])), isGreedy: best == Int(target),
                        top: alternatives)
    }

    private func remove(_ job: BatchJob) {
        if let i = active.firstIndex(where: { $0 === job }) { active.remove(at: i) }
        release(job)
    }

    private func release(_ job: BatchJob) {
        guard job.slot >= 0, slots[job.slot].owner == job.id else { return }
        slots[job.slot].owner = nil
    }

    /// Queues the delivery of a job's end: its result, or `error`.
    private func end(_ job: BatchJob, error: (any Error)?) {
        if let events = job.events {
            if let error {
                outbox.append { events.finish(throwing: error) }
            } else if let decoder = job.decoder {
                let result = decoder.result
                outbox.append {
                    events.yield(.finished(result))
                    events.finish()
                }
            }
        } else if let deliver = job.deliver {
            if let error {
                outbox.append { deliver(.failure(error)) }
            } else {
                let lps = job.scoreLogProbabilities
                let score = ContinuationScore(tokens: job.continuation, logProbability: lps.reduce(0, +),
                                              tokenLogProbabilities: lps, isGreedy: job.scoreIsGreedy,
                                              topLogProbabilities: job.scoreTop)
                outbox.append { deliver(.success(score)) }
            }
        }
    }
}
