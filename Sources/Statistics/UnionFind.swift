/// Disjoint sets over `0 ..< count` (union by size, path halving), for connectivity of comparison graphs.
struct UnionFind {
    private var parent: [Int]
    private var size: [Int]

    /// `count` singleton sets.
    init(count: Int) {
        parent = Array(0..<count)
        size = [Int](repeating: 1, count: count)
    }

    /// The representative of `x`'s set.
    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    /// Merges the sets of `x` and `y`; returns `false` when they were already one set.
    @discardableResult
    mutating func union(_ x: Int, _ y: Int) -> Bool {
        var rootX = find(x)
        var rootY = find(y)
        guard rootX != rootY else { return false }
        if size[rootX] < size[rootY] { swap(&rootX, &rootY) }
        parent[rootY] = rootX
        size[rootX] += size[rootY]
        return true
    }
}
