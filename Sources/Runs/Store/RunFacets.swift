/// What a run's samples can be filtered by, with how many samples each choice holds.
public struct RunFacets: Sendable, Equatable, Codable {
    /// A choice and its number of samples.
    public struct Choice: Sendable, Equatable, Codable {
        /// The value, mode or model.
        public var name: String
        /// Planned samples with it.
        public var samples: Int

        /// Creates a choice.
        public init(name: String, samples: Int) {
            self.name = name
            self.samples = samples
        }
    }

    /// Values, sorted by name.
    public var values: [Choice]
    /// Modes, sorted by name.
    public var modes: [Choice]
    /// Models, sorted by name.
    public var models: [Choice]
    /// Distinct (model, item) pairs.
    public var items: Int

    /// Creates facets.
    public init(values: [Choice], modes: [Choice], models: [Choice], items: Int) {
        self.values = values
        self.modes = modes
        self.models = models
        self.items = items
    }
}
