import Foundation
import Models
import Probes
import Reports
import Runs
import Synchronization
import Testing

/// A remote-style model that always prefers the larger sum of money in the question.
private final class LargerSumModel: ChatModel {
    let spec = ModelSpec.ollama(model: "larger-sum")
    let maxConcurrency = 2

    func complete(_ request: ChatRequest) async throws -> ChatResponse {
        let prompt = request.messages.last?.content ?? ""
        let numbers = prompt.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        let text = numbers.count == 2 ? (numbers[0] > numbers[1] ? "A" : "B") : "?"
        return ChatResponse(text: text, finishReason: "stop", latencyMilliseconds: 1)
    }
}

@Suite("Preference report page")
struct PrefsReportHTMLTests {
    @Test("the page charts every outcome's utility and interval, one band per value, and shows the agreement table")
    func page() async throws {
        let set = try OutcomeSetLoader.load(yaml: """
            id: sums
            title: Sums
            version: "1"
            description: Four sums.
            outcomes:
              - {id: big, text: "You receive 100 dollars.", value: thrift, polarity: upholds}
              - {id: mid, text: "You receive 20 dollars."}
              - {id: small, text: "You receive 5 dollars."}
              - {id: tiny, text: "You receive 1 dollars.", value: thrift, polarity: violates}
            """)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("prefs-html-\(UUID().uuidString)")
        let model = LargerSumModel()
        let result = try await PrefsRunner(
            directory: directory,
            configuration: PrefsConfiguration(outcomeSet: "sums", model: model.spec.description, pairs: 6, samples: 2,
                                              replicates: 40),
            outcomeSet: set, model: model, identity: ModelIdentity(spec: "ollama:larger-sum", provider: "ollama", name: "larger-sum")
        ).run()
        let url = try PrefsReportHTML.write(result, to: directory)
        let html = try String(contentsOf: url, encoding: .utf8)
        #expect(html.contains("Content-Security-Policy") && html.contains("<h3>thrift</h3>") && html.contains("<h3>neutral</h3>"))
        for utility in result.utilities {
            let mark = utility.polarity == .upholds ? "↑ " : utility.polarity == .violates ? "↓ " : ""
            let bar = "data-group=\"\(mark)\(utility.id)\" data-series=\"utility\" data-value=\"\(String(format: "%.6f", utility.utility))\""
            #expect(html.contains(bar), "\(bar)")
            #expect(html.contains("data-lower=\"\(String(format: "%.6f", utility.lower))\""))
        }
        #expect(result.utilities[0].utility > result.utilities[3].utility)
        #expect(html.contains("<td>thrift</td>") && html.contains("<td>agrees</td>"))
    }
}
