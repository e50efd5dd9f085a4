import Dispatch
import Foundation

/// One nearest neighbour: a word of the space, its row and its cosine similarity to the query.
public struct Neighbor: Sendable, Equatable, Codable {
    public let word: String
    public let row: Int
    public let cosine: Float

    public init(word: String, row: Int, cosine: Float) {
        self.word = word
        self.row = row
        self.cosine = cosine
    }
}

/// Exact top-k cosine neighbours of many queries at once over a whole space.
///
/// Rows and queries are unit-normalised; the queries × vocabulary product is computed in register tiles of
/// 4 rows × 8 queries (SIMD) straight into per-query bounded min-heaps, so the full score matrix is never
/// stored. The vocabulary is split into blocks searched in parallel (Dispatch `concurrentPerform`); block
/// results are merged at the end. Order: cosine descending, ties by row order (lower row first). A query word
/// is excluded from its own neighbours (as gensim's `most_similar` does); other words with an identical vector
/// are not.
public struct NeighborSearch: Sendable {
    public let space: VectorSpace
    /// Worker threads (blocks of the vocabulary searched concurrently).
    public let threads: Int

    public init(space: VectorSpace, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.space = space
        self.threads = max(1, threads)
    }

    /// The `k` nearest neighbours of each word, in query order; throws if a word is not in the space.
    public func nearest(to words: [String], k: Int) throws(EmbeddingError) -> [[Neighbor]] {
        var rows: [Int] = []
        rows.reserveCapacity(words.count)
        for w in words {
            guard let r = space.row(of: w) else { throw .missingWord(w, space: space.name) }
            rows.append(r)
        }
        return try nearest(toRows: rows, k: k)
    }

    /// The `k` nearest neighbours of the given rows, each excluding itself.
    public func nearest(toRows rows: [Int], k: Int) throws(EmbeddingError) -> [[Neighbor]] {
        let d = space.dimension
        let normalized = space.normalizedVectors
        var queries = [Float](repeating: 0, count: rows.count * d)
        for (i, r) in rows.enumerated() {
            guard r >= 0, r < space.count else { throw .invalid("\(space.name): row \(r) outside 0..<\(space.count)") }
            for j in 0 ..< d { queries[i * d + j] = normalized[r * d + j] }
        }
        return try nearest(toVectors: queries, k: k, excluding: rows.map { Optional($0) })
    }

    /// The `k` nearest rows to each query vector (`queries` holds `excluding.count` row-major vectors of the
    /// space's dimension; they need not be normalised). `excluding[i]`, when set, is a row left out of query
    /// `i`'s results.
    public func nearest(toVectors queries: [Float], k: Int, excluding: [Int?]) throws(EmbeddingError) -> [[Neighbor]] {
        let d = space.dimension
        let m = excluding.count
        guard k >= 0 else { throw .invalid("k must be non-negative, got \(k)") }
        guard queries.count == m * d else {
            throw .invalid("\(space.name): \(m) queries of dimension \(d) need \(m * d) values, got \(queries.count)")
        }
        guard space.count < Int(Int32.max) else { throw .invalid("\(space.name): too many rows for the search") }
        if m == 0 { return [] }
        let n = space.count
        let kept = min(k, n)
        if kept == 0 { return Array(repeating: [], count: m) }

        // Queries: normalised, transposed to d × mPad (dimension-major) and zero-padded to whole tiles of 8.
        let mPad = (m + 7) / 8 * 8
        var qt = [Float](repeating: 0, count: d * mPad)
        var query = [Float](repeating: 0, count: d)
        for i in 0 ..< m {
            for j in 0 ..< d { query[j] = queries[i * d + j] }
            query.withUnsafeMutableBufferPointer { UnitNormalizer.normalize($0.baseAddress!, count: d) }
            for j in 0 ..< d { qt[j * mPad + i] = query[j] }
        }
        var excluded = [Int32](repeating: -1, count: mPad)
        for (i, e) in excluding.enumerated() {
            guard let e else { continue }
            guard e >= 0, e < n else { throw .invalid("\(space.name): excluded row \(e) outside 0..<\(n)") }
            excluded[i] = Int32(e)
        }

        let normalized = space.normalizedVectors
        // Each block keeps m·k candidates: fewer blocks when that would take much memory.
        let perBlock = m * kept
        let blocks = max(1, min(threads * 4, n / 256, 64_000_000 / max(1, perBlock)))
        let heapSlots = m * kept
        let scoreStore = UnsafeMutableBufferPointer<Float>.allocate(capacity: blocks * heapSlots)
        let rowStore = UnsafeMutableBufferPointer<Int32>.allocate(capacity: blocks * heapSlots)
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: blocks * m)
        defer { scoreStore.deallocate(); rowStore.deallocate(); counts.deallocate() }
        let shared = SearchBuffers(scores: scoreStore, rows: rowStore, counts: counts)

        normalized.withUnsafeBufferPointer { xBuf in
            qt.withUnsafeBufferPointer { qBuf in
                excluded.withUnsafeBufferPointer { eBuf in
                    let input = SearchInput(x: xBuf, qt: qBuf, excluded: eBuf)
                    let run: @Sendable (Int) -> Void = { b in
                        let r0 = n * b / blocks
                        let r1 = n * (b + 1) / blocks
                        NeighborKernel.search(
                            input: input, rows: r0 ..< r1, dimension: d, queries: m, paddedQueries: mPad, k: kept,
                            scores: shared.scores.baseAddress! + b * heapSlots, heapRows: shared.rows.baseAddress! + b * heapSlots,
                            counts: shared.counts.baseAddress! + b * m)
                    }
                    if blocks == 1 || threads == 1 {
                        for b in 0 ..< blocks { run(b) }
                    } else {
                        DispatchQueue.concurrentPerform(iterations: blocks, execute: run)
                    }
                }
            }
        }

