/// Group exact match EM = (1/G) Σ_g Π_{i∈g} 1[item i of group g is correct]: a group (e.g. the paraphrases of one
/// implicit scenario) counts only when every member is correct. Empty groups are ignored.
///
/// - Returns: `nil` when there is no non-empty group.
public func groupExactMatch(_ groups: [[Bool]]) -> Double? {
    let nonEmpty = groups.filter { !$0.isEmpty }
    guard !nonEmpty.isEmpty else { return nil }
    let matched = nonEmpty.lazy.filter { $0.allSatisfy { $0 } }.count
    return Double(matched) / Double(nonEmpty.count)
}
