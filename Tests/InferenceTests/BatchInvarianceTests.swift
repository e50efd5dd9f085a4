import Assets
import Inference
import Testing

/// Reproducibility across batching: the real SmolLM2 gives bit-identical logits for a prompt evaluated in one call,
/// token by token, or in chunks of 3, with 1 or 2 threads.
@Suite(.serialized) struct BatchInvarianceTests {
    static let model: Result<LanguageModel, any Error> = Result {
        try LanguageModel(path: try AssetStore().primaryFile("smollm2").path)
    }

    /// A 20-token prompt (the first 20 tokens of a longer sentence).
    func prompt(_ model: LanguageModel) throws -> [Int32] {
        let text = "Honesty and kindness are values that many people share, although they sometimes pull in different directions when the truth hurts."
        let ids = model.tokenize(prompt: text, parseSpecial: false)
        try #require(ids.count >= 20)
        return Array(ids.prefix(20))
    }

    /// Evaluates `ids` in consecutive pieces of `piece` tokens in a fresh context; returns the logits after every
    /// token (20 × vocabulary), gathered from the pieces' all-position logits.
    func logits(_ model: LanguageModel, _ ids: [Int32], piece: Int, threads: Int) throws -> [Float] {
        let context = try InferenceContext(model: model, contextSize: 64, threads: threads)
        var all: [Float] = []
        var start = 0
        while start < ids.count {
            let end = min(ids.count, start + piece)
            all += try context.evaluate(Array(ids[start ..< end]), allLogits: true)
            start = end
        }
        return all
    }

    /// Positions (0-based) whose logits differ in any bit between `a` and `b`.
    func differingPositions(_ a: [Float], _ b: [Float], vocabulary: Int) -> [Int] {
        (0 ..< a.count / vocabulary).filter { p in
            (p * vocabulary ..< (p + 1) * vocabulary).contains { a[$0].bitPattern != b[$0].bitPattern }
        }
    }

    @Test func promptLogitsAreIdenticalHoweverTheBatchIsCut() throws {
        let model = try Self.model.get()
        let ids = try prompt(model)
        let vocabulary = model.config.vocabularySize
        let whole = try logits(model, ids, piece: ids.count, threads: 2)
        #expect(whole.count == ids.count * vocabulary)
        let variants: [(String, [Float])] = [
            ("one token at a time, 1 thread", try logits(model, ids, piece: 1, threads: 1)),
            ("chunks of 3, 2 threads", try logits(model, ids, piece: 3, threads: 2)),
            ("one call, 1 thread", try logits(model, ids, piece: ids.count, threads: 1)),
        ]
        for (name, other) in variants {
            #expect(other.count == whole.count)
            let differing = differingPositions(whole, other, vocabulary: vocabulary)
            #expect(differing.isEmpty, "\(name): logits differ from the one-call evaluation at positions \(differing)")
        }
        // The last position through the plain API (last logits only) too.
        let context = try InferenceContext(model: model, contextSize: 64, threads: 2)
        let last = try context.evaluate(ids)
        let expected = Array(whole[(ids.count - 1) * vocabulary ..< ids.count * vocabulary])
        #expect(last.count == vocabulary)
        let lastDiffers = zip(last, expected).filter { $0.bitPattern != $1.bitPattern }.count
        #expect(lastDiffers == 0, "\(lastDiffers) last-position logits differ when only the last row is computed")
    }
}
