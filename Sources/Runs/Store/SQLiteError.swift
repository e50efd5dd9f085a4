import CSQLite

/// A failure reported by SQLite, with SQLite's own message and what was being done.
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// SQLite's (extended) result code.
    public var code: Int32
    /// SQLite's error message.
    public var message: String
    /// What was being done: the SQL statement, or "opening PATH".
    public var context: String

    /// Creates an error.
    public init(code: Int32, message: String, context: String) {
        self.code = code
        self.message = message
        self.context = context
    }

    /// Whether this is a constraint violation (primary key, unique, foreign key, not null).
    public var isConstraintViolation: Bool { code & 0xFF == SQLITE_CONSTRAINT }

    public var description: String {
        let what = context.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        let shortened = what.count > 160 ? String(what.prefix(157)) + "..." : what
        return "SQLite error \(code) while \(shortened): \(message)"
    }
}
