import Foundation
import Testing

@testable import Embeddings

@Suite("WEAT")
struct WEATTests {
    /// The golden toy example of embeddings.md §5.
    static func toySpace() throws -> VectorSpace {
        let vectors: [(String, [Float])] = [
            ("x1", [1.0, 0.1]), ("x2", [0.9, 0.3]), ("x3", [0.8, 0.2]),
            ("y1", [0.1, 1.0]), ("y2", [0.2, 0.9]), ("y3", [0.3, 0.7]),
            ("a1", [1.0, 0.0]), ("a2", [0.95, 0.05]), ("b1", [0.0, 1.0]), ("b2", [0.05, 0.95]),
        ]
        return try VectorSpace(name: "toy", words: vectors.map(\.0), vectors: vectors.flatMap(\.1), dimension: 2)
    }

    static let toySets = WEAT.WordSets(name: "toy", x: ["x1", "x2", "x3"], y: ["y1", "y2", "y3"], a: ["a1", "a2"], b: ["b1", "b2"])

    @Test func goldenToyExample() throws {
        let r = try WEAT.test(Self.toySets, in: Self.toySpace())
        #expect(abs(r.statistic - 4.315981) < 1e-5)
        #expect(abs(r.effectSizePopulation! - 1.968541) < 1e-5)
        #expect(abs(r.effectSize! - 1.797024) < 1e-5)
        #expect(r.method == .exact && r.permutations == 20 && r.pValue == 0)
        // Forced Monte Carlo: no partition beats the observed one, so p = 1/(samples + 1).
        let mc = try WEAT.test(Self.toySets, in: Self.toySpace(), exactLimit: 10, samples: 999, seed: 7)
        #expect(mc.method == .randomPermutations && mc.seed == 7)
        #expect(mc.pValue == 1.0 / 1000)
    }

    /// Unit vectors with s(w) = w₁ − w₂ for A = {(1,0)}, B = {(0,1)}: s(x) = 1, −0.2; s(y) = −1, 0.2.
    /// By hand: S = 0.8 − (−0.8) = 1.6; mean difference 0.8; Σ(s − 0)² = 2.08, so d = 0.8/√(2.08/3) = 0.960769
    /// (ddof 1) and 0.8/√(2.08/4) = 1.109400 (ddof 0); of the 6 partitions only {1, 0.2} sums above 0.8: p = 1/6.
    @Test func handComputedExample() throws {
        let space = try VectorSpace(name: "hand", words: ["x1", "x2", "y1", "y2", "a", "b"],
                                    vectors: [1, 0, 0.6, 0.8, 0, 1, 0.8, 0.6, 1, 0, 0, 1], dimension: 2)
        let r = try WEAT.test(WEAT.WordSets(x: ["x1", "x2"], y: ["y1", "y2"], a: ["a"], b: ["b"]), in: space)
        #expect(abs(r.statistic - 1.6) < 1e-6)
        #expect(abs(r.effectSize! - 0.960769) < 1e-5)
        #expect(abs(r.effectSizePopulation! - 1.109400) < 1e-5)
        #expect(abs(r.pValue - 1.0 / 6.0) < 1e-12 && r.permutations == 6)
    }

    @Test func randomPermutationsApproachTheExactValue() throws {
        let space = try randomSpace(words: 24, dimension: 5, seed: 17)
        let w = space.words
        let sets = WEAT.WordSets(x: Array(w[0 ..< 8]), y: Array(w[8 ..< 16]), a: Array(w[16 ..< 20]), b: Array(w[20 ..< 24]))
        let exact = try WEAT.test(sets, in: space)
        #expect(exact.method == .exact && exact.permutations == 12_870)
        let sampled = try WEAT.test(sets, in: space, exactLimit: 1000, samples: 20_000, seed: 3)
        #expect(sampled.method == .randomPermutations)
        // 5 standard errors of a proportion estimated from 20,000 draws.
        let se = (exact.pValue * (1 - exact.pValue) / 20_000).squareRoot()
        #expect(abs(sampled.pValue - exact.pValue) < 5 * se + 1e-4)
        #expect(try WEAT.test(sets, in: space, exactLimit: 1000, samples: 20_000, seed: 3) == sampled)
    }

    @Test func missingWordsAndEmptySets() throws {
        var sets = Self.toySets
        sets.x.append("unknown")
        let r = try WEAT.test(sets, in: Self.toySpace())
        #expect(r.missing == ["unknown"] && r.used.x.count == 3)
        sets.a = ["nope"]
        #expect(throws: EmbeddingError.self) { try WEAT.test(sets, in: Self.toySpace()) }
        #expect(WEAT.binomial(16, 8, cap: 100_000) == 12_870)
        #expect(WEAT.binomial(50, 25, cap: 100_000) == nil)
    }

    @Test func wordSetFiles() throws {
        let json = #"[{"name": "t1", "X": ["a"], "Y": ["b"], "A": ["c", "d"], "B": ["e"]}, {"x": ["f"], "y": ["g"], "a": ["h"], "b": ["i"]}]"#
        let tests = try WEATWordSetsReader.parse(Array(json.utf8), source: "s.json")
        #expect(tests.count == 2 && tests[0].name == "t1" && tests[0].a == ["c", "d"] && tests[1].b == ["i"])
        let text = "# flowers vs insects\nname: demo\nX:\nrose\ntulip\nY: ant, bee\nA:\nlove\nB:\nhate\n"
        let t = try WEATWordSetsReader.parse(Array(text.utf8), source: "s.txt")
        #expect(t == [WEAT.WordSets(name: "demo", x: ["rose", "tulip"], y: ["ant", "bee"], a: ["love"], b: ["hate"])])
        for bad in ["{\"X\": [\"a\"]}", "rose\nX:\nb\n", "{not json", "X: a\nY: b\nA: c\n"] {
            #expect(throws: EmbeddingError.self) { try WEATWordSetsReader.parse(Array(bad.utf8), source: "bad") }
        }
    }
}