        // Merge the blocks' candidates per query.
        var results: [[Neighbor]] = []
        results.reserveCapacity(m)
        let words = space.words
        for q in 0 ..< m {
            var candidates: [(score: Float, row: Int32)] = []
            candidates.reserveCapacity(blocks * kept)
            for b in 0 ..< blocks {
                let base = b * heapSlots + q * kept
                for s in 0 ..< counts[b * m + q] { candidates.append((scoreStore[base + s], rowStore[base + s])) }
            }
            candidates.sort { $0.score > $1.score || ($0.score == $1.score && $0.row < $1.row) }
            results.append(candidates.prefix(kept).map { Neighbor(word: words[Int($0.row)], row: Int($0.row), cosine: $0.score) })
        }
        return results
    }
}

/// Read-only inputs shared by the search blocks.
private struct SearchInput: @unchecked Sendable {
    let x: UnsafeBufferPointer<Float>
    let qt: UnsafeBufferPointer<Float>
    let excluded: UnsafeBufferPointer<Int32>
}

/// Per-block output storage; each block writes only its own disjoint range.
private struct SearchBuffers: @unchecked Sendable {
    let scores: UnsafeMutableBufferPointer<Float>
    let rows: UnsafeMutableBufferPointer<Int32>
    let counts: UnsafeMutableBufferPointer<Int>
}

/// The blocked product and heap updates for one vocabulary block.
private enum NeighborKernel {
    /// Queries per register tile and per cache block (the block's transposed queries stay in L1).
    static let tile = 8
    static let queryBlock = 128

    static func search(
        input: SearchInput, rows: Range<Int>, dimension d: Int, queries m: Int, paddedQueries mPad: Int, k: Int,
        scores: UnsafeMutablePointer<Float>, heapRows: UnsafeMutablePointer<Int32>, counts: UnsafeMutablePointer<Int>
    ) {
        let x = input.x.baseAddress!
        let qt = input.qt.baseAddress!
        let excluded = input.excluded.baseAddress!
        var heaps: [BoundedMinHeap] = (0 ..< m).map {
            BoundedMinHeap(scores: scores + $0 * k, rows: heapRows + $0 * k, capacity: k)
        }
        // Thresholds per (padded) query; padded lanes never pass.
        var thresholds = [Float](repeating: .infinity, count: mPad)
        for q in 0 ..< m { thresholds[q] = -.infinity }

        thresholds.withUnsafeMutableBufferPointer { thrBuf in
            let thr = thrBuf.baseAddress!
            heaps.withUnsafeMutableBufferPointer { heapBuf in
                let heap = heapBuf.baseAddress!
                @inline(__always)
                func consider(_ acc: SIMD8<Float>, row: Int, tile q0: Int) {
                    let limit = UnsafeRawPointer(thr + q0).loadUnaligned(as: SIMD8<Float>.self)
                    guard any(acc .> limit) else { return }
                    for lane in 0 ..< 8 where acc[lane] > thr[q0 + lane] {
                        let q = q0 + lane
                        guard q < m, excluded[q] != Int32(row) else { continue }
                        heap[q].offer(score: acc[lane], row: Int32(row))
                        thr[q] = heap[q].threshold
                    }
                }
                var qb = 0
                while qb < mPad {
                    let qbEnd = min(mPad, qb + queryBlock)
                    var r = rows.lowerBound
                    while r + 4 <= rows.upperBound {
                        let x0 = x + r * d, x1 = x0 + d, x2 = x1 + d, x3 = x2 + d
                        var q0 = qb
                        while q0 < qbEnd {
                            var a0 = SIMD8<Float>(), a1 = SIMD8<Float>(), a2 = SIMD8<Float>(), a3 = SIMD8<Float>()
                            var qp = qt + q0
                            for j in 0 ..< d {
                                let qv = UnsafeRawPointer(qp).loadUnaligned(as: SIMD8<Float>.self)
                                a0 += SIMD8(repeating: x0[j]) * qv
                                a1 += SIMD8(repeating: x1[j]) * qv
                                a2 += SIMD8(repeating: x2[j]) * qv
                                a3 += SIMD8(repeating: x3[j]) * qv
                                qp += mPad
                            }
                            consider(a0, row: r, tile: q0)
                            consider(a1, row: r + 1, tile: q0)
                            consider(a2, row: r + 2, tile: q0)
                            consider(a3, row: r + 3, tile: q0)
                            q0 += tile
                        }
                        r += 4
                    }
                    while r < rows.upperBound {
                        let x0 = x + r * d
                        var q0 = qb
                        while q0 < qbEnd {
                            var a0 = SIMD8<Float>()
                            var qp = qt + q0
                            for j in 0 ..< d {
                                a0 += SIMD8(repeating: x0[j]) * UnsafeRawPointer(qp).loadUnaligned(as: SIMD8<Float>.self)
                                qp += mPad
                            }
                            consider(a0, row: r, tile: q0)
                            q0 += tile
                        }
                        r += 1
                    }
                    qb = qbEnd
                }
            }
        }
        for q in 0 ..< m { counts[q] = heaps[q].count }
    }
}

extension VectorSpace {
    /// The `k` nearest neighbours of `word` by cosine (excluding the word itself), best first.
    public func nearestNeighbors(of word: String, k: Int = 10) throws(EmbeddingError) -> [Neighbor] {
        try NeighborSearch(space: self).nearest(to: [word], k: k)[0]
    }
}
