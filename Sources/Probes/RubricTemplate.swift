import Foundation

/// Instantiates a suite's `rubric_template` for a family.
///
/// A template pattern that contains `{value}` is expanded into one pattern per value term (the family's value
/// followed by its synonyms), each term inserted with regular-expression metacharacters escaped. Patterns without
/// `{value}` are copied as they are. Criterion descriptions have `{value}` replaced by the value itself.
public enum RubricTemplate {
    /// The placeholder expanded per value term.
    public static let placeholder = "{value}"

    /// The template filled in for one family.
    public static func instantiate(_ template: Rubric, for family: ProbeFamily) -> Rubric {
        var criteria: [RubricCriterion] = []
        for criterion in template.criteria {
            var patterns: [String] = []
            for pattern in criterion.patterns {
                if pattern.contains(placeholder) {
                    for term in family.valueTerms { patterns.append(substitute(pattern, term: term)) }
                } else {
                    patterns.append(pattern)
                }
            }
            var filled = criterion
            filled.patterns = patterns
            filled.description = criterion.description.replacingOccurrences(of: placeholder, with: family.value)
            criteria.append(filled)
        }
        return Rubric(criteria: criteria, threshold: template.threshold)
    }

    /// `pattern` with each `{value}` replaced by `term`, escaped for regular expressions.
    static func substitute(_ pattern: String, term: String) -> String {
        pattern.replacingOccurrences(of: placeholder, with: NSRegularExpression.escapedPattern(for: term))
    }

    /// The suite with every family that has no rubric given the instantiated template.
    static func apply(to suite: ProbeSuite) -> ProbeSuite {
        guard let template = suite.rubricTemplate else { return suite }
        var result = suite
        for index in result.families.indices where result.families[index].rubric == nil {
            result.families[index].rubric = instantiate(template, for: result.families[index])
        }
        return result
    }
}
