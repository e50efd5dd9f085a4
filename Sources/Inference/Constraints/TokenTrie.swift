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
    /// Per token: the characters it adds inside a JSON string when it is plain text there (printable ASCII other
    /// than `"` and `\\`, and whole UTF-8 sequences), else −1. Inside a string such a token is allowed exactly when
    /// the string has room for its characters, so masks of string states need no walk for it.
    let plainChars: [Int32]
    /// The tree of the other tokens (walked for string states); nil for that tree itself.
    let irregular: TokenTrie?

    /// The tree of `tokens` (byte strings indexed by id; nil = left out).
    public convenience init(tokens: [[UInt8]?]) {
        let plain = tokens.map { $0.map(Self.plainCharacters) ?? -1 }
        let others = zip(tokens, plain).map { $1 >= 0 ? nil : $0 }
        self.init(tokens: tokens, plainChars: plain, irregular: TokenTrie(tokens: others, plainChars: [], irregular: nil))
    }

    /// The characters `bytes` add inside a JSON string, or −1 when they are not plain text there.
    static func plainCharacters(_ bytes: [UInt8]) -> Int32 {
        guard !bytes.isEmpty else { return -1 }
        var chars: Int32 = 0, pending = 0
        for b in bytes {
            if pending > 0 {
                guard b & 0xC0 == 0x80 else { return -1 }
                pending -= 1
                continue
            }
            switch b {
            case 0x22, 0x5C: return -1
            case 0x20 ..< 0x80: break
            case 0xC2 ... 0xDF: pending = 1
            case 0xE0 ... 0xEF: pending = 2
            case 0xF0 ... 0xF4: pending = 3
            default: return -1
            }
            chars += 1
        }
        return pending == 0 ? chars : -1
    }

    private init(tokens: [[UInt8]?], plainChars: [Int32], irregular: TokenTrie?) {
        vocabularySize = tokens.count
        bytesOfToken = tokens.map { $0 ?? [] }
        self.plainChars = plainChars
        self.irregular = irregular
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
        if let irregular, case .string(let node, let chars, 0, 0)? = state.stack.last,
           case .string(_, let maxLength) = state.grammar.nodes[node] {
            // Inside a string, between characters: plain tokens by their length, the rest by walking their tree.
            let room = maxLength.map { $0 - chars } ?? Int.max
            for (id, n) in plainChars.enumerated() where n >= 0 && Int(n) <= room { out.append(Int32(id)) }
            irregular.visit(0, state, &out)
            out.sort()
            return out
        }
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
