/// A failure inside a filter, method or operator; the renderer adds the template position.
struct EvalFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
