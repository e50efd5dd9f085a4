import Foundation
import Probes
import Runs
import Synchronization

/// The viewer's routes — the JSON API, the web app's files and the runs' report files — answered without any
/// HTTP machinery, so that the server is a thin adapter and every answer can be checked directly.
///
/// Every query runs in the run's store (paged, filtered in SQL); per-run tallies are cached until the run's
/// counts change.
public final class ViewerAPI: Sendable {
    /// The runs served.
    public let catalog: RunCatalog
    private let web: WebAssets
    private let talliesCache = Mutex<[String: (counts: RunCounts, byMode: [TallyCell], byValue: [TallyCell])]>([:])
    private let suites = Mutex<[String: ProbeSuite]>([:])
    private let diffs: DiffService

    /// The most rows a page of the API holds.
    public static let maximumLimit = 500
    /// Report files of a run directory that `/api/runs/{id}/files/{name}` serves.
    public static let reportFileNames: [String: String] = [
        "report.html": "text/html; charset=utf-8", "summary.json": "application/json; charset=utf-8",
        "summary.md": "text/markdown; charset=utf-8", "items.csv": "text/csv; charset=utf-8",
        "values.csv": "text/csv; charset=utf-8", "modes.csv": "text/csv; charset=utf-8",
    ]

    /// Serves the runs of `catalog`.
    /// - Throws: ``ViewerError/missingResource(name:)`` when the web app's files are missing.
    public init(catalog: RunCatalog) throws {
        self.catalog = catalog
        self.web = try WebAssets()
        self.diffs = DiffService()
    }

