import ArgumentParser

/// `valueprobe judge`: judge one response (the default subcommand), measure judges against hand-labelled
/// responses (`judge eval`), or refit the semantic judge's head (`judge fit`).
struct JudgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge",
        abstract: "Judge one response, measure judges against hand-labelled responses, or refit the semantic judge.",
        subcommands: [
            JudgeOneCommand.self,
            JudgeEvalCommand.self,
            JudgeFitCommand.self,
        ],
        defaultSubcommand: JudgeOneCommand.self
    )
}

/// Which split of a calibration file to evaluate.
enum SplitChoice: String, ExpressibleByArgument, CaseIterable {
    case train, dev, test, all
}

/// `--finish-reason` of `valueprobe judge`.
enum FinishReasonChoice: String, ExpressibleByArgument, CaseIterable {
    case stop, length
}
