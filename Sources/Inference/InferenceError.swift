/// Errors from loading or running a model; each description is one line.
public enum InferenceError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file is not a model this engine can run (architecture, tensor type).
    case unsupported(String)
    /// The file is malformed as a model (missing tensor, wrong shape).
    case invalidModel(String)
    /// The request cannot be served (prompt longer than the context, bad parameter).
    case invalidRequest(String)

    public var description: String {
        switch self {
        case .unsupported(let m), .invalidModel(let m), .invalidRequest(let m): m
        }
    }
}
