import Foundation

/// A fitted binary logistic regression: P(y = 1 | x) = σ(bias + Σ weightsᵢ · (xᵢ − meansᵢ) / scalesᵢ).
///
/// The features are standardised with the training rows' means and standard deviations (``means``, ``scales``)
/// before the linear part, so that one L2 penalty treats every feature alike whatever its units.
public struct LogisticModel: Codable, Sendable, Equatable {
    /// Coefficients on the standardised features.
    public var weights: [Double]
    /// Intercept (not penalised).
    public var bias: Double
    /// Training mean of each feature.
    public var means: [Double]
    /// Training standard deviation of each feature (1 for a constant feature).
    public var scales: [Double]

    /// Creates a model from its parts, as stored.
    public init(weights: [Double], bias: Double, means: [Double], scales: [Double]) {
        self.weights = weights
        self.bias = bias
        self.means = means
        self.scales = scales
    }

    /// The linear part (log-odds) for one row; `x` must have ``weights``' length.
    public func logit(_ x: [Double]) -> Double {
        var z = bias
        for j in weights.indices { z += weights[j] * (x[j] - means[j]) / scales[j] }
        return z
    }

    /// P(y = 1 | x).
    public func probability(_ x: [Double]) -> Double { logisticSigmoid(logit(x)) }

    /// Each standardised feature's contribution to the log-odds of `x` (weight × standardised value).
    public func contributions(_ x: [Double]) -> [Double] {
        weights.indices.map { weights[$0] * (x[$0] - means[$0]) / scales[$0] }
    }

    /// The same model with every number rounded to `digits` significant digits (for stable, compact files).
    public func rounded(significantDigits digits: Int) -> LogisticModel {
        func round(_ v: Double) -> Double {
            guard v != 0, v.isFinite else { return v }
            let magnitude = (Foundation.log10(abs(v))).rounded(.down)
            let factor = Foundation.pow(10, Double(digits - 1) - magnitude)
            return (v * factor).rounded() / factor
        }
        return LogisticModel(weights: weights.map(round), bias: round(bias), means: means.map(round),
                             scales: scales.map(round))
    }
}

/// σ(z) = 1 / (1 + e^(−z)), computed without overflow.
public func logisticSigmoid(_ z: Double) -> Double {
    if z >= 0 { return 1 / (1 + Foundation.exp(-z)) }
    let e = Foundation.exp(z)
    return e / (1 + e)
}

/// L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares).
///
/// Minimises Σᵢ cᵢ·[−yᵢ log pᵢ − (1 − yᵢ) log(1 − pᵢ)] + (λ/2)·‖w‖² over the standardised features, where cᵢ is
/// the row's weight (1, or with `balanced` the inverse of its class's share so that both classes weigh n/2 in
/// total) and the bias is not penalised. The fit is deterministic: the same rows give the same model bit for bit.
public enum LogisticRegression {
    /// Fits a model.
    /// - Parameters:
    ///   - features: one row per example, all of the same length (at least one column).
    ///   - labels: the outcome of each row.
    ///   - l2: the penalty λ ≥ 0 on the standardised coefficients. With λ = 0 and separable classes the
    ///     coefficients grow until the iteration limit; use λ > 0 there.
    ///   - balanced: weigh the classes equally whatever their counts.
    ///   - maxIterations: Newton steps at most.
    ///   - tolerance: stop when no coefficient moves by more than this.
    /// - Throws: ``StatisticsError`` for empty or ragged input, mismatched lengths, a negative or non-finite λ,
    ///   or non-finite feature values.
    public static func fit(
        features: [[Double]], labels: [Bool], l2: Double, balanced: Bool = false,
        maxIterations: Int = 100, tolerance: Double = 1e-10
    ) throws(StatisticsError) -> LogisticModel {
        let name = "LogisticRegression.fit"
        guard !features.isEmpty else { throw StatisticsError(function: name, reason: "no rows") }
        guard features.count == labels.count else {
            throw StatisticsError(function: name, reason: "\(features.count) rows but \(labels.count) labels")
        }
        let d = features[0].count
        guard d > 0 else { throw StatisticsError(function: name, reason: "rows have no features") }
        for (i, row) in features.enumerated() {
            guard row.count == d else {
                throw StatisticsError(function: name, reason: "row \(i) has \(row.count) features, row 0 has \(d)")
            }
            guard row.allSatisfy(\.isFinite) else {
                throw StatisticsError(function: name, reason: "row \(i) has a non-finite feature")
            }
        }
        guard l2 >= 0, l2.isFinite else {
            throw StatisticsError(function: name, reason: "l2 (\(l2)) must be a finite number ≥ 0")
        }
        let n = features.count
        var means = [Double](repeating: 0, count: d)
        var scales = [Double](repeating: 1, count: d)
        for j in 0..<d {
            let column = features.map { $0[j] }
            let mean = column.reduce(0, +) / Double(n)
            let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)
            means[j] = mean
            scales[j] = variance > 1e-24 ? variance.squareRoot() : 1
        }
        let x = features.map { row in (0..<d).map { (row[$0] - means[$0]) / scales[$0] } }
        let positives = labels.filter { $0 }.count
        let rowWeight: (Bool) -> Double = { label in
            guard balanced, positives > 0, positives < n else { return 1 }
            return Double(n) / (2 * Double(label ? positives : n - positives))
        }
        let c = labels.map(rowWeight)
        let y = labels.map { $0 ? 1.0 : 0.0 }

