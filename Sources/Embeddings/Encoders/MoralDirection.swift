import Foundation

/// The "moral direction" of a sentence-embedding space (Schramowski et al. 2022, *Large pre-trained language
/// models contain human-like biases of what is right and wrong to do*): actions are embedded as the mean of
/// templated questions ("Should I {action}?" …), the first principal component of a set of actions with known
/// polarity is the moral axis, oriented so that positive actions score positive, and an action's score is its
/// centred projection on that axis divided by the largest |projection| among the fitting actions, clipped to
/// [−1, 1].
public struct MoralDirection: Sendable {
    /// The ten question templates of the paper; `{}` stands for the action.
    public static let templates = [
        "Is it ok to {}?", "Should I {}?", "Shall I {}?", "May I {}?", "Is it allowed to {}?",
        "Is it recommended to {}?", "Is it desired to {}?", "Is it polite to {}?", "Is it good behaviour to {}?",
        "Is it exemplary to {}?",
    ]

    /// Unit vector of the moral axis (the first principal component, oriented).
    public let axis: [Float]
    /// Mean of the fitting actions' embeddings (the PCA centre).
    public let center: [Float]
    /// Largest |projection| among the fitting actions; scores are divided by it.
    public let scale: Double
    /// Share of the fitting set's variance on the axis (first eigenvalue / trace of the covariance).
    public let explainedVarianceRatio: Double
    /// The templates used for fitting and scoring.
    public let templates: [String]

    /// Fits the direction to `actions`, embedding each templated question with `embed` (which maps texts to
    /// vectors of one length). Needs at least one positive and one negative action.
    public static func fit(
        actions: [MoralAction] = MoralAction.builtIn, templates: [String] = MoralDirection.templates,
        embed: ([String]) throws -> [[Float]]
    ) throws -> MoralDirection {
        let vectors = try actionEmbeddings(actions.map(\.text), templates: templates, embed: embed)
        return try fit(embeddings: vectors, polarities: actions.map(\.isPositive), templates: templates)
    }

    /// Fits the direction to precomputed action embeddings (one per action) with their polarities.
    public static func fit(embeddings: [[Double]], polarities: [Bool], templates: [String] = MoralDirection.templates) throws -> MoralDirection {
        guard embeddings.count == polarities.count, embeddings.count >= 2 else {
            throw EmbeddingError.invalid("moral direction: need at least two actions with one polarity each, got \(embeddings.count) embeddings and \(polarities.count) polarities")
        }
        guard polarities.contains(true), polarities.contains(false) else {
            throw EmbeddingError.invalid("moral direction: the fitting actions need both positive and negative examples")
        }
        let d = embeddings[0].count
        guard d > 0, embeddings.allSatisfy({ $0.count == d }) else {
            throw EmbeddingError.invalid("moral direction: embeddings differ in length")
        }
        let n = embeddings.count
        var mean = [Double](repeating: 0, count: d)
        for e in embeddings { for j in 0 ..< d { mean[j] += e[j] } }
        for j in 0 ..< d { mean[j] /= Double(n) }
        let centred = embeddings.map { e in (0 ..< d).map { e[$0] - mean[$0] } }

        // Start from the difference of the class means: close to the axis when the classes separate.
        var start = [Double](repeating: 0, count: d)
        let positives = Double(polarities.filter { $0 }.count), negatives = Double(n) - positives
        for (e, p) in zip(centred, polarities) { for j in 0 ..< d { start[j] += p ? e[j] / positives : -e[j] / negatives } }
        let (component, eigenvalue) = topPrincipalComponent(centred, start: start)
        let trace = centred.reduce(0) { $0 + $1.reduce(0) { $0 + $1 * $1 } } / Double(n - 1)
        var axis = component
        // Orient: positive actions on the positive side.
        let projections = centred.map { dot($0, axis) }
        let positiveMean = zip(projections, polarities).filter { $0.1 }.map(\.0).reduce(0, +) / positives
        let negativeMean = zip(projections, polarities).filter { !$0.1 }.map(\.0).reduce(0, +) / negatives
        let sign: Double = positiveMean >= negativeMean ? 1 : -1
        axis = axis.map { $0 * sign }
        let scale = projections.map { abs($0) }.max() ?? 1
        return MoralDirection(axis: axis.map(Float.init), center: mean.map(Float.init), scale: scale > 0 ? scale : 1,
                              explainedVarianceRatio: trace > 0 ? eigenvalue / trace : 0, templates: templates)
    }

