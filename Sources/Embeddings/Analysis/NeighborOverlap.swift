/// Set overlap of two neighbour lists.
public enum NeighborOverlap {
    /// Jaccard index |S ∩ T| / |S ∪ T| of the two lists as sets (1 when both are empty).
    public static func jaccard<T: Hashable>(_ s: [T], _ t: [T]) -> Double {
        let a = Set(s), b = Set(t)
        let union = a.union(b).count
        return union == 0 ? 1 : Double(a.intersection(b).count) / Double(union)
    }

    /// |S ∩ T| / k, the overlap@k of Hamilton et al. (2016), with k the longer list's length (1 when both are empty).
    public static func overlap<T: Hashable>(_ s: [T], _ t: [T]) -> Double {
        let k = max(s.count, t.count)
        return k == 0 ? 1 : Double(Set(s).intersection(Set(t)).count) / Double(k)
    }
}
