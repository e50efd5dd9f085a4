/// The SQL of the browsing queries: only the filters that are set become conditions, so that each combination is
/// its own (cached) statement that SQLite can answer from the browsing indexes.
struct BrowseQuery {
    /// The judge whose verdicts are joined, then the run id, then the filter values, in placeholder order.
    private(set) var parameters: [SQLiteValue]
    /// `s.run_id = ? AND …` over the samples table `s`.
    private(set) var conditions: String
    /// A condition on one sample's verdict state (`r` responses, `v` verdicts), nil without a verdict filter.
    private(set) var verdictCondition: String?

    /// The verdict state's parameter (a category), when it has one.
    private(set) var verdictParameter: SQLiteValue?

    init(run: String, filter: SampleFilter) {
        var parts = ["s.run_id = ?"]
        var values: [SQLiteValue] = [.text(run)]
        if let value = filter.value {
            parts.append("s.value = ?")
            values.append(.text(value))
        }
        if let mode = filter.mode {
            parts.append("s.mode = ?")
            values.append(.text(mode.rawValue))
        }
        if let model = filter.model {
            parts.append("s.model = ?")
            values.append(.text(model))
        }
        if let item = filter.itemID {
            parts.append("s.item_id = ?")
            values.append(.text(item))
        }
        if let text = filter.itemContains, !text.isEmpty {
            parts.append("instr(s.item_id, ?) > 0")
            values.append(.text(text))
        }
        parameters = values
        conditions = parts.joined(separator: " AND ")
        switch filter.verdict {
        case .category(let category)?:
            verdictCondition = "v.category = ?"
            verdictParameter = .text(category.rawValue)
        case .unjudged?:
            verdictCondition = "(r.key IS NOT NULL AND v.key IS NULL)"
        case .pending?:
            verdictCondition = "r.key IS NULL"
        case nil:
            verdictCondition = nil
        }
    }

    /// The joins of responses `r` and the judge's verdicts `v` (one placeholder: the judge).
    static let joins = "LEFT JOIN responses r ON r.key = s.key LEFT JOIN verdicts v ON v.key = s.key AND v.judge = ?"

    /// Tally columns: planned, answered, failed, then one count per verdict category in `allCases` order.
    static let tallyColumns: String = {
        let categories = VerdictCategory.allCases.map { "SUM(v.category = '\($0.rawValue)')" }
        return (["COUNT(*)", "COUNT(r.key)", "COUNT(r.error)"] + categories).joined(separator: ", ")
    }()

    /// The number of tally columns.
    static let tallyColumnCount = 3 + VerdictCategory.allCases.count

    /// Reads the tally columns starting at `first`.
    static func readTally(_ row: SQLiteStatement, from first: Int32) -> VerdictTally {
        var byCategory: [String: Int] = [:]
        for (offset, category) in VerdictCategory.allCases.enumerated() {
            let count = row.int(first + 3 + Int32(offset))
            if count > 0 { byCategory[category.rawValue] = count }
        }
        return VerdictTally(planned: row.int(first), answered: row.int(first + 1), failed: row.int(first + 2),
                            byCategory: byCategory)
    }

    /// One page of items (parameters: `itemParameters(judge:)` then limit and offset).
    func itemsSQL(order: ItemOrder) -> String {
        let rate = "(SUM(v.category = 'recognised') * 1.0 / NULLIF(SUM(v.category IN ('recognised', 'missed')), 0))"
        let orderBy = switch order {
        case .item: "s.model, s.item_id"
        case .rateAscending: "\(rate) IS NULL, \(rate), s.model, s.item_id"
        case .rateDescending: "\(rate) IS NULL, \(rate) DESC, s.model, s.item_id"
        }
        return """
            SELECT s.model, s.item_id, MIN(s.family_id), MIN(s.value), MIN(s.mode), COUNT(DISTINCT s.variant),
                \(Self.tallyColumns)
            FROM samples s \(Self.joins)
            WHERE \(conditions)
            GROUP BY s.model, s.item_id\(having)
            ORDER BY \(orderBy) LIMIT ? OFFSET ?
            """
    }

    /// How many items match (parameters: `itemParameters(judge:)`, or `countParameters` without a verdict filter).
    var itemCountSQL: String {
        if verdictCondition == nil {
            return "SELECT COUNT(*) FROM (SELECT 1 FROM samples s WHERE \(conditions) GROUP BY s.model, s.item_id)"
        }
        return """
            SELECT COUNT(*) FROM (SELECT 1 FROM samples s \(Self.joins) WHERE \(conditions)
            GROUP BY s.model, s.item_id\(having))
            """
    }

    private var having: String {
        verdictCondition.map { " HAVING SUM(\($0)) > 0" } ?? ""
    }

    /// Parameters of the item queries: judge, filters, verdict.
    func itemParameters(judge: String) -> [SQLiteValue] {
        [.text(judge)] + parameters + (verdictParameter.map { [$0] } ?? [])
    }

    /// Parameters of the item count without a verdict filter.
    var countParameters: [SQLiteValue] { parameters }

    /// One page of samples in plan order (parameters: `sampleParameters(judge:)` then limit and offset).
    var samplesSQL: String {
        """
        SELECT \(RunStoreQueries.sampleColumns), \(RunStoreQueries.responseColumns), \(RunStoreQueries.verdictColumns)
        FROM samples s \(Self.joins)
        WHERE \(conditions)\(verdictCondition.map { " AND " + $0 } ?? "")
        ORDER BY s.ordinal LIMIT ? OFFSET ?
        """
    }

    /// How many samples match (parameters: `sampleParameters(judge:)`, or `countParameters` without a verdict filter).
    var sampleCountSQL: String {
        if let verdictCondition {
            return "SELECT COUNT(*) FROM samples s \(Self.joins) WHERE \(conditions) AND \(verdictCondition)"
        }
        return "SELECT COUNT(*) FROM samples s WHERE \(conditions)"
    }

    /// Parameters of the sample queries: judge, filters, verdict.
    func sampleParameters(judge: String) -> [SQLiteValue] { itemParameters(judge: judge) }
}
