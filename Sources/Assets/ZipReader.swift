import CZlib
import Foundation

/// Reads zip archives (Python wheels): the central directory, zip64 sizes and offsets, stored and deflated
/// entries. Every extracted entry's CRC-32 and size are checked, and names that would escape the destination
/// directory are rejected.
public final class ZipReader {
    /// The archive's entries in central-directory order.
    public let entries: [ZipEntry]
    private let file: PosixFile
    private let fileSize: Int64
    private let label: String

    /// Opens an archive and reads its central directory.
    public init(url: URL) throws {
        file = try PosixFile.openForReading(url)
        fileSize = try file.size()
        label = url.lastPathComponent
        entries = try ZipReader.readCentralDirectory(file: file, fileSize: fileSize, label: label)
    }

    /// Extracts one regular-file entry to `destination`, streaming, and checks its size and CRC-32.
    public func extract(_ entry: ZipEntry, to destination: URL) throws {
        let out = try PosixFile.create(destination)
        do {
            try stream(entry) { try out.write($0) }
            try out.close()
        } catch {
            try? out.close()
            try? FileManager.default.removeItem(at: destination)
            throw error
        }
    }

    /// The decompressed contents of one entry (for small entries).
    public func contents(of entry: ZipEntry) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try stream(entry) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Extracts the regular-file entries for which `select` returns a relative destination path (or all
    /// regular files under their own names when `select` is nil) below `directory`.
    ///
    /// Directories and symbolic links are skipped. Every file name in the archive (and every destination) is
    /// checked with ``SafePath`` before anything is written; one unsafe name rejects the archive.
    /// - Returns: the archive names that were extracted, with the relative paths they were written to.
    @discardableResult
    public func extractAll(into directory: URL, select: ((String) -> String?)? = nil) throws -> [(entry: String, path: String)] {
        var plan: [(ZipEntry, String, URL)] = []
        for entry in entries where !entry.isDirectory && !entry.isSymbolicLink {
            guard SafePath.normalized(entry.name) != nil else {
                throw AssetError.unsafePath(archive: label, entry: entry.name)
            }
            guard let relative = select.map({ $0(entry.name) }) ?? entry.name else { continue }
            plan.append((entry, relative, try SafePath.destination(of: relative, in: directory, archive: label, entry: entry.name)))
        }
        var done: [(entry: String, path: String)] = []
        for (entry, relative, target) in plan {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try extract(entry, to: target)
            done.append((entry.name, relative))
        }
        return done
    }

    // MARK: - Reading entry data

    private func stream(_ entry: ZipEntry, sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        if entry.flags & 1 != 0 {
            throw AssetError.unsupported(archive: label, entry: entry.name, reason: "encrypted entries are not supported")
        }
        let headerOffset = Int64(entry.localHeaderOffset)
        guard headerOffset >= 0, headerOffset + 30 <= fileSize else {
            throw AssetError.malformedArchive(archive: label, offset: headerOffset, reason: "local header of '\(entry.name)' lies outside the file")
        }
        let header = try file.readExactly(30, at: headerOffset)
        guard le32(header, 0) == 0x0403_4b50 else {
            throw AssetError.malformedArchive(archive: label, offset: headerOffset, reason: "bad local header signature for '\(entry.name)'")
        }
        let dataOffset = headerOffset + 30 + Int64(le16(header, 26)) + Int64(le16(header, 28))
        let compressed = Int64(clamping: entry.compressedSize)
        guard compressed >= 0, dataOffset + compressed <= fileSize else {
            throw AssetError.malformedArchive(archive: label, offset: dataOffset, reason: "data of '\(entry.name)' runs past the end of the file")
        }
        let expected = entry.uncompressedSize
        var produced: UInt64 = 0
        var crc = crc32(0, nil, 0)
        let label = self.label
        func checkedSink(_ piece: UnsafeRawBufferPointer) throws {
            produced += UInt64(piece.count)
            if produced > expected {
                throw AssetError.malformedArchive(
                    archive: label, offset: dataOffset,
                    reason: "'\(entry.name)' inflates to more than its declared \(expected) bytes")
            }
            if let base = piece.baseAddress {
                crc = crc32(crc, base.assumingMemoryBound(to: Bytef.self), uInt(piece.count))
            }
            try sink(piece)
        }

        let chunkSize = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        switch entry.method {
        case 0:
            var offset: Int64 = 0
            while offset < compressed {
                let want = Int(min(Int64(chunkSize), compressed - offset))
                let got = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<want]), at: dataOffset + offset)
                if got == 0 { break }
                try checkedSink(UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
                offset += Int64(got)
            }
        case 8:
            let inflater = try Inflater(windowBits: Inflater.rawDeflate, label: label, baseOffset: dataOffset)
            var offset: Int64 = 0
            var finished = false
            while offset < compressed && !finished {
                let want = Int(min(Int64(chunkSize), compressed - offset))
                let got = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<want]), at: dataOffset + offset)
                if got == 0 { break }
                let result = try inflater.inflate(UnsafeRawBufferPointer(rebasing: buffer[0..<got]), sink: checkedSink)
                finished = result.finished
                offset += Int64(got)
            }
            if !finished {
                throw AssetError.malformedArchive(archive: label, offset: dataOffset + offset, reason: "deflate stream of '\(entry.name)' is truncated")
            }
        default:
            throw AssetError.unsupported(archive: label, entry: entry.name, reason: "compression method \(entry.method) is not supported (only stored and deflate)")
        }
        if produced != expected {
            throw AssetError.malformedArchive(archive: label, offset: dataOffset, reason: "'\(entry.name)' has \(produced) bytes, expected \(expected)")
        }
        if UInt32(truncatingIfNeeded: crc) != entry.crc32 {
            throw AssetError.malformedArchive(
                archive: label, offset: dataOffset,
                reason: "CRC-32 mismatch for '\(entry.name)': expected \(hex32(entry.crc32)), got \(hex32(UInt32(truncatingIfNeeded: crc)))")
        }
    }

    // MARK: - Central directory

    private static func readCentralDirectory(file: PosixFile, fileSize: Int64, label: String) throws -> [ZipEntry] {
        // The end-of-central-directory record (22 bytes + up to 65,535 bytes of comment) ends the file.
        guard fileSize >= 22 else {
            throw AssetError.malformedArchive(archive: label, offset: 0, reason: "too short for a zip archive (\(fileSize) bytes)")
        }
        let tailLength = Int(min(fileSize, 22 + 65_535))
        let tailStart = fileSize - Int64(tailLength)
        let tail = try file.readExactly(tailLength, at: tailStart)
        var eocd = -1
        var i = tailLength - 22
        while i >= 0 {
            if tail[i] == 0x50, tail[i + 1] == 0x4b, tail[i + 2] == 0x05, tail[i + 3] == 0x06 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else {
            throw AssetError.malformedArchive(archive: label, offset: tailStart, reason: "no end-of-central-directory record (not a zip archive?)")
        }
        var count = UInt64(le16(tail, eocd + 10))
        var cdSize = UInt64(le32(tail, eocd + 12))
        var cdOffset = UInt64(le32(tail, eocd + 16))
        if count == 0xFFFF || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF {
            // zip64: a locator sits just before the classic record and points at the zip64 record.
            let locatorAt = tailStart + Int64(eocd) - 20
            guard locatorAt >= 0 else {
                throw AssetError.malformedArchive(archive: label, offset: tailStart + Int64(eocd), reason: "zip64 locator missing")
            }
            let locator = try file.readExactly(20, at: locatorAt)
            guard le32(locator, 0) == 0x0706_4b50 else {
                throw AssetError.malformedArchive(archive: label, offset: locatorAt, reason: "zip64 locator missing")
            }
            let recordAt = Int64(clamping: le64(locator, 8))
            guard recordAt >= 0, recordAt + 56 <= fileSize else {
                throw AssetError.malformedArchive(archive: label, offset: locatorAt, reason: "zip64 record offset out of range")
            }
            let record = try file.readExactly(56, at: recordAt)
            guard le32(record, 0) == 0x0606_4b50 else {
                throw AssetError.malformedArchive(archive: label, offset: recordAt, reason: "bad zip64 end-of-central-directory signature")
            }
            count = le64(record, 32)
            cdSize = le64(record, 40)
            cdOffset = le64(record, 48)
        }
        guard cdOffset <= UInt64(fileSize), cdSize <= UInt64(fileSize) - cdOffset else {
            throw AssetError.malformedArchive(archive: label, offset: tailStart + Int64(eocd), reason: "central directory lies outside the file")
        }
        guard count <= cdSize / 46 + 1 else {
            throw AssetError.malformedArchive(archive: label, offset: tailStart + Int64(eocd), reason: "entry count \(count) does not fit the central directory")
        }
        let cd = try file.readExactly(Int(cdSize), at: Int64(cdOffset))
        var entries: [ZipEntry] = []
        entries.reserveCapacity(Int(count))
        var p = 0
        for _ in 0..<count {
            let at = Int64(cdOffset) + Int64(p)
            guard p + 46 <= cd.count, le32(cd, p) == 0x0201_4b50 else {
                throw AssetError.malformedArchive(archive: label, offset: at, reason: "bad central directory entry")
            }
            let madeBy = le16(cd, p + 4)
            let flags = le16(cd, p + 8)
            let method = le16(cd, p + 10)
            let crc = le32(cd, p + 16)
            var compressed = UInt64(le32(cd, p + 20))
            var uncompressed = UInt64(le32(cd, p + 24))
            let nameLength = Int(le16(cd, p + 28))
            let extraLength = Int(le16(cd, p + 30))
            let commentLength = Int(le16(cd, p + 32))
            let external = le32(cd, p + 38)
            var localOffset = UInt64(le32(cd, p + 42))
            let nameStart = p + 46
            let extraStart = nameStart + nameLength
            let next = extraStart + extraLength + commentLength
            guard next <= cd.count else {
                throw AssetError.malformedArchive(archive: label, offset: at, reason: "central directory entry runs past its end")
            }
            guard let name = String(validating: cd[nameStart..<extraStart], as: UTF8.self) else {
                throw AssetError.malformedArchive(archive: label, offset: at, reason: "entry name is not valid UTF-8")
            }
            // zip64 extended information: only the fields whose classic value is saturated are present.
            var e = extraStart
            while e + 4 <= extraStart + extraLength {
                let id = le16(cd, e)
                let size = Int(le16(cd, e + 2))
                let body = e + 4
                guard body + size <= extraStart + extraLength else { break }
                if id == 0x0001 {
                    var q = body
                    if uncompressed == 0xFFFF_FFFF, q + 8 <= body + size { uncompressed = le64(cd, q); q += 8 }
                    if compressed == 0xFFFF_FFFF, q + 8 <= body + size { compressed = le64(cd, q); q += 8 }
                    if localOffset == 0xFFFF_FFFF, q + 8 <= body + size { localOffset = le64(cd, q); q += 8 }
                }
                e = body + size
            }
            let unixMode = (madeBy >> 8) == 3 ? external >> 16 : 0
            entries.append(ZipEntry(
                name: name, method: method, flags: flags, crc32: crc, compressedSize: compressed,
                uncompressedSize: uncompressed, localHeaderOffset: localOffset, unixMode: unixMode))
            p = next
        }
        return entries
    }
}

@inline(__always) private func le16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
@inline(__always) private func le32(_ b: [UInt8], _ i: Int) -> UInt32 {
    UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
}
@inline(__always) private func le64(_ b: [UInt8], _ i: Int) -> UInt64 { UInt64(le32(b, i)) | UInt64(le32(b, i + 4)) << 32 }
private func hex32(_ v: UInt32) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: 8 - s.count) + s
}
