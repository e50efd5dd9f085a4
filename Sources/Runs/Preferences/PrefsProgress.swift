/// Where a preference run stands, for a progress display.
public struct PrefsProgress: Sendable, Equatable {
    /// The round being asked (0 = first round).
    public var round: Int
    /// Questions answered in this round's batch so far.
    public var done: Int
    /// Questions to ask in this batch.
    public var total: Int
}
