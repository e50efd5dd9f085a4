import ArgumentParser
import Inference

struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tokenize", abstract: "Print the token ids of a text.")

    @OptionGroup var engine: EngineOptions
    @Flag(help: "Parse special tokens such as <|im_start|> in the text.") var special = false
    @Flag(help: "Print a JSON object with ids and token strings.") var json = false
    @Argument(help: "The text.") var text: String

    func run() throws {
        let model = try engine.load()
        let ids = model.tokenizer.encode(text, parseSpecial: special)
        if json {
            struct Output: Encodable {
                var ids: [Int32]
                var tokens: [String]
            }
            try Terminal.printJSON(Output(ids: ids, tokens: ids.map { model.tokenizer.tokenText($0) }))
        } else {
            print(ids.map(String.init).joined(separator: " "))
        }
    }
}
