import Assets
import Foundation

/// Pretrained vector spaces that ship through the asset store.
public enum PretrainedSpaces {
    /// GloVe 6B, 50 dimensions (400,000 words, Wikipedia 2014 + Gigaword 5), from the `glove-6b-50d` asset:
    /// a Fortran-order float32 NPY matrix and a Parquet vocabulary. Installs the asset on first use.
    public static func glove6B50d(store: AssetStore = AssetStore(), progress: AssetProgressHandler? = nil) throws -> VectorSpace {
        let matrix = try store.path("glove-6b-50d", file: "glove_6B_50d_emb.npy", progress: progress)
        let vocabulary = try store.path("glove-6b-50d", file: "glove_6B_index.parquet", progress: progress)
        return try glove6B50d(matrix: matrix, vocabulary: vocabulary)
    }

    /// GloVe 6B 50d from its two files.
    public static func glove6B50d(matrix: URL, vocabulary: URL) throws(EmbeddingError) -> VectorSpace {
        let words = try ParquetReader.readStringColumn(vocabulary, column: "index")
        let npy = try NpyReader.read(matrix)
        guard npy.rows == words.count, npy.columns == 50 else {
            throw .invalid("\(matrix.path): shape (\(npy.rows), \(npy.columns)) does not match the \(words.count)-word vocabulary × 50 dimensions")
        }
        return try VectorSpace(name: "glove-6b-50d", words: words, vectors: npy.values, dimension: 50)
    }
}
