/// A page of an API listing: 1-based `page`, `limit` rows a page, `total` matching rows in `pages` pages.
public struct ListPage<Row: Sendable & Encodable>: Sendable, Encodable {
    public var page: Int
    public var limit: Int
    public var total: Int
    public var pages: Int
    public var rows: [Row]

    init(page: Int, limit: Int, total: Int, rows: [Row]) {
        self.page = page
        self.limit = limit
        self.total = total
        self.pages = max(1, (total + limit - 1) / limit)
        self.rows = rows
    }
}
