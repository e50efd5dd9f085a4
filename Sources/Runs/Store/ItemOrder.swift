/// How ``RunStore/items(run:judge:filter:order:offset:limit:)`` sorts items.
public enum ItemOrder: String, Sendable, Codable, CaseIterable {
    /// By model, then item id.
    case item
    /// Lowest recognition rate first (items without a label last), then model and item id.
    case rateAscending = "rate"
    /// Highest recognition rate first (items without a label last), then model and item id.
    case rateDescending = "-rate"
}
