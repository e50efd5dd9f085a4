/// A raw pointer handed to worker threads that write disjoint parts of one buffer (or, in word2vec, race on
/// purpose). The caller guarantees the memory outlives the threads.
struct SharedPointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}

extension ThreadRunner {
    /// Splits `0 ..< count` into `threads` contiguous ranges and runs `body` on each in its own thread.
    static func parallelFor(_ count: Int, threads: Int, _ body: @escaping @Sendable (Range<Int>, Int) -> Void) {
        let parts = max(1, min(threads, count))
        if parts == 1 {
            body(0 ..< count, 0)
            return
        }
        run(parts) { t in
            body(count * t / parts ..< count * (t + 1) / parts, t)
        }
    }
}
