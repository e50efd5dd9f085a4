import Testing
@testable import Models

@Suite struct RedactorTests {
    @Test func wholeSecretsAndLongFragmentsAreHidden() {
        let redact = Redactor(secrets: ["sk-abcdefghijklmnopqrstuvwxyz"])
        #expect(redact("key sk-abcdefghijklmnopqrstuvwxyz rejected") == "key [REDACTED] rejected")
        #expect(redact("Incorrect API key provided: sk-abcdef****wxyz") == "Incorrect API key provided: [REDACTED]****wxyz")
        #expect(redact("a middle piece: ghijklmnop!") == "a middle piece: [REDACTED]!")
        #expect(redact("short overlap: sk-ab is fine") == "short overlap: sk-ab is fine")
    }

    @Test func foldsOntoOneLine() {
        #expect(Redactor(secrets: [])("a\n  b\r\n\tc ") == "a b c")
    }

    @Test func shortSecretsAreStillHiddenWhole() {
        #expect(Redactor(secrets: ["abc"])("xabcx") == "x[REDACTED]x")
    }
}
