import Assets
/// A stable fingerprint of a suite's content, recorded by runs so results are tied to the exact suite.
///
/// The hash is SHA-256 (lowercase hex) of the suite's canonical JSON (see ``SuiteHash/canonicalJSON(of:)``):
/// the order of keys in the YAML file, comments and formatting do not change it; any change to a prompt,
/// paraphrase, id, rubric, default or metadata does. Rubric templates are applied before hashing, so the hash
/// covers the rubrics judges actually use.
public enum SuiteHash {
    /// The 64-digit hexadecimal SHA-256 of the suite's canonical JSON.
    public static func hash(of suite: ProbeSuite) -> String {
        SHA256.hash(Array(canonicalJSON(of: suite).utf8))
    }

    /// The suite as canonical JSON text: keys sorted by code point, no whitespace, nil fields left out.
    /// Python's `json.dumps(suite, sort_keys=True, ensure_ascii=False, separators=(",", ":"))` writes the same.
    ///
    /// A suite with forced choices is hashed with the forms its choices are asked in, the built-in defaults
    /// (``ChoiceForm/moralChoice``) included, so that a change of their wording is a new hash and a new run.
    public static func canonicalJSON(of suite: ProbeSuite) -> String {
        var hashed = suite
        if hashed.choiceForms == nil && hashed.families.contains(where: { !$0.choices.isEmpty }) {
            hashed.choiceForms = ChoiceForm.moralChoice
        }
        // Encoding the model's own types cannot fail: the tree encoder never throws.
        return (try? CanonicalEncoder.encode(hashed))?.text ?? ""
    }
}
