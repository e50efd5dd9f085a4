import Foundation
import Runs

/// A run as listed by `GET /api/runs`: what it is, how far it got and its headline numbers.
public struct RunListEntry: Sendable, Encodable {
    /// The run id.
    public var id: String
    /// When it was created (ISO 8601).
    public var created: String
    /// The directory holding its store.
    public var directory: String
    /// The suite's id, title, version and hash.
    public var suite: SuiteIdentity
    /// Model specs, in run order.
    public var models: [String]
    /// The judge spec.
    public var judge: String
    /// Samples per prompt variant.
    public var samplesPerPrompt: Int?
    /// Sampling temperature.
    public var temperature: Double?
    /// The run seed, as text (JSON numbers lose precision beyond 2⁵³).
    public var seed: String
    /// The tool version that created it.
    public var toolVersion: String
    /// Progress counts.
    public var counts: RunCounts
    /// One headline per model.
    public var headline: [ModelHeadline]
    /// Report files found next to the store (`summary.json`, `report.html`, …), by name.
    public var reportFiles: [String]
}
