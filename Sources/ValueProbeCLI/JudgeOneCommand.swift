import ArgumentParser
import Foundation
import Probes
import Runs

/// `valueprobe judge --suite S --item ID [--variant K] [--judge J] [--finish-reason stop|length] [--json] [FILE|-]`.
struct JudgeOneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "one",
        abstract: "Judge one response to a suite item and print the verdict.",
        discussion: "The response is read from FILE, or from standard input with '-' or without FILE."
    )

    @Option(help: "Built-in suite name (khamassi2024, values-core) or a suite file.") var suite = "khamassi2024"
    @Option(help: "The item the response answers.") var item: String
    @Option(help: "The item's prompt variant the response answers (0 = the main prompt).") var variant = 0
    @Option(help: "Judge spec: semantic, rubric, or llm:MODEL-SPEC.") var judge = JudgeFactory.defaultSpec
    @Option(name: .customLong("finish-reason"), help: "length for an answer cut off at the token limit.")
    var finishReason: FinishReasonChoice = .stop
    @Flag(help: "Print {\"category\", \"score\", \"rationale\", \"truncated\"} as JSON.") var json = false
    @Argument(help: "File holding the response ('-' or nothing: standard input).") var file: String?

    func run() async throws {
        let text: String
        if let file, file != "-" {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("\(file): cannot read the file")
            }
            guard let decoded = String(data: data, encoding: .utf8) else { throw ValidationError("\(file): not UTF-8 text") }
            text = decoded
        } else {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard let decoded = String(data: data, encoding: .utf8) else { throw ValidationError("standard input: not UTF-8 text") }
            text = decoded
        }
        RunModels.installEmbeddedEngine(progress: { Terminal.assetProgress($0) })
        let judgeInstance = try JudgeFactory.make(spec: judge)
        let loaded = try SuiteLoader.load(nameOrPath: suite)
        let result = try await ResponseJudgement.judge(
            text: text, finishReason: finishReason.rawValue, suite: loaded, itemID: item, variant: variant,
            judge: judgeInstance)
        if json {
            try Terminal.printJSON(result)
        } else {
            var line = result.category.rawValue
            if let score = result.score { line += " (score \(String(format: "%.1f", score)))" }
            if result.truncated { line += " [truncated answer]" }
            print(line)
            if !result.rationale.isEmpty { print(result.rationale) }
        }
    }
}
