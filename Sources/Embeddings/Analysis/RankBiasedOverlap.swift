/// Rank-biased overlap of two ranked lists (Webber, Moffat & Zobel 2010).
public enum RankBiasedOverlap {
    /// Extrapolated RBO of two lists truncated at depth k:
    /// `RBO_ext = A_k·p^k + ((1 − p)/p)·Σ_{d=1…k} A_d·p^d`, with agreement `A_d = |S_{:d} ∩ T_{:d}| / d`.
    ///
    /// Lists of different lengths are compared to the depth of the shorter one. Two empty lists give 1, one
    /// empty list 0. `p` must lie in (0, 1).
    public static func extrapolated<T: Hashable>(_ s: [T], _ t: [T], p: Double = 0.9) throws(EmbeddingError) -> Double {
        guard p > 0, p < 1 else { throw .invalid("RBO persistence p must lie in (0, 1), got \(p)") }
        let k = min(s.count, t.count)
        if k == 0 { return s.isEmpty && t.isEmpty ? 1 : 0 }
        var seenS = Set<T>()
        var seenT = Set<T>()
        var overlap = 0
        var sum = 0.0
        var weight = 1.0
        var agreement = 0.0
        for d in 1 ... k {
            let a = s[d - 1], b = t[d - 1]
            if a == b {
                overlap += 1
            } else {
                if seenT.contains(a) { overlap += 1 }
                if seenS.contains(b) { overlap += 1 }
            }
            seenS.insert(a)
            seenT.insert(b)
            weight *= p
            agreement = Double(overlap) / Double(d)
            sum += agreement * weight
        }
        return agreement * weight + (1 - p) / p * sum
    }
}
