/// The outcome of validating a suite: the suite when it could be built, and all problems found.
public struct SuiteValidationReport: Sendable {
    /// The decoded suite (rubric template applied), or nil when its structure was unusable.
    public var suite: ProbeSuite?
    /// Every problem, in file order where possible; empty when the suite is valid.
    public var issues: [SuiteIssue]
    /// Set when the file itself could not be read.
    public var failure: SuiteError?
    /// Problems that do not stop the suite from loading (``SuiteValidator/warnings(in:)``).
    public var warnings: [SuiteIssue] = []

    /// Whether the suite loaded without problems.
    public var isValid: Bool { suite != nil && issues.isEmpty && failure == nil }

    init(suite: ProbeSuite?, issues: [SuiteIssue], warnings: [SuiteIssue] = []) {
        self.suite = suite
        self.issues = issues
        self.failure = nil
        self.warnings = warnings
    }

    init(failure: SuiteError) {
        self.suite = nil
        self.issues = []
        self.failure = failure
    }
}
