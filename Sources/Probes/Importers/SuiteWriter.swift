import Yams

/// Writes a suite as a YAML file that ``SuiteLoader`` reads back to the same suite: the model's own keys (choices
/// expanded, control twins with `control_of`), sorted so that the same suite is always written the same way, with
/// a comment header.
public enum SuiteWriter {
    /// The suite as YAML text, each line of `header` written as a comment first.
    public static func yaml(_ suite: ProbeSuite, header: [String] = []) throws -> String {
        let encoder = YAMLEncoder()
        encoder.options.allowUnicode = true
        encoder.options.width = 116
        encoder.options.sortKeys = true
        let body = try encoder.encode(suite)
        let comments = header.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) }
            .map { $0.isEmpty ? "#" : "# \($0)" }
        return (comments + [body]).joined(separator: "\n")
    }
}
