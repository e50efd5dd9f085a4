import Inference

/// Runs several sequences on a `GenerationService` at once and hands their events to one consumer in arrival
/// order, tagged with each sequence's index. When the consumer throws, its task is cancelled, or the client's
/// connection closes, every sequence's stream is dropped, which cancels it in the engine and frees its slot.
struct SequenceFanout: Sendable {
    let service: any GenerationService

    /// Calls `body` for each event until every sequence has finished; errors from the engine are rethrown.
    func run(_ requests: [GenerationRequest], connection: ConnectionState?,
             _ body: (Int, GenerationEvent) async throws -> Void) async throws {
        guard !requests.isEmpty else { return }
        let (merged, continuation) = AsyncThrowingStream<(Int, GenerationEvent), any Error>.makeStream()
        let token = connection?.onClose { continuation.finish(throwing: CancellationError()) }
        defer { if let token { connection?.remove(token) } }
        if connection != nil, token == nil { throw CancellationError() }
        let service = service
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, request) in requests.enumerated() {
                group.addTask {
                    do {
                        var finished = false
                        for try await event in service.stream(request) {
                            if case .finished = event { finished = true }
                            continuation.yield((index, event))
                        }
                        if !finished { continuation.finish(throwing: CancellationError()) }
                    } catch {
                        continuation.finish(throwing: error)
                    }
                }
            }
            var remaining = requests.count
            for try await (index, event) in merged {
                try await body(index, event)
                if case .finished = event {
                    remaining -= 1
                    if remaining == 0 { break }
                }
            }
            continuation.finish()
            if remaining > 0 { throw CancellationError() }
            group.cancelAll()
        }
    }

    /// Generates every sequence to the end and returns their outputs in order.
    func collect(_ requests: [GenerationRequest], connection: ConnectionState?) async throws -> [SequenceOutput] {
        var outputs = [SequenceOutput](repeating: SequenceOutput(), count: requests.count)
        try await run(requests, connection: connection) { index, event in outputs[index].add(event) }
        return outputs
    }
}
