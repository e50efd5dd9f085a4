import Assets

/// A stable fingerprint of an outcome set's content, recorded by preference runs (as ``SuiteHash`` is for suites).
///
/// SHA-256 (lowercase hex) of the set's canonical JSON: key order, comments and formatting of the YAML file do not
/// change it; any change to an id, text, value, polarity, the prompt or the metadata does.
public enum OutcomeSetHash {
    /// The 64-digit hexadecimal SHA-256 of the set's canonical JSON.
    public static func hash(of set: OutcomeSet) -> String {
        SHA256.hash(Array(canonicalJSON(of: set).utf8))
    }

    /// The set as canonical JSON text: keys sorted by code point, no whitespace, nil fields left out.
    public static func canonicalJSON(of set: OutcomeSet) -> String {
        // Encoding the model's own types cannot fail: the tree encoder never throws.
        (try? CanonicalEncoder.encode(set))?.text ?? ""
    }
}
