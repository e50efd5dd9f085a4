/// Taxonomy depths and the path and Wu–Palmer similarities, as NLTK 3.x (`nltk.corpus.reader.wordnet.Synset`)
/// defines them.
///
/// **Roots.** WordNet 3.0 nouns have one root, `entity.n.01`, so noun–noun measures use the real taxonomy. Verbs
/// have hundreds of separate hierarchies and adjectives and adverbs none, so when either synset is not a noun and
/// `simulateRoot` is true (NLTK's default) a fake root is placed one step above the farthest ancestor of each
/// synset, joining every hierarchy: two verbs in different trees then get a path through it, and a pair with no
/// real common ancestor gets the fake root (depth 1) as subsumer. With `simulateRoot` false such pairs have no
/// similarity (nil). Noun–noun pairs never use the fake root.
///
/// Hypernym steps follow both `@` (hypernym) and `@i` (instance hypernym) pointers, as in NLTK.
extension WordNet {
    /// The simulated root's stand-in id inside the algorithms below.
    private static let simulatedRoot: Int32 = -1

    /// NLTK's `_needs_root`: every part of speech but nouns.
    private func needsRoot(_ s: Int32) -> Bool { storage.synsetPOS[Int(s)] != UInt8(ascii: "n") }

    /// The length of the longest hypernym path from the synset up to a root (0 for a root).
    public func maxDepth(_ id: SynsetID) -> Int {
        var memo: [Int32: Int] = [:]
        return depth(id.rawValue, longest: true, memo: &memo, visiting: [])
    }

    /// The length of the shortest hypernym path from the synset up to a root (0 for a root).
    public func minDepth(_ id: SynsetID) -> Int {
        var memo: [Int32: Int] = [:]
        return depth(id.rawValue, longest: false, memo: &memo, visiting: [])
    }

    private func depth(_ s: Int32, longest: Bool, memo: inout [Int32: Int], visiting: Set<Int32>) -> Int {
        if s == WordNet.simulatedRoot { return 0 }
        if let d = memo[s] { return d }
        var visiting = visiting
        visiting.insert(s)
        // A cycle (absent from WordNet 3.0, possible in an edited file) is cut where it closes.
        let up = parents(s).filter { !visiting.contains($0) }
        var result = 0
        if !up.isEmpty {
            var best = longest ? Int.min : Int.max
            for h in up {
                let d = depth(h, longest: longest, memo: &memo, visiting: visiting)
                best = longest ? max(best, d) : min(best, d)
            }
            result = best + 1
        }
        memo[s] = result
        return result
    }

    /// NLTK's `_shortest_hypernym_paths`: breadth-first distances from the synset (0) to each ancestor, plus the
    /// simulated root one step beyond the farthest when `simulateRoot`.
    private func hypernymDistances(_ s: Int32, simulateRoot: Bool) -> [Int32: Int] {
        if s == WordNet.simulatedRoot { return [s: 0] }
        var distances: [Int32: Int] = [s: 0]
        var frontier: [Int32] = [s]
        var depth = 0
        while !frontier.isEmpty {
            depth += 1
            var next: [Int32] = []
            for f in frontier {
                for h in parents(f) where distances[h] == nil {
                    distances[h] = depth
                    next.append(h)
                }
            }
            frontier = next
        }
        if simulateRoot { distances[WordNet.simulatedRoot] = (distances.values.max() ?? 0) + 1 }
        return distances
    }

    private func shortestPathDistance(_ a: Int32, _ b: Int32, simulateRoot: Bool) -> Int? {
        if a == b { return 0 }
        let da = hypernymDistances(a, simulateRoot: simulateRoot)
        let db = hypernymDistances(b, simulateRoot: simulateRoot)
        var best: Int?
        for (s, d1) in da {
            if let d2 = db[s] { best = min(best ?? Int.max, d1 + d2) }
        }
        return best
    }

    /// The number of edges on the shortest path between two synsets through a common ancestor (hypernyms and
    /// instance hypernyms), 0 for the same synset, nil when they share none. With `simulateRoot`, the fake root
    /// joins all hierarchies (see the discussion above) — unlike the similarity measures, this low-level query
    /// applies it to nouns too when asked.
    public func shortestPathDistance(_ a: SynsetID, _ b: SynsetID, simulateRoot: Bool = false) -> Int? {
        shortestPathDistance(a.rawValue, b.rawValue, simulateRoot: simulateRoot)
    }

