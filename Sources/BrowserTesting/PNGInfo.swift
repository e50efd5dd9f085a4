import Foundation

/// The header facts of a PNG file: checked signature, and the image size from its IHDR chunk.
public struct PNGInfo: Sendable, Equatable {
    /// Image width in pixels.
    public var width: Int
    /// Image height in pixels.
    public var height: Int
    /// File size in bytes.
    public var byteCount: Int

    /// The eight bytes every PNG file starts with.
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Reads the header of PNG `data`; `name` labels errors.
    /// - Throws: ``BrowserError`` when the data is not a PNG with a valid IHDR chunk and a nonzero size.
    public init(data: Data, name: String) throws {
        let bytes = [UInt8](data.prefix(33))
        guard bytes.count >= 33 else {
            throw BrowserError("\(name): \(data.count) bytes is too short for a PNG file")
        }
        guard Array(bytes[0..<8]) == PNGInfo.signature else {
            throw BrowserError("\(name): byte 0: not a PNG file (wrong signature)")
        }
        guard Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            throw BrowserError("\(name): byte 12: the first chunk is not IHDR")
        }
        func bigEndian(_ offset: Int) -> Int {
            bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
        }
        width = bigEndian(16)
        height = bigEndian(20)
        byteCount = data.count
        guard width > 0, height > 0 else {
            throw BrowserError("\(name): byte 16: the image is \(width)×\(height) pixels")
        }
    }

    /// Reads the header of the PNG file at `url`.
    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw BrowserError("\(url.path): cannot read: \(error.localizedDescription)")
        }
        try self.init(data: data, name: url.path)
    }
}
