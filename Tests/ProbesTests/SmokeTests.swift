import Testing
import Foundation
@testable import Probes

@Test func builtinListIsNotEmpty() {
    #expect(!BuiltinSuites.list().isEmpty)
    for name in BuiltinSuites.list() {
        let report = SuiteLoader.validate(contentsOf: BuiltinSuites.url(for: name)!)
        for issue in report.issues { print("ISSUE", issue) }
        if let f = report.failure { print("FAIL", f) }
        #expect(report.isValid)
        if let s = report.suite { print("HASH", name, SuiteHash.hash(of: s)); try? SuiteHash.canonicalJSON(of: s).write(toFile: "/tmp/\(name).json", atomically: true, encoding: .utf8) }
    }
}
