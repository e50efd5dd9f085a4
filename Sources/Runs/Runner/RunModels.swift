import Assets
import Models

/// The standard way a run makes its models: remote specs through `ModelFactory.make`, `local:` specs through the
/// embedded engine (`LocalModels.load` → `EmbeddedChatModel`).
public enum RunModels {
    /// Installs the embedded engine as `ModelFactory.localFactory` and returns a maker for every spec.
    /// - Parameters:
    ///   - threads: worker threads of the embedded engine (nil = all cores).
    ///   - concurrency: requests in flight per remote backend (the runner bounds each model by this too).
    ///   - parallel: sequences the embedded engine generates together (nil = `RunConfiguration.defaultParallel`).
    ///   - progress: reports fetching of a built-in model on first use.
    public static func standard(threads: Int? = nil, concurrency: Int = RunConfiguration.defaultConcurrency,
                                parallel: Int? = nil,
                                progress: (@Sendable (AssetProgress) -> Void)? = nil) -> Runner.ModelMaker {
        installEmbeddedEngine(threads: threads, parallel: parallel, progress: progress)
        let options = BackendOptions(concurrency: max(1, concurrency))
        return { spec in try ModelFactory.make(spec, options: options) }
    }

    /// Sets `ModelFactory.localFactory` to load GGUF models into `EmbeddedChatModel`s, each with its own
    /// continuous batch of `parallel` sequences (nil = `RunConfiguration.defaultParallel`).
    public static func installEmbeddedEngine(threads: Int? = nil, parallel: Int? = nil,
                                             progress: (@Sendable (AssetProgress) -> Void)? = nil) {
        let sequences = parallel ?? RunConfiguration.defaultParallel
        ModelFactory.localFactory = { spec in
            let model = try LocalModels.load(spec, progress: progress.map { handler in { handler($0) } })
            return try EmbeddedChatModel(spec: spec, model: model, threads: threads, parallel: sequences)
        }
    }
}
