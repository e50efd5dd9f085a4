/// Appends HTML to a string, escaping every text and attribute value it is given.
///
/// Markup passed through ``raw(_:)`` must come from this module (fixed tags, generated SVG); everything else goes
/// through ``text(_:)`` or an attribute list, so untrusted text can never open a tag.
public struct HTMLBuilder: Sendable {
    /// The HTML so far.
    public private(set) var html = ""

    /// An empty builder.
    public init() {}

    /// Appends trusted markup as is.
    public mutating func raw(_ markup: String) { html += markup }

    /// Appends escaped text.
    public mutating func text(_ text: String) { html += HTMLEscaping.escape(text) }

    /// Appends a start tag with escaped attribute values (nil values are left out; an empty name list gives `<tag>`).
    public mutating func open(_ tag: String, _ attributes: [(String, String?)] = []) {
        html += "<" + tag + HTMLBuilder.attributes(attributes) + ">"
    }

    /// Appends an end tag.
    public mutating func close(_ tag: String) { html += "</" + tag + ">" }

    /// Appends `<tag attributes>escaped text</tag>`.
    public mutating func element(_ tag: String, _ attributes: [(String, String?)] = [], text: String) {
        open(tag, attributes)
        self.text(text)
        close(tag)
    }

    /// Appends `<tag attributes>`, the content `body` appends, and `</tag>`.
    public mutating func element(_ tag: String, _ attributes: [(String, String?)] = [], _ body: (inout HTMLBuilder) -> Void) {
        open(tag, attributes)
        body(&self)
        close(tag)
    }

    /// ` name="value"` pairs, escaped; nil values are left out.
    public static func attributes(_ attributes: [(String, String?)]) -> String {
        var result = ""
        for (name, value) in attributes {
            guard let value else { continue }
            result += " " + name + "=\"" + HTMLEscaping.attribute(value) + "\""
        }
        return result
    }
}
