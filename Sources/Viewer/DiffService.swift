import Foundation
import Reports
import Runs
import Synchronization

/// `GET /api/diff`: the paired comparison of two runs (``RunComparison``), computed once per pair of runs, models
/// and progress, then served from memory.
final class DiffService: Sendable {
    /// What `/api/diff` answers: the comparison, and the models each run has (to choose others).
    struct Reply: Encodable {
        var comparison: RunComparison
        var modelsA: [String]
        var modelsB: [String]
        /// Human-readable names of the measures, by their raw value.
        var measures: [String: String]
    }

    private struct Key: Hashable {
        var a: String, b: String, modelA: String?, modelB: String?
    }

    private let cache = Mutex<[Key: (counts: [RunCounts], reply: Reply)]>([:])

    /// The comparison of `b` with `a` (Δ = A − B), with the models named or matched by ``RunComparison``'s rules.
    /// - Throws: ``APIError`` 400 when the models cannot be matched.
    func reply(a: CatalogedRun, b: CatalogedRun, modelA: String?, modelB: String?) throws -> Reply {
        let key = Key(a: a.id, b: b.id, modelA: modelA, modelB: modelB)
        let counts = [try a.store.counts(run: a.id), try b.store.counts(run: b.id)]
        if let cached = cache.withLock({ $0[key] }), cached.counts == counts { return cached.reply }
        let comparison: RunComparison
        do {
            comparison = try RunComparison.load(
                a: try RunStoreDataSource(directory: a.directory, runID: a.id),
                b: try RunStoreDataSource(directory: b.directory, runID: b.id),
                modelA: modelA, modelB: modelB)
        } catch let error as MetricsError {
            throw APIError.badRequest(error.message)
        }
        let reply = Reply(comparison: comparison, modelsA: a.manifest.configuration.models,
                          modelsB: b.manifest.configuration.models,
                          measures: Dictionary(uniqueKeysWithValues: ComparisonMeasure.allCases.map { ($0.rawValue, $0.label) }))
        cache.withLock { $0[key] = (counts, reply) }
        return reply
    }
}
