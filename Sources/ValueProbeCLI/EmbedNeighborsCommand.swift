import ArgumentParser
import Embeddings
import Foundation

struct EmbedNeighborsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neighbors",
        abstract: "Nearest neighbours (cosine) of words in one or more spaces, side by side.",
        discussion: "Without WORDs, the default value words (or --words FILE) are used. A word is excluded from its own neighbours."
    )

    @Argument(help: "Query words.") var words: [String] = []
    @Option(name: .customLong("space"), help: "A space (repeatable; default glove).") var spaces: [String] = []
    @Option(help: "Neighbours per word.") var k: Int = 10
    @Option(help: "Word list file (one per line, 'a|b' alternative spellings).") var wordsFile: String?
    @Flag(help: "Print JSON: {space: {word: [{word, cosine}]}}.") var json = false
    @Flag(help: "Print load, normalisation and search times (median of 5 searches) on stderr.") var timing = false

    func validate() throws {
        guard k >= 1 else { throw ValidationError("--k must be at least 1, got \(k)") }
    }

    func run() throws {
        let specs = spaces.isEmpty ? ["glove"] : spaces
        let loaded = try EmbedSupport.loadSpaces(specs, words: try EmbedSupport.candidateWords(file: wordsFile, explicit: words), timing: timing)
        let queries = try EmbedSupport.words(file: wordsFile, explicit: words, spaces: loaded)
        var results: [[String: [Neighbor]]] = []
        for space in loaded {
            let present = queries.filter(space.contains)
            let missing = queries.filter { !space.contains($0) }
            if !missing.isEmpty { Terminal.error("\(space.name): not in the vocabulary: \(missing.joined(separator: ", "))") }
            if timing {
                let start = DispatchTime.now()
                _ = space.normalizedVectors
                Terminal.error(String(format: "%@: normalised %d rows in %.3f s", space.name, space.count, EmbedSupport.seconds(since: start)))
            }
            var times: [Double] = []
            var lists: [[Neighbor]] = []
            for _ in 0 ..< (timing ? 5 : 1) {
                let start = DispatchTime.now()
                lists = try NeighborSearch(space: space).nearest(to: present, k: k)
                times.append(EmbedSupport.seconds(since: start))
            }
            if timing {
                times.sort()
                Terminal.error(String(format: "%@: top-%d for %d words over %d rows: median %.4f s, min %.4f s (5 runs, %d threads)",
                                      space.name, k, present.count, space.count, times[2], times[0], NeighborSearch(space: space).threads))
            }
            results.append(Dictionary(uniqueKeysWithValues: zip(present, lists)))
        }
        if json {
            struct Entry: Encodable {
                let word: String
                let cosine: Float
            }
            var out: [String: [String: [Entry]]] = [:]
            for (space, lists) in zip(loaded, results) {
                out[space.name] = lists.mapValues { $0.map { Entry(word: $0.word, cosine: $0.cosine) } }
            }
            try EmbedSupport.printJSON(out)
            return
        }
        let cellWidth = max(24, (loaded.map(\.name.count).max() ?? 0) + 2)
        for word in queries {
            print(word)
            print("   #  " + loaded.map { EmbedSupport.pad($0.name, cellWidth) }.joined(separator: "  "))
            let depth = max(1, results.map { $0[word]?.count ?? 0 }.max() ?? 0)
            for rank in 0 ..< depth {
                let cells = results.map { lists -> String in
                    guard let list = lists[word] else { return EmbedSupport.pad(rank == 0 ? "(not in vocabulary)" : "", cellWidth) }
                    guard rank < list.count else { return EmbedSupport.pad("", cellWidth) }
                    let n = list[rank]
                    let score = String(format: "%.3f", n.cosine)
                    return EmbedSupport.pad(EmbedSupport.pad(n.word, cellWidth - score.count - 1) + " " + score, cellWidth)
                }
                print(String(format: "%4d  ", rank + 1) + cells.joined(separator: "  "))
            }
            print("")
        }
    }
}
