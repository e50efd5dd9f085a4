import Assets
import Foundation

@testable import Embeddings

/// The real GloVe 6B 50d space, loaded once per test process through the asset store (installed on first use).
enum GloVeFixture {
    static let loaded: Result<VectorSpace, any Error> = Result { try PretrainedSpaces.glove6B50d() }

    static func space() throws -> VectorSpace { try loaded.get() }
}
