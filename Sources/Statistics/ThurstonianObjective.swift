import Foundation

/// The penalised negative log-likelihood of ``fitThurstonian(_:options:)`` and its gradient.
struct ThurstonianObjective {
    let outcomeCount: Int
    let edges: [PreferenceEdge]
    let totalWeight: Double
    let meanPenalty: Double
    let logVariancePenalty: Double

    /// Σ over edges of −(#a ln Φ(z) + #b ln Φ(−z)) at parameters x = (μ, s), without penalties.
    func negativeLogLikelihood(_ x: [Double]) -> Double {
        let n = outcomeCount
        var total = 0.0
        for edge in edges {
            let z = (x[edge.a] - x[edge.b]) / (exp(x[n + edge.a]) + exp(x[n + edge.b])).squareRoot()
            total -= edge.aPreferred * normalLogCDF(z) + edge.bPreferred * normalLogCDF(-z)
        }
        return total
    }

    /// F(x) and ∇F(x).
    func evaluate(_ x: [Double]) -> (value: Double, gradient: [Double]) {
        let n = outcomeCount
        var gradient = [Double](repeating: 0, count: 2 * n)
        var value = 0.0
        let variances = (0..<n).map { exp(x[n + $0]) }
        for edge in edges {
            let a = edge.a, b = edge.b
            let v = variances[a] + variances[b]
            let r = v.squareRoot()
            let z = (x[a] - x[b]) / r
            value -= edge.aPreferred * normalLogCDF(z) + edge.bPreferred * normalLogCDF(-z)
            let g = -edge.aPreferred * normalLogCDFDerivative(z) + edge.bPreferred * normalLogCDFDerivative(-z)
            gradient[a] += g / r
            gradient[b] -= g / r
            let common = -g * z / (2 * v)
            gradient[n + a] += common * variances[a]
            gradient[n + b] += common * variances[b]
        }
        for k in 0..<n {
            value += 0.5 * meanPenalty * x[k] * x[k] + 0.5 * logVariancePenalty * x[n + k] * x[n + k]
            gradient[k] += meanPenalty * x[k]
            gradient[n + k] += logVariancePenalty * x[n + k]
        }
        return (value / totalWeight, gradient.map { $0 / totalWeight })
    }
}
