import Synchronization

/// What each model's backend has reported about itself during a run — model names and `system_fingerprint`s —
/// so that each new one is written to the manifest once (``RunStore/recordReported(run:model:reportedModel:systemFingerprint:)``).
final class ReportedIdentities: Sendable {
    private let seen: Mutex<[String: Set<String>]>

    /// Starts from what the manifest already records.
    init(manifest: RunManifest?) {
        var seen: [String: Set<String>] = [:]
        for identity in manifest?.models ?? [] {
            seen[identity.spec] = Set((identity.reportedModels ?? []).map { "m:" + $0 }
                + (identity.systemFingerprints ?? []).map { "f:" + $0 })
        }
        self.seen = Mutex(seen)
    }

    /// Whether `name` or `fingerprint` is new for `model` (and remembers both).
    func isNew(model: String, name: String?, fingerprint: String?) -> Bool {
        seen.withLock { seen in
            let keys = [name.map { "m:" + $0 }, fingerprint.map { "f:" + $0 }].compactMap { $0 }
            let fresh = keys.filter { !(seen[model]?.contains($0) ?? false) }
            seen[model, default: []].formUnion(fresh)
            return !fresh.isEmpty
        }
    }
}
