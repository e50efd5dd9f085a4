import Foundation

/// A normalised corpus file and what went into it.
public struct CorpusBuild: Sendable {
    /// The corpus: lowercase tokens separated by single spaces, one segment per line.
    public let url: URL
    /// Tokens and lines per source, in build order.
    public let sources: [CorpusSourceCount]
    /// True when an existing cached file was reused.
    public let reused: Bool

    public init(url: URL, sources: [CorpusSourceCount], reused: Bool) {
        self.url = url
        self.sources = sources
        self.reused = reused
    }

    public var tokens: Int { sources.reduce(0) { $0 + $1.tokens } }
    public var lines: Int { sources.reduce(0) { $0 + $1.lines } }
}

/// Progress of a corpus build: called before each source is read and after it is written.
public struct CorpusBuildProgress: Sendable {
    public var source: String
    /// 0-based position of the source and the number of sources.
    public var index: Int
    public var total: Int
    /// Set once the source is written.
    public var finished: CorpusSourceCount?
}

/// The side file that records a cached corpus's per-source counts.
struct CorpusBuildRecord: Codable {
    var version: String
    var stripMarkup: Bool
    var sources: [CorpusSourceCount]
}
