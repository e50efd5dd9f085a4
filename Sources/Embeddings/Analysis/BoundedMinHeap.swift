/// The best `k` (score, row) candidates seen so far, kept in a min-heap whose root is the worst kept candidate.
///
/// Order: a higher score is better; among equal scores the lower row is better (ties resolve by row order).
/// Storage is caller-provided (`k` slots each), so many heaps can share one allocation in hot loops.
struct BoundedMinHeap {
    let scores: UnsafeMutablePointer<Float>
    let rows: UnsafeMutablePointer<Int32>
    let capacity: Int
    private(set) var count = 0

    init(scores: UnsafeMutablePointer<Float>, rows: UnsafeMutablePointer<Int32>, capacity: Int) {
        self.scores = scores
        self.rows = rows
        self.capacity = capacity
    }

    /// Candidates scoring at or below this cannot enter (−∞ until the heap is full).
    var threshold: Float { count < capacity ? -.infinity : scores[0] }

    @inline(__always)
    private func worse(_ i: Int, _ j: Int) -> Bool {
        scores[i] < scores[j] || (scores[i] == scores[j] && rows[i] > rows[j])
    }

    private func swapAt(_ i: Int, _ j: Int) {
        let s = scores[i]; scores[i] = scores[j]; scores[j] = s
        let r = rows[i]; rows[i] = rows[j]; rows[j] = r
    }

    /// Offers a candidate; keeps it if the heap has room or it beats the worst kept one.
    @inline(__always)
    mutating func offer(score: Float, row: Int32) {
        guard capacity > 0 else { return }
        if count < capacity {
            scores[count] = score
            rows[count] = row
            var i = count
            count += 1
            while i > 0 {
                let parent = (i - 1) / 2
                guard worse(i, parent) else { break }
                swapAt(i, parent)
                i = parent
            }
            return
        }
        guard score > scores[0] || (score == scores[0] && row < rows[0]) else { return }
        scores[0] = score
        rows[0] = row
        var i = 0
        while true {
            let l = 2 * i + 1
            guard l < count else { break }
            var m = l
            if l + 1 < count, worse(l + 1, l) { m = l + 1 }
            guard worse(m, i) else { break }
            swapAt(i, m)
            i = m
        }
    }

    /// The kept candidates, best first.
    func sorted() -> [(score: Float, row: Int32)] {
        (0 ..< count).map { (scores[$0], rows[$0]) }.sorted { $0.score > $1.score || ($0.score == $1.score && $0.row < $1.row) }
    }
}
