import CZlib

/// One-shot zlib and gzip decompression for the corpus extractors (SWORD blocks, R lazy-load records,
/// dictzip and gzip files).
enum ZlibDecoder {
    /// zlib `windowBits` that accept a zlib or a gzip header.
    static let zlibOrGzip: Int32 = 47
    /// zlib `windowBits` for a zlib stream only.
    static let zlibOnly: Int32 = 15

    /// Inflates the one stream that starts at `input[start...]`.
    /// - Returns: the decompressed bytes and how many input bytes the stream used.
    /// - Throws: `.malformed` naming `label` and the byte offset when the data is not a complete stream.
    static func inflate(_ input: [UInt8], from start: Int = 0, windowBits: Int32 = zlibOnly, sizeHint: Int = 0,
                        label: String) throws(EmbeddingError) -> (output: [UInt8], consumed: Int) {
        guard start >= 0, start <= input.count else {
            throw .malformed("\(label): stream offset \(start) is past the end (\(input.count) bytes)")
        }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deinitialize(count: 1); stream.deallocate() }
        guard inflateInit2_(stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .io("\(label): zlib initialisation failed")
        }
        defer { inflateEnd(stream) }
        var output: [UInt8] = []
        output.reserveCapacity(max(sizeHint, 4096))
        let chunk = 1 << 18
        var buffer = [UInt8](repeating: 0, count: chunk)
        var status: Int32 = Z_OK
        let consumed: Int = try input.withUnsafeBufferPointer { (inBuf) throws(EmbeddingError) -> Int in
            guard let base = inBuf.baseAddress else { throw .malformed("\(label): empty input") }
            let available = inBuf.count - start
            // zlib counts input in UInt32; feed at most 1 GiB at a time.
            var offset = start
            stream.pointee.next_in = UnsafeMutablePointer(mutating: base + offset)
            stream.pointee.avail_in = UInt32(min(available, 1 << 30))
            offset += Int(stream.pointee.avail_in)
            while true {
                let produced: Int = buffer.withUnsafeMutableBufferPointer { out in
                    stream.pointee.next_out = out.baseAddress
                    stream.pointee.avail_out = UInt32(chunk)
                    status = CZlib.inflate(stream, Z_NO_FLUSH)
                    return chunk - Int(stream.pointee.avail_out)
                }
                output.append(contentsOf: buffer[0 ..< produced])
                if status == Z_STREAM_END { break }
                if status == Z_BUF_ERROR && stream.pointee.avail_in == 0 && offset < inBuf.count {
                    let more = min(inBuf.count - offset, 1 << 30)
                    stream.pointee.next_in = UnsafeMutablePointer(mutating: base + offset)
                    stream.pointee.avail_in = UInt32(more)
                    offset += more
                    continue
                }
                guard status == Z_OK else {
                    let at = start + Int(stream.pointee.total_in)
                    if status == Z_BUF_ERROR {
                        throw .malformed("\(label): compressed stream starting at byte \(start) ends early (byte \(at))")
                    }
                    let message = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
                    throw .malformed("\(label): bad compressed data at byte \(at): \(message)")
                }
            }
            return Int(stream.pointee.total_in)
        }
        return (output, consumed)
    }

    /// Decompresses a whole gzip file (all members; dictzip files are gzip files with an extra header field).
    static func gunzip(_ data: [UInt8], label: String) throws(EmbeddingError) -> [UInt8] {
        guard data.count >= 2, data[0] == 0x1F, data[1] == 0x8B else {
            throw .malformed("\(label): not a gzip file (byte 0)")
        }
        var output: [UInt8] = []
        var position = 0
        while position + 2 <= data.count, data[position] == 0x1F, data[position + 1] == 0x8B {
            let (bytes, used) = try inflate(data, from: position, windowBits: zlibOrGzip,
                                            sizeHint: output.isEmpty ? data.count * 3 : 0, label: label)
            if output.isEmpty { output = bytes } else { output.append(contentsOf: bytes) }
            guard used > 0 else { break }
            position += used
        }
        return output
    }
}
