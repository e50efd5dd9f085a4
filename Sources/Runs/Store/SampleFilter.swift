import Probes

/// Which samples of a run a browsing query looks at. Every field left nil matches everything; fields combine
/// with AND.
public struct SampleFilter: Sendable, Equatable, Hashable, Codable {
    /// What a sample's verdict must be.
    public enum VerdictState: Sendable, Equatable, Hashable, Codable {
        /// The run's judge gave this category.
        case category(VerdictCategory)
        /// The sample has a response but no verdict of the run's judge yet.
        case unjudged
        /// The sample has no response yet.
        case pending

        /// Reads `recognised`, `missed`, `unparseable`, `refused`, `error`, `unjudged` or `pending`.
        public init?(name: String) {
            switch name {
            case "unjudged": self = .unjudged
            case "pending": self = .pending
            default:
                guard let category = VerdictCategory(rawValue: name) else { return nil }
                self = .category(category)
            }
        }

        /// The name ``init(name:)`` reads.
        public var name: String {
            switch self {
            case .category(let category): category.rawValue
            case .unjudged: "unjudged"
            case .pending: "pending"
            }
        }

        /// Every name ``init(name:)`` accepts.
        public static let names = VerdictCategory.allCases.map(\.rawValue) + ["unjudged", "pending"]
    }

    /// The family's value (exact).
    public var value: String?
    /// The item's mode.
    public var mode: ProbeMode?
    /// The model spec (exact).
    public var model: String?
    /// The item id (exact).
    public var itemID: String?
    /// Text the item id contains (case-sensitive).
    public var itemContains: String?
    /// The verdict state. Sample queries keep samples in this state; item queries keep items with at least one
    /// sample in it (and still count all their samples).
    public var verdict: VerdictState?

    /// Creates a filter.
    public init(value: String? = nil, mode: ProbeMode? = nil, model: String? = nil, itemID: String? = nil,
                itemContains: String? = nil, verdict: VerdictState? = nil) {
        self.value = value
        self.mode = mode
        self.model = model
        self.itemID = itemID
        self.itemContains = itemContains
        self.verdict = verdict
    }
}
