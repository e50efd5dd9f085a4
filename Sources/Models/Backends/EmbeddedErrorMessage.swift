/// An `error` field inside an otherwise successful body, either a string or an object with a `message`;
/// anything else decodes as no message rather than failing the whole body.
struct EmbeddedErrorMessage: Decodable {
    var message: String?

    private struct Object: Decodable {
        var message: String?
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            message = text
        } else if let object = try? container.decode(Object.self) {
            message = object.message
        } else {
            message = nil
        }
    }
}
