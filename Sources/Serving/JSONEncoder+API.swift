import Foundation

extension JSONEncoder {
    /// The encoder for response bodies: compact, keys in declaration order, slashes unescaped.
    static var api: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }
}
