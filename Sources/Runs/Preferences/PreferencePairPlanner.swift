import Statistics

/// The first round's pairs: a seeded random subset of all pairs in which every outcome takes part and the
/// comparison graph is connected (so that every utility is identified).
///
/// A random spanning tree comes first (outcomes in a seeded random order, each joined to a uniformly chosen earlier
/// one), then uniformly chosen further pairs until there are `count`. Pairs are returned as (a, b) with a < b,
/// sorted; the same seed gives the same pairs.
public enum PreferencePairPlanner {
    /// `count` pairs over `outcomeCount` outcomes (requires outcomeCount − 1 ≤ count ≤ all pairs).
    public static func pairs(outcomeCount n: Int, count: Int, seed: UInt64) -> [(Int, Int)] {
        guard n >= 2 else { return [] }
        let total = n * (n - 1) / 2
        let wanted = min(max(count, n - 1), total)
        var generator = SeededGenerator(seed: seed)
        var order = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, generator.nextInt(below: i + 1)) }
        var chosen: Set<Int> = []
        func key(_ x: Int, _ y: Int) -> Int { min(x, y) * n + max(x, y) }
        for i in 1..<n { chosen.insert(key(order[i], order[generator.nextInt(below: i)])) }
        if wanted > total / 2 {
            // Dense: shuffle the remaining pairs and take a prefix.
            var rest: [Int] = []
            for a in 0..<n { for b in (a + 1)..<n where !chosen.contains(key(a, b)) { rest.append(key(a, b)) } }
            for i in stride(from: rest.count - 1, to: 0, by: -1) { rest.swapAt(i, generator.nextInt(below: i + 1)) }
            chosen.formUnion(rest.prefix(wanted - chosen.count))
        } else {
            while chosen.count < wanted {
                let a = generator.nextInt(below: n), b = generator.nextInt(below: n)
                if a != b { chosen.insert(key(a, b)) }
            }
        }
        return chosen.sorted().map { ($0 / n, $0 % n) }
    }
}
