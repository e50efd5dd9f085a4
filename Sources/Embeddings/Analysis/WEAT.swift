import Foundation
import Statistics

/// The Word Embedding Association Test (Caliskan, Bryson & Narayanan 2017).
///
/// s(w, A, B) = mean_{a∈A} cos(w, a) − mean_{b∈B} cos(w, b); S(X, Y) = Σ_{x∈X} s(x) − Σ_{y∈Y} s(y);
/// effect size d = (mean_X s − mean_Y s) / std_{w∈X∪Y} s(w), reported with the sample standard deviation
/// (ddof 1, Caliskan et al.'s code; the default `effectSize`) and the population one (ddof 0, as WEFE).
/// One-sided p = Pr[S(X_i, Y_i) > S(X, Y)] (strict) over the equal-size re-partitions (X_i, Y_i) of X ∪ Y:
/// exact over all C(|X|+|Y|, |X|) partitions when there are at most `exactLimit` of them, otherwise estimated
/// from `samples` seeded random partitions (each a uniform random permutation, so words never repeat) as
/// (count + 1)/(samples + 1). Sums compare with a tolerance of 1e-12·Σ|s| so that rounding never counts a
/// partition with the same total as larger. Words missing from the space are dropped and listed.
public enum WEAT {
    /// Target sets X and Y and attribute sets A and B.
    public struct WordSets: Sendable, Codable, Equatable {
        public var name: String?
        public var x: [String]
        public var y: [String]
        public var a: [String]
        public var b: [String]

        public init(name: String? = nil, x: [String], y: [String], a: [String], b: [String]) {
            self.name = name
            self.x = x
            self.y = y
            self.a = a
            self.b = b
        }
    }

    /// How the p-value was computed.
    public enum PValueMethod: String, Sendable, Codable {
        case exact
        case randomPermutations = "random-permutations"
    }

    public struct Result: Sendable, Codable, Equatable {
        public let name: String?
        public let space: String
        /// S(X, Y, A, B).
        public let statistic: Double
        /// Effect size with the sample standard deviation (ddof 1).
        public let effectSize: Double?
        /// Effect size with the population standard deviation (ddof 0, WEFE's choice).
        public let effectSizePopulation: Double?
        /// One-sided p-value, Pr[S_i > S].
        public let pValue: Double
        public let method: PValueMethod
        /// Partitions enumerated (exact) or sampled.
        public let permutations: Int
        public let seed: UInt64?
        /// Words used per set (X, Y, A, B) and words dropped as out of vocabulary.
        public let used: WordSets
        public let missing: [String]
    }

    /// Runs the test on `space`. Each set must keep at least one word (X and Y at least one each).
    public static func test(
        _ sets: WordSets, in space: VectorSpace, exactLimit: Int = 100_000, samples: Int = 100_000, seed: UInt64 = 42
    ) throws(EmbeddingError) -> Result {
        var missing: [String] = []
        func keep(_ words: [String]) -> [String] {
            words.filter { w in
                if space.contains(w) { return true }
                missing.append(w)
                return false
            }
        }
        let used = WordSets(name: sets.name, x: keep(sets.x), y: keep(sets.y), a: keep(sets.a), b: keep(sets.b))
        for (label, set) in [("X", used.x), ("Y", used.y), ("A", used.a), ("B", used.b)] where set.isEmpty {
            throw .invalid("WEAT\(sets.name.map { " '\($0)'" } ?? ""): set \(label) has no word in \(space.name)")
        }
        guard samples >= 1 else { throw .invalid("WEAT: samples must be positive, got \(samples)") }

        func association(_ w: String) throws(EmbeddingError) -> Double {
            var sa = 0.0, sb = 0.0
            for a in used.a { sa += Double(try space.similarity(w, a)) }
            for b in used.b { sb += Double(try space.similarity(w, b)) }
            return sa / Double(used.a.count) - sb / Double(used.b.count)
        }
        var s: [Double] = []
        for w in used.x + used.y { s.append(try association(w)) }
        let nx = used.x.count
        let sx = s[..<nx], sy = s[nx...]
        let statistic = sx.reduce(0, +) - sy.reduce(0, +)
        let difference = sx.reduce(0, +) / Double(sx.count) - sy.reduce(0, +) / Double(sy.count)
        let mean = s.reduce(0, +) / Double(s.count)
        let squares = s.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let sd1 = s.count > 1 ? (squares / Double(s.count - 1)).squareRoot() : 0
        let sd0 = (squares / Double(s.count)).squareRoot()

        // S_i > S  ⇔  Σ_{X_i} s > Σ_X s (the total over X ∪ Y is fixed).
        let observed = sx.reduce(0, +)
        let tolerance = 1e-12 * s.reduce(0) { $0 + abs($1) }
        let n = s.count
        let partitions = binomial(n, nx, cap: exactLimit)
        var count = 0
        let p: Double
        let method: PValueMethod
        let runs: Int
        if let partitions {
            method = .exact
            runs = partitions
            var index = Array(0 ..< nx)
            while true {
                var total = 0.0
                for i in index { total += s[i] }
                if total > observed + tolerance { count += 1 }
                // Next k-combination in lexicographic order.
                var i = nx - 1
                while i >= 0, index[i] == n - nx + i { i -= 1 }
                if i < 0 { break }
                index[i] += 1
                for j in i + 1 ..< nx { index[j] = index[j - 1] + 1 }
            }
            p = Double(count) / Double(partitions)
        } else {
            method = .randomPermutations
            runs = samples
            var generator = SeededGenerator(seed: seed)
            var order = Array(0 ..< n)
            for _ in 0 ..< samples {
                // Partial Fisher–Yates: the first nx positions are a uniform random subset.
                for i in 0 ..< nx {
                    let j = i + generator.nextInt(below: n - i)
                    order.swapAt(i, j)
                }
                var total = 0.0
                for i in 0 ..< nx { total += s[order[i]] }
                if total > observed + tolerance { count += 1 }
            }
            p = Double(count + 1) / Double(samples + 1)
        }
        return Result(
            name: sets.name, space: space.name, statistic: statistic,
            effectSize: sd1 > 0 ? difference / sd1 : nil, effectSizePopulation: sd0 > 0 ? difference / sd0 : nil,
            pValue: p, method: method, permutations: runs, seed: method == .exact ? nil : seed, used: used, missing: missing)
    }

    /// C(n, k), or nil when it exceeds `cap`.
    static func binomial(_ n: Int, _ k: Int, cap: Int) -> Int? {
        let k = min(k, n - k)
        if k < 0 { return 0 }
        var c = 1
        for i in 0 ..< k {
            // c·(n − i)/(i + 1) stays an integer at every step.
            let (m, o) = c.multipliedReportingOverflow(by: n - i)
            if o { return nil }
            c = m / (i + 1)
            if c > cap { return nil }
        }
        return c
    }
}
