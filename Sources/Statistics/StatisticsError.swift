/// An invalid argument passed to a function of the `Statistics` module.
///
/// Undefined results (an empty input, a correlation of constants, an interval over zero trials) are not errors:
/// those functions return `nil`. An error means the caller passed something that can never be valid, such as a
/// negative count, more successes than trials or a confidence level outside (0, 1).
public struct StatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The public function that rejected its arguments, e.g. `"wilsonInterval"`.
    public let function: String
    /// What was wrong, in one line, e.g. `"successes (12) exceed trials (10)"`.
    public let reason: String

    /// Creates an error; line breaks in `reason` are replaced by spaces so that the description stays one line.
    public init(function: String, reason: String) {
        self.function = function
        self.reason = reason.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// One line: `function: reason`.
    public var description: String { "\(function): \(reason)" }
}

extension StatisticsError {
    /// Throws unless `confidence` lies strictly between 0 and 1.
    static func checkConfidence(_ confidence: Double, in function: String) throws(StatisticsError) {
        guard confidence > 0, confidence < 1 else {
            throw StatisticsError(function: function, reason: "confidence (\(confidence)) must lie strictly between 0 and 1")
        }
    }

    /// Throws unless `probability` lies in [0, 1].
    static func checkProbability(_ probability: Double, named name: String, in function: String) throws(StatisticsError) {
        guard probability >= 0, probability <= 1 else {
            throw StatisticsError(function: function, reason: "\(name) (\(probability)) must lie in [0, 1]")
        }
    }

    /// Throws unless `count` is zero or positive.
    static func checkNonNegative(_ count: Int, named name: String, in function: String) throws(StatisticsError) {
        guard count >= 0 else {
            throw StatisticsError(function: function, reason: "\(name) (\(count)) must not be negative")
        }
    }

    /// Throws unless every value is finite.
    static func checkFinite(_ values: [Double], named name: String, in function: String) throws(StatisticsError) {
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw StatisticsError(function: function, reason: "\(name)[\(index)] (\(values[index])) is not finite")
        }
    }
}
