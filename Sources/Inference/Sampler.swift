import Foundation
import Statistics

/// Chooses tokens from logits with `SamplingParameters`; owns a seeded random generator, so the same seed and
/// settings give the same tokens.
public struct Sampler: Sendable {
    public let parameters: SamplingParameters
    /// The seed in use (drawn from the system when the parameters have none).
    public let seed: UInt64
    private var rng: SeededGenerator

    public init(_ parameters: SamplingParameters) throws(InferenceError) {
        try parameters.validate()
        self.parameters = parameters
        var system = SystemRandomNumberGenerator()
        seed = parameters.seed ?? system.next()
        rng = SeededGenerator(seed: seed)
    }

    /// A candidate token and its (processed) logit.
    struct Candidate {
        var id: Int32
        var logit: Float
    }

    /// The next token given the raw `logits` and the tokens so far (for penalties).
    public mutating func sample(_ logits: UnsafeBufferPointer<Float>, history: ArraySlice<Int32> = []) -> Int32 {
        let p = parameters
        var penalised: [Int32: Float] = [:]
        if p.repeatPenalty != 1 || p.frequencyPenalty != 0 || p.presencePenalty != 0, p.repeatLastN > 0 {
            var counts: [Int32: Int] = [:]
            for t in history.suffix(p.repeatLastN) where t >= 0 && Int(t) < logits.count { counts[t, default: 0] += 1 }
            for (t, n) in counts {
                var l = logits[Int(t)]
                l = l > 0 ? l / p.repeatPenalty : l * p.repeatPenalty
                l -= Float(n) * p.frequencyPenalty + p.presencePenalty
                penalised[t] = l
            }
        }
        // Without penalties the logits are read directly (no dictionary look-up per token).
        if penalised.isEmpty { return choose(count: logits.count) { logits[$0] } }
        return choose(count: logits.count) { penalised[Int32($0)] ?? logits[$0] }
    }

    /// Top-k → top-p → min-p → temperature → draw over `count` tokens whose processed logits `logit` gives.
    @inline(__always) private mutating func choose(count n: Int, logit: (Int) -> Float) -> Int32 {
        let p = parameters
        if p.temperature <= 0 {
            var best = 0
            var bestLogit = -Float.infinity
            for i in 0 ..< n {
                let l = logit(i)
                if l > bestLogit {
                    best = i
                    bestLogit = l
                }
            }
            return Int32(best)
        }

        // Top-k (all tokens when k is 0 or larger than the vocabulary), sorted by descending logit, ties by id.
        let k = p.topK > 0 ? min(p.topK, n) : n
        var candidates = Self.topCandidates(count: k, of: n, logit: logit)
        // Tokens a grammar masked out (−∞) are never drawn, even by the rounding fallback below.
        if candidates.first.map({ $0.logit > -.infinity }) == true, candidates.last?.logit == -.infinity {
            candidates.removeAll { $0.logit == -.infinity }
        }
        // Top-p over the softmax of the surviving candidates.
        if p.topP < 1 {
            let probs = Self.softmax(candidates.map(\.logit))
            var cumulative: Float = 0
            var keep = candidates.count
            for (i, q) in probs.enumerated() {
                cumulative += q
                if cumulative >= p.topP {
                    keep = i + 1
                    break
                }
            }
            candidates.removeLast(candidates.count - keep)
        }
        // Min-p: p ≥ minP · p_max  ⇔  logit ≥ max + ln(minP).
        if p.minP > 0, let top = candidates.first?.logit {
            let threshold = top + log(p.minP)
            let keep = candidates.firstIndex { $0.logit < threshold } ?? candidates.count
            candidates.removeLast(candidates.count - max(1, keep))
        }
        // Temperature, then a draw from the resulting distribution.
        let probs = Self.softmax(candidates.map { $0.logit / p.temperature })
        let u = Float(rng.nextDouble())
        var cumulative: Float = 0
        for (i, q) in probs.enumerated() {
            cumulative += q
            if u < cumulative { return candidates[i].id }
        }
        return candidates[candidates.count - 1].id
    }

    /// The `count` highest-logit tokens, sorted descending (ties: lower id first).
    @inline(__always) static func topCandidates(count k: Int, of n: Int, logit: (Int) -> Float) -> [Candidate] {
        func better(_ a: Candidate, _ b: Candidate) -> Bool { a.logit > b.logit || (a.logit == b.logit && a.id < b.id) }
        if k >= n / 4 {
            var all = (0 ..< n).map { Candidate(id: Int32($0), logit: logit($0)) }
            all.sort(by: better)
            return Array(all.prefix(k))
        }
        // A min-heap of the best k seen so far.
        var heap: [Candidate] = []
        heap.reserveCapacity(k)
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count, better(heap[m], heap[l]) { m = l }
                if r < heap.count, better(heap[m], heap[r]) { m = r }
                if m == i { return }
                heap.swapAt(i, m)
                i = m
            }
        }
        for i in 0 ..< n {
            let l = logit(i)
            // Ids rise, so a logit not above the heap's worst can never beat it (ties go to the lower id).
            if heap.count == k, l <= heap[0].logit { continue }
            let c = Candidate(id: Int32(i), logit: l)
            if heap.count < k {
                heap.append(c)
                var j = heap.count - 1
                while j > 0, better(heap[(j - 1) / 2], heap[j]) {
                    heap.swapAt(j, (j - 1) / 2)
                    j = (j - 1) / 2
                }
            } else if better(c, heap[0]) {
                heap[0] = c
                siftDown(0)
            }
        }
        return heap.sorted(by: better)
    }

    static func softmax(_ xs: [Float]) -> [Float] {
        guard let m = xs.max() else { return [] }
        var e = xs.map { Foundation.exp($0 - m) }
        let s = e.reduce(0, +)
        for i in e.indices { e[i] /= s }
        return e
    }
}
