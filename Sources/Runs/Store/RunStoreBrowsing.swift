import Probes

/// Paged, filtered reading of a run for viewers: every query runs in SQLite on indexes (see
/// ``prepareForBrowsing()``), so a run of 100,000 samples is browsed without loading it.
extension RunStore {
    /// The most rows one page may ask for.
    public static let maximumPageSize = 1000

    /// The indexes the browsing queries use: samples by item, by value and mode, by mode, and by model and item.
    static let browsingIndexes = """
        CREATE INDEX IF NOT EXISTS samples_by_item ON samples(run_id, item_id, model, variant, sample_index);
        CREATE INDEX IF NOT EXISTS samples_by_value ON samples(run_id, value, mode, model, item_id);
        CREATE INDEX IF NOT EXISTS samples_by_mode ON samples(run_id, mode, model, item_id);
        CREATE INDEX IF NOT EXISTS samples_by_model ON samples(run_id, model, item_id, variant);
        """

    /// Creates the browsing indexes when they are missing and gathers the statistics SQLite's planner needs to
    /// prefer them (`ANALYZE samples`): without statistics it would rather walk a whole run in plan order than
    /// search an index and sort a page. Done once per store file (seconds for a million samples); a run's plan
    /// does not change after it is stored, so the statistics stay true. Browsing works without this, only
    /// slower: a viewer of a read-only store may ignore a failure here.
    public func prepareForBrowsing() throws {
        try withDatabase { db in
            let analysed = try db.scalar("""
                SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'
                """) == 1 ? try db.scalar("SELECT COUNT(*) FROM sqlite_stat1 WHERE idx LIKE 'samples_by_%'") : 0
            guard analysed < 4 else { return }
            try db.transaction {
                try db.execute(RunStore.browsingIndexes)
                try db.execute("ANALYZE samples")
            }
        }
    }

    /// The judge whose verdicts browsing shows: `judge`, or the one named in the run's manifest.
    private func browsingJudge(_ judge: String?, run id: String) throws -> String {
        if let judge { return judge }
        guard let manifest = try manifest(run: id) else { throw RunStoreError.unknownRun(id: id) }
        return manifest.judge
    }

    private static func checkPage(offset: Int, limit: Int) throws {
        guard offset >= 0 else { throw RunBrowsingError.invalidPage(reason: "offset \(offset) is negative") }
        guard (1...maximumPageSize).contains(limit) else {
            throw RunBrowsingError.invalidPage(reason: "limit \(limit) is outside 1...\(maximumPageSize)")
        }
    }

    /// A page of run `id`'s items (one row per model and item), with the tally of each item's samples.
    ///
    /// - Parameters:
    ///   - judge: whose verdicts are counted (nil = the run's judge).
    ///   - filter: which items; a verdict filter keeps items with at least one sample in that state.
    ///   - order: the sort order.
    ///   - offset: rows skipped (≥ 0).
    ///   - limit: most rows returned (1 ... ``maximumPageSize``).
    /// - Throws: ``RunStoreError/unknownRun(id:)``, ``RunBrowsingError.invalidPage(reason:)``, SQLite errors.
    public func items(run id: String, judge: String? = nil, filter: SampleFilter = SampleFilter(),
                      order: ItemOrder = .item, offset: Int = 0, limit: Int = 50) throws -> BrowsePage<ItemDigest> {
        try Self.checkPage(offset: offset, limit: limit)
        let judge = try browsingJudge(judge, run: id)
        let query = BrowseQuery(run: id, filter: filter)
        return try withDatabase { db in
            let parameters = query.itemParameters(judge: judge)
            let rows = try db.query(query.itemsSQL(order: order),
                                    parameters + [.integer(Int64(limit)), .integer(Int64(offset))]) { row in
                let item = row.text(1)
                guard let mode = ProbeMode(rawValue: row.text(4)) else {
                    throw RunStoreError.corruptRow(table: "samples", key: item, reason: "unknown mode '\(row.text(4))'")
                }
                return ItemDigest(model: row.text(0), itemID: item, familyID: row.text(2), value: row.text(3),
                                  mode: mode, variants: row.int(5), tally: BrowseQuery.readTally(row, from: 6))
            }
            let total = query.verdictCondition == nil
                ? try db.scalar(query.itemCountSQL, query.countParameters)
                : try db.scalar(query.itemCountSQL, parameters)
            return BrowsePage(rows: rows, total: total, offset: offset, limit: limit)
        }
    }

