import Foundation

/// One input of a corpus build: a file or folder in one of the formats the extractors understand.
public struct CorpusSource: Sendable, Hashable {
    /// How the text is stored.
    public enum Format: String, Sendable, Hashable, Codable, CaseIterable {
        /// UTF-8 text (invalid bytes replaced); `.gz`/`.dz` files are decompressed first.
        case text
        /// A dictd dictionary: `NAME.dict.dz` (dictzip = gzip) or `NAME.dict`, with `NAME.index` beside it when
        /// available (used to skip the `00-database-*` entries when markup is stripped).
        case dictd
        /// A SWORD zText/zCom module directory: `{ot,nt}.{bzs,bzz}` or `{ot,nt}.{czs,czz}` block files.
        case sword
        /// An R lazy-load database (`Rdata.rdb`) whose objects are character vectors (janeaustenr).
        case rLazyLoad
        /// fortune files (quotations separated by lines holding only `%`): one file or a folder of them.
        case fortunes
        /// A WordNet 3.0 database folder: the glosses of `data.{noun,verb,adj,adv}`.
        case wordnetGlosses
    }

    /// How plain text is cut into corpus lines.
    public enum Segmentation: String, Sendable, Hashable, Codable {
        /// Every input line is one corpus line (sentence-per-line input).
        case lines
        /// Blank-line-separated paragraphs become one corpus line each (wrapped prose).
        case paragraphs
    }

    /// A short name for reports ("gcide", "kjv", a file name).
    public var name: String
    public var format: Format
    /// The file or folder.
    public var url: URL
    /// Used by `.text` (other formats have their own natural units: entries, blocks, quotes, glosses).
    public var segmentation: Segmentation

    public init(name: String, format: Format, url: URL, segmentation: Segmentation = .paragraphs) {
        self.name = name
        self.format = format
        self.url = url
        self.segmentation = segmentation
    }
}
