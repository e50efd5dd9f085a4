extension VectorSpace {
    /// A space holding the rows of `words` that this space contains, in the order given (absent words and
    /// repeats are skipped). Searching it restricts neighbours to those words.
    public func restricted(to words: [String], name: String? = nil) throws(EmbeddingError) -> VectorSpace {
        var kept: [String] = []
        var seen = Set<String>()
        var values: [Float] = []
        kept.reserveCapacity(words.count)
        values.reserveCapacity(words.count * dimension)
        vectors.withUnsafeBufferPointer { v in
            for w in words {
                guard let r = row(of: w), seen.insert(w).inserted else { continue }
                kept.append(w)
                values.append(contentsOf: v[r * dimension ..< (r + 1) * dimension])
            }
        }
        return try VectorSpace(name: name ?? self.name, words: kept, vectors: values, dimension: dimension)
    }

    /// Words present in both spaces, in this space's row order.
    public func sharedVocabulary(with other: VectorSpace) -> [String] {
        var seen = Set<String>()
        return words.filter { other.contains($0) && seen.insert($0).inserted }
    }
}
