import Embeddings
import Foundation
import Testing

@Suite struct MoralDirectionTests {
    /// Synthetic data with a known dominant direction: the fitted axis must be it (up to sign, which must follow
    /// the polarities), and the explained variance must equal the variance computed by hand.
    @Test func recoversAKnownAxis() throws {
        var rng = MoralTestRandom(seed: 7)
        let d = 6
        var axis = [Double](repeating: 0, count: d)
        axis[2] = 0.6
        axis[4] = -0.8
        var embeddings: [[Double]] = []
        var polarities: [Bool] = []
        for k in 0 ..< 30 {
            let positive = k % 2 == 0
            let t = (positive ? 1.0 : -1.0) * (2 + rng.unit())
            var e = axis.map { $0 * t }
            for j in 0 ..< d { e[j] += 0.05 * (rng.unit() - 0.5) + 3 }   // small noise, constant offset
            embeddings.append(e)
            polarities.append(positive)
        }
        let direction = try MoralDirection.fit(embeddings: embeddings, polarities: polarities)
        let cos = zip(direction.axis, axis).reduce(0) { $0 + Double($1.0) * $1.1 }
        #expect(cos > 0.999, "oriented axis · true axis = \(cos)")
        // Variance on the axis against the total, computed directly.
        let mean = (0 ..< d).map { j in embeddings.reduce(0) { $0 + $1[j] } / Double(embeddings.count) }
        let centred = embeddings.map { e in (0 ..< d).map { e[$0] - mean[$0] } }
        let onAxis = centred.reduce(0) { s, e in
            let p = zip(e, direction.axis).reduce(0) { $0 + $1.0 * Double($1.1) }
            return s + p * p
        }
        let total = centred.reduce(0) { $0 + $1.reduce(0) { $0 + $1 * $1 } }
        #expect(abs(direction.explainedVarianceRatio - onAxis / total) < 1e-6)
        let scores = embeddings.map(direction.score(embedding:))
        #expect(scores.allSatisfy { abs($0) <= 1 })
        #expect(abs((scores.map { abs($0) }.max() ?? 0) - 1) < 1e-6)
        #expect(zip(scores, polarities).allSatisfy { ($0 > 0) == $1 })
        #expect(try MoralDirection.leaveOneOutAccuracy(embeddings: embeddings, polarities: polarities) == 1)
    }

    @Test func rejectsOneSidedFittingSets() {
        #expect(throws: EmbeddingError.self) {
            try MoralDirection.fit(embeddings: [[1, 0], [0, 1], [1, 1]], polarities: [true, true, true])
        }
        #expect(throws: EmbeddingError.self) { try MoralDirection.fit(embeddings: [[1, 0]], polarities: [true]) }
    }

    @Test func parsesActionLists() throws {
        let list = try MoralAction.parseList("# comment\n+ help a friend\n\n-  steal a car \n", source: "a.txt")
        #expect(list == [MoralAction("help a friend", isPositive: true), MoralAction("steal a car", isPositive: false)])
        let error = try #require(throws: EmbeddingError.self) { try MoralAction.parseList("+ ok\nmaybe lie\n", source: "a.txt") }
        #expect(error.description.hasPrefix("a.txt:2:"))
        #expect(MoralAction.builtIn.filter(\.isPositive).count == 20)
        #expect(MoralAction.builtIn.filter { !$0.isPositive }.count == 20)
    }

    /// The built-in direction on all-MiniLM-L6-v2 against scripts/dev/moral_direction_reference.py (NumPy SVD
    /// on sentence-transformers embeddings): explained variance 0.128380, leave-one-out sign accuracy 0.95, and
    /// the scores of a few unseen actions.
    @Test func miniLMDirectionMatchesNumPy() throws {
        let encoder = try #require(MiniLMFixture.encoder)
        let embed: ([String]) throws -> [[Float]] = { try encoder.encode($0) }
        let actions = MoralAction.builtIn
        let embeddings = try MoralDirection.actionEmbeddings(actions.map(\.text), embed: embed)
        let direction = try MoralDirection.fit(embeddings: embeddings, polarities: actions.map(\.isPositive))
        #expect(abs(direction.explainedVarianceRatio - 0.128380) < 1e-3)
        let accuracy = try MoralDirection.leaveOneOutAccuracy(embeddings: embeddings, polarities: actions.map(\.isPositive))
        #expect(accuracy >= 0.8, "leave-one-out sign accuracy \(accuracy)")
        let reference: [(String, Double)] = [
            ("help a stranger", 0.0608), ("murder my neighbour", -0.9010), ("eat bread", -0.1925),
            ("lie to my boss", -0.3251), ("smile", 0.7428), ("drink water", -0.0107), ("torture prisoners", -0.7318),
        ]
        let scores = try direction.scores(of: reference.map(\.0), embed: embed)
        for (s, r) in zip(scores, reference) {
            #expect(abs(s - r.1) < 0.005, "\(r.0): \(s) vs NumPy \(r.1)")
        }
    }
}

/// SplitMix64 for reproducible synthetic data.
struct MoralTestRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
