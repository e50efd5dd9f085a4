import ArgumentParser
import Assets
import Benchmarks
import Foundation

struct BenchJudgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge",
        abstract: "Responses judged per second by the offline judges (rubric, semantic) over a calibration file's rows (median of timed passes)."
    )

    @Option(help: "Calibration file whose responses are judged.")
    var calibration: String = "calibration/judge-calibration.jsonl"
    @Option(help: "Timed passes per judge (median reported).") var repetitions: Int = 3
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        if repetitions < 1 { throw ValidationError("--repetitions must be at least 1, got \(repetitions)") }
    }

    func run() throws {
        let display = TerminalProgress()
        let bench = JudgeBenchmark(calibrationPath: calibration, repetitions: repetitions)
        let result = try bench.run { judge, pass, total in
            display.update(ProgressBar(label: "bench \(judge)", completed: Double(pass), total: Double(total)))
        }
        display.finish()
        if json {
            try Terminal.printJSON(result)
            return
        }
        print("judging \(calibration) (sha256 \(result.calibrationSHA256.prefix(16))…), median of \(result.repetitions) passes after a warm-up pass:")
        for row in result.rows {
            print(String(format: "  %-9@ %6d responses  %9.1f responses/s", row.judge as NSString, row.responses, row.responsesPerSecond))
        }
        if let load = result.loadAverage { print(String(format: "load average at the end: %.2f (1 min)", load)) }
    }
}
