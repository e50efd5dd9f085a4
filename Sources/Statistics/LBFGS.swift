/// Limited-memory BFGS minimisation (Nocedal & Wright 2006, algorithm 7.4/7.5) with a backtracking Armijo line
/// search, for smooth objectives with analytic gradients. Deterministic: no randomness anywhere.
///
/// - Each iteration takes the two-loop-recursion direction d = −H·g from the last `memory` pairs (s, y), scaled
///   by γ = sᵀy / yᵀy; if d is not a descent direction the memory is cleared and d = −g.
/// - The step t starts at 1 (at the first iteration and after a reset at min(1, 1/‖g‖∞)) and is halved until
///   f(x + t·d) ≤ f(x) + 10⁻⁴·t·gᵀd (at most 60 halvings).
/// - A pair (s, y) is stored only when sᵀy > 10⁻¹⁰·‖s‖·‖y‖ (curvature condition), which keeps H positive definite.
/// - Stops when ‖g‖∞ ≤ `gradientTolerance` (converged), when an iteration lowers f by no more than
///   10⁻¹⁴·max(1, |f|) (converged: stalled at machine precision), when no step lowers f (not converged), or after
///   `maxIterations` iterations (not converged).
struct LBFGS {
    /// Pairs kept for the inverse-Hessian approximation.
    var memory: Int = 10
    /// Iteration cap.
    var maxIterations: Int = 1000
    /// Largest gradient component at convergence.
    var gradientTolerance: Double = 1e-7

    /// The outcome of a minimisation.
    struct Result {
        var x: [Double]
        var value: Double
        var gradientNorm: Double
        var iterations: Int
        var evaluations: Int
        var converged: Bool
    }

    /// Minimises `objective`, which returns f(x) and ∇f(x), from `start`.
    func minimize(from start: [Double], objective: ([Double]) -> (value: Double, gradient: [Double])) -> Result {
        let dimension = start.count
        var x = start
        var (value, gradient) = objective(x)
        var evaluations = 1
        var steps: [[Double]] = []
        var changes: [[Double]] = []
        var curvatures: [Double] = []
        var iterations = 0
        var converged = false

        while iterations < maxIterations {
            let norm = infinityNorm(gradient)
            if norm <= gradientTolerance || !norm.isFinite {
                converged = norm.isFinite
                break
            }
            iterations += 1

            var direction = twoLoopDirection(gradient, steps: steps, changes: changes, curvatures: curvatures)
            var slope = dot(direction, gradient)
            var initialStep = 1.0
            if steps.isEmpty || !(slope < 0) {
                steps.removeAll()
                changes.removeAll()
                curvatures.removeAll()
                direction = gradient.map { -$0 }
                slope = dot(direction, gradient)
                initialStep = min(1, 1 / norm)
            }

            var t = initialStep
            var accepted: (x: [Double], value: Double, gradient: [Double])?
            for _ in 0..<60 {
                var candidate = x
                for k in 0..<dimension { candidate[k] += t * direction[k] }
                let (candidateValue, candidateGradient) = objective(candidate)
                evaluations += 1
                if candidateValue.isFinite, candidateValue <= value + 1e-4 * t * slope {
                    accepted = (candidate, candidateValue, candidateGradient)
                    break
                }
                t *= 0.5
            }
            guard let next = accepted else { break }

            var s = [Double](repeating: 0, count: dimension)
            var y = [Double](repeating: 0, count: dimension)
            for k in 0..<dimension {
                s[k] = next.x[k] - x[k]
                y[k] = next.gradient[k] - gradient[k]
            }
            let sy = dot(s, y)
            if sy > 1e-10 * (dot(s, s) * dot(y, y)).squareRoot() {
                if steps.count == memory {
                    steps.removeFirst()
                    changes.removeFirst()
                    curvatures.removeFirst()
                }
                steps.append(s)
                changes.append(y)
                curvatures.append(sy)
            }
            let decrease = value - next.value
            x = next.x
            value = next.value
            gradient = next.gradient
            if decrease <= 1e-14 * max(1, abs(value)) {
                converged = true
                break
            }
        }
        return Result(x: x, value: value, gradientNorm: infinityNorm(gradient), iterations: iterations,
                      evaluations: evaluations, converged: converged)
    }

    /// −H·g by the two-loop recursion.
    private func twoLoopDirection(
        _ gradient: [Double], steps: [[Double]], changes: [[Double]], curvatures: [Double]
    ) -> [Double] {
        var q = gradient
        var alphas = [Double](repeating: 0, count: steps.count)
        for m in stride(from: steps.count - 1, through: 0, by: -1) {
            let alpha = dot(steps[m], q) / curvatures[m]
            alphas[m] = alpha
            for k in q.indices { q[k] -= alpha * changes[m][k] }
        }
        if let last = changes.last, let sy = curvatures.last {
            let gamma = sy / dot(last, last)
            for k in q.indices { q[k] *= gamma }
        }
        for m in 0..<steps.count {
            let beta = dot(changes[m], q) / curvatures[m]
            for k in q.indices { q[k] += (alphas[m] - beta) * steps[m][k] }
        }
        return q.map { -$0 }
    }

    private func dot(_ u: [Double], _ v: [Double]) -> Double {
        var sum = 0.0
        for k in u.indices { sum += u[k] * v[k] }
        return sum
    }

    private func infinityNorm(_ v: [Double]) -> Double {
        v.reduce(0) { max($0, abs($1)) }
    }
}
