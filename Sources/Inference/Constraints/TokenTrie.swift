import Tokenizers

/// The byte strings of a vocabulary's tokens in a prefix tree, so that the tokens allowed in a state are found by
/// walking the tree once (a prefix the grammar rejects rules out every token under it).
///
/// Control tokens and tokens with no bytes are left out: constrained output never contains them (end-of-turn
/// tokens are allowed separately, when the output may end).
public final class TokenTrie: Sendable {
    /// Children of node `n`: `childBytes[childStart[n] ..< childStart[n + 1]]` and the matching `childNodes`.
    let childStart: [Int32]
    let childBytes: [UInt8]
    let childNodes: [Int32]
    /// Tokens whose bytes end at node `n`: `tokenIds[tokenStart[n] ..< tokenStart[n + 1]]`.
    let tokenStart: [Int32]
    let tokenIds: [Int32]
    /// The longest token, in bytes.
    public let longestToken: Int
    /// The vocabulary size.
    public let vocabularySize: Int
    /// Each token's bytes (empty for tokens left out).
    private let bytesOfToken: [[UInt8]]

    /// The tree of `tokens` (byte strings indexed by id; nil = left out).
    public init(tokens: [[UInt8]?]) {
        vocabularySize = tokens.count
        bytesOfToken = tokens.map { $0 ?? [] }
        var children: [[UInt8: Int32]] = [[:]]
        var ends: [[Int32]] = [[]]
        var longest = 0
        for (id, bytes) in tokens.enumerated() {
            guard let bytes, !bytes.isEmpty else { continue }
            longest = max(longest, bytes.count)
            var node = 0
            for b in bytes {
                if let next = children[node][b] {
                    node = Int(next)
                } else {
                    children.append([:])
                    ends.append([])
                    children[node][b] = Int32(children.count - 1)
                    node = children.count - 1
                }
            }
            ends[node].append(Int32(id))
        }
        var cs: [Int32] = [0], cb: [UInt8] = [], cn: [Int32] = [], ts: [Int32] = [0], ti: [Int32] = []
        for n in children.indices {
            for (b, c) in children[n].sorted(by: { $0.key < $1.key }) {
                cb.append(b)
                cn.append(c)
            }
            cs.append(Int32(cb.count))
            ti.append(contentsOf: ends[n])
            ts.append(Int32(ti.count))
        }
        childStart = cs
        childBytes = cb
        childNodes = cn
        tokenStart = ts
        tokenIds = ti
        longestToken = longest
    }

    /// The tree of a tokenizer's vocabulary (control tokens left out).
    public convenience init(tokenizer: any Tokenizer) {
        self.init(tokens: (0 ..< tokenizer.vocabularySize).map { id in
            tokenizer.isControl(Int32(id)) ? nil : tokenizer.tokenBytes(Int32(id))
        })
    }

    /// The bytes of `token` (empty when it is left out of the tree).
    func bytes(of token: Int32) -> [UInt8] {
        token >= 0 && Int(token) < bytesOfToken.count ? bytesOfToken[Int(token)] : []
    }

    /// Every token whose bytes `state` accepts (ascending ids).
    func allowedTokens(from state: JSONAutomaton) -> [Int32] {
        var out: [Int32] = []
        visit(0, state, &out)
        out.sort()
        return out
    }

    private func visit(_ node: Int, _ state: JSONAutomaton, _ out: inout [Int32]) {
        for c in Int(childStart[node]) ..< Int(childStart[node + 1]) {
            var next = state
            guard next.feed(childBytes[c]) else { continue }
            let child = Int(childNodes[c])
            out.append(contentsOf: tokenIds[Int(tokenStart[child]) ..< Int(tokenStart[child + 1])])
            if childStart[child + 1] > childStart[child] { visit(child, next, &out) }
        }
    }
}
