/// A list of named assets. ``builtIn`` is ValueProbe's own; tests and embedders can build their own.
public struct AssetCatalog: Sendable {
    /// The assets, in display order.
    public var specs: [AssetSpec]

    /// Creates a catalogue.
    public init(_ specs: [AssetSpec]) {
        self.specs = specs
    }

    /// The asset called `name`, if any.
    public func spec(named name: String) -> AssetSpec? {
        specs.first { $0.name == name }
    }

    /// All asset names, in display order.
    public var names: [String] { specs.map(\.name) }
}
