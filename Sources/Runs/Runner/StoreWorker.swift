import Dispatch

/// Performs store calls on a dedicated serial queue, so that commits (each one a disk sync) never block the
/// threads that run models and judges.
final class StoreWorker: Sendable {
    let store: RunStore
    private let queue = DispatchQueue(label: "valueprobe.run-store", qos: .utility)

    init(store: RunStore) {
        self.store = store
    }

    /// Runs `body` on the store's queue and returns its result.
    func perform<T: Sendable>(_ body: @escaping @Sendable (RunStore) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { [store] in
                continuation.resume(with: Result { try body(store) })
            }
        }
    }
}
