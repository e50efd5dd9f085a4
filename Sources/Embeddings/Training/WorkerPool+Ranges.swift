import Inference

extension WorkerPool {
    /// Splits `0 ..< count` into `threads` contiguous ranges (fewer when `count` is smaller) and runs `body(range,
    /// part)` on each, part 0 on the calling thread and the others on a pool made for the call. The split depends
    /// only on `count` and `threads`, so per-part partial sums combine the same way on every run.
    static func parallelFor(_ count: Int, threads: Int, _ body: (Range<Int>, Int) -> Void) {
        let parts = max(1, min(threads, count))
        if parts == 1 {
            body(0 ..< count, 0)
            return
        }
        WorkerPool(threads: parts).run { t in
            body(count * t / parts ..< count * (t + 1) / parts, t)
        }
    }
}
