import Testing
import Tokenizers

struct ByteLevelEncodingTests {
    @Test func mapIsABijectionMatchingTheDefinition() {
        var seen = Set<UInt32>()
        for byte in 0...255 {
            let scalar = ByteLevelEncoding.scalarForByte[byte]
            #expect(Character(Unicode.Scalar(scalar)!) == gpt2Character(UInt8(byte)))
            #expect(ByteLevelEncoding.byte(for: scalar) == UInt8(byte))
            seen.insert(scalar)
        }
        #expect(seen.count == 256)
    }

    @Test func publishedCharacters() {
        // Values from GPT-2's bytes_to_unicode table.
        let expected: [(UInt8, UInt32)] = [
            (0x00, 0x100), (0x09, 0x109), (0x0A, 0x10A), (0x20, 0x120), (0x7F, 0x121), (0x80, 0x122), (0xA0, 0x142),
            (0xAD, 0x143), (0x41, 0x41), (0xFF, 0xFF),
        ]
        for (byte, scalar) in expected {
            #expect(ByteLevelEncoding.scalarForByte[Int(byte)] == scalar)
        }
        #expect(ByteLevelEncoding.encode(Array(" \n".utf8)) == "ĠĊ")
    }

    @Test func decodeInvertsEncodeAndPassesUnmappedCharactersThrough() {
        let bytes = (0...255).map(UInt8.init)
        #expect(ByteLevelEncoding.decode(ByteLevelEncoding.encode(bytes)) == bytes)
        #expect(ByteLevelEncoding.byte(for: 0x2581) == nil)
        #expect(ByteLevelEncoding.decode("Ġ東") == [0x20] + Array("東".utf8))
    }
}
