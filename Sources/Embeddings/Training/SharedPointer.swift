/// A raw pointer handed to worker threads that write disjoint parts of one buffer (or, in word2vec, race on
/// purpose). The caller guarantees the memory outlives the threads.
struct SharedPointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}
