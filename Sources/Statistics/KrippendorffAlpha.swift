/// The measurement level of Krippendorff's α, which fixes the difference function δ².
public enum MeasurementLevel: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
    /// δ²_ck = 1[c ≠ k].
    case nominal
    /// δ²_ck = (Σ_{g from c to k} n_g − (n_c + n_k)/2)², with n_g the pairable-value counts of the ranked values.
    case ordinal
    /// δ²_ck = (c − k)².
    case interval
    /// δ²_ck = ((c − k)/(c + k))² (0 when c + k = 0).
    case ratio
}

/// Krippendorff's α for any number of coders, with missing values.
///
/// `data[j][u]` is coder j's value for unit u, or `nil` when missing (Krippendorff's reliability data matrix:
/// coders are rows, units are columns). α = 1 − D_o/D_e, computed from the coincidence matrix (Krippendorff 2011):
/// each unit u with m_u ≥ 2 values adds 1/(m_u − 1) to o_ck for every ordered pair of values (c, k) coming from
/// different coders; n_c = Σ_k o_ck, n = Σ_c n_c; D_o = Σ o_ck δ²_ck / n; D_e = Σ n_c n_k δ²_ck / (n(n − 1)).
/// Units with fewer than two values are dropped.
///
/// - Returns: `nil` when no unit has two values, or when D_e = 0 (all pairable values equal).
/// - Throws: `StatisticsError` when the coders' rows differ in length or a value is not finite.
public func krippendorffAlpha(_ data: [[Double?]], level: MeasurementLevel) throws(StatisticsError) -> Double? {
    let function = "krippendorffAlpha"
    let unitCount = data.first?.count ?? 0
    for (coder, row) in data.enumerated() {
        guard row.count == unitCount else {
            throw StatisticsError(function: function, reason: "coder \(coder) rates \(row.count) units but coder 0 rates \(unitCount)")
        }
        if let unit = row.firstIndex(where: { $0.map { !$0.isFinite } ?? false }) {
            throw StatisticsError(function: function, reason: "value of coder \(coder) for unit \(unit) is not finite")
        }
    }
    // Values of the pairable units, as indices into the sorted distinct values.
    let units: [[Double]] = (0..<unitCount).compactMap { unit in
        let values = data.compactMap { $0[unit] }
        return values.count >= 2 ? values : nil
    }
    let categories = Array(Set(units.joined())).sorted()
    var slot: [Double: Int] = [:]
    for (index, value) in categories.enumerated() { slot[value] = index }
    let indexed = units.map { $0.map { slot[$0] ?? 0 } }
    let delta = differenceMatrix(categories: categories, units: indexed, level: level)
    return alpha(units: indexed, categoryCount: categories.count, delta: delta)
}

/// Krippendorff's α at the nominal level for labels of any hashable type (e.g. judge verdicts);
/// `data[j][u]` is coder j's label for unit u, or `nil` when missing.
///
/// - Returns: `nil` when no unit has two labels, or when all pairable labels are equal.
/// - Throws: `StatisticsError` when the coders' rows differ in length.
public func krippendorffAlpha<Label: Hashable>(labels data: [[Label?]]) throws(StatisticsError) -> Double? {
    let unitCount = data.first?.count ?? 0
    for (coder, row) in data.enumerated() where row.count != unitCount {
        throw StatisticsError(function: "krippendorffAlpha", reason: "coder \(coder) rates \(row.count) units but coder 0 rates \(unitCount)")
    }
    var slot: [Label: Int] = [:]
    var units: [[Int]] = []
    for unit in 0..<unitCount {
        let labels = data.compactMap { $0[unit] }
        guard labels.count >= 2 else { continue }
        units.append(labels.map { label in
            if let index = slot[label] { return index }
            slot[label] = slot.count
            return slot.count - 1
        })
    }
    let delta = differenceMatrix(categories: Array(repeating: 0, count: slot.count), units: [], level: .nominal)
    return alpha(units: units, categoryCount: slot.count, delta: delta)
}

/// δ²_ck for every pair of categories; `units` (category indices) is only needed for the ordinal level.
private func differenceMatrix(categories: [Double], units: [[Int]], level: MeasurementLevel) -> [[Double]] {
    let count = categories.count
    var delta = [[Double]](repeating: [Double](repeating: 0, count: count), count: count)
    var marginals = [Double](repeating: 0, count: count)
    if level == .ordinal {
        for unit in units {
            for value in unit { marginals[value] += 1 }
        }
    }
    for c in 0..<count {
        for k in 0..<count where c != k {
            switch level {
            case .nominal:
                delta[c][k] = 1
            case .interval:
                let difference = categories[c] - categories[k]
                delta[c][k] = difference * difference
            case .ratio:
                let sum = categories[c] + categories[k]
                let difference = sum == 0 ? 0 : (categories[c] - categories[k]) / sum
                delta[c][k] = difference * difference
            case .ordinal:
                let low = min(c, k)
                let high = max(c, k)
                var between = 0.0
                for g in low...high { between += marginals[g] }
                let difference = between - (marginals[c] + marginals[k]) / 2
                delta[c][k] = difference * difference
            }
        }
    }
    return delta
}

/// α from pairable units (each with ≥ 2 category indices) and a difference matrix.
private func alpha(units: [[Int]], categoryCount: Int, delta: [[Double]]) -> Double? {
    guard !units.isEmpty, categoryCount > 0 else { return nil }
    var coincidence = [[Double]](repeating: [Double](repeating: 0, count: categoryCount), count: categoryCount)
    for unit in units {
        let weight = 1 / Double(unit.count - 1)
        for (i, c) in unit.enumerated() {
            for (j, k) in unit.enumerated() where i != j {
                coincidence[c][k] += weight
            }
        }
    }
    let marginals = coincidence.map { $0.reduce(0, +) }
    let n = marginals.reduce(0, +)
    var observed = 0.0
    var expected = 0.0
    for c in 0..<categoryCount {
        for k in 0..<categoryCount {
            observed += coincidence[c][k] * delta[c][k]
            expected += marginals[c] * marginals[k] * delta[c][k]
        }
    }
    observed /= n
    expected /= n * (n - 1)
    guard expected > 0 else { return nil }
    return 1 - observed / expected
}
