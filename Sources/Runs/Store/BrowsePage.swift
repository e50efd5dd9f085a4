/// One page of a browsing query: the rows at `offset ..< offset + rows.count` of `total` matching rows.
public struct BrowsePage<Row: Sendable & Codable>: Sendable, Codable {
    /// The rows of this page, in the query's order.
    public var rows: [Row]
    /// How many rows match the query in all.
    public var total: Int
    /// The index of the first row of this page among all matching rows.
    public var offset: Int
    /// The most rows a page holds.
    public var limit: Int

    /// Creates a page.
    public init(rows: [Row], total: Int, offset: Int, limit: Int) {
        self.rows = rows
        self.total = total
        self.offset = offset
        self.limit = limit
    }
}

extension BrowsePage: Equatable where Row: Equatable {}
