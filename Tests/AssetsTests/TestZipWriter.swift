/// A minimal zip writer for the tests: stored and deflated entries, central directory, end record.
struct TestZipWriter {
    enum Method { case stored, deflated }

    private var body: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    /// Adds an entry. `corruptCRC` stores a wrong CRC-32 to test the reader's check.
    mutating func add(_ name: String, _ contents: [UInt8], method: Method, corruptCRC: Bool = false) {
        let nameBytes = Array(name.utf8)
        let stored: [UInt8]
        let methodCode: UInt16
        switch method {
        case .stored:
            stored = contents
            methodCode = 0
        case .deflated:
            stored = TestDeflate.compress(contents, windowBits: -15) ?? []
            methodCode = 8
        }
        let crc = TestDeflate.crc(contents) ^ (corruptCRC ? 1 : 0)
        let offset = UInt32(body.count)
        var local: [UInt8] = []
        local.le32(0x0403_4b50); local.le16(20); local.le16(0x0800); local.le16(methodCode)
        local.le16(0); local.le16(0x21)  // time, date
        local.le32(crc); local.le32(UInt32(stored.count)); local.le32(UInt32(contents.count))
        local.le16(UInt16(nameBytes.count)); local.le16(0)
        body += local + nameBytes + stored

        var entry: [UInt8] = []
        entry.le32(0x0201_4b50); entry.le16(0x0314); entry.le16(20); entry.le16(0x0800); entry.le16(methodCode)
        entry.le16(0); entry.le16(0x21)
        entry.le32(crc); entry.le32(UInt32(stored.count)); entry.le32(UInt32(contents.count))
        entry.le16(UInt16(nameBytes.count)); entry.le16(0); entry.le16(0); entry.le16(0); entry.le16(0)
        entry.le32(UInt32(0o100644) << 16); entry.le32(offset)
        central += entry + nameBytes
        count += 1
    }

    /// The finished archive.
    func finish() -> [UInt8] {
        var end: [UInt8] = []
        end.le32(0x0605_4b50); end.le16(0); end.le16(0); end.le16(UInt16(count)); end.le16(UInt16(count))
        end.le32(UInt32(central.count)); end.le32(UInt32(body.count)); end.le16(0)
        return body + central + end
    }
}

extension Array where Element == UInt8 {
    mutating func le16(_ v: UInt16) { append(UInt8(v & 0xff)); append(UInt8(v >> 8)) }
    mutating func le32(_ v: UInt32) { for s in stride(from: 0, to: 32, by: 8) { append(UInt8((v >> UInt32(s)) & 0xff)) } }
}
