import Assets
import Foundation

/// One Debian text package of the built-in training corpus: which asset holds it, in what format, and which file
/// or folder of the asset to read.
public struct BuiltinCorpusSource: Sendable, Hashable {
    /// Short name used in reports ("gcide", "kjv" …).
    public var name: String
    /// Asset name in the catalogue (`AssetStore().ensure(asset)`).
    public var asset: String
    public var format: CorpusSource.Format
    /// File inside the asset's directory; empty for the directory itself.
    public var file: String

    public init(name: String, asset: String, format: CorpusSource.Format, file: String = "") {
        self.name = name
        self.asset = asset
        self.format = format
        self.file = file
    }

    /// The twelve sources of the data inventory (fortunes split into its two packages), largest first.
    ///
    /// Without markup stripping every source gives exactly the inventory's token count (13,758,055 in all) except
    /// fortunes: 429,414 here against 824,824 there, because each quotation file is read once (Debian's `.u8`
    /// names are symbolic links to the same files, which the inventory apparently counted too). With stripping
    /// (the built-in corpus) the total is 13,152,258 tokens.
    public static let all: [BuiltinCorpusSource] = [
        .init(name: "gcide", asset: "corpus-gcide", format: .dictd, file: "gcide.dict.dz"),
        .init(name: "tdavid", asset: "corpus-tdavid", format: .sword),
        .init(name: "wordnet", asset: "wordnet", format: .wordnetGlosses),
        .init(name: "web", asset: "corpus-web", format: .sword),
        .init(name: "kjv", asset: "corpus-kjv", format: .sword),
        .init(name: "fortunes", asset: "corpus-fortunes", format: .fortunes),
        .init(name: "fortunes-min", asset: "corpus-fortunes-min", format: .fortunes),
        .init(name: "foldoc", asset: "corpus-foldoc", format: .dictd, file: "foldoc.dict.dz"),
        .init(name: "austen", asset: "corpus-janeausten", format: .rLazyLoad, file: "Rdata.rdb"),
        .init(name: "mhcc", asset: "corpus-mhcc", format: .sword),
        .init(name: "jargon", asset: "corpus-jargon", format: .text, file: "jargon.txt.gz"),
        .init(name: "scofield", asset: "corpus-scofield", format: .sword),
        .init(name: "devil", asset: "corpus-devil", format: .dictd, file: "devil.dict.dz"),
    ]

    /// Installs the asset if needed and returns the source to extract.
    public func resolve(in store: AssetStore, progress: AssetProgressHandler? = nil) throws -> CorpusSource {
        let directory = try store.ensure(asset, progress: progress)
        let url = file.isEmpty ? directory : directory.appendingPathComponent(file)
        return CorpusSource(name: name, format: format, url: url, segmentation: .paragraphs)
    }
}
