import ArgumentParser

/// `valueprobe judge`: judges and their calibration.
struct JudgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge",
        abstract: "Judges: fit the semantic judge's head.",
        subcommands: [JudgeFitCommand.self]
    )
}