    /// A page of run `id`'s samples in plan order, each with its response and the judge's verdict.
    ///
    /// - Parameters:
    ///   - judge: whose verdicts are shown (nil = the run's judge).
    ///   - filter: which samples (e.g. one item of one model: every paraphrase and repeat of it).
    ///   - offset: rows skipped (≥ 0).
    ///   - limit: most rows returned (1 ... ``maximumPageSize``).
    public func samplePage(run id: String, judge: String? = nil, filter: SampleFilter = SampleFilter(),
                           offset: Int = 0, limit: Int = 50) throws -> BrowsePage<JudgedSample> {
        try Self.checkPage(offset: offset, limit: limit)
        let judge = try browsingJudge(judge, run: id)
        let query = BrowseQuery(run: id, filter: filter)
        return try withDatabase { db in
            let parameters = query.sampleParameters(judge: judge)
            let rows = try db.query(query.samplesSQL,
                                    parameters + [.integer(Int64(limit)), .integer(Int64(offset))]) { row in
                let sample = try Self.readSample(row)
                return JudgedSample(sample: sample, response: Self.readResponse(row, from: 11),
                                    verdict: try Self.readVerdict(row, from: RunStoreQueries.verdictOffset, key: sample.key))
            }
            let total = query.verdictCondition == nil
                ? try db.scalar(query.sampleCountSQL, query.countParameters)
                : try db.scalar(query.sampleCountSQL, parameters)
            return BrowsePage(rows: rows, total: total, offset: offset, limit: limit)
        }
    }

    /// Run `id`'s tallies per model and mode, or per model, mode and value (`byValue`), sorted by model, mode and
    /// value. One pass over the run's samples.
    public func tallies(run id: String, judge: String? = nil, byValue: Bool = false) throws -> [TallyCell] {
        let judge = try browsingJudge(judge, run: id)
        let groups = byValue ? "s.model, s.mode, s.value" : "s.model, s.mode"
        let sql = """
            SELECT s.model, s.mode, \(byValue ? "s.value" : "NULL"), \(BrowseQuery.tallyColumns)
            FROM samples s \(BrowseQuery.joins) WHERE s.run_id = ?
            GROUP BY \(groups) ORDER BY \(groups)
            """
        return try withDatabase { db in
            try db.query(sql, [.text(judge), .text(id)]) { row in
                guard let mode = ProbeMode(rawValue: row.text(1)) else {
                    throw RunStoreError.corruptRow(table: "samples", key: row.text(0),
                                                   reason: "unknown mode '\(row.text(1))'")
                }
                return TallyCell(model: row.text(0), mode: mode, value: row.optionalText(2),
                                 tally: BrowseQuery.readTally(row, from: 3))
            }
        }
    }

    /// What run `id`'s samples can be filtered by.
    public func facets(run id: String) throws -> RunFacets {
        try withDatabase { db in
            func choices(_ column: String) throws -> [RunFacets.Choice] {
                try db.query("SELECT \(column), COUNT(*) FROM samples WHERE run_id = ? GROUP BY \(column) ORDER BY \(column)",
                             [.text(id)]) { RunFacets.Choice(name: $0.text(0), samples: $0.int(1)) }
            }
            let items = try db.scalar(
                "SELECT COUNT(*) FROM (SELECT 1 FROM samples WHERE run_id = ? GROUP BY model, item_id)", [.text(id)])
            return RunFacets(values: try choices("value"), modes: try choices("mode"), models: try choices("model"),
                             items: items)
        }
    }

    /// The query plans of the browsing queries for `filter` (SQLite's `EXPLAIN QUERY PLAN` detail lines), to check
    /// that they use indexes.
    public func browsingQueryPlans(run id: String, judge: String = "", filter: SampleFilter) throws -> [String] {
        let query = BrowseQuery(run: id, filter: filter)
        let page: [SQLiteValue] = [.integer(10), .integer(0)]
        let statements: [(String, [SQLiteValue])] = [
            (query.itemsSQL(order: .item), query.itemParameters(judge: judge) + page),
            (query.samplesSQL, query.sampleParameters(judge: judge) + page),
        ]
        return try withDatabase { db in
            try statements.flatMap { sql, parameters in
                try db.query("EXPLAIN QUERY PLAN " + sql, parameters) { $0.text(3) }
            }
        }
    }
}
