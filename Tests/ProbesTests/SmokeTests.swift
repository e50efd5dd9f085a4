import Testing
@testable import Probes

@Test func builtinListIsNotEmpty() {
    #expect(!BuiltinSuites.list().isEmpty)
}
