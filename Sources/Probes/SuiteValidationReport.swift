/// The outcome of validating a suite: the suite when it could be built, and all problems found.
public struct SuiteValidationReport: Sendable {
    /// The decoded suite (rubric template applied), or nil when its structure was unusable.
    public var suite: ProbeSuite?
    /// Every problem, in file order where possible; empty when the suite is valid.
    public var issues: [SuiteIssue]
    /// Set when the file itself could not be read.
    public var failure: SuiteError?

    /// Whether the suite loaded without problems.
    public var isValid: Bool { suite != nil && issues.isEmpty && failure == nil }

    init(suite: ProbeSuite?, issues: [SuiteIssue]) {
        self.suite = suite
        self.issues = issues
        self.failure = nil
    }

    init(failure: SuiteError) {
        self.suite = nil
        self.issues = []
        self.failure = failure
    }
}
