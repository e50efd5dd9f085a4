/// A mutable dict that keeps insertion order, shared by reference.
final class DictBox {
    private(set) var keys: [Value] = []
    private var values: [Value] = []
    private var indexByKey: [DictKey: Int] = [:]

    var count: Int { keys.count }

    /// Key/value pairs in insertion order.
    var entries: [(key: Value, value: Value)] {
        var result: [(key: Value, value: Value)] = []
        result.reserveCapacity(keys.count)
        for position in keys.indices { result.append((keys[position], values[position])) }
        return result
    }

    func get(_ key: Value) -> Value? {
        guard let hashed = DictKey(key), let position = indexByKey[hashed] else { return nil }
        return values[position]
    }

    func get(_ key: String) -> Value? {
        guard let position = indexByKey[.string(key)] else { return nil }
        return values[position]
    }

    /// Inserts or replaces (keeping the original position); returns false when the key is not hashable.
    @discardableResult
    func set(_ key: Value, _ value: Value) -> Bool {
        guard let hashed = DictKey(key) else { return false }
        if let position = indexByKey[hashed] {
            values[position] = value
        } else {
            indexByKey[hashed] = keys.count
            keys.append(key)
            values.append(value)
        }
        return true
    }

    func remove(_ key: Value) -> Value? {
        guard let hashed = DictKey(key), let position = indexByKey[hashed] else { return nil }
        let removed = values[position]
        keys.remove(at: position)
        values.remove(at: position)
        indexByKey = [:]
        for (index, existing) in keys.enumerated() {
            if let keyHash = DictKey(existing) { indexByKey[keyHash] = index }
        }
        return removed
    }

    func copy() -> DictBox {
        let clone = DictBox()
        clone.keys = keys
        clone.values = values
        clone.indexByKey = indexByKey
        return clone
    }
}
