/// A JSON Schema compiled for decoding: a graph of nodes, each the shape of one JSON value, that
/// `JSONAutomaton` walks byte by byte. Nodes refer to each other by index, so automaton states are small values.
public struct JSONGrammar: Sendable, Hashable {
    /// One property of an object node.
    struct Property: Sendable, Hashable {
        /// The key as it is written, quotes included (e.g. `"score"`).
        var key: [UInt8]
        var node: Int
        var required: Bool
    }

    /// The shape of a value.
    enum Node: Sendable, Hashable {
        /// An object with these properties, generated in this order (optional ones may be left out).
        case object([Property])
        /// An object with any string keys whose values are `value`.
        case freeObject(value: Int)
        case array(items: Int, minItems: Int, maxItems: Int?)
        /// A string of `minLength...maxLength` characters (Unicode scalars; an escape counts as one).
        case string(minLength: Int, maxLength: Int?)
        case number(integer: Bool)
        /// Exactly one of these JSON texts (enum, const, true/false, null).
        case literals([[UInt8]])
        /// Any of these nodes (chosen by the first byte; their first bytes must not overlap).
        case union([Int])
    }

    var nodes: [Node]
    /// The node of the whole output.
    var root: Int
    /// Key-literal sets of object properties: for node `n` and first candidate index `i`, the literal set the key
    /// may be (from property `i` up to the first required one).
    var keySets: [KeySetID: [[UInt8]]]

    struct KeySetID: Sendable, Hashable {
        var node: Int
        var from: Int
    }

    /// The literal candidates of a literals node or a key set.
    func candidates(_ source: LiteralSource) -> [[UInt8]] {
        switch source {
        case .node(let n):
            if case .literals(let l) = nodes[n] { return l }
            return []
        case .keys(let node, let from): return keySets[KeySetID(node: node, from: from)] ?? []
        }
    }

    /// Node 0 of every grammar: an unconstrained string, the key of a free object.
    static let keyNode = 0

    /// The most digits a number may have (a bound keeps the number of automaton states small).
    static let maxNumberDigits = 18
}

/// Where a literal frame's candidates come from.
enum LiteralSource: Sendable, Hashable {
    case node(Int)
    case keys(node: Int, from: Int)
}
