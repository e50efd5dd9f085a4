import Runs

/// `GET /api/runs/{id}`: the run's entry, full manifest, filter choices and tallies per model × mode × value.
public struct RunDetail: Sendable, Encodable {
    /// The list entry (counts, headline).
    public var run: RunListEntry
    /// The stored manifest.
    public var manifest: RunManifest
    /// What the samples can be filtered by.
    public var facets: RunFacets
    /// Tallies per model, mode and value, each with its pooled recognition rate.
    public var cells: [CellRow]
    /// The accepted values of the `verdict` filter.
    public var verdictStates: [String]

    /// One model × mode × value cell.
    public struct CellRow: Sendable, Encodable {
        public var model: String
        public var mode: String
        public var value: String
        public var tally: VerdictTally
        /// Pooled recognition with a Wilson interval, nil without labels.
        public var rate: IntervalEstimate?
    }
}
