import Foundation
import Testing
import ChatTemplates

/// The chat templates of real model families rendered against independently produced expectations:
/// llama.cpp's published outputs and Python Jinja2 renders made the way Hugging Face does (see Fixtures.swift).
@Suite struct ModelTemplateTests {
    @Test(arguments: llamaCppCases)
    func matchesLlamaCppExpectation(_ testCase: LlamaCppCase) throws {
        var messages = llamaCppConversation.map { ChatMessage(role: $0.role, content: $0.content) }
        if testCase.foldSystem { messages = ChatMessage.mergingSystemIntoFirstUser(messages) }
        let template = try ChatTemplate(testCase.template)
        let output = try template.render(messages: messages, addGenerationPrompt: true, bosToken: testCase.bosToken, eosToken: testCase.eosToken)
        #expect(output == testCase.expected)
    }

    @Test(arguments: referenceRenders)
    func matchesJinja2Reference(_ reference: ReferenceRender) throws {
        let source = try #require(ModelTemplates.named(reference.family))
        guard case .dictionary(var context) = try TemplateValue(json: reference.contextJSON) else {
            Issue.record("context is not an object")
            return
        }
        if reference.foldSystem, case .array(let items)? = context["messages"] {
            let messages = items.compactMap { item -> ChatMessage? in
                guard case .dictionary(let fields) = item, case .string(let role)? = fields["role"],
                      case .string(let content)? = fields["content"] else { return nil }
                return ChatMessage(role: role, content: content)
            }
            context["messages"] = .array(ChatMessage.mergingSystemIntoFirstUser(messages).map(\.templateValue))
        }
        var variables: [String: TemplateValue] = [:]
        for (key, value) in context { variables[key] = value }
        let template = try ChatTemplate(source, options: referenceOptions)
        if let expected = reference.expected {
            #expect(try template.render(variables) == expected)
        } else {
            let error = templateError { _ = try template.render(variables) }
            #expect(error?.kind == .raised)
            #expect(error?.message == reference.raisedMessage)
        }
    }

    @Test func smolLM2DefaultSystemPromptInjection() throws {
        let template = try ChatTemplate(ModelTemplates.smolLM2)
        let user = ChatMessage(role: "user", content: "What is the capital of France?")
        // Hand-derived from the template: a first message that is not `system` gets the default system turn.
        let expected = "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n"
            + "<|im_start|>user\nWhat is the capital of France?<|im_end|>\n<|im_start|>assistant\n"
        #expect(try template.render(messages: [user], addGenerationPrompt: true, bosToken: "<|im_start|>", eosToken: "<|im_end|>") == expected)
        // With a system message there is no injection, and the output is plain ChatML.
        let conversation = [ChatMessage(role: "system", content: "Be terse."), user]
        let rendered = try template.render(messages: conversation, addGenerationPrompt: false, bosToken: "", eosToken: "")
        #expect(rendered == ChatTemplate.chatML(messages: conversation, addGenerationPrompt: false))
        #expect(!rendered.contains("SmolLM"))
    }

    @Test func chatMLFallbackMatchesTheChatMLTemplate() throws {
        let chatMLTemplate = try ChatTemplate(llamaCppCases[0].template)
        let conversations: [[ChatMessage]] = [
            [],
            [ChatMessage(role: "user", content: "Hi")],
            llamaCppConversation.map { ChatMessage(role: $0.role, content: $0.content) },
        ]
        for messages in conversations {
            for generation in [true, false] {
                let viaTemplate = try chatMLTemplate.render(messages: messages, addGenerationPrompt: generation, bosToken: "", eosToken: "")
                #expect(ChatTemplate.chatML(messages: messages, addGenerationPrompt: generation) == viaTemplate)
            }
        }
    }

    @Test func gemmaRejectsSystemRoleWithItsOwnMessage() throws {
        let template = try ChatTemplate(ModelTemplates.gemma2)
        let messages = [ChatMessage(role: "system", content: "S"), ChatMessage(role: "user", content: "U")]
        let error = templateError { _ = try template.render(messages: messages, addGenerationPrompt: true, bosToken: "<bos>", eosToken: "<eos>") }
        #expect(error?.kind == .raised)
        #expect(error?.message == "System role not supported")
        #expect(error?.line == 1)
        #expect(error?.description.contains("System role not supported") == true)
    }

    @Test func extraVariablesReachTheTemplateButCannotOverrideTheCoreOnes() throws {
        let template = try ChatTemplate("{{ bos_token }}|{{ date_string }}|{{ add_generation_prompt }}|{{ messages | length }}")
        let output = try template.render(
            messages: [ChatMessage(role: "user", content: "x")], addGenerationPrompt: false, bosToken: "<s>", eosToken: "</s>",
            extra: ["date_string": "01 Jan 2025", "bos_token": "ignored", "messages": []]
        )
        #expect(output == "<s>|01 Jan 2025|False|1")
    }
}
