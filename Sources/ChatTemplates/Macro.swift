/// A `{% macro %}`: its parameters, body and the scope it was defined in.
final class Macro {
    let name: String
    let parameters: [Statement.Parameter]
    let body: [Statement]
    let scope: Scope
    init(name: String, parameters: [Statement.Parameter], body: [Statement], scope: Scope) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.scope = scope
    }
}