    /// The mean embedding of each action's templated questions.
    public static func actionEmbeddings(_ actions: [String], templates: [String] = MoralDirection.templates,
                                        embed: ([String]) throws -> [[Float]]) throws -> [[Double]] {
        guard !templates.isEmpty else { throw EmbeddingError.invalid("moral direction: no templates") }
        let questions = actions.flatMap { a in templates.map { $0.replacingOccurrences(of: "{}", with: a) } }
        let vectors = try embed(questions)
        guard vectors.count == questions.count, let d = vectors.first?.count, d > 0, vectors.allSatisfy({ $0.count == d }) else {
            throw EmbeddingError.invalid("moral direction: the embedding function returned \(vectors.count) vectors of unequal or zero length for \(questions.count) questions")
        }
        return actions.indices.map { a in
            var m = [Double](repeating: 0, count: d)
            for t in templates.indices { for j in 0 ..< d { m[j] += Double(vectors[a * templates.count + t][j]) } }
            return m.map { $0 / Double(templates.count) }
        }
    }

    /// The score of an action's embedding (see ``actionEmbeddings(_:templates:embed:)``), in [−1, 1].
    public func score(embedding: [Double]) -> Double {
        var p = 0.0
        for j in 0 ..< min(embedding.count, axis.count) { p += (embedding[j] - Double(center[j])) * Double(axis[j]) }
        return min(1, max(-1, p / scale))
    }

    /// Scores of `actions`, embedded with `embed` through the templates.
    public func scores(of actions: [String], embed: ([String]) throws -> [[Float]]) throws -> [Double] {
        let e = try Self.actionEmbeddings(actions, templates: templates, embed: embed)
        guard let d = e.first?.count, d == axis.count else {
            if actions.isEmpty { return [] }
            throw EmbeddingError.invalid("moral direction: the embeddings have \(e.first?.count ?? 0) dimensions, the axis \(axis.count)")
        }
        return e.map(score(embedding:))
    }

    /// Leave-one-out sign accuracy: for each action, fit on the others and check that the held-out action's
    /// score has the sign of its polarity (a score of exactly 0 counts as wrong).
    public static func leaveOneOutAccuracy(embeddings: [[Double]], polarities: [Bool]) throws -> Double {
        guard embeddings.count == polarities.count, embeddings.count >= 3 else {
            throw EmbeddingError.invalid("moral direction: leave-one-out needs at least three actions")
        }
        var correct = 0
        for i in embeddings.indices {
            var e = embeddings, p = polarities
            let held = e.remove(at: i)
            p.remove(at: i)
            let direction = try fit(embeddings: e, polarities: p)
            let s = direction.score(embedding: held)
            if (s > 0) == polarities[i], s != 0 { correct += 1 }
        }
        return Double(correct) / Double(embeddings.count)
    }

    /// First eigenvector and eigenvalue of the covariance `xᵀx / (rows − 1)` of the centred rows `x`, by power
    /// iteration on the Gram matrix `x xᵀ` (rows × rows, small for fitting sets), whose top eigenvector `u`
    /// gives the component `xᵀu` and the same eigenvalue.
    static func topPrincipalComponent(_ x: [[Double]], start: [Double]) -> ([Double], Double) {
        let n = x.count, d = x.first?.count ?? 0
        var gram = [Double](repeating: 0, count: n * n)
        for i in 0 ..< n { for j in i ..< n { let g = dot(x[i], x[j]); gram[i * n + j] = g; gram[j * n + i] = g } }
        var u = x.map { dot($0, start) }
        if u.allSatisfy({ $0 == 0 }) { u = [Double](repeating: 1, count: n) }
        normalize(&u)
        var lambda = 0.0
        for _ in 0 ..< 20000 {
            var w = [Double](repeating: 0, count: n)
            for i in 0 ..< n { var s = 0.0; for j in 0 ..< n { s += gram[i * n + j] * u[j] }; w[i] = s }
            lambda = dot(u, w)
            normalize(&w)
            let change = zip(w, u).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            u = w
            if change < 1e-26 { break }
        }
        var v = [Double](repeating: 0, count: d)
        for (row, s) in zip(x, u) { for j in 0 ..< d { v[j] += s * row[j] } }
        normalize(&v)
        return (v, lambda / Double(max(n - 1, 1)))
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for j in a.indices { s += a[j] * b[j] }
        return s
    }

    private static func normalize(_ v: inout [Double]) {
        let n = dot(v, v).squareRoot()
        if n > 0 { v = v.map { $0 / n } }
    }

    private init(axis: [Float], center: [Float], scale: Double, explainedVarianceRatio: Double, templates: [String]) {
        self.axis = axis
        self.center = center
        self.scale = scale
        self.explainedVarianceRatio = explainedVarianceRatio
        self.templates = templates
    }
}

extension MoralDirection {
    /// Fits the direction with a sentence encoder (MiniLM by default in the CLI).
    public static func fit(encoder: SentenceEncoder, actions: [MoralAction] = MoralAction.builtIn) throws -> MoralDirection {
        try fit(actions: actions) { try encoder.encode($0) }
    }
}
