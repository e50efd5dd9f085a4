import Foundation
import GGUF
import Synchronization
import Testing
@testable import Inference

/// Multi-sequence steps on tiny models written by the tests: interleaved sequences match the plain reference and
/// the single-sequence context bit for bit, and the engine's seeded samples are the same with 1, 2 or 32 slots.
@Suite struct BatchContextTests {
    func load(_ tiny: TinyModel) throws -> (LanguageModel, TinyModel.Weights) {
        let (path, ref) = try tiny.write()
        defer { try? FileManager.default.removeItem(atPath: path) }
        return (try LanguageModel(path: path), ref)
    }

    /// Three sequences of different lengths, fed in interleaved steps of mixed prompt chunks and single tokens.
    @Test func interleavedSequencesMatchTheReferenceAndTheSingleContext() throws {
        let tiny = TinyModel(weightType: .q8_0, seed: 11)
        let (model, ref) = try load(tiny)
        let sequences: [[Int32]] = [
            (0 ..< 23).map { Int32(($0 * 31 + 5) % 256) },
            (0 ..< 9).map { Int32(($0 * 17 + 2) % 256) },
            (0 ..< 15).map { Int32(($0 * 7 + 99) % 256) },
        ]
        let context = try BatchContext(model: model, slots: 3, capacity: 32, threads: 2, maxStepTokens: 16)
        var logits = sequences.map { [[Float]](repeating: [], count: $0.count) }
        var done = [0, 0, 0]
        var round = 0
        while done != sequences.map(\.count) {
            // Sequence s contributes a chunk of (round + s) % 4 + 1 tokens to this step.
            var step: [BatchToken] = []
            for s in 0 ..< 3 {
                let n = min((round + s) % 4 + 1, sequences[s].count - done[s])
                for i in 0 ..< n { step.append(BatchToken(slot: s, token: sequences[s][done[s] + i])) }
            }
            let out = try context.step(step)
            var row = 0
            for token in step {
                logits[token.slot][done[token.slot]] = Array(out[row * tiny.vocab ..< (row + 1) * tiny.vocab])
                done[token.slot] += 1
                row += 1
            }
            round += 1
        }
        #expect(context.lengths == sequences.map(\.count))
        for (s, ids) in sequences.enumerated() {
            let expected = tiny.referenceLogits(ids, ref)
            let single = try InferenceContext(model: model, contextSize: 32, threads: 1)
            let alone = try single.evaluate(ids, allLogits: true)
            for p in ids.indices {
                let err = zip(logits[s][p], expected[p]).map { abs(Double($0) - $1) }.max() ?? .infinity
                #expect(err < 0.02, "sequence \(s), position \(p): error \(err)")
                let own = Array(alone[p * tiny.vocab ..< (p + 1) * tiny.vocab])
                #expect(own.map(\.bitPattern) == logits[s][p].map(\.bitPattern), "sequence \(s), position \(p)")
            }
        }
        // A copied prefix continues exactly like the original.
        try context.copy(prefix: 5, from: 0, to: 1)
        let forked = try context.step([BatchToken(slot: 1, token: sequences[0][5])])
        #expect(forked.map(\.bitPattern) == logits[0][5].map(\.bitPattern))
        #expect(throws: InferenceError.self) { try context.step([BatchToken(slot: 3, token: 1)]) }
        #expect(throws: InferenceError.self) { try context.step([BatchToken(slot: 0, token: 9999)]) }
    }

    @Test func seededSamplesAreTheSameInBatchesOfOneTwoAndThirtyTwo() async throws {
        let (model, _) = try load(TinyModel(weightType: .q4_1, seed: 21))
        let requests = (0 ..< 32).map { i in
            GenerationRequest(prompt: (0 ... i % 7 + 2).map { Int32(($0 * 29 + i * 11) % 256) },
                              parameters: SamplingParameters(temperature: 1.2, topK: 0, topP: 1, minP: 0, seed: UInt64(i)),
                              maxTokens: 12 + i % 9, topLogprobs: 2)
        }
        var outcomes: [[GenerationResult]] = []
        for parallelism in [1, 2, 32] {
            let engine = try BatchEngine(model: model, parallelism: parallelism, threads: 2, contextSize: 64, stepTokens: 8)
            let results = try await withThrowingTaskGroup(of: (Int, GenerationResult).self) { group in
                for (i, r) in requests.enumerated() { group.addTask { (i, try await engine.generate(r)) } }
                var out = [GenerationResult?](repeating: nil, count: requests.count)
                for try await (i, r) in group { out[i] = r }
                return out.compactMap { $0 }
            }
            #expect(results.count == requests.count)
            if parallelism == 32 { #expect(engine.statistics.largestStep > 2) }
            outcomes.append(results)
        }
        for i in requests.indices {
            let one = outcomes[0][i]
            for other in outcomes.dropFirst() {
                #expect(other[i].tokens == one.tokens && other[i].text == one.text, "request \(i)")
                #expect(other[i].tokenLogProbabilities.map(\.bitPattern) == one.tokenLogProbabilities.map(\.bitPattern))
            }
        }
        #expect(Set(outcomes[0].map(\.tokens)).count > 16)  // the samples do differ from each other
    }

    @Test func workerPoolRunsEveryChunkOnceOnOneWorkerAtATime() {
        for threads in [1, 2, 3] {
            let pool = WorkerPool(threads: threads)
            let counts = (0 ..< 500).map { _ in Counter() }
            let busy = (0 ..< threads).map { _ in Counter() }
            let overlaps = Counter()
            for _ in 0 ..< 20 {
                pool.run(chunks: 500) { chunk, worker in
                    if busy[worker].value.add(1, ordering: .acquiringAndReleasing).newValue != 1 {
                        overlaps.value.add(1, ordering: .relaxed)
                    }
                    counts[chunk].value.add(1, ordering: .relaxed)
                    busy[worker].value.subtract(1, ordering: .acquiringAndReleasing)
                }
            }
            #expect(counts.allSatisfy { $0.value.load(ordering: .relaxed) == 20 }, "threads \(threads)")
            #expect(overlaps.value.load(ordering: .relaxed) == 0)
            let shares = (0 ..< threads).map { _ in Counter() }
            pool.run { w in shares[w].value.add(1, ordering: .relaxed) }
            #expect(shares.allSatisfy { $0.value.load(ordering: .relaxed) == 1 })
        }
    }
}

private final class Counter: Sendable {
    let value = Atomic<Int>(0)
}
