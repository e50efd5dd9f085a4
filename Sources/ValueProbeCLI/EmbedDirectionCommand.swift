import ArgumentParser
import Embeddings
import Foundation

/// `valueprobe embed direction`: moral-direction scores of actions (Schramowski et al. 2022) in MiniLM.
struct EmbedDirectionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "direction",
        abstract: "Score actions on the moral direction of the sentence encoder (−1 bad … +1 good).",
        discussion: "The direction is the first principal component of templated questions ('Should I {action}?' …) "
            + "about actions of known polarity (built in: 20 positive and 20 negative verbs), oriented so that positive actions "
            + "score positive; scores are divided by the largest |projection| of the fitting set and clipped to [−1, 1]. "
            + "An --actions file has one action per line starting with '+' or '-'; '#' starts a comment.")

    @Option(help: "Fitting actions: lines '+ action' or '- action' (default: the built-in list).") var actions: String?
    @Option(help: "Worker threads (default: all cores).") var threads: Int?
    @Flag(name: .customLong("validate"), help: "Also report leave-one-out sign accuracy on the fitting set (refits once per action).")
    var leaveOneOut = false
    @Flag(help: "Print JSON.") var json = false
    @Argument(help: "Actions to score, e.g. \"help a stranger\".") var toScore: [String] = []

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        var fitting = MoralAction.builtIn
        if let path = actions {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw ValidationError("cannot read \(path) as UTF-8 text")
            }
            fitting = try MoralAction.parseList(text, source: path)
        }
        let encoder = try SentenceEncoder.miniLM(threads: threads, progress: Terminal.assetProgress)
        let embed: ([String]) throws -> [[Float]] = { try encoder.encode($0) }
        let embeddings = try MoralDirection.actionEmbeddings(fitting.map(\.text), embed: embed)
        let polarities = fitting.map(\.isPositive)
        let direction = try MoralDirection.fit(embeddings: embeddings, polarities: polarities)
        let accuracy = leaveOneOut ? try MoralDirection.leaveOneOutAccuracy(embeddings: embeddings, polarities: polarities) : nil
        let scores = try direction.scores(of: toScore, embed: embed)
        if json {
            struct Score: Encodable {
                var action: String
                var score: Double
            }
            struct Output: Encodable {
                var space: String
                var fittingActions: Int
                var explainedVarianceRatio: Double
                var leaveOneOutSignAccuracy: Double?
                var scores: [Score]
            }
            try Terminal.printJSON(Output(
                space: "minilm", fittingActions: fitting.count, explainedVarianceRatio: direction.explainedVarianceRatio,
                leaveOneOutSignAccuracy: accuracy, scores: zip(toScore, scores).map { Score(action: $0, score: $1) }))
        } else {
            var line = String(format: "moral direction (minilm, %d fitting actions): %.1f%% of variance", fitting.count,
                              direction.explainedVarianceRatio * 100)
            if let accuracy { line += String(format: ", leave-one-out sign accuracy %.3f", accuracy) }
            Terminal.error(line)
            for (a, s) in zip(toScore, scores) { print(String(format: "%+.3f", s) + "\t" + a) }
        }
    }
}
