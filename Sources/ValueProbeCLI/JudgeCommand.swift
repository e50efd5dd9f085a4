import ArgumentParser

/// `valueprobe judge`: judge one response (the default subcommand) or measure judges against hand-labelled
/// responses (`judge eval`).
struct JudgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge",
        abstract: "Judge one response, or measure judges against hand-labelled responses.",
        subcommands: [
            JudgeOneCommand.self,
            JudgeEvalCommand.self,
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
