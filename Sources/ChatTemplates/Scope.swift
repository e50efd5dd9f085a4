/// A variable scope: the template top level, one loop iteration, or one macro call.
final class Scope {
    private var variables: [String: Value]
    let parent: Scope?

    init(_ variables: [String: Value] = [:], parent: Scope?) {
        self.variables = variables
        self.parent = parent
    }

    func lookup(_ name: String) -> Value? {
        var scope: Scope? = self
        while let current = scope {
            if let value = current.variables[name] { return value }
            scope = current.parent
        }
        return nil
    }

    func assign(_ name: String, _ value: Value) {
        variables[name] = value
    }
}
