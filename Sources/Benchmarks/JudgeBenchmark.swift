import Foundation
import Runs
import Statistics

/// Responses judged per second by the offline judges (`rubric`, `semantic`) over the rows of a calibration file:
/// each judge judges every row `repetitions` times (after one untimed warm-up pass, which loads the encoder and
/// fills the exemplar and item caches) and the median rate is reported.
public struct JudgeBenchmark: Sendable {
    /// The calibration file whose responses are judged (labels are not used).
    public var calibrationPath: String
    /// Timed passes per judge.
    public var repetitions: Int
    /// The judges measured.
    public var judges: [String]

    public init(calibrationPath: String = "calibration/judge-calibration.jsonl", repetitions: Int = 3,
                judges: [String] = ["rubric", "semantic"]) {
        self.calibrationPath = calibrationPath
        self.repetitions = max(1, repetitions)
        self.judges = judges
    }

    /// One judge's figure.
    public struct Row: Codable, Sendable {
        public var judge: String
        public var responses: Int
        /// Median responses per second over the timed passes.
        public var responsesPerSecond: Double
        /// Each timed pass, responses per second.
        public var passes: [Double]
    }

    /// What was measured.
    public struct Result: Codable, Sendable {
        public var calibration: String
        public var calibrationSHA256: String
        public var repetitions: Int
        public var rows: [Row]
        /// The 1-minute load average at the end (other work on the machine skews the figures).
        public var loadAverage: Double?
    }

    /// Measures every judge.
    public func run(progress: (String, Int, Int) -> Void = { _, _, _ in }) throws -> Result {
        let set = try CalibrationSet.load(path: calibrationPath)
        let rows = try set.resolve()
        var result: [Row] = []
        for spec in judges {
            let judge = try JudgeFactory.make(spec: spec)
            func pass() throws {
                for row in rows {
                    _ = try Self.judgeNow(judge, row: row)
                }
            }
            progress(spec, 0, repetitions + 1)
            try pass()
            var rates: [Double] = []
            for r in 0..<repetitions {
                progress(spec, r + 1, repetitions + 1)
                let start = DispatchTime.now().uptimeNanoseconds
                try pass()
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                rates.append(Double(rows.count) / max(seconds, 1e-9))
            }
            let sorted = rates.sorted()
            let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2]
                : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
            result.append(Row(judge: spec, responses: rows.count, responsesPerSecond: median, passes: rates))
        }
        return Result(calibration: calibrationPath, calibrationSHA256: set.sha256, repetitions: repetitions,
                      rows: result, loadAverage: LoadAverage.current())
    }

    static func judgeNow(_ judge: any Judge, row: ResolvedCalibrationRow) throws -> Verdict {
        let args = (row.plannedSample, row.item, row.family, row.suite, row.sampleResponse)
        if let rubric = judge as? RubricJudge {
            return try rubric.judgeNow(sample: args.0, item: args.1, family: args.2, suite: args.3, response: args.4)
        }
        if let semantic = judge as? SemanticJudge {
            return try semantic.judgeNow(sample: args.0, item: args.1, family: args.2, suite: args.3, response: args.4)
        }
        throw JudgeError.semantic("bench judge measures the offline judges (rubric, semantic), not '\(judge.spec)'")
    }
}
