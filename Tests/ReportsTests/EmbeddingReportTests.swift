import BrowserTesting
import Embeddings
import Foundation
import Lexicon
import Reports
import Statistics
import Testing

private let valueWords = ["dignity", "fairness", "justice", "honesty", "care", "trust"]
private let fillers = ["apple", "river", "stone", "cloud", "music", "table", "chair", "light", "green", "honour", "equity", "respect"]

/// A space whose words lie on the unit circle of its first two dimensions, at irregular angles.
private func circleSpace() throws -> VectorSpace {
    let words = valueWords + fillers
    var vectors: [Float] = []
    for (index, _) in words.enumerated() {
        let angle = Double(index) * 0.37 + 0.05 * Double(index * index % 7)
        vectors += [Float(cos(angle)), Float(sin(angle)), 0, 0]
    }
    return try VectorSpace(name: "circle", words: words, vectors: vectors, dimension: 4)
}

/// A seeded random space, optionally without some words.
private func randomSpace(_ name: String, seed: UInt64, dimension: Int = 8, dropping: Set<String> = []) throws -> VectorSpace {
    let words = (valueWords + fillers).filter { !dropping.contains($0) }
    var generator = SeededGenerator(seed: seed)
    var vectors: [Float] = []
    for _ in words {
        for _ in 0..<dimension { vectors.append(Float(generator.nextDouble() * 2 - 1)) }
    }
    return try VectorSpace(name: name, words: words, vectors: vectors, dimension: dimension)
}

/// The `k` nearest words of `word` by brute-force cosine.
private func bruteForceNeighbours(_ word: String, in space: VectorSpace, k: Int) throws -> [String] {
    let query = try space.vector(for: word).map(Double.init)
    func cosine(_ a: [Double], _ b: [Double]) -> Double {
        let dot = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
        return dot / (a.reduce(0) { $0 + $1 * $1 }.squareRoot() * b.reduce(0) { $0 + $1 * $1 }.squareRoot())
    }
    let scored = try space.words.filter { $0 != word }.map { other in
        (other, cosine(query, try space.vector(for: other).map(Double.init)))
    }
    return scored.sorted { $0.1 > $1.1 }.prefix(k).map(\.0)
}

@Suite("Embedding report")
struct EmbeddingReportTests {
    @Test("neighbours equal brute force; heatmap matrices equal the pairwise comparisons; missing words listed")
    func analyses() throws {
        let spaces = [try circleSpace(), try randomSpace("random-a", seed: 1), try randomSpace("random-b", seed: 2, dropping: ["trust"])]
        let report = try EmbeddingReport.compute(spaces: spaces, words: valueWords, k: 3, anchors: 50, threads: 1)
        #expect(report.spaces.map(\.name) == ["circle", "random-a", "random-b"])
        #expect(report.spaces[2].missing == ["trust"])
        for (space, section) in zip(spaces, report.spaces) {
            #expect(section.words.map(\.word) == valueWords.filter(space.contains))
            for entry in section.words {
                #expect(entry.neighbours.map(\.word) == (try bruteForceNeighbours(entry.word, in: space, k: 3)), "\(space.name) \(entry.word)")
            }
        }
        #expect(report.comparisons.map { "\($0.spaceA)|\($0.spaceB)" } == ["circle|random-a", "circle|random-b", "random-a|random-b"])
        let jaccard = report.matrix(\.meanJaccard)
        let rsa = report.matrix(\.rsaSpearman)
        for i in 0..<3 {
            #expect(jaccard[i][i] == 1 && rsa[i][i] == 1)
            for j in 0..<3 where j != i {
                let comparison = try #require(report.comparisons.first { Set([$0.spaceA, $0.spaceB]) == Set([spaces[i].name, spaces[j].name]) })
                #expect(jaccard[i][j] == comparison.meanJaccard && jaccard[j][i] == comparison.meanJaccard)
                #expect(rsa[i][j] == comparison.rsaSpearman)
            }
        }
    }

    @Test("PCA projection: words on a circle keep their distances and all their variance")
    func projection() throws {
        let space = try circleSpace()
        let projection = try #require(try WordProjection.principalComponents(of: valueWords, in: space))
        #expect(projection.words == valueWords)
        #expect(abs(projection.explainedVariance.reduce(0, +) - 1) < 1e-9)
        #expect(projection.explainedVariance[0] >= projection.explainedVariance[1])
        for i in valueWords.indices {
            for j in valueWords.indices where j > i {
                let a = try space.vector(for: valueWords[i]).map(Double.init)
                let b = try space.vector(for: valueWords[j]).map(Double.init)
                let original = zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
                let projected = ((projection.x[i] - projection.x[j]) * (projection.x[i] - projection.x[j])
                    + (projection.y[i] - projection.y[j]) * (projection.y[i] - projection.y[j])).squareRoot()
                #expect(abs(original - projected) < 1e-5)
            }
        }
        // Centred: the coordinates average to zero.
        #expect(abs(projection.x.reduce(0, +)) < 1e-9 && abs(projection.y.reduce(0, +)) < 1e-9)
        // A space with fewer than three of the words has no projection; a wider space than words works too.
        #expect(try WordProjection.principalComponents(of: ["dignity", "care", "absent"], in: space) == nil)
        let wide = try randomSpace("wide", seed: 3, dimension: 40)
        #expect(try WordProjection.principalComponents(of: valueWords, in: wide)?.words.count == valueWords.count)
    }

