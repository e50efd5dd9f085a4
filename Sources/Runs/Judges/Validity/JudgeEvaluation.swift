import Probes
import Statistics

/// One or more judges measured against the human labels of a calibration set (`valueprobe judge eval`).
///
/// Every judge judges every row (at most `concurrency` rows in flight per judge); per judge the figures per mode
/// (``ModeValidity/measure(mode:pairs:seed:replicates:confidence:)``), an "all modes" line over every row, and
/// every row's verdict; with several judges their agreement on the same rows (``PanelAgreement``). A judge
/// that throws on a row gets an `error` verdict for that row (counted against it, and in ``JudgeResult/failures``).
public struct JudgeEvaluation: Codable, Sendable {
    /// One row's verdict by one judge.
    public struct RowVerdict: Codable, Sendable, Equatable {
        /// The row's id.
        public var id: String
        /// Its 1-based line in the calibration file.
        public var line: Int
        public var suite: String
        public var item: String
        public var mode: ProbeMode
        /// The human label.
        public var label: HumanVerdict
        /// The judge's category.
        public var category: VerdictCategory
        public var score: Double?
        public var rationale: String
        /// Whether the answer was cut off at the token limit.
        public var truncated: Bool

        /// Creates a row verdict.
        public init(id: String, line: Int, suite: String, item: String, mode: ProbeMode, label: HumanVerdict,
                    category: VerdictCategory, score: Double?, rationale: String, truncated: Bool) {
            self.id = id
            self.line = line
            self.suite = suite
            self.item = item
            self.mode = mode
            self.label = label
            self.category = category
            self.score = score
            self.rationale = rationale
            self.truncated = truncated
        }

