import Synchronization

/// Hands out one model's pending work (planned samples, forced-choice questions), in plan order, to its workers.
final class SampleQueue<Element: Sendable>: Sendable {
    private let elements: [Element]
    private let nextIndex = Mutex(0)

    init(_ elements: [Element]) {
        self.elements = elements
    }

    /// The next element, nil when all were handed out.
    func next() -> Element? {
        nextIndex.withLock { index in
            guard index < elements.count else { return nil }
            defer { index += 1 }
            return elements[index]
        }
    }
}