    /// The reply to a request for `path` (percent-encoded, as sent) with `query` (without `?`).
    public func respond(method: String, path: String, query: String?) -> ViewerReply {
        guard method == "GET" || method == "HEAD" else {
            return .error(APIError(status: 405, message: "method \(method) is not allowed; the viewer only reads"))
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map {
            String($0).removingPercentEncoding ?? String($0)
        }
        guard parts.first == "api" else {
            return web.reply(path: path) ?? .error(.notFound("no page at \(path)"))
        }
        do {
            return try route(Array(parts.dropFirst()), QueryParameters(query))
        } catch let error as APIError {
            return .error(error)
        } catch let error as RunBrowsingError {
            return .error(.badRequest(error.description))
        } catch {
            return .error(APIError(status: 500, message: "\(error)"))
        }
    }

    private func route(_ parts: [String], _ query: QueryParameters) throws -> ViewerReply {
        switch parts.count {
        case 1 where parts[0] == "runs": return .json(try runList())
        case 1 where parts[0] == "diff": return try diff(query)
        case 2 where parts[0] == "runs": return .json(try runDetail(try run(parts[1])))
        case 3 where parts[0] == "runs" && parts[2] == "items": return .json(try items(try run(parts[1]), query))
        case 3 where parts[0] == "runs" && parts[2] == "samples": return .json(try samples(try run(parts[1]), query))
        case 4 where parts[0] == "runs" && parts[2] == "files": return try reportFile(try run(parts[1]), name: parts[3])
        default: throw APIError.notFound("no API endpoint at /api/\(parts.joined(separator: "/"))")
        }
    }

    private func run(_ id: String) throws -> CatalogedRun {
        guard let run = try catalog.run(id: id) else { throw APIError.notFound("no run with id '\(id)'") }
        return run
    }

    // MARK: Runs

    private struct RunList: Encodable {
        var directory: String
        var runs: [RunListEntry]
        var problems: [RunCatalog.Problem]
    }

    private func runList() throws -> RunList {
        try catalog.refresh()
        var problems = catalog.problems
        var entries: [RunListEntry] = []
        for run in catalog.runs {
            do {
                entries.append(try entry(run))
            } catch {
                problems.append(RunCatalog.Problem(path: run.directory.path, message: "run \(run.id): \(error)"))
            }
        }
        return RunList(directory: catalog.root.path, runs: entries, problems: problems)
    }

    /// The run's tallies, recomputed only when its counts changed.
    private func tallies(_ run: CatalogedRun) throws -> (counts: RunCounts, byMode: [TallyCell], byValue: [TallyCell]) {
        let counts = try run.store.counts(run: run.id)
        if let cached = talliesCache.withLock({ $0[run.id] }), cached.counts == counts { return cached }
        let byValue = try run.store.tallies(run: run.id, byValue: true)
        // Per model × mode is the sum of its values: no second pass over the samples.
        var merged: [String: TallyCell] = [:]
        var order: [String] = []
        for cell in byValue {
            let key = cell.model + "\u{0}" + cell.mode.rawValue
            if var existing = merged[key] {
                existing.tally.planned += cell.tally.planned
                existing.tally.answered += cell.tally.answered
                existing.tally.failed += cell.tally.failed
                existing.tally.byCategory.merge(cell.tally.byCategory, uniquingKeysWith: +)
                merged[key] = existing
            } else {
                merged[key] = TallyCell(model: cell.model, mode: cell.mode, value: nil, tally: cell.tally)
                order.append(key)
            }
        }
        let result = (counts, order.compactMap { merged[$0] }, byValue)
        talliesCache.withLock { $0[run.id] = result }
        return result
    }

    private func entry(_ run: CatalogedRun) throws -> RunListEntry {
        let (counts, byMode, _) = try tallies(run)
        let report = reportHeadlines(run)
        let manifest = run.manifest
        let fm = FileManager.default
        let files = Self.reportFileNames.keys.sorted().filter {
            fm.fileExists(atPath: run.directory.appendingPathComponent($0).path)
        }
        var models = manifest.configuration.models
        for cell in byMode where !models.contains(cell.model) { models.append(cell.model) }
        return RunListEntry(
            id: run.id, created: manifest.created, directory: run.directory.path, suite: manifest.suite,
            models: manifest.configuration.models, judge: manifest.judge, samplesPerPrompt: manifest.configuration.samples,
            temperature: manifest.configuration.temperature, seed: String(manifest.seed),
            toolVersion: manifest.toolVersion, counts: counts,
            headline: models.map { ModelHeadline(model: $0, cells: byMode, report: report[$0]?.headline,
                                                 truncation: report[$0]?.truncation) },
            reportFiles: files)
    }

    /// The model summaries of the run directory's `summary.json`, by model, when it describes this run.
    private func reportHeadlines(_ run: CatalogedRun) -> [String: ModelSummary] {
        let url = run.directory.appendingPathComponent("summary.json")
        guard let data = FileManager.default.contents(atPath: url.path),
              let summary = try? JSONDecoder().decode(RunSummary.self, from: data),
              summary.context.runID == run.id
        else { return [:] }
        return Dictionary(summary.models.map { ($0.model, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private func runDetail(_ run: CatalogedRun) throws -> RunDetail {
        let entry = try entry(run)
        let (_, _, byValue) = try tallies(run)
        let cells = byValue.map {
            RunDetail.CellRow(model: $0.model, mode: $0.mode.rawValue, value: $0.value ?? "", tally: $0.tally,
                              rate: $0.tally.recognitionInterval())
        }
        return RunDetail(run: entry, manifest: run.manifest, facets: try run.store.facets(run: run.id), cells: cells,
                         verdictStates: SampleFilter.VerdictState.names)
    }

    // MARK: Items and samples

    private func filter(_ query: QueryParameters) throws -> SampleFilter {
        SampleFilter(
            value: query["value"],
            mode: try query.choice("mode", allowed: ProbeMode.allCases.map(\.rawValue), parse: ProbeMode.init(rawValue:)),
            model: query["model"],
            verdict: try query.choice("verdict", allowed: SampleFilter.VerdictState.names,
                                      parse: SampleFilter.VerdictState.init(name:)))
    }

    private func page(_ query: QueryParameters) throws -> (page: Int, limit: Int, offset: Int) {
        let limit = try query.integer("limit", default: 50, in: 1...Self.maximumLimit)
        let page = try query.integer("page", default: 1, in: 1...(Int(Int32.max) / Self.maximumLimit))
        return (page, limit, (page - 1) * limit)
    }

    private func items(_ run: CatalogedRun, _ query: QueryParameters) throws -> ListPage<ItemRow> {
        var filter = try filter(query)
        filter.itemContains = query["item"]
        let order = try query.choice("sort", allowed: ItemOrder.allCases.map(\.rawValue), parse: ItemOrder.init(rawValue:))
        let (page, limit, offset) = try page(query)
        let result = try run.store.items(run: run.id, filter: filter, order: order ?? .item, offset: offset,
                                         limit: limit)
        return ListPage(page: page, limit: limit, total: result.total, rows: result.rows.map(ItemRow.init))
    }

    private struct SampleList: Encodable {
        var page: ListPage<SampleRow>
        /// The item's prompts, when the request names one item and the suite can be loaded.
        var item: ItemPrompts?
    }

    private func samples(_ run: CatalogedRun, _ query: QueryParameters) throws -> SampleList {
        var filter = try filter(query)
        filter.itemID = query["item"]
        let (page, limit, offset) = try page(query)
        let result = try run.store.samplePage(run: run.id, filter: filter, offset: offset, limit: limit)
        let rows = ListPage(page: page, limit: limit, total: result.total, rows: result.rows.map(SampleRow.init))
        return SampleList(page: rows, item: filter.itemID.flatMap { prompts(run, item: $0) })
    }

    /// The prompts of `item` from the run's suite, nil when the suite cannot be loaded or has changed.
    private func prompts(_ run: CatalogedRun, item id: String) -> ItemPrompts? {
        let identity = run.manifest.suite
        var suite = suites.withLock { $0[identity.hash] }
        if suite == nil, let loaded = try? SuiteLoader.load(nameOrPath: identity.locator),
           SuiteHash.hash(of: loaded) == identity.hash {
            suites.withLock { $0[identity.hash] = loaded }
            suite = loaded
        }
        guard let (family, item) = suite?.allItems.first(where: { $0.item.id == id }) else { return nil }
        return ItemPrompts(itemId: item.id, familyId: family.id, value: family.value, mode: item.mode.rawValue,
                           prompts: item.allPrompts, pairId: item.pairID, valueAtRisk: item.valueAtRisk,
                           scenario: item.scenario, level: item.level.map { LadderMetrics.name(of: $0) },
                           conversation: item.messages == nil ? nil : item.transcript(variant: 0))
    }

    // MARK: Files and diffs

    private func reportFile(_ run: CatalogedRun, name: String) throws -> ViewerReply {
        guard let type = Self.reportFileNames[name] else {
            throw APIError.notFound("no report file '\(name)'; the viewer serves \(Self.reportFileNames.keys.sorted().joined(separator: ", "))")
        }
        guard let data = FileManager.default.contents(atPath: run.directory.appendingPathComponent(name).path) else {
            throw APIError.notFound("run \(run.id) has no \(name) yet (valueprobe report writes it)")
        }
        // Reports run in a sandbox of their own: their scripts cannot reach the viewer's API.
        return ViewerReply(status: 200, contentType: type, body: data,
                           headers: [("Content-Security-Policy", "sandbox allow-scripts"), ("Cache-Control", "no-cache")])
    }

    private func diff(_ query: QueryParameters) throws -> ViewerReply {
        let a = try run(try query.required("a")), b = try run(try query.required("b"))
        return .json(try diffs.reply(a: a, b: b, modelA: query["model_a"], modelB: query["model_b"]))
    }
}
