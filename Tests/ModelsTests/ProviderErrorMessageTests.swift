import Foundation
import Testing
@testable import Models

@Suite struct ProviderErrorMessageTests {
    private func extract(_ body: String, status: Int = 400) -> String {
        ProviderErrorMessage.extract(from: Data(body.utf8), status: status)
    }

    @Test func knownShapes() {
        #expect(extract(#"{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}"#)
                == "invalid x-api-key")
        #expect(extract(#"{"error":{"message":"Incorrect API key","type":"invalid_request_error"}}"#) == "Incorrect API key")
        #expect(extract(#"[{"error":{"code":400,"message":"bad","status":"INVALID_ARGUMENT"}}]"#) == "bad")
        #expect(extract(#"{"error":"model not found"}"#) == "model not found")
        #expect(extract(#"{"detail":"Not authenticated"}"#) == "Not authenticated")
        #expect(extract(#"{"message":"Forbidden"}"#) == "Forbidden")
    }

    @Test func plainBodiesAndEmptyBodies() {
        #expect(extract("<html>\n  <body>Bad gateway</body>\n</html>") == "<html> <body>Bad gateway</body> </html>")
        #expect(extract("", status: 404).lowercased().contains("not found"))
    }

    @Test func longMessagesAreCutToOneShortLine() {
        let long = String(repeating: "word ", count: 200)
        let message = extract(#"{"error":{"message":"\#(long)\nsecond line"}}"#)
        #expect(message.count == ProviderErrorMessage.maxLength)
        #expect(message.hasSuffix("…"))
        #expect(!message.contains("\n"))
    }
}
