/// A binary min-heap of packed `UInt64` keys (priority in the high bits, position in the low bits),
/// reused across merges to avoid allocations.
struct PackedMinHeap {
    private(set) var storage: [UInt64] = []

    var isEmpty: Bool { storage.isEmpty }

    mutating func removeAll() { storage.removeAll(keepingCapacity: true) }

    mutating func push(_ key: UInt64) {
        storage.append(key)
        storage.withUnsafeMutableBufferPointer { heap in
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) >> 1
                if heap[parent] <= key { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = key
        }
    }

    /// Removes and returns the smallest key. The heap must not be empty.
    mutating func pop() -> UInt64 {
        let top = storage[0]
        let last = storage.removeLast()
        if storage.isEmpty { return top }
        storage.withUnsafeMutableBufferPointer { heap in
            let n = heap.count
            var index = 0
            while true {
                var child = 2 * index + 1
                if child >= n { break }
                if child + 1 < n && heap[child + 1] < heap[child] { child += 1 }
                if last <= heap[child] { break }
                heap[index] = heap[child]
                index = child
            }
            heap[index] = last
        }
        return top
    }
}