        /// Whether the judge agrees with the human label.
        public var agrees: Bool { category == label.category }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(line, forKey: .line)
            try c.encode(suite, forKey: .suite)
            try c.encode(item, forKey: .item)
            try c.encode(mode, forKey: .mode)
            try c.encode(label, forKey: .label)
            try c.encode(category, forKey: .category)
            try c.encode(score, forKey: .score)
            try c.encode(rationale, forKey: .rationale)
            try c.encode(truncated, forKey: .truncated)
        }
    }

    /// Everything measured for one judge.
    public struct JudgeResult: Codable, Sendable {
        /// Figures per mode, with the judge's spec and the source of the labels.
        public var validity: JudgeValidity
        /// The same figures over all rows, all modes together.
        public var allModes: ValidityFigures
        /// Rows on which the judge threw (recorded as `error` verdicts).
        public var failures: Int
        /// Every row's verdict, in file order.
        public var verdicts: [RowVerdict]

        /// Creates a result.
        public init(validity: JudgeValidity, allModes: ValidityFigures, failures: Int, verdicts: [RowVerdict]) {
            self.validity = validity
            self.allModes = allModes
            self.failures = failures
            self.verdicts = verdicts
        }

        enum CodingKeys: String, CodingKey {
            case validity
            case allModes = "all_modes"
            case failures, verdicts
        }
    }

    /// What the labels are, in words (file, split, sha256).
    public var source: String
    /// Rows evaluated.
    public var rows: Int
    /// Per judge, in the order given.
    public var judges: [JudgeResult]
    /// Agreement among the judges (nil with one judge).
    public var agreement: PanelAgreement?

    /// Creates an evaluation from its parts.
    public init(source: String, rows: Int, judges: [JudgeResult], agreement: PanelAgreement?) {
        self.source = source
        self.rows = rows
        self.judges = judges
        self.agreement = agreement
    }

    /// The judges measured when none is named: the default judge, then `rubric` (once if they are the same).
    public static var defaultJudges: [String] {
        JudgeFactory.defaultSpec == "rubric" ? ["rubric"] : [JudgeFactory.defaultSpec, "rubric"]
    }

    /// The source text of `set`'s `split` (nil = every row): "PATH, test split (sha256 HEX)".
    public static func source(of set: CalibrationSet, split: CalibrationSplit?) -> String {
        "\(set.path), \(split.map { "\($0.rawValue) split" } ?? "all rows") (sha256 \(set.sha256))"
    }

    /// Judges `rows` with each of `judges` and measures them.
    ///
    /// - Parameters:
    ///   - source: what the rows are (``source(of:split:)``), recorded in each ``JudgeValidity``.
    ///   - lines: the rows' 1-based lines (default: 1, 2, …).
    ///   - seed: base seed of the bootstraps (per judge: `StatisticSeed.seed(base: seed, label: "judge|SPEC")`).
    ///   - concurrency: rows in flight per judge.
    public static func run(
        rows: [ResolvedCalibrationRow], lines: [Int]? = nil, judges: [any Judge], source: String, seed: UInt64 = 0,
        replicates: Int = 2000, confidence: Double = 0.95, concurrency: Int = 4
    ) async -> JudgeEvaluation {
        let lines = lines ?? rows.indices.map { $0 + 1 }
        var results: [JudgeResult] = []
        for judge in judges {
            let verdicts = await judgeAll(rows: rows, lines: lines, judge: judge, concurrency: max(1, concurrency))
            results.append(measure(verdicts: verdicts.rows, failures: verdicts.failures, judge: judge.spec,
                                   source: source, seed: StatisticSeed.seed(base: seed, label: "judge|\(judge.spec)"),
                                   replicates: replicates, confidence: confidence))
        }
        // Judges of one evaluation judged the same rows, so their category lists line up.
        let agreement = results.count < 2 ? nil : try? PanelAgreement.measure(
            judges: results.map(\.validity.judge), mode: nil, categories: results.map { $0.verdicts.map(\.category) },
            replicates: replicates, seed: StatisticSeed.seed(base: seed, label: "panel"), confidence: confidence)
        return JudgeEvaluation(source: source, rows: rows.count, judges: results, agreement: agreement)
    }

    /// The figures of one judge's verdicts on labelled rows.
    public static func measure(
        verdicts: [RowVerdict], failures: Int = 0, judge: String, source: String, seed: UInt64,
        replicates: Int = 2000, confidence: Double = 0.95
    ) -> JudgeResult {
        let modes = ProbeMode.allCases.compactMap { mode -> ModeValidity? in
            let pairs = verdicts.filter { $0.mode == mode }.map { ($0.label, $0.category) }
            guard !pairs.isEmpty else { return nil }
            return ModeValidity.measure(mode: mode, pairs: pairs, seed: seed, replicates: replicates,
                                        confidence: confidence)
        }
        let all = ValidityFigures.measure(pairs: verdicts.map { ($0.label, $0.category) },
                                          seed: StatisticSeed.seed(base: seed, label: "validity|all"),
                                          replicates: replicates, confidence: confidence)
        return JudgeResult(validity: JudgeValidity(judge: judge, source: source, modes: modes), allModes: all,
                           failures: failures, verdicts: verdicts)
    }

    private static func judgeAll(
        rows: [ResolvedCalibrationRow], lines: [Int], judge: any Judge, concurrency: Int
    ) async -> (rows: [RowVerdict], failures: Int) {
        var verdicts = [RowVerdict?](repeating: nil, count: rows.count)
        var failures = 0
        await withTaskGroup(of: (Int, RowVerdict, Bool).self) { group in
            var next = 0
            func start() {
                guard next < rows.count else { return }
                let index = next
                let row = rows[index]
                let line = lines.indices.contains(index) ? lines[index] : index + 1
                next += 1
                group.addTask {
                    let verdict: Verdict
                    var failed = false
                    do {
                        verdict = try await judge.judge(sample: row.plannedSample, item: row.item, family: row.family,
                                                        suite: row.suite, response: row.sampleResponse)
                    } catch {
                        failed = true
                        verdict = Verdict(sampleKey: row.plannedSample.key, judge: judge.spec, category: .error,
                                          rationale: "judge failed: \(JudgeError.oneLine(String(describing: error)))")
                    }
                    return (index, RowVerdict(
                        id: row.row.id, line: line, suite: row.row.suite, item: row.row.item, mode: row.item.mode,
                        label: row.row.label, category: verdict.category, score: verdict.score,
                        rationale: verdict.rationale, truncated: row.row.truncated), failed)
                }
            }
            for _ in 0..<concurrency { start() }
            while let (index, verdict, failed) = await group.next() {
                verdicts[index] = verdict
                if failed { failures += 1 }
                start()
            }
        }
        return (verdicts.compactMap { $0 }, failures)
    }
}
