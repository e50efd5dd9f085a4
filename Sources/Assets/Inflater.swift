import CZlib

/// Streaming zlib decompression (raw deflate for zip entries, gzip for `.tar.gz`).
///
/// The `z_stream` lives on the heap: zlib keeps a pointer back to it and rejects a moved stream.
final class Inflater {
    /// Raw deflate data, as stored in zip entries.
    static let rawDeflate: Int32 = -15
    /// A gzip or zlib stream, detected from its header.
    static let gzipOrZlib: Int32 = 47

    private let stream: UnsafeMutablePointer<z_stream>
    private let output: UnsafeMutableRawBufferPointer
    private let label: String
    private let baseOffset: Int64
    private var initialised = false

    /// - Parameters:
    ///   - label: the archive's name, for error messages.
    ///   - baseOffset: the byte offset of the compressed data in its file, for error messages.
    init(windowBits: Int32, label: String, baseOffset: Int64 = 0) throws {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = .allocate(byteCount: 256 * 1024, alignment: 16)
        self.label = label
        self.baseOffset = baseOffset
        let rc = inflateInit2_(stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard rc == Z_OK else {
            throw AssetError.malformedArchive(archive: label, offset: baseOffset, reason: "zlib initialisation failed (\(rc))")
        }
        initialised = true
    }

    deinit {
        if initialised { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
        output.deallocate()
    }

    /// Compressed bytes consumed so far (since the last reset).
    var totalIn: Int64 { Int64(stream.pointee.total_in) }

    /// Starts a new stream (the next gzip member).
    func reset() {
        inflateReset(stream)
    }

    /// Decompresses `input`, passing each piece of output to `sink`.
    ///
    /// - Returns: how many input bytes were consumed and whether the end of the stream was reached (input after
    ///   the end is left unconsumed).
    func inflate(_ input: UnsafeRawBufferPointer, sink: (UnsafeRawBufferPointer) throws -> Void) throws -> (consumed: Int, finished: Bool) {
        guard let base = input.baseAddress, input.count > 0, let outBase = output.baseAddress else { return (0, false) }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        defer {
            stream.pointee.next_in = nil
            stream.pointee.avail_in = 0
        }
        while true {
            stream.pointee.next_out = outBase.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(output.count)
            let rc = CZlib.inflate(stream, Z_NO_FLUSH)
            let produced = output.count - Int(stream.pointee.avail_out)
            if produced > 0 { try sink(UnsafeRawBufferPointer(rebasing: output[0..<produced])) }
            let consumed = input.count - Int(stream.pointee.avail_in)
            switch rc {
            case Z_STREAM_END:
                return (consumed, true)
            case Z_OK:
                if stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0 { return (consumed, false) }
            case Z_BUF_ERROR:
                if produced == 0 { return (consumed, false) }
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(rc)"
                throw AssetError.malformedArchive(
                    archive: label, offset: baseOffset + totalIn, reason: "corrupt compressed data: \(message)")
            }
        }
    }
}
