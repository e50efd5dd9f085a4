import ArgumentParser

@main
struct ValueProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "valueprobe",
        abstract: "Measure strong and weak alignment of language models with human values."
    )
}