    /// The synset itself and all its ancestors.
    private func selfAndAncestors(_ s: Int32) -> Set<Int32> {
        var seen: Set<Int32> = [s]
        var todo = [s]
        while let x = todo.popLast() {
            for h in parents(x) where seen.insert(h).inserted { todo.append(h) }
        }
        return seen
    }

    /// NLTK's `lowest_common_hypernyms`, candidates in NLTK's name order.
    private func lowestCommon(_ a: Int32, _ b: Int32, simulateRoot: Bool, useMinDepth: Bool) -> [Int32] {
        var common = Array(selfAndAncestors(a).intersection(selfAndAncestors(b)))
        if simulateRoot { common.append(WordNet.simulatedRoot) }
        guard !common.isEmpty else { return [] }
        var memo: [Int32: Int] = [:]
        let depths = common.map { depth($0, longest: !useMinDepth, memo: &memo, visiting: []) }
        let deepest = depths.max()!
        let lowest = zip(common, depths).filter { $0.1 == deepest }.map(\.0)
        // NLTK sorts synsets by name; the fake root is called "*ROOT*".
        let names = lowest.map { $0 == WordNet.simulatedRoot ? "*ROOT*" : name(of: SynsetID(rawValue: $0)) }
        return zip(lowest, names).sorted { Array($0.1.utf8).lexicographicallyPrecedes(Array($1.1.utf8)) }.map(\.0)
    }

    /// The deepest synsets that are ancestors of (or equal to) both: by longest path to the root, or by shortest
    /// with `useMinDepth` (NLTK's `lowest_common_hypernyms`, sorted by name; `dog.n.01` and `cat.n.01` give
    /// `carnivore.n.01`).
    public func lowestCommonHypernyms(_ a: SynsetID, _ b: SynsetID, useMinDepth: Bool = false) -> [SynsetID] {
        lowestCommon(a.rawValue, b.rawValue, simulateRoot: false, useMinDepth: useMinDepth).map { SynsetID(rawValue: $0) }
    }

    /// Path similarity, `1 / (d + 1)` for the shortest hypernym-path distance `d` (1 for the same synset); nil
    /// when no path exists. The root is simulated as NLTK does when either synset is not a noun and
    /// `simulateRoot` is true.
    public func pathSimilarity(_ a: SynsetID, _ b: SynsetID, simulateRoot: Bool = true) -> Double? {
        let useRoot = simulateRoot && (needsRoot(a.rawValue) || needsRoot(b.rawValue))
        guard let d = shortestPathDistance(a.rawValue, b.rawValue, simulateRoot: useRoot) else { return nil }
        return 1 / Double(d + 1)
    }

    /// Wu–Palmer similarity as NLTK computes it: the subsumer is the lowest common hypernym by *minimum* depth
    /// (NLTK's `use_min_depth=True`, kept for NLTK 2 compatibility; the first by name among ties, or `a` itself
    /// when it is one), `depth = maxDepth(subsumer) + 1`, and the result is
    /// `2·depth / ((dist(a, subsumer) + depth) + (dist(b, subsumer) + depth))`. Nil when the synsets share no
    /// ancestor (only possible for non-nouns with `simulateRoot` false).
    public func wuPalmerSimilarity(_ a: SynsetID, _ b: SynsetID, simulateRoot: Bool = true) -> Double? {
        let useRoot = simulateRoot && (needsRoot(a.rawValue) || needsRoot(b.rawValue))
        let subsumers = lowestCommon(a.rawValue, b.rawValue, simulateRoot: useRoot, useMinDepth: true)
        guard let firstSubsumer = subsumers.first else { return nil }
        let subsumer = subsumers.contains(a.rawValue) ? a.rawValue : firstSubsumer
        var memo: [Int32: Int] = [:]
        let depth = self.depth(subsumer, longest: true, memo: &memo, visiting: []) + 1
        guard let l1 = shortestPathDistance(a.rawValue, subsumer, simulateRoot: useRoot),
            let l2 = shortestPathDistance(b.rawValue, subsumer, simulateRoot: useRoot)
        else { return nil }
        return 2 * Double(depth) / Double(l1 + depth + l2 + depth)
    }
}
