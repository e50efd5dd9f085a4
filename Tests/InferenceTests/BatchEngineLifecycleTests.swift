import Foundation
import Testing
@testable import Inference

/// The engine's life cycle on a tiny model: many requests cancelled at random moments leave the others intact
/// and the engine idle; shutting down ends every unfinished request with a cancellation.
@Suite struct BatchEngineLifecycleTests {
    func model() throws -> LanguageModel {
        let (path, _) = try TinyModel(weightType: .q8_0, seed: 31).write()
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try LanguageModel(path: path)
    }

    func request(_ i: Int) -> GenerationRequest {
        GenerationRequest(prompt: (0 ... i % 5 + 1).map { Int32(($0 * 13 + i) % 256) },
                          parameters: SamplingParameters(temperature: 1, topK: 0, topP: 1, minP: 0, seed: UInt64(i)),
                          maxTokens: 40, stop: ["\u{1}"])
    }

    @Test func randomCancellationsLeaveTheOthersIntact() async throws {
        let model = try model()
        let engine = try BatchEngine(model: model, parallelism: 8, threads: 2, contextSize: 64, stepTokens: 16)
        let reference = try BatchEngine(model: model, parallelism: 1, threads: 1, contextSize: 64)
        var tasks: [Task<GenerationResult, any Error>] = []
        for i in 0 ..< 48 {
            let r = request(i)
            tasks.append(Task { try await engine.generate(r) })
        }
        for i in stride(from: 0, to: 48, by: 3) { tasks[i].cancel() }
        for (i, task) in tasks.enumerated() {
            switch await task.result {
            case .success(let result):
                // Finished before its cancellation took effect, or never cancelled: the same as alone.
                let alone = try await reference.generate(request(i))
                #expect(result.tokens == alone.tokens, "request \(i)")
            case .failure(let error):
                #expect(i % 3 == 0 && error is CancellationError, "request \(i): \(error)")
            }
        }
        var idle = false
        for _ in 0 ..< 2000 where !idle {
            idle = engine.load == (0, 0)
            try await Task.sleep(nanoseconds: 1_000_000)
        }
        #expect(idle)
    }

    @Test func shutdownEndsUnfinishedRequests() async throws {
        let engine = try BatchEngine(model: try model(), parallelism: 2, threads: 1, contextSize: 256)
        var long = request(1)
        long.maxTokens = 10_000
        let streams = (0 ..< 4).map { _ in engine.stream(long) }
        while engine.statistics.generatedTokens < 2 { try await Task.sleep(nanoseconds: 1_000_000) }
        engine.shutdown()
        var cancelled = 0
        for stream in streams {
            do {
                for try await _ in stream {}
            } catch is CancellationError {
                cancelled += 1
            }
        }
        // Two were still waiting for a slot (the other two, near the context limit, may just have finished).
        #expect(cancelled >= 2)
        await #expect(throws: CancellationError.self) { _ = try await engine.generate(request(2)) }
    }
}
