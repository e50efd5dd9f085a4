/// Why a run could not start or go on. Backend failures on single samples are not run errors: they are stored
/// as failed responses and the run continues. Every description is one line.
public enum RunError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The judge given to the runner is not the one the configuration names.
    case judgeMismatch(configured: String, judge: String)
    /// A model could not be created (missing API key, missing model file, …).
    case modelUnavailable(spec: String, reason: String)
    /// A planned sample refers to an item or variant the suite does not have.
    case unknownItem(itemID: String, variant: Int)

    public var description: String {
        switch self {
        case .judgeMismatch(let configured, let judge):
            "the configuration names judge '\(configured)' but the runner was given judge '\(judge)'"
        case .modelUnavailable(let spec, let reason):
            "cannot use model \(spec): \(reason)"
        case .unknownItem(let itemID, let variant):
            "the suite has no item '\(itemID)' with prompt variant \(variant)"
        }
    }
}
