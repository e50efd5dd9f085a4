/// A page as headless Chromium rendered it: the serialised DOM after scripts ran, and what the page logged.
public struct PageLoad: Sendable {
    /// The DOM serialised as HTML (`--dump-dom`).
    public var dom: String
    /// Everything the page wrote to the console, in order.
    public var consoleMessages: [ConsoleMessage]
    /// The screenshot taken in the same run, when one was asked for.
    public var screenshot: PNGInfo?

    /// Creates a page load.
    public init(dom: String, consoleMessages: [ConsoleMessage], screenshot: PNGInfo? = nil) {
        self.dom = dom
        self.consoleMessages = consoleMessages
        self.screenshot = screenshot
    }

    /// The console messages that report errors (see ``ConsoleMessage/looksLikeError``).
    public var consoleErrors: [ConsoleMessage] { consoleMessages.filter(\.looksLikeError) }

    /// The DOM parsed into a tree.
    public func document() -> HTMLDocument { HTMLDocument(parsing: dom) }
}
