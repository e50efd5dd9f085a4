/// Encodes any `Encodable` value into ``CanonicalJSON`` (nil optionals encoded with `encodeIfPresent` are
/// left out, as synthesised `Codable` does).
enum CanonicalEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> CanonicalJSON {
        let root = Slot()
        try value.encode(to: TreeEncoder(slot: root, codingPath: []))
        return root.resolved()
    }

    /// A place in the tree being built; containers fill it in.
    final class Slot {
        enum Content {
            case empty
            case value(CanonicalJSON)
            case object([String: Slot])
            case array([Slot])
        }
        var content: Content = .empty

        func resolved() -> CanonicalJSON {
            switch content {
            case .empty: return .object([:])
            case .value(let value): return value
            case .object(let members): return .object(members.mapValues { $0.resolved() })
            case .array(let elements): return .array(elements.map { $0.resolved() })
            }
        }

        func member(_ key: String) -> Slot {
            let slot = Slot()
            var members: [String: Slot] = [:]
            if case .object(let existing) = content { members = existing }
            members[key] = slot
            content = .object(members)
            return slot
        }

        func appendElement() -> Slot {
            let slot = Slot()
            var elements: [Slot] = []
            if case .array(let existing) = content { elements = existing }
            elements.append(slot)
            content = .array(elements)
            return slot
        }
    }

    static func number<N: BinaryInteger>(_ value: N) -> CanonicalJSON { .number(String(value)) }

    static func number(_ value: Double) -> CanonicalJSON {
        value.isFinite ? .number(value.description) : .string(value.description)
    }

    struct TreeEncoder: Encoder {
        let slot: Slot
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .object = slot.content {} else { slot.content = .object([:]) }
            return KeyedEncodingContainer(Keyed<Key>(slot: slot, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .array = slot.content {} else { slot.content = .array([]) }
            return Unkeyed(slot: slot, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            Single(slot: slot, codingPath: codingPath)
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: Slot
        var codingPath: [any CodingKey]

        private func put(_ value: CanonicalJSON, _ key: Key) { slot.member(key.stringValue).content = .value(value) }

        mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
        mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { put(number(value), key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { put(number(Double(value)), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { put(number(value), key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { put(number(value), key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { put(number(value), key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { put(number(value), key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { put(number(value), key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { put(number(value), key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { put(number(value), key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { put(number(value), key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { put(number(value), key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { put(number(value), key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try value.encode(to: TreeEncoder(slot: slot.member(key.stringValue), codingPath: codingPath + [key]))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            TreeEncoder(slot: slot.member(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            TreeEncoder(slot: slot.member(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder {
            TreeEncoder(slot: slot.member("super"), codingPath: codingPath)
        }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            TreeEncoder(slot: slot.member(key.stringValue), codingPath: codingPath + [key])
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey]
        var count: Int {
            if case .array(let elements) = slot.content { return elements.count }
            return 0
        }

        private func put(_ value: CanonicalJSON) { slot.appendElement().content = .value(value) }

        mutating func encodeNil() throws { put(.null) }
        mutating func encode(_ value: Bool) throws { put(.bool(value)) }
        mutating func encode(_ value: String) throws { put(.string(value)) }
        mutating func encode(_ value: Double) throws { put(number(value)) }
        mutating func encode(_ value: Float) throws { put(number(Double(value))) }
        mutating func encode(_ value: Int) throws { put(number(value)) }
        mutating func encode(_ value: Int8) throws { put(number(value)) }
        mutating func encode(_ value: Int16) throws { put(number(value)) }
        mutating func encode(_ value: Int32) throws { put(number(value)) }
        mutating func encode(_ value: Int64) throws { put(number(value)) }
        mutating func encode(_ value: UInt) throws { put(number(value)) }
        mutating func encode(_ value: UInt8) throws { put(number(value)) }
        mutating func encode(_ value: UInt16) throws { put(number(value)) }
        mutating func encode(_ value: UInt32) throws { put(number(value)) }
        mutating func encode(_ value: UInt64) throws { put(number(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try value.encode(to: TreeEncoder(slot: slot.appendElement(), codingPath: codingPath))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type
        ) -> KeyedEncodingContainer<NestedKey> {
            TreeEncoder(slot: slot.appendElement(), codingPath: codingPath).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            TreeEncoder(slot: slot.appendElement(), codingPath: codingPath).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder {
            TreeEncoder(slot: slot.appendElement(), codingPath: codingPath)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey]

        private func put(_ value: CanonicalJSON) { slot.content = .value(value) }

        mutating func encodeNil() throws { put(.null) }
        mutating func encode(_ value: Bool) throws { put(.bool(value)) }
        mutating func encode(_ value: String) throws { put(.string(value)) }
        mutating func encode(_ value: Double) throws { put(number(value)) }
        mutating func encode(_ value: Float) throws { put(number(Double(value))) }
        mutating func encode(_ value: Int) throws { put(number(value)) }
        mutating func encode(_ value: Int8) throws { put(number(value)) }
        mutating func encode(_ value: Int16) throws { put(number(value)) }
        mutating func encode(_ value: Int32) throws { put(number(value)) }
        mutating func encode(_ value: Int64) throws { put(number(value)) }
        mutating func encode(_ value: UInt) throws { put(number(value)) }
        mutating func encode(_ value: UInt8) throws { put(number(value)) }
        mutating func encode(_ value: UInt16) throws { put(number(value)) }
        mutating func encode(_ value: UInt32) throws { put(number(value)) }
        mutating func encode(_ value: UInt64) throws { put(number(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try value.encode(to: TreeEncoder(slot: slot, codingPath: codingPath))
        }
    }
}
