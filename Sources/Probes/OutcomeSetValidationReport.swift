/// The outcome of validating an outcome set: the set when it is valid, and every problem found.
public struct OutcomeSetValidationReport: Sendable {
    /// The decoded set, or nil when its structure was unusable.
    public var set: OutcomeSet?
    /// Every problem, in file order; empty when the set is valid.
    public var issues: [SuiteIssue]
    /// Set when the file itself could not be read.
    public var failure: OutcomeSetError?

    /// Whether the set loaded without problems.
    public var isValid: Bool { self.set != nil && issues.isEmpty && failure == nil }

    init(set: OutcomeSet?, issues: [SuiteIssue]) {
        self.set = set
        self.issues = issues
        self.failure = nil
    }

    init(failure: OutcomeSetError) {
        self.set = nil
        self.issues = []
        self.failure = failure
    }
}
