import Foundation

/// Decompresses a gzip file (one or more members) as a stream of bytes, reading the file 1 MiB at a time.
final class GzipReader {
    private let file: PosixFile
    private let label: String
    private var inflater: Inflater
    private var fileOffset: Int64 = 0
    private var input: [UInt8] = []
    private var inputPosition = 0
    private var output: [UInt8] = []
    private var outputPosition = 0
    private var endOfData = false
    /// Decompressed bytes handed out so far.
    private(set) var position: Int64 = 0

    init(url: URL) throws {
        file = try PosixFile.openForReading(url)
        label = url.lastPathComponent
        inflater = try Inflater(windowBits: Inflater.gzipOrZlib, label: label)
        let magic = try file.readExactly(2, at: 0)
        guard magic == [0x1f, 0x8b] else {
            throw AssetError.malformedArchive(archive: label, offset: 0, reason: "not a gzip file")
        }
    }

    /// Returns up to `count` bytes (fewer only at the end of the data; empty at the end).
    func read(upTo count: Int) throws -> ArraySlice<UInt8> {
        while output.count - outputPosition < count && !endOfData { try fill() }
        let take = min(count, output.count - outputPosition)
        let slice = output[outputPosition..<outputPosition + take]
        outputPosition += take
        position += Int64(take)
        return slice
    }

    /// Returns exactly `count` bytes, or throws naming the offset when the data ends early.
    func readExactly(_ count: Int) throws -> ArraySlice<UInt8> {
        let start = position
        let bytes = try read(upTo: count)
        guard bytes.count == count else {
            throw AssetError.malformedArchive(archive: label, offset: start, reason: "unexpected end of data (wanted \(count) bytes, got \(bytes.count))")
        }
        return bytes
    }

    /// Skips `count` bytes.
    func skip(_ count: Int64) throws {
        var left = count
        while left > 0 {
            let piece = try read(upTo: Int(min(left, 1 << 20)))
            if piece.isEmpty {
                throw AssetError.malformedArchive(archive: label, offset: position, reason: "unexpected end of data while skipping \(left) bytes")
            }
            left -= Int64(piece.count)
        }
    }

    private func fill() throws {
        if outputPosition > 0 && outputPosition >= output.count / 2 {
            output.removeFirst(outputPosition)
            outputPosition = 0
        }
        if inputPosition == input.count {
            input = [UInt8](repeating: 0, count: 1 << 20)
            let got = try input.withUnsafeMutableBytes { try file.read(into: $0, at: fileOffset) }
            input.removeLast(input.count - got)
            inputPosition = 0
            fileOffset += Int64(got)
            if got == 0 {
                throw AssetError.malformedArchive(archive: label, offset: fileOffset, reason: "gzip data is truncated")
            }
        }
        let before = output.count
        let result = try input.withUnsafeBytes { raw in
            try inflater.inflate(UnsafeRawBufferPointer(rebasing: raw[inputPosition...])) { output.append(contentsOf: $0) }
        }
        inputPosition += result.consumed
        if result.consumed == 0 && output.count == before && !result.finished {
            throw AssetError.malformedArchive(archive: label, offset: fileOffset, reason: "gzip stream makes no progress")
        }
        if result.finished {
            // Another gzip member may follow; anything else (such as zero padding) ends the data.
            let nextAt = fileOffset - Int64(input.count - inputPosition)
            var probe = [UInt8](repeating: 0, count: 2)
            let got = try probe.withUnsafeMutableBytes { try file.read(into: $0, at: nextAt) }
            if got == 2 && probe == [0x1f, 0x8b] { inflater.reset() } else { endOfData = true }
        }
    }
}
