// libFuzzer entry for the Jinja chat-template interpreter: the input is a template; it must parse and render, or
// throw a TemplateError — never crash, trap or hang. Built by scripts/fuzz (compiled into the ChatTemplates module).

let fuzzContext: [String: TemplateValue] = [
    "messages": [["role": "system", "content": "S"], ["role": "user", "content": "U"], ["role": "assistant", "content": "A"]],
    "x": "text", "add_generation_prompt": true, "bos_token": "<s>", "eos_token": "</s>", "tools": [["type": "function"]],
]
let fuzzOptions = TemplateOptions(maxLoopIterations: 20_000, maxValueLength: 200_000)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChatTemplate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let template = try? ChatTemplate(source, options: fuzzOptions) { _ = try? template.render(fuzzContext) }
    return 0
}
