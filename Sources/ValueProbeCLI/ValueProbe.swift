import ArgumentParser
import Models

@main
struct ValueProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "valueprobe",
        abstract: "Measure strong and weak alignment of language models with human values.",
        version: ValueProbeVersion.current,
        subcommands: [
            GenerateCommand.self, ChatCommand.self, TokenizeCommand.self, ScoreCommand.self,
            AssetsCommand.self, BenchCommand.self, RunCommand.self, SuitesCommand.self, LabelsCommand.self, JudgeCommand.self,
            EmbedCommand.self,
            ReportCommand.self, DiffCommand.self,
            ViewCommand.self, ServeCommand.self, PrefsCommand.self, ProfileCommand.self,
        ]
    )
}
