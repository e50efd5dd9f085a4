/// A Thurstonian fit on most edges, scored on edges it never saw.
public struct ThurstonianHoldout: Sendable, Codable, Equatable, Hashable {
    /// The fit on the training edges.
    public var fit: ThurstonianFit
    /// The edges the fit was scored on (not used to fit it).
    public var heldOutEdges: [PreferenceEdge]
    /// Number of training edges.
    public var trainingEdgeCount: Int
    /// Log loss and accuracy of ``fit`` on ``heldOutEdges``.
    public var score: PreferencePredictionScore
    /// The requested share of edges to hold out.
    public var fraction: Double
    /// Seed of the split.
    public var seed: UInt64
}

/// Splits the edges into training and held-out edges, fits on the training edges and scores the held-out ones
/// (Mazeika et al. 2025 hold out 5 % of edges).
///
/// The split is seeded and never disconnects the training graph: the edge indices are shuffled (Fisher–Yates with
/// `SeededGenerator(seed:)`), a spanning tree is grown greedily over the shuffled order read backwards (Kruskal's
/// rule: keep an edge when it joins two groups), and the held-out edges are the first
/// max(1, round(fraction · edges)) edges of the shuffled order outside that tree. Every outcome therefore stays
/// compared in training. When fewer edges lie outside the tree, all of them are held out.
///
/// - Throws: ``StatisticsError`` when `fraction` lies outside (0, 0.5], the data are not connected (see
///   ``fitThurstonian(_:options:)``), every edge is needed to keep the outcomes connected (nothing can be held
///   out), or the options are invalid.
public func evaluateThurstonianHoldout(
    _ data: PairwisePreferenceData, fraction: Double = 0.05, seed: UInt64,
    options: ThurstonianFitOptions = ThurstonianFitOptions()
) throws(StatisticsError) -> ThurstonianHoldout {
    let function = "evaluateThurstonianHoldout"
    guard fraction > 0, fraction <= 0.5 else {
        throw StatisticsError(function: function, reason: "fraction (\(fraction)) must lie in (0, 0.5]")
    }
    try options.check(in: function)
    try checkConnected(data, in: function)

    let edges = data.edges
    var order = Array(edges.indices)
    var generator = SeededGenerator(seed: seed)
    for i in stride(from: order.count - 1, to: 0, by: -1) {
        order.swapAt(i, generator.nextInt(below: i + 1))
    }
    var forest = UnionFind(count: data.outcomeCount)
    var inTree = [Bool](repeating: false, count: edges.count)
    for index in order.reversed() where forest.union(edges[index].a, edges[index].b) {
        inTree[index] = true
    }
    let wanted = max(1, Int((fraction * Double(edges.count)).rounded()))
    let heldOut = Array(order.filter { !inTree[$0] }.prefix(wanted))
    guard !heldOut.isEmpty else {
        throw StatisticsError(
            function: function,
            reason: "all \(edges.count) edges are needed to keep the outcomes connected; none can be held out")
    }
    var isHeldOut = [Bool](repeating: false, count: edges.count)
    for index in heldOut { isHeldOut[index] = true }
    let training = edges.indices.filter { !isHeldOut[$0] }.map { edges[$0] }
    let heldOutEdges = heldOut.sorted().map { edges[$0] }

    let fit = fitConnectedThurstonian(
        PairwisePreferenceData(outcomeCount: data.outcomeCount, checkedEdges: training), options: options, start: nil)
    let score = try fit.model.score(on: heldOutEdges)
    return ThurstonianHoldout(
        fit: fit, heldOutEdges: heldOutEdges, trainingEdgeCount: training.count, score: score, fraction: fraction,
        seed: seed)
}