        // θ = (bias, w₁ … w_d); Newton step solves H·δ = g.
        let p = d + 1
        var theta = [Double](repeating: 0, count: p)
        for _ in 0..<maxIterations {
            var gradient = [Double](repeating: 0, count: p)
            var hessian = [Double](repeating: 0, count: p * p)
            for i in 0..<n {
                var z = theta[0]
                for j in 0..<d { z += theta[j + 1] * x[i][j] }
                let mu = logisticSigmoid(z)
                let r = c[i] * (mu - y[i])
                let w = c[i] * max(mu * (1 - mu), 1e-12)
                gradient[0] += r
                for j in 0..<d { gradient[j + 1] += r * x[i][j] }
                for a in 0..<p {
                    let xa = a == 0 ? 1 : x[i][a - 1]
                    for b in a..<p {
                        let xb = b == 0 ? 1 : x[i][b - 1]
                        hessian[a * p + b] += w * xa * xb
                    }
                }
            }
            for a in 0..<p { for b in 0..<a { hessian[a * p + b] = hessian[b * p + a] } }
            for j in 1..<p {
                gradient[j] += l2 * theta[j]
                hessian[j * p + j] += l2
            }
            // A tiny ridge keeps the system solvable when λ = 0 and columns are collinear.
            for j in 0..<p { hessian[j * p + j] += 1e-9 }
            let step = solveSymmetric(hessian, gradient, size: p)
            var largest = 0.0
            for j in 0..<p {
                theta[j] -= step[j]
                largest = max(largest, abs(step[j]))
            }
            if largest < tolerance { break }
        }
        return LogisticModel(weights: Array(theta[1...]), bias: theta[0], means: means, scales: scales)
    }

    /// Solves A·x = b for a symmetric positive-definite A (row-major, `size` × `size`) by Gaussian elimination
    /// with partial pivoting.
    static func solveSymmetric(_ a: [Double], _ b: [Double], size n: Int) -> [Double] {
        var m = a
        var v = b
        for k in 0..<n {
            var pivot = k
            for r in (k + 1)..<max(k + 1, n) where abs(m[r * n + k]) > abs(m[pivot * n + k]) { pivot = r }
            if pivot != k {
                for col in 0..<n { m.swapAt(k * n + col, pivot * n + col) }
                v.swapAt(k, pivot)
            }
            let diagonal = m[k * n + k]
            guard abs(diagonal) > 1e-300 else { continue }
            for r in (k + 1)..<max(k + 1, n) {
                let factor = m[r * n + k] / diagonal
                guard factor != 0 else { continue }
                for col in k..<n { m[r * n + col] -= factor * m[k * n + col] }
                v[r] -= factor * v[k]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for k in stride(from: n - 1, through: 0, by: -1) {
            var s = v[k]
            for col in (k + 1)..<max(k + 1, n) { s -= m[k * n + col] * x[col] }
            let diagonal = m[k * n + k]
            x[k] = abs(diagonal) > 1e-300 ? s / diagonal : 0
        }
        return x
    }
}
