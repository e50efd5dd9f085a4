import Synchronization

/// Hands out one model's pending samples, in plan order, to its workers.
final class SampleQueue: Sendable {
    private let samples: [PlannedSample]
    private let nextIndex = Mutex(0)

    init(_ samples: [PlannedSample]) {
        self.samples = samples
    }

    /// The next sample, nil when all were handed out.
    func next() -> PlannedSample? {
        nextIndex.withLock { index in
            guard index < samples.count else { return nil }
            defer { index += 1 }
            return samples[index]
        }
    }
}
