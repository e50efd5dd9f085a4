import Foundation

/// Settings for parsing and rendering a template.
///
/// The defaults match how Hugging Face `transformers` (and llama.cpp) compile chat templates:
/// `trim_blocks` and `lstrip_blocks` on, `keep_trailing_newline` off.
public struct TemplateOptions: Sendable {
    /// Remove the first newline after a block tag (`{% ... %}`) or comment (Jinja `trim_blocks`).
    public var trimBlocks: Bool
    /// Remove spaces and tabs from the start of a line up to a block tag or comment (Jinja `lstrip_blocks`).
    public var lstripBlocks: Bool
    /// Keep a single trailing newline of the source (Jinja `keep_trailing_newline`).
    public var keepTrailingNewline: Bool
    /// The instant `strftime_now` formats; `nil` means the current time.
    public var now: Date?
    /// The time zone `strftime_now` formats in.
    public var timeZone: TimeZone
    /// Most loop iterations (all loops together) one render may run before it fails.
    public var maxLoopIterations: Int
    /// Most nested macro calls before rendering fails.
    public var maxCallDepth: Int
    /// Most Unicode scalars (or list elements) one value may hold, and most UTF-8 bytes the output may hold,
    /// before rendering fails.
    public var maxValueLength: Int

    /// Creates options; every parameter has the chat-template default.
    public init(
        trimBlocks: Bool = true,
        lstripBlocks: Bool = true,
        keepTrailingNewline: Bool = false,
        now: Date? = nil,
        timeZone: TimeZone = .current,
        maxLoopIterations: Int = 1_000_000,
        maxCallDepth: Int = 64,
        maxValueLength: Int = 16_000_000
    ) {
        self.trimBlocks = trimBlocks
        self.lstripBlocks = lstripBlocks
        self.keepTrailingNewline = keepTrailingNewline
        self.now = now
        self.timeZone = timeZone
        self.maxLoopIterations = maxLoopIterations
        self.maxCallDepth = maxCallDepth
        self.maxValueLength = maxValueLength
    }

    /// Plain Jinja defaults: no block trimming or lstripping.
    public static let plainJinja = TemplateOptions(trimBlocks: false, lstripBlocks: false)
}