    @Test("HTML: neighbour tables, heatmaps and scatter plots show the computed numbers; bad input is an error")
    func html() throws {
        let spaces = [try circleSpace(), try randomSpace("random-a", seed: 1)]
        let report = try EmbeddingReport.compute(spaces: spaces, words: valueWords, k: 3, anchors: 50, threads: 1)
        let document = HTMLDocument(parsing: EmbeddingReportHTML.render(report))
        for id in ["spaces", "neighbours", "comparison", "projection"] {
            #expect(document.element(id: id)?.name == "section", "section \(id)")
        }
        #expect(document.element(id: "agreement") == nil)
        for (index, section) in report.spaces.enumerated() {
            let rows = try #require(document.element(id: "table-neighbours-\(index)")).elements(named: "tr").filter { $0[attribute: "data-word"] != nil }
            #expect(rows.map { $0[attribute: "data-word"] ?? "" } == section.words.map(\.word))
            #expect(rows.first?.elements(withClass: "neighbour").count == 3)
            let points = try #require(document.element(id: "chart-projection-\(index)")).elements(withClass: "point")
            let projection = try #require(section.projection)
            #expect(points.map { $0[attribute: "data-label"] ?? "" } == projection.words)
            for (point, x) in zip(points, projection.x) {
                #expect(abs((Double(point[attribute: "data-x"] ?? "") ?? .nan) - x) < 1e-6)
            }
        }
        let cells = try #require(document.element(id: "chart-rsa")).elements(withClass: "cell")
        #expect(cells.count == 4)
        let offDiagonal = try #require(cells.first { $0[attribute: "data-row"] == "circle" && $0[attribute: "data-column"] == "random-a" })
        #expect(abs((Double(offDiagonal[attribute: "data-value"] ?? "") ?? .nan) - (report.comparisons[0].rsaSpearman ?? .nan)) < 1e-6)

        #expect(throws: EmbeddingError.self) { try EmbeddingReport.compute(spaces: spaces, words: [], k: 3) }
        #expect(throws: EmbeddingError.self) { try EmbeddingReport.compute(spaces: spaces, words: valueWords, k: 0) }
        #expect(throws: EmbeddingError.self) { try EmbeddingReport.compute(spaces: [spaces[0], spaces[0]], words: valueWords) }
    }

    @Test("WordNet agreement bars equal the agreement analysis; real Chromium renders the page without errors")
    func agreementInBrowser() throws {
        let wordNet = try WordNet()
        let spaces = [try circleSpace(), try randomSpace("random-a", seed: 1)]
        let report = try EmbeddingReport.compute(spaces: spaces, words: valueWords, wordNet: wordNet, k: 5, anchors: 50, threads: 1)
        let html = EmbeddingReportHTML.render(report)
        let document = HTMLDocument(parsing: html)
        let chart = try #require(document.element(id: "chart-agreement"))
        for section in report.spaces {
            let agreement = try #require(section.agreement)
            let mean = try #require(chart.elements(withClass: "bar").first { $0[attribute: "data-group"] == "mean" && $0[attribute: "data-series"] == section.name })
            #expect(abs((Double(mean[attribute: "data-value"] ?? "") ?? .nan) - (agreement.meanPrecisionAny ?? .nan)) < 1e-6)
            // Neighbours come from the agreement analysis, with its relations.
            #expect(section.words.map(\.word) == agreement.words.filter(\.inSpace).map(\.word))
        }

        let browser = try HeadlessBrowser.locate()
        let directory = try temporaryDirectory("browser-embed")
        let file = directory.appendingPathComponent("embed.html")
        try Data(html.utf8).write(to: file)
        let load = try browser.load(url: file, width: 1000, height: 1400, screenshot: directory.appendingPathComponent("embed.png"))
        #expect(load.consoleMessages.isEmpty, "\(load.consoleMessages)")
        let dom = load.document()
        #expect(dom.elements(named: "svg").count == document.elements(named: "svg").count)
        #expect(Set(dom.elements(named: "svg").compactMap { $0[attribute: "data-chart"] }) == ["interval-bars", "heatmap", "scatter"])
        #expect(load.screenshot?.width == 1000)
    }
}
