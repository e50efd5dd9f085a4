/// How many samples fell into each verdict category.
///
/// Only `recognised` and `missed` enter rates; `unparseable`, `refused` and `error` are reported beside them and
/// never counted as misses, and `pending` counts planned samples without a verdict yet.
public struct CategoryCounts: Codable, Sendable, Equatable {
    /// Planned samples (every category plus pending).
    public var planned: Int = 0
    /// Samples without a verdict (not yet answered or judged).
    public var pending: Int = 0
    public var recognised: Int = 0
    public var missed: Int = 0
    public var unparseable: Int = 0
    public var refused: Int = 0
    public var error: Int = 0

    /// Creates zero counts.
    public init() {}

    /// Creates counts from their parts; `planned` is the sum of the categories and `pending`.
    public init(recognised: Int = 0, missed: Int = 0, unparseable: Int = 0, refused: Int = 0, error: Int = 0, pending: Int = 0) {
        self.recognised = recognised
        self.missed = missed
        self.unparseable = unparseable
        self.refused = refused
        self.error = error
        self.pending = pending
        self.planned = recognised + missed + unparseable + refused + error + pending
    }

    /// Samples with a recognised/missed label.
    public var labelled: Int { recognised + missed }

    /// Counts one sample with verdict category `category` (nil = pending).
    public mutating func add(_ category: VerdictCategory?) {
        planned += 1
        switch category {
        case .recognised?: recognised += 1
        case .missed?: missed += 1
        case .unparseable?: unparseable += 1
        case .refused?: refused += 1
        case .error?: error += 1
        case nil: pending += 1
        }
    }

    /// Adds `other` to these counts.
    public mutating func add(_ other: CategoryCounts) {
        planned += other.planned
        pending += other.pending
        recognised += other.recognised
        missed += other.missed
        unparseable += other.unparseable
        refused += other.refused
        error += other.error
    }

    enum CodingKeys: String, CodingKey {
        case planned, pending, labelled, recognised, missed, unparseable, refused, error
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        planned = try c.decode(Int.self, forKey: .planned)
        pending = try c.decode(Int.self, forKey: .pending)
        recognised = try c.decode(Int.self, forKey: .recognised)
        missed = try c.decode(Int.self, forKey: .missed)
        unparseable = try c.decode(Int.self, forKey: .unparseable)
        refused = try c.decode(Int.self, forKey: .refused)
        error = try c.decode(Int.self, forKey: .error)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(planned, forKey: .planned)
        try c.encode(pending, forKey: .pending)
        try c.encode(labelled, forKey: .labelled)
        try c.encode(recognised, forKey: .recognised)
        try c.encode(missed, forKey: .missed)
        try c.encode(unparseable, forKey: .unparseable)
        try c.encode(refused, forKey: .refused)
        try c.encode(error, forKey: .error)
    }
}
