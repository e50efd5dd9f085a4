// Generated test data: chat templates and their expected renders. Do not edit by hand.
//
// - `LlamaCppCases`: templates and expected outputs transcribed from llama.cpp's
//   tests/test-chat-template.cpp (the Jinja expectations; `foldSystem` marks cases where llama.cpp folds the
//   system message into the first user turn because the template has no system role).
// - `ModelTemplates`: the chat templates of SmolLM2, Llama 3 / 3.1 / 3.2, Qwen2.5, Mistral and Gemma 2.
// - `ReferenceRenders`: expected outputs rendered by Python Jinja2 3.1.6 the way Hugging Face transformers'
//   apply_chat_template does (ImmutableSandboxedEnvironment, trim_blocks and lstrip_blocks on, loopcontrols,
//   tojson = json.dumps(ensure_ascii=False, indent, separators, sort_keys), raise_exception raising its
//   message, strftime_now formatting 2025-03-05 14:07:09). Contexts are JSON, in the order given to Jinja2.

struct LlamaCppCase: Sendable {
    let name: String
    let template: String
    let bosToken: String
    let eosToken: String
    let foldSystem: Bool
    let expected: String
}

struct ReferenceRender: Sendable {
    let name: String
    let family: String
    let contextJSON: String
    let foldSystem: Bool
    /// The expected output, or nil when `raisedMessage` is expected.
    let expected: String?
    let raisedMessage: String?
}

enum ModelTemplates {
    static let smolLM2 = "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}{{ '<|im_start|>system\\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\\n' }}{% endif %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
    static let llama3 = "{% set loop_messages = messages %}{% for message in loop_messages %}{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'+ message['content'] | trim + '<|eot_id|>' %}{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}{% endfor %}{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}"
    static let llama31 = "{{- bos_token }}\n{%- if custom_tools is defined %}\n    {%- set tools = custom_tools %}\n{%- endif %}\n{%- if not tools_in_user_message is defined %}\n    {%- set tools_in_user_message = true %}\n{%- endif %}\n{%- if not date_string is defined %}\n    {%- set date_string = \"26 Jul 2024\" %}\n{%- endif %}\n{%- if not tools is defined %}\n    {%- set tools = none %}\n{%- endif %}\n\n{#- This block extracts the system message, so we can slot it into the right place. #}\n{%- if messages[0]['role'] == 'system' %}\n    {%- set system_message = messages[0]['content']|trim %}\n    {%- set messages = messages[1:] %}\n{%- else %}\n    {%- set system_message = \"\" %}\n{%- endif %}\n\n{#- System message + builtin tools #}\n{{- \"<|start_header_id|>system<|end_header_id|>\\n\\n\" }}\n{%- if builtin_tools is defined or tools is not none %}\n    {{- \"Environment: ipython\\n\" }}\n{%- endif %}\n{%- if builtin_tools is defined %}\n    {{- \"Tools: \" + builtin_tools | reject('equalto', 'code_interpreter') | join(\", \") + \"\\n\\n\"}}\n{%- endif %}\n{{- \"Cutting Knowledge Date: December 2023\\n\" }}\n{{- \"Today Date: \" + date_string + \"\\n\\n\" }}\n{%- if tools is not none and not tools_in_user_message %}\n    {{- \"You have access to the following functions. To call a function, please respond with JSON for a function call.\" }}\n    {{- 'Respond in the format {\"name\": function name, \"parameters\": dictionary of argument name and its value}.' }}\n    {{- \"Do not use variables.\\n\\n\" }}\n    {%- for t in tools %}\n        {{- t | tojson(indent=4) }}\n        {{- \"\\n\\n\" }}\n    {%- endfor %}\n{%- endif %}\n{{- system_message }}\n{{- \"<|eot_id|>\" }}\n\n{#- Custom tools are passed in a user message with some extra guidance #}\n{%- if tools_in_user_message and not tools is none %}\n    {#- Extract the first user message so we can plug it in here #}\n    {%- if messages | length != 0 %}\n        {%- set first_user_message = messages[0]['content']|trim %}\n        {%- set messages = messages[1:] %}\n    {%- else %}\n        {{- raise_exception(\"Cannot put tools in the first user message when there's no first user message!\") }}\n{%- endif %}\n    {{- '<|start_header_id|>user<|end_header_id|>\\n\\n' -}}\n    {{- \"Given the following functions, please respond with a JSON for a function call \" }}\n    {{- \"with its proper arguments that best answers the given prompt.\\n\\n\" }}\n    {{- 'Respond in the format {\"name\": function name, \"parameters\": dictionary of argument name and its value}.' }}\n    {{- \"Do not use variables.\\n\\n\" }}\n    {%- for t in tools %}\n        {{- t | tojson(indent=4) }}\n        {{- \"\\n\\n\" }}\n    {%- endfor %}\n    {{- first_user_message + \"<|eot_id|>\"}}\n{%- endif %}\n\n{%- for message in messages %}\n    {%- if not (message.role == 'ipython' or message.role == 'tool' or 'tool_calls' in message) %}\n        {{- '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'+ message['content'] | trim + '<|eot_id|>' }}\n    {%- elif 'tool_calls' in message %}\n        {%- if not message.tool_calls|length == 1 %}\n            {{- raise_exception(\"This model only supports single tool-calls at once!\") }}\n        {%- endif %}\n        {%- set tool_call = message.tool_calls[0].function %}\n        {%- if builtin_tools is defined and tool_call.name in builtin_tools %}\n            {{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' -}}\n            {{- \"<|python_tag|>\" + tool_call.name + \".call(\" }}\n            {%- for arg_name, arg_val in tool_call.arguments | items %}\n                {{- arg_name + '=\"' + arg_val + '\"' }}\n                {%- if not loop.last %}\n                    {{- \", \" }}\n                {%- endif %}\n                {%- endfor %}\n            {{- \")\" }}\n        {%- else  %}\n            {{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' -}}\n            {{- '{\"name\": \"' + tool_call.name + '\", ' }}\n            {{- '\"parameters\": ' }}\n            {{- tool_call.arguments | tojson }}\n            {{- \"}\" }}\n        {%- endif %}\n        {%- if builtin_tools is defined %}\n            {#- This means we're in ipython mode #}\n            {{- \"<|eom_id|>\" }}\n        {%- else %}\n            {{- \"<|eot_id|>\" }}\n        {%- endif %}\n    {%- elif message.role == \"tool\" or message.role == \"ipython\" %}\n        {{- \"<|start_header_id|>ipython<|end_header_id|>\\n\\n\" }}\n        {%- if message.content is mapping or message.content is iterable %}\n            {{- message.content | tojson }}\n        {%- else %}\n            {{- message.content }}\n        {%- endif %}\n        {{- \"<|eot_id|>\" }}\n    {%- endif %}\n{%- endfor %}\n{%- if add_generation_prompt %}\n    {{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}\n{%- endif %}\n"
    static let llama32 = "{{- bos_token }}\n{%- if custom_tools is defined %}\n    {%- set tools = custom_tools %}\n{%- endif %}\n{%- if not tools_in_user_message is defined %}\n    {%- set tools_in_user_message = true %}\n{%- endif %}\n{%- if not date_string is defined %}\n    {%- if strftime_now is defined %}\n        {%- set date_string = strftime_now(\"%d %b %Y\") %}\n    {%- else %}\n        {%- set date_string = \"26 Jul 2024\" %}\n    {%- endif %}\n{%- endif %}\n{%- if not tools is defined %}\n    {%- set tools = none %}\n{%- endif %}\n\n{#- This block extracts the system message, so we can slot it into the right place. #}\n{%- if messages[0]['role'] == 'system' %}\n    {%- set system_message = messages[0]['content']|trim %}\n    {%- set messages = messages[1:] %}\n{%- else %}\n    {%- set system_message = \"\" %}\n{%- endif %}\n\n{#- System message + builtin tools #}\n{{- \"<|start_header_id|>system<|end_header_id|>\\n\\n\" }}\n{%- if builtin_tools is defined or tools is not none %}\n    {{- \"Environment: ipython\\n\" }}\n{%- endif %}\n{%- if builtin_tools is defined %}\n    {{- \"Tools: \" + builtin_tools | reject('equalto', 'code_interpreter') | join(\", \") + \"\\n\\n\"}}\n{%- endif %}\n{{- \"Cutting Knowledge Date: December 2023\\n\" }}\n{{- \"Today Date: \" + date_string + \"\\n\\n\" }}\n{%- if tools is not none and not tools_in_user_message %}\n    {{- \"You have access to the following functions. To call a function, please respond with JSON for a function call.\" }}\n    {{- 'Respond in the format {\"name\": function name, \"parameters\": dictionary of argument name and its value}.' }}\n    {{- \"Do not use variables.\\n\\n\" }}\n    {%- for t in tools %}\n        {{- t | tojson(indent=4) }}\n        {{- \"\\n\\n\" }}\n    {%- endfor %}\n{%- endif %}\n{{- system_message }}\n{{- \"<|eot_id|>\" }}\n\n{#- Custom tools are passed in a user message with some extra guidance #}\n{%- if tools_in_user_message and not tools is none %}\n    {#- Extract the first user message so we can plug it in here #}\n    {%- if messages | length != 0 %}\n        {%- set first_user_message = messages[0]['content']|trim %}\n        {%- set messages = messages[1:] %}\n    {%- else %}\n        {{- raise_exception(\"Cannot put tools in the first user message when there's no first user message!\") }}\n{%- endif %}\n    {{- '<|start_header_id|>user<|end_header_id|>\\n\\n' -}}\n    {{- \"Given the following functions, please respond with a JSON for a function call \" }}\n    {{- \"with its proper arguments that best answers the given prompt.\\n\\n\" }}\n    {{- 'Respond in the format {\"name\": function name, \"parameters\": dictionary of argument name and its value}.' }}\n    {{- \"Do not use variables.\\n\\n\" }}\n    {%- for t in tools %}\n        {{- t | tojson(indent=4) }}\n        {{- \"\\n\\n\" }}\n    {%- endfor %}\n    {{- first_user_message + \"<|eot_id|>\"}}\n{%- endif %}\n\n{%- for message in messages %}\n    {%- if not (message.role == 'ipython' or message.role == 'tool' or 'tool_calls' in message) %}\n        {{- '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'+ message['content'] | trim + '<|eot_id|>' }}\n    {%- elif 'tool_calls' in message %}\n        {%- if not message.tool_calls|length == 1 %}\n            {{- raise_exception(\"This model only supports single tool-calls at once!\") }}\n        {%- endif %}\n        {%- set tool_call = message.tool_calls[0].function %}\n        {%- if builtin_tools is defined and tool_call.name in builtin_tools %}\n            {{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' -}}\n            {{- \"<|python_tag|>\" + tool_call.name + \".call(\" }}\n            {%- for arg_name, arg_val in tool_call.arguments | items %}\n                {{- arg_name + '=\"' + arg_val + '\"' }}\n                {%- if not loop.last %}\n                    {{- \", \" }}\n                {%- endif %}\n                {%- endfor %}\n            {{- \")\" }}\n        {%- else  %}\n            {{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' -}}\n            {{- '{\"name\": \"' + tool_call.name + '\", ' }}\n            {{- '\"parameters\": ' }}\n            {{- tool_call.arguments | tojson }}\n            {{- \"}\" }}\n        {%- endif %}\n        {%- if builtin_tools is defined %}\n            {#- This means we're in ipython mode #}\n            {{- \"<|eom_id|>\" }}\n        {%- else %}\n            {{- \"<|eot_id|>\" }}\n        {%- endif %}\n    {%- elif message.role == \"tool\" or message.role == \"ipython\" %}\n        {{- \"<|start_header_id|>ipython<|end_header_id|>\\n\\n\" }}\n        {%- if message.content is mapping or message.content is iterable %}\n            {{- message.content | tojson }}\n        {%- else %}\n            {{- message.content }}\n        {%- endif %}\n        {{- \"<|eot_id|>\" }}\n    {%- endif %}\n{%- endfor %}\n{%- if add_generation_prompt %}\n    {{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}\n{%- endif %}\n"
    static let qwen25 = "{%- if tools %}\n    {{- '<|im_start|>system\\n' }}\n    {%- if messages[0]['role'] == 'system' %}\n        {{- messages[0]['content'] }}\n    {%- else %}\n        {{- 'You are Qwen, created by Alibaba Cloud. You are a helpful assistant.' }}\n    {%- endif %}\n    {{- \"\\n\\n# Tools\\n\\nYou may call one or more functions to assist with the user query.\\n\\nYou are provided with function signatures within <tools></tools> XML tags:\\n<tools>\" }}\n    {%- for tool in tools %}\n        {{- \"\\n\" }}\n        {{- tool | tojson }}\n    {%- endfor %}\n    {{- \"\\n</tools>\\n\\nFor each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\\n<tool_call>\\n{\\\"name\\\": <function-name>, \\\"arguments\\\": <args-json-object>}\\n</tool_call><|im_end|>\\n\" }}\n{%- else %}\n    {%- if messages[0]['role'] == 'system' %}\n        {{- '<|im_start|>system\\n' + messages[0]['content'] + '<|im_end|>\\n' }}\n    {%- else %}\n        {{- '<|im_start|>system\\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\\n' }}\n    {%- endif %}\n{%- endif %}\n{%- for message in messages %}\n    {%- if (message.role == \"user\") or (message.role == \"system\" and not loop.first) or (message.role == \"assistant\" and not message.tool_calls) %}\n        {{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>' + '\\n' }}\n    {%- elif message.role == \"assistant\" %}\n        {{- '<|im_start|>' + message.role }}\n        {%- if message.content %}\n            {{- '\\n' + message.content }}\n        {%- endif %}\n        {%- for tool_call in message.tool_calls %}\n            {%- if tool_call.function is defined %}\n                {%- set tool_call = tool_call.function %}\n            {%- endif %}\n            {{- '\\n<tool_call>\\n{\"name\": \"' }}\n            {{- tool_call.name }}\n            {{- '\", \"arguments\": ' }}\n            {{- tool_call.arguments | tojson }}\n            {{- '}\\n</tool_call>' }}\n        {%- endfor %}\n        {{- '<|im_end|>\\n' }}\n    {%- elif message.role == \"tool\" %}\n        {%- if (loop.index0 == 0) or (messages[loop.index0 - 1].role != \"tool\") %}\n            {{- '<|im_start|>user' }}\n        {%- endif %}\n        {{- '\\n<tool_response>\\n' }}\n        {{- message.content }}\n        {{- '\\n</tool_response>' }}\n        {%- if loop.last or (messages[loop.index0 + 1].role != \"tool\") %}\n            {{- '<|im_end|>\\n' }}\n        {%- endif %}\n    {%- endif %}\n{%- endfor %}\n{%- if add_generation_prompt %}\n    {{- '<|im_start|>assistant\\n' }}\n{%- endif %}\n"
    static let mistralV02 = "{{ bos_token }}{% for message in messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}{% if message['role'] == 'user' %}{{ '[INST] ' + message['content'] + ' [/INST]' }}{% elif message['role'] == 'assistant' %}{{ message['content'] + eos_token}}{% else %}{{ raise_exception('Only user and assistant roles are supported!') }}{% endif %}{% endfor %}"
    static let mistralV1 = "{%- if messages[0]['role'] == 'system' %}\n    {%- set system_message = messages[0]['content'] %}\n    {%- set loop_messages = messages[1:] %}\n{%- else %}\n    {%- set loop_messages = messages %}\n{%- endif %}\n\n{{- bos_token }}\n{%- for message in loop_messages %}\n    {%- if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}\n        {{- raise_exception('After the optional system message, conversation roles must alternate user/assistant/user/assistant/...') }}\n    {%- endif %}\n    {%- if message['role'] == 'user' %}\n        {%- if loop.first and system_message is defined %}\n            {{- ' [INST] ' + system_message + '\\n\\n' + message['content'] + ' [/INST]' }}\n        {%- else %}\n            {{- ' [INST] ' + message['content'] + ' [/INST]' }}\n        {%- endif %}\n    {%- elif message['role'] == 'assistant' %}\n        {{- ' ' + message['content'] + eos_token}}\n    {%- else %}\n        {{- raise_exception('Only user and assistant roles are supported, with the exception of an initial optional system message!') }}\n    {%- endif %}\n{%- endfor %}\n"
    static let mistralV3 = "{%- if messages[0][\"role\"] == \"system\" %}\n    {%- set system_message = messages[0][\"content\"] %}\n    {%- set loop_messages = messages[1:] %}\n{%- else %}\n    {%- set loop_messages = messages %}\n{%- endif %}\n{%- if not tools is defined %}\n    {%- set tools = none %}\n{%- endif %}\n{%- set user_messages = loop_messages | selectattr(\"role\", \"equalto\", \"user\") | list %}\n\n{#- This block checks for alternating user/assistant messages, skipping tool calling messages #}\n{%- set ns = namespace() %}\n{%- set ns.index = 0 %}\n{%- for message in loop_messages %}\n    {%- if not (message.role == \"tool\" or message.role == \"tool_results\" or (message.tool_calls is defined and message.tool_calls is not none)) %}\n        {%- if (message[\"role\"] == \"user\") != (ns.index % 2 == 0) %}\n            {{- raise_exception(\"After the optional system message, conversation roles must alternate user/assistant/user/assistant/...\") }}\n        {%- endif %}\n        {%- set ns.index = ns.index + 1 %}\n    {%- endif %}\n{%- endfor %}\n\n{{- bos_token }}\n{%- for message in loop_messages %}\n    {%- if message[\"role\"] == \"user\" %}\n        {%- if tools is not none and (message == user_messages[-1]) %}\n            {{- \"[AVAILABLE_TOOLS] [\" }}\n            {%- for tool in tools %}\n                {%- set tool = tool.function %}\n                {{- '{\"type\": \"function\", \"function\": {' }}\n                {%- for key, val in tool.items() if key != \"return\" %}\n                    {%- if val is string %}\n                        {{- '\"' + key + '\": \"' + val + '\"' }}\n                    {%- else %}\n                        {{- '\"' + key + '\": ' + val|tojson }}\n                    {%- endif %}\n                    {%- if not loop.last %}\n                        {{- \", \" }}\n                    {%- endif %}\n                {%- endfor %}\n                {{- \"}}\" }}\n                {%- if not loop.last %}\n                    {{- \", \" }}\n                {%- else %}\n                    {{- \"]\" }}\n                {%- endif %}\n            {%- endfor %}\n            {{- \"[/AVAILABLE_TOOLS]\" }}\n            {%- endif %}\n        {%- if loop.last and system_message is defined %}\n            {{- \"[INST] \" + system_message + \"\\n\\n\" + message[\"content\"] + \"[/INST]\" }}\n        {%- else %}\n            {{- \"[INST] \" + message[\"content\"] + \"[/INST]\" }}\n        {%- endif %}\n    {%- elif message.tool_calls is defined and message.tool_calls is not none %}\n        {{- \"[TOOL_CALLS] [\" }}\n        {%- for tool_call in message.tool_calls %}\n            {%- set out = tool_call.function|tojson %}\n            {{- out[:-1] }}\n            {%- if not tool_call.id is defined or tool_call.id|length != 9 %}\n                {{- raise_exception(\"Tool call IDs should be alphanumeric strings with length 9!\") }}\n            {%- endif %}\n            {{- ', \"id\": \"' + tool_call.id + '\"}' }}\n            {%- if not loop.last %}\n                {{- \", \" }}\n            {%- else %}\n                {{- \"]\" + eos_token }}\n            {%- endif %}\n        {%- endfor %}\n    {%- elif message[\"role\"] == \"assistant\" %}\n        {{- \" \" + message[\"content\"]|trim + eos_token}}\n    {%- elif message[\"role\"] == \"tool_results\" or message[\"role\"] == \"tool\" %}\n        {%- if message.content is defined and message.content.content is defined %}\n            {%- set content = message.content.content %}\n        {%- else %}\n            {%- set content = message.content %}\n        {%- endif %}\n        {{- '[TOOL_RESULTS] {\"content\": ' + content|string + \", \" }}\n        {%- if not message.tool_call_id is defined or message.tool_call_id|length != 9 %}\n            {{- raise_exception(\"Tool call IDs should be alphanumeric strings with length 9!\") }}\n        {%- endif %}\n        {{- '\"call_id\": \"' + message.tool_call_id + '\"}[/TOOL_RESULTS]' }}\n    {%- else %}\n        {{- raise_exception(\"Only user and assistant roles are supported, with the exception of an initial optional system message!\") }}\n    {%- endif %}\n{%- endfor %}\n"
    static let gemma2 = "{{ bos_token }}{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}{% for message in messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}{% if (message['role'] == 'assistant') %}{% set role = 'model' %}{% else %}{% set role = message['role'] %}{% endif %}{{ '<start_of_turn>' + role + '\\n' + message['content'] | trim + '<end_of_turn>\\n' }}{% endfor %}{% if add_generation_prompt %}{{'<start_of_turn>model\\n'}}{% endif %}"

    static func named(_ family: String) -> String? {
        switch family {
        case "smolLM2": return smolLM2
        case "llama3": return llama3
        case "llama31": return llama31
        case "llama32": return llama32
        case "qwen25": return qwen25
        case "mistralV02": return mistralV02
        case "mistralV1": return mistralV1
        case "mistralV3": return mistralV3
        case "gemma2": return gemma2
        default: return nil
        }
    }
}

let llamaCppConversation: [(role: String, content: String)] = [
    ("system", "You are a helpful assistant"),
    ("user", "Hello"),
    ("assistant", "Hi there"),
    ("user", "Who are you"),
    ("assistant", "   I am an assistant   "),
    ("user", "Another question"),
]

let llamaCppCases: [LlamaCppCase] = [
    LlamaCppCase(
        name: "teknium/OpenHermes-2.5-Mistral-7B",
        template: "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}",
        bosToken: "", eosToken: "", foldSystem: false,
        expected: "<|im_start|>system\nYou are a helpful assistant<|im_end|>\n<|im_start|>user\nHello<|im_end|>\n<|im_start|>assistant\nHi there<|im_end|>\n<|im_start|>user\nWho are you<|im_end|>\n<|im_start|>assistant\n   I am an assistant   <|im_end|>\n<|im_start|>user\nAnother question<|im_end|>\n<|im_start|>assistant\n"
    ),
    LlamaCppCase(
        name: "mistralai/Mistral-7B-Instruct-v0.2 (pre-v1, no system role)",
        template: "{{ bos_token }}{% for message in messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}{% if message['role'] == 'user' %}{{ '[INST] ' + message['content'] + ' [/INST]' }}{% elif message['role'] == 'assistant' %}{{ message['content'] + eos_token}}{% else %}{{ raise_exception('Only user and assistant roles are supported!') }}{% endif %}{% endfor %}",
        bosToken: "", eosToken: "</s>", foldSystem: true,
        expected: "[INST] You are a helpful assistant\nHello [/INST]Hi there</s>[INST] Who are you [/INST]   I am an assistant   </s>[INST] Another question [/INST]"
    ),
    LlamaCppCase(
        name: "TheBloke/FusionNet_34Bx2_MoE-AWQ",
        template: "{%- for idx in range(0, messages|length) -%}\n{%- if messages[idx]['role'] == 'user' -%}\n{%- if idx > 1 -%}\n{{- bos_token + '[INST] ' + messages[idx]['content'] + ' [/INST]' -}}\n{%- else -%}\n{{- messages[idx]['content'] + ' [/INST]' -}}\n{%- endif -%}\n{% elif messages[idx]['role'] == 'system' %}\n{{- '[INST] <<SYS>>\\n' + messages[idx]['content'] + '\\n<</SYS>>\\n\\n' -}}\n{%- elif messages[idx]['role'] == 'assistant' -%}\n{{- ' '  + messages[idx]['content'] + ' ' + eos_token -}}\n{% endif %}\n{% endfor %}",
        bosToken: "<s>", eosToken: "</s>", foldSystem: false,
        expected: "[INST] <<SYS>>\nYou are a helpful assistant\n<</SYS>>\n\nHello [/INST] Hi there </s><s>[INST] Who are you [/INST]    I am an assistant    </s><s>[INST] Another question [/INST]"
    ),
    LlamaCppCase(
        name: "bofenghuang/vigogne-2-70b-chat",
        template: "{{ bos_token }}{% if messages[0]['role'] == 'system' %}{% set loop_messages = messages[1:] %}{% set system_message = messages[0]['content'] %}{% elif true == true and not '<<SYS>>' in messages[0]['content'] %}{% set loop_messages = messages %}{% set system_message = 'Vous êtes Vigogne, un assistant IA créé par Zaion Lab. Vous suivez extrêmement bien les instructions. Aidez autant que vous le pouvez.' %}{% else %}{% set loop_messages = messages %}{% set system_message = false %}{% endif %}{% for message in loop_messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}{% if loop.index0 == 0 and system_message != false %}{% set content = '<<SYS>>\\n' + system_message + '\\n<</SYS>>\\n\\n' + message['content'] %}{% else %}{% set content = message['content'] %}{% endif %}{% if message['role'] == 'user' %}{{ '[INST] ' + content.strip() + ' [/INST]' }}{% elif message['role'] == 'system' %}{{ '<<SYS>>\\n' + content.strip() + '\\n<</SYS>>\\n\\n' }}{% elif message['role'] == 'assistant' %}{{ ' '  + content.strip() + ' ' + eos_token }}{% endif %}{% endfor %}",
        bosToken: "", eosToken: "</s>", foldSystem: false,
        expected: "[INST] <<SYS>>\nYou are a helpful assistant\n<</SYS>>\n\nHello [/INST] Hi there </s>[INST] Who are you [/INST] I am an assistant </s>[INST] Another question [/INST]"
    ),
    LlamaCppCase(
        name: "mlabonne/AlphaMonarch-7B",
        template: "{% for message in messages %}{{bos_token + message['role'] + '\\n' + message['content'] + eos_token + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ bos_token + 'assistant\\n' }}{% endif %}",
        bosToken: "<s>", eosToken: "</s>", foldSystem: false,
        expected: "<s>system\nYou are a helpful assistant</s>\n<s>user\nHello</s>\n<s>assistant\nHi there</s>\n<s>user\nWho are you</s>\n<s>assistant\n   I am an assistant   </s>\n<s>user\nAnother question</s>\n<s>assistant\n"
    ),
    LlamaCppCase(
        name: "google/gemma-7b-it",
        template: "{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}{% for message in messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}{% if (message['role'] == 'assistant') %}{% set role = 'model' %}{% else %}{% set role = message['role'] %}{% endif %}{{ '<start_of_turn>' + role + '\\n' + message['content'] | trim + '<end_of_turn>\\n' }}{% endfor %}{% if add_generation_prompt %}{{'<start_of_turn>model\\n'}}{% endif %}",
        bosToken: "", eosToken: "", foldSystem: true,
        expected: "<start_of_turn>user\nYou are a helpful assistant\nHello<end_of_turn>\n<start_of_turn>model\nHi there<end_of_turn>\n<start_of_turn>user\nWho are you<end_of_turn>\n<start_of_turn>model\nI am an assistant<end_of_turn>\n<start_of_turn>user\nAnother question<end_of_turn>\n<start_of_turn>model\n"
    ),
    LlamaCppCase(
        name: "OrionStarAI/Orion-14B-Chat",
        template: "{% for message in messages %}{% if loop.first %}{{ bos_token }}{% endif %}{% if message['role'] == 'user' %}{{ 'Human: ' + message['content'] + '\\n\\nAssistant: ' + eos_token }}{% elif message['role'] == 'assistant' %}{{ message['content'] + eos_token }}{% endif %}{% endfor %}",
        bosToken: "", eosToken: "</s>", foldSystem: true,
        expected: "Human: You are a helpful assistant\nHello\n\nAssistant: </s>Hi there</s>Human: Who are you\n\nAssistant: </s>   I am an assistant   </s>Human: Another question\n\nAssistant: </s>"
    ),
    LlamaCppCase(
        name: "openchat/openchat-3.5-0106",
        template: "{{ bos_token }}{% for message in messages %}{{ 'GPT4 Correct ' + message['role'].title() + ': ' + message['content'] + '<|end_of_turn|>'}}{% endfor %}{% if add_generation_prompt %}{{ 'GPT4 Correct Assistant:' }}{% endif %}",
        bosToken: "", eosToken: "", foldSystem: false,
        expected: "GPT4 Correct System: You are a helpful assistant<|end_of_turn|>GPT4 Correct User: Hello<|end_of_turn|>GPT4 Correct Assistant: Hi there<|end_of_turn|>GPT4 Correct User: Who are you<|end_of_turn|>GPT4 Correct Assistant:    I am an assistant   <|end_of_turn|>GPT4 Correct User: Another question<|end_of_turn|>GPT4 Correct Assistant:"
    ),
    LlamaCppCase(
        name: "deepseek-ai/deepseek-coder-33b-instruct",
        template: "{% if not add_generation_prompt is defined %}\n{% set add_generation_prompt = false %}\n{% endif %}\n{%- set ns = namespace(found=false) -%}\n{%- for message in messages -%}\n    {%- if message['role'] == 'system' -%}\n        {%- set ns.found = true -%}\n    {%- endif -%}\n{%- endfor -%}\n{{bos_token}}{%- if not ns.found -%}\n{{'You are an AI programming assistant, utilizing the Deepseek Coder model, developed by Deepseek Company, and you only answer questions related to computer science. For politically sensitive questions, security and privacy issues, and other non-computer science questions, you will refuse to answer\\n'}}\n{%- endif %}\n{%- for message in messages %}\n    {%- if message['role'] == 'system' %}\n{{ message['content'] }}\n    {%- else %}\n        {%- if message['role'] == 'user' %}\n{{'### Instruction:\\n' + message['content'] + '\\n'}}\n        {%- else %}\n{{'### Response:\\n' + message['content'] + '\\n<|EOT|>\\n'}}\n        {%- endif %}\n    {%- endif %}\n{%- endfor %}\n{% if add_generation_prompt %}\n{{'### Response:'}}\n{% endif %}",
        bosToken: "", eosToken: "", foldSystem: false,
        expected: "You are a helpful assistant### Instruction:\nHello\n### Response:\nHi there\n<|EOT|>\n### Instruction:\nWho are you\n### Response:\n   I am an assistant   \n<|EOT|>\n### Instruction:\nAnother question\n### Response:\n"
    ),
    LlamaCppCase(
        name: "eachadea/vicuna-13b-1.1",
        template: "{%- for message in messages %}{%- if message['role'] == 'system' -%}{{- '' + message['content'] + '\n\n' -}}{%- else -%}{%- if message['role'] == 'user' -%}{{-'USER: ' + message['content'] + '\n'-}}{%- else -%}{{-'ASSISTANT: ' + message['content'] + '</s>\n' -}}{%- endif -%}{%- endif -%}{%- endfor -%}{%- if add_generation_prompt -%}{{-'ASSISTANT:'-}}{%- endif -%}",
        bosToken: "", eosToken: "", foldSystem: false,
        expected: "You are a helpful assistant\n\nUSER: Hello\nASSISTANT: Hi there</s>\nUSER: Who are you\nASSISTANT:    I am an assistant   </s>\nUSER: Another question\nASSISTANT:"
    ),
    LlamaCppCase(
        name: "Orca-Vicuna",
        template: "{%- for message in messages %}{%- if message['role'] == 'system' -%}{{-'SYSTEM: ' + message['content'] + '\n' -}}{%- else -%}{%- if message['role'] == 'user' -%}{{-'USER: ' + message['content'] + '\n'-}}{%- else -%}{{-'ASSISTANT: ' + message['content'] + '</s>\n' -}}{%- endif -%}{%- endif -%}{%- endfor -%}{%- if add_generation_prompt -%}{{-'ASSISTANT:'-}}{%- endif -%}",
        bosToken: "", eosToken: "", foldSystem: false,
        expected: "SYSTEM: You are a helpful assistant\nUSER: Hello\nASSISTANT: Hi there</s>\nUSER: Who are you\nASSISTANT:    I am an assistant   </s>\nUSER: Another question\nASSISTANT:"
    ),
    LlamaCppCase(
        name: "CohereForAI/c4ai-command-r-plus",
        template: "{{ bos_token }}{% if messages[0]['role'] == 'system' %}{% set loop_messages = messages[1:] %}{% set system_message = messages[0]['content'] %}{% elif false == true %}{% set loop_messages = messages %}{% set system_message = 'You are Command-R, a brilliant, sophisticated, AI-assistant trained to assist human users by providing thorough responses. You are trained by Cohere.' %}{% else %}{% set loop_messages = messages %}{% set system_message = false %}{% endif %}{% if system_message != false %}{{ '<|START_OF_TURN_TOKEN|><|SYSTEM_TOKEN|>' + system_message + '<|END_OF_TURN_TOKEN|>' }}{% endif %}{% for message in loop_messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}{% set content = message['content'] %}{% if message['role'] == 'user' %}{{ '<|START_OF_TURN_TOKEN|><|USER_TOKEN|>' + content.strip() + '<|END_OF_TURN_TOKEN|>' }}{% elif message['role'] == 'assistant' %}{{ '<|START_OF_TURN_TOKEN|><|CHATBOT_TOKEN|>'  + content.strip() + '<|END_OF_TURN_TOKEN|>' }}{% endif %}{% endfor %}{% if add_generation_prompt %}{{ '<|START_OF_TURN_TOKEN|><|CHATBOT_TOKEN|>' }}{% endif %}",
        bosToken: "", eosToken: "", foldSystem: false,
        expected: "<|START_OF_TURN_TOKEN|><|SYSTEM_TOKEN|>You are a helpful assistant<|END_OF_TURN_TOKEN|><|START_OF_TURN_TOKEN|><|USER_TOKEN|>Hello<|END_OF_TURN_TOKEN|><|START_OF_TURN_TOKEN|><|CHATBOT_TOKEN|>Hi there<|END_OF_TURN_TOKEN|><|START_OF_TURN_TOKEN|><|USER_TOKEN|>Who are you<|END_OF_TURN_TOKEN|><|START_OF_TURN_TOKEN|><|CHATBOT_TOKEN|>I am an assistant<|END_OF_TURN_TOKEN|><|START_OF_TURN_TOKEN|><|USER_TOKEN|>Another question<|END_OF_TURN_TOKEN|><|START_OF_TURN_TOKEN|><|CHATBOT_TOKEN|>"
    ),
    LlamaCppCase(
        name: "Llama-3",
        template: "{% set loop_messages = messages %}{% for message in loop_messages %}{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\n\n'+ message['content'] | trim + '<|eot_id|>' %}{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}{% endfor %}{{ '<|start_header_id|>assistant<|end_header_id|>\n\n' }}",
        bosToken: "", eosToken: "", foldSystem: false,
        expected: "<|start_header_id|>system<|end_header_id|>\n\nYou are a helpful assistant<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHello<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nHi there<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nWho are you<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nI am an assistant<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nAnother question<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n"
    ),
    LlamaCppCase(
        name: "Phi-3-mini",
        template: "{{ bos_token }}{% for message in messages %}{% if (message['role'] == 'user') %}{{'<|user|>' + '\n' + message['content'] + '<|end|>' + '\n' + '<|assistant|>' + '\n'}}{% elif (message['role'] == 'assistant') %}{{message['content'] + '<|end|>' + '\n'}}{% endif %}{% endfor %}",
        bosToken: "", eosToken: "", foldSystem: true,
        expected: "<|user|>\nYou are a helpful assistant\nHello<|end|>\n<|assistant|>\nHi there<|end|>\n<|user|>\nWho are you<|end|>\n<|assistant|>\n   I am an assistant   <|end|>\n<|user|>\nAnother question<|end|>\n<|assistant|>\n"
    ),
    LlamaCppCase(
        name: "Phi-3-small",
        template: "{{ bos_token }}{% for message in messages %}{{'<|' + message['role'] + '|>' + '\n' + message['content'] + '<|end|>\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|assistant|>\n' }}{% else %}{{ eos_token }}{% endif %}",
        bosToken: "", eosToken: "", foldSystem: false,
        expected: "<|system|>\nYou are a helpful assistant<|end|>\n<|user|>\nHello<|end|>\n<|assistant|>\nHi there<|end|>\n<|user|>\nWho are you<|end|>\n<|assistant|>\n   I am an assistant   <|end|>\n<|user|>\nAnother question<|end|>\n<|assistant|>\n"
    ),
    LlamaCppCase(
        name: "Phi-3-vision",
        template: "{% for message in messages %}{{'<|' + message['role'] + '|>' + '\n' + message['content'] + '<|end|>\n' }}{% endfor %}{% if add_generation_prompt and messages[-1]['role'] != 'assistant' %}{{- '<|assistant|>\n' -}}{% endif %}",
        bosToken: "", eosToken: "", foldSystem: false,
        expected: "<|system|>\nYou are a helpful assistant<|end|>\n<|user|>\nHello<|end|>\n<|assistant|>\nHi there<|end|>\n<|user|>\nWho are you<|end|>\n<|assistant|>\n   I am an assistant   <|end|>\n<|user|>\nAnother question<|end|>\n<|assistant|>\n"
    ),
    LlamaCppCase(
        name: "ChatGLM3",
        template: "{% for message in messages %}{% if loop.first %}[gMASK]sop<|{{ message['role'] }}|>\n {{ message['content'] }}{% else %}<|{{ message['role'] }}|>\n {{ message['content'] }}{% endif %}{% endfor %}{% if add_generation_prompt %}<|assistant|>{% endif %}",
        bosToken: "", eosToken: "", foldSystem: false,
        expected: "[gMASK]sop<|system|>\n You are a helpful assistant<|user|>\n Hello<|assistant|>\n Hi there<|user|>\n Who are you<|assistant|>\n    I am an assistant   <|user|>\n Another question<|assistant|>"
    ),
    LlamaCppCase(
        name: "ChatGLM4",
        template: "[gMASK]<sop>{% for item in messages %}{% if item['tools'] is defined %}<|system|>\n你是一个名为 ChatGLM 的人工智能助手。你是基于智谱AI训练的语言模型 GLM-4 模型开发的，你的任务是针对用户的问题和要求提供适当的答复和支持。\n\n# 可用工具{% set tools = item['tools'] %}{% for tool in tools %}{% if tool['type'] == 'function' %}\n\n## {{ tool['function']['name'] }}\n\n{{ tool['function'] | tojson(indent=4) }}\n......{% endif %}{% endfor %}{% endif %}{% if item['content'] %}<|{{ item['role'] }}|>{{ item['metadata'] }}\n{{ item['content'] }}{% endif %}{% endfor %}{% if add_generation_prompt %}<|assistant|>\n{% endif %}",
        bosToken: "", eosToken: "", foldSystem: false,
        expected: "[gMASK]<sop><|system|>\nYou are a helpful assistant<|user|>\nHello<|assistant|>\nHi there<|user|>\nWho are you<|assistant|>\n   I am an assistant   <|user|>\nAnother question<|assistant|>\n"
    ),
    LlamaCppCase(
        name: "GLMEdge",
        template: "{% for item in messages %}{% if item['role'] == 'system' %}<|system|>\n{{ item['content'] }}{% elif item['role'] == 'user' %}<|user|>\n{{ item['content'] }}{% elif item['role'] == 'assistant' %}<|assistant|>\n{{ item['content'] }}{% endif %}{% endfor %}<|assistant|>",
        bosToken: "", eosToken: "", foldSystem: false,
        expected: "<|system|>\nYou are a helpful assistant<|user|>\nHello<|assistant|>\nHi there<|user|>\nWho are you<|assistant|>\n   I am an assistant   <|user|>\nAnother question<|assistant|>"
    ),
    LlamaCppCase(
        name: "MiniCPM-3B-OpenHermes-2.5-v2-GGUF",
        template: "{% for message in messages %}{% if message['role'] == 'user' %}{{'<用户>' + message['content'].strip() + '<AI>'}}{% else %}{{message['content'].strip()}}{% endif %}{% endfor %}",
        bosToken: "", eosToken: "", foldSystem: false,
        expected: "You are a helpful assistant<用户>Hello<AI>Hi there<用户>Who are you<AI>I am an assistant<用户>Another question<AI>"
    ),
    LlamaCppCase(
        name: "DeepSeek-V2",
        template: "{% if not add_generation_prompt is defined %}{% set add_generation_prompt = false %}{% endif %}{{ bos_token }}{% for message in messages %}{% if message['role'] == 'user' %}{{ 'User: ' + message['content'] + '\n\n' }}{% elif message['role'] == 'assistant' %}{{ 'Assistant: ' + message['content'] + eos_token }}{% elif message['role'] == 'system' %}{{ message['content'] + '\n\n' }}{% endif %}{% endfor %}{% if add_generation_prompt %}{{ 'Assistant:' }}{% endif %}",
        bosToken: "", eosToken: "<｜end▁of▁sentence｜>", foldSystem: false,
        expected: "You are a helpful assistant\n\nUser: Hello\n\nAssistant: Hi there<｜end▁of▁sentence｜>User: Who are you\n\nAssistant:    I am an assistant   <｜end▁of▁sentence｜>User: Another question\n\nAssistant:"
    ),
    LlamaCppCase(
        name: "ibm-granite/granite-3.0-8b-instruct",
        template: "{%- if tools %}\n    {{- '<|start_of_role|>available_tools<|end_of_role|>\n' }}\n    {%- for tool in tools %}\n    {{- tool | tojson(indent=4) }}\n    {%- if not loop.last %}\n        {{- '\n\n' }}\n    {%- endif %}\n    {%- endfor %}\n    {{- '<|end_of_text|>\n' }}\n{%- endif %}\n{%- for message in messages %}\n    {%- if message['role'] == 'system' %}\n    {{- '<|start_of_role|>system<|end_of_role|>' + message['content'] + '<|end_of_text|>\n' }}\n    {%- elif message['role'] == 'user' %}\n    {{- '<|start_of_role|>user<|end_of_role|>' + message['content'] + '<|end_of_text|>\n' }}\n    {%- elif message['role'] == 'assistant' %}\n    {{- '<|start_of_role|>assistant<|end_of_role|>'  + message['content'] + '<|end_of_text|>\n' }}\n    {%- elif message['role'] == 'assistant_tool_call' %}\n    {{- '<|start_of_role|>assistant<|end_of_role|><|tool_call|>' + message['content'] + '<|end_of_text|>\n' }}\n    {%- elif message['role'] == 'tool_response' %}\n    {{- '<|start_of_role|>tool_response<|end_of_role|>' + message['content'] + '<|end_of_text|>\n' }}\n    {%- endif %}\n    {%- if loop.last and add_generation_prompt %}\n    {{- '<|start_of_role|>assistant<|end_of_role|>' }}\n    {%- endif %}\n{%- endfor %}",
        bosToken: "", eosToken: "", foldSystem: false,
        expected: "<|start_of_role|>system<|end_of_role|>You are a helpful assistant<|end_of_text|>\n<|start_of_role|>user<|end_of_role|>Hello<|end_of_text|>\n<|start_of_role|>assistant<|end_of_role|>Hi there<|end_of_text|>\n<|start_of_role|>user<|end_of_role|>Who are you<|end_of_text|>\n<|start_of_role|>assistant<|end_of_role|>   I am an assistant   <|end_of_text|>\n<|start_of_role|>user<|end_of_role|>Another question<|end_of_text|>\n<|start_of_role|>assistant<|end_of_role|>"
    ),
    LlamaCppCase(
        name: "mistralai/Mistral-7B-Instruct-v0.2 (mistralai 'v1' template with a system prompt)",
        template: "{%- if messages[0]['role'] == 'system' %}\n    {%- set system_message = messages[0]['content'] %}\n    {%- set loop_messages = messages[1:] %}\n{%- else %}\n    {%- set loop_messages = messages %}\n{%- endif %}\n\n{{- bos_token }}\n{%- for message in loop_messages %}\n    {%- if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}\n        {{- raise_exception('After the optional system message, conversation roles must alternate user/assistant/user/assistant/...') }}\n    {%- endif %}\n    {%- if message['role'] == 'user' %}\n        {%- if loop.first and system_message is defined %}\n            {{- ' [INST] ' + system_message + '\\n\\n' + message['content'] + ' [/INST]' }}\n        {%- else %}\n            {{- ' [INST] ' + message['content'] + ' [/INST]' }}\n        {%- endif %}\n    {%- elif message['role'] == 'assistant' %}\n        {{- ' ' + message['content'] + eos_token}}\n    {%- else %}\n        {{- raise_exception('Only user and assistant roles are supported, with the exception of an initial optional system message!') }}\n    {%- endif %}\n{%- endfor %}\n",
        bosToken: "", eosToken: "</s>", foldSystem: false,
        expected: " [INST] You are a helpful assistant\n\nHello [/INST] Hi there</s> [INST] Who are you [/INST]    I am an assistant   </s> [INST] Another question [/INST]"
    ),
    LlamaCppCase(
        name: "Mistral-Large-Instruct-2407 (mistralai 'v3' template; modified to have system prompt at start)",
        template: "{%- if messages[0][\"role\"] == \"system\" %}\n    {%- set system_message = messages[0][\"content\"] %}\n    {%- set loop_messages = messages[1:] %}\n{%- else %}\n    {%- set loop_messages = messages %}\n{%- endif %}\n{%- if not tools is defined %}\n    {%- set tools = none %}\n{%- endif %}\n{%- set user_messages = loop_messages | selectattr(\"role\", \"equalto\", \"user\") | list %}\n\n{#- This block checks for alternating user/assistant messages, skipping tool calling messages #}\n{%- set ns = namespace() %}\n{%- set ns.index = 0 %}\n{%- for message in loop_messages %}\n    {%- if not (message.role == \"tool\" or message.role == \"tool_results\" or (message.tool_calls is defined and message.tool_calls is not none)) %}\n        {%- if (message[\"role\"] == \"user\") != (ns.index % 2 == 0) %}\n            {{- raise_exception(\"After the optional system message, conversation roles must alternate user/assistant/user/assistant/...\") }}\n        {%- endif %}\n        {%- set ns.index = ns.index + 1 %}\n    {%- endif %}\n{%- endfor %}\n\n{{- bos_token }}\n{%- for message in loop_messages %}\n    {%- if message[\"role\"] == \"user\" %}\n        {%- if tools is not none and (message == user_messages[-1]) %}\n            {{- \"[AVAILABLE_TOOLS] [\" }}\n            {%- for tool in tools %}\n                {%- set tool = tool.function %}\n                {{- '{\"type\": \"function\", \"function\": {' }}\n                {%- for key, val in tool.items() if key != \"return\" %}\n                    {%- if val is string %}\n                        {{- '\"' + key + '\": \"' + val + '\"' }}\n                    {%- else %}\n                        {{- '\"' + key + '\": ' + val|tojson }}\n                    {%- endif %}\n                    {%- if not loop.last %}\n                        {{- \", \" }}\n                    {%- endif %}\n                {%- endfor %}\n                {{- \"}}\" }}\n                {%- if not loop.last %}\n                    {{- \", \" }}\n                {%- else %}\n                    {{- \"]\" }}\n                {%- endif %}\n            {%- endfor %}\n            {{- \"[/AVAILABLE_TOOLS]\" }}\n            {%- endif %}\n        {%- if loop.last and system_message is defined %}\n            {{- \"[INST] \" + system_message + \"\\n\\n\" + message[\"content\"] + \"[/INST]\" }}\n        {%- else %}\n            {{- \"[INST] \" + message[\"content\"] + \"[/INST]\" }}\n        {%- endif %}\n    {%- elif message.tool_calls is defined and message.tool_calls is not none %}\n        {{- \"[TOOL_CALLS] [\" }}\n        {%- for tool_call in message.tool_calls %}\n            {%- set out = tool_call.function|tojson %}\n            {{- out[:-1] }}\n            {%- if not tool_call.id is defined or tool_call.id|length != 9 %}\n                {{- raise_exception(\"Tool call IDs should be alphanumeric strings with length 9!\") }}\n            {%- endif %}\n            {{- ', \"id\": \"' + tool_call.id + '\"}' }}\n            {%- if not loop.last %}\n                {{- \", \" }}\n            {%- else %}\n                {{- \"]\" + eos_token }}\n            {%- endif %}\n        {%- endfor %}\n    {%- elif message[\"role\"] == \"assistant\" %}\n        {{- \" \" + message[\"content\"]|trim + eos_token}}\n    {%- elif message[\"role\"] == \"tool_results\" or message[\"role\"] == \"tool\" %}\n        {%- if message.content is defined and message.content.content is defined %}\n            {%- set content = message.content.content %}\n        {%- else %}\n            {%- set content = message.content %}\n        {%- endif %}\n        {{- '[TOOL_RESULTS] {\"content\": ' + content|string + \", \" }}\n        {%- if not message.tool_call_id is defined or message.tool_call_id|length != 9 %}\n            {{- raise_exception(\"Tool call IDs should be alphanumeric strings with length 9!\") }}\n        {%- endif %}\n        {{- '\"call_id\": \"' + message.tool_call_id + '\"}[/TOOL_RESULTS]' }}\n    {%- else %}\n        {{- raise_exception(\"Only user and assistant roles are supported, with the exception of an initial optional system message!\") }}\n    {%- endif %}\n{%- endfor %}\n",
        bosToken: "", eosToken: "</s>", foldSystem: false,
        expected: "[INST] Hello[/INST] Hi there</s>[INST] Who are you[/INST] I am an assistant</s>[INST] You are a helpful assistant\n\nAnother question[/INST]"
    ),
    LlamaCppCase(
        name: "mistralai/Mistral-Large-Instruct-2411 (mistralai 'v7' template)",
        template: "{{ bos_token }}{% for message in messages %}{% if message['role'] == 'user' %}{{ '[INST] ' + message['content'] + '[/INST]' }}{% elif message['role'] == 'system' %}{{ '[SYSTEM_PROMPT] ' + message['content'] + '[/SYSTEM_PROMPT]' }}{% elif message['role'] == 'assistant' %}{{ ' ' + message['content'] + eos_token }}{% else %}{{ raise_exception('Only user, system and assistant roles are supported!') }}{% endif %}{% endfor %}",
        bosToken: "", eosToken: "</s>", foldSystem: false,
        expected: "[SYSTEM_PROMPT] You are a helpful assistant[/SYSTEM_PROMPT][INST] Hello[/INST] Hi there</s>[INST] Who are you[/INST]    I am an assistant   </s>[INST] Another question[/INST]"
    ),
    LlamaCppCase(
        name: "Infinigence/Megrez-3B-Instruct",
        template: "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}{{ '<|role_start|>system<|role_end|>你是Megrez-3B-Instruct，将针对用户的问题给出详细的、积极的回答。<|turn_end|>' }}{% endif %}{{ '<|role_start|>' + message['role'] + '<|role_end|>' + message['content'] + '<|turn_end|>' }}{% endfor %}{% if add_generation_prompt %}{{ '<|role_start|>assistant<|role_end|>' }}{% endif %}",
        bosToken: "", eosToken: "", foldSystem: false,
        expected: "<|role_start|>system<|role_end|>You are a helpful assistant<|turn_end|><|role_start|>user<|role_end|>Hello<|turn_end|><|role_start|>assistant<|role_end|>Hi there<|turn_end|><|role_start|>user<|role_end|>Who are you<|turn_end|><|role_start|>assistant<|role_end|>   I am an assistant   <|turn_end|><|role_start|>user<|role_end|>Another question<|turn_end|><|role_start|>assistant<|role_end|>"
    ),
    LlamaCppCase(
        name: "phi-4",
        template: "{% for message in messages %}{% if (message['role'] == 'system') %}{{'<|im_start|>system<|im_sep|>' + message['content'] + '<|im_end|>'}}{% elif (message['role'] == 'user') %}{{'<|im_start|>user<|im_sep|>' + message['content'] + '<|im_end|><|im_start|>assistant<|im_sep|>'}}{% elif (message['role'] == 'assistant') %}{{message['content'] + '<|im_end|>'}}{% endif %}{% endfor %}",
        bosToken: "", eosToken: "", foldSystem: false,
        expected: "<|im_start|>system<|im_sep|>You are a helpful assistant<|im_end|><|im_start|>user<|im_sep|>Hello<|im_end|><|im_start|>assistant<|im_sep|>Hi there<|im_end|><|im_start|>user<|im_sep|>Who are you<|im_end|><|im_start|>assistant<|im_sep|>   I am an assistant   <|im_end|><|im_start|>user<|im_sep|>Another question<|im_end|><|im_start|>assistant<|im_sep|>"
    ),
    LlamaCppCase(
        name: "yandex/YandexGPT-5-Lite-8B-instruct",
        template: "<s>{%- set names = {'assistant': ' Ассистент:', 'user': ' Пользователь:'} %}\n{%- set tools_prefix = 'Тебе доступны следующие функции:' %}\n{%- macro __render_tool(tool) %}\n    {%- set name = tool.function.name %}\n    {%- set description = tool.function.description|default('') %}\n    {%- set parameters = tool.function.parameters|tojson %}\n    {{- '\\n' }}function {{ '{' }}'name':'{{ name }}',\n    {%- if tool.function.description %}'description':'{{ description }}',{% endif %}\n'parameters':{{ parameters }}\n    {{- '}' }}\n{%- endmacro %}\n{%- macro __render_tools(tools) %}\n    {{- tools_prefix }}\n    {%- for tool in tools %}\n        {{- __render_tool(tool) }}\n    {%- endfor %}\n    {{- '\\n\\n' }}\n{%- endmacro %}\n{%- macro __render_tool_message(message) %}\n    {{- '\\n\\nРезультат вызова' }} {{ message.name }}: {{ message.content }} {{ '\\n\\n' }}\n{%- endmacro %}\n{%- if tools -%}\n    {{- __render_tools(tools) }}\n{%- endif -%}\n{%- macro __render_user_message(message) %}\n{{ names.user }} {{ message.content + '\\n\\n' }}\n{%- endmacro %}\n{%- macro __render_assistant_message(message) %}\n    {{- names.assistant }}\n    {%- set call = message['function_call'] %}\n    {%- if call %}\n        {{- '\\n[TOOL_CALL_START]' }}{{ call.name }}{{ '\\n' }}{{ call.arguments|tojson }}\n    {%- else %}\n        {{- ' ' + message.content + '\\n\\n' }}\n    {%- endif %}\n{%- endmacro %}\n{%- if not add_generation_prompt is defined %}\n{%- set add_generation_prompt = false %}\n{%- endif %}\n{%- for message in messages %}\n    {%- if message['role'] == 'user' %}\n        {{- __render_user_message(message) }}\n    {%- endif %}\n    {%- if message.role == 'assistant' and not loop.last %}\n        {{- __render_assistant_message(message) }}\n    {%- endif %}\n    {%- if message.role == 'tool' %}\n        {{- __render_tool_message(message) }}\n    {%- endif %}\n    {%- if loop.last %}\n        {{- ' Ассистент:[SEP]' }}\n    {%- endif %}\n{%- endfor %}\n",
        bosToken: "<s>", eosToken: "", foldSystem: true,
        expected: "<s> Пользователь: You are a helpful assistant\nHello\n\n Ассистент: Hi there\n\n Пользователь: Who are you\n\n Ассистент:    I am an assistant   \n\n Пользователь: Another question\n\n Ассистент:[SEP]"
    ),
    LlamaCppCase(
        name: "inclusionAI/Ling-lite",
        template: "{% for message in messages %}{% set role = message['role'] | lower %}{% if role == 'user' %}{% set role = 'HUMAN' %}{% endif %}{% set role = role | upper %}{{ '<role>' + role + '</role>' + message['content'] }}{% endfor %}{% if add_generation_prompt %}{{ '<role>ASSISTANT</role>' }}{% endif %}",
        bosToken: "", eosToken: "", foldSystem: false,
        expected: "<role>SYSTEM</role>You are a helpful assistant<role>HUMAN</role>Hello<role>ASSISTANT</role>Hi there<role>HUMAN</role>Who are you<role>ASSISTANT</role>   I am an assistant   <role>HUMAN</role>Another question<role>ASSISTANT</role>"
    ),
    LlamaCppCase(
        name: "ByteDance-Seed/Seed-OSS-36B-Instruct",
        template: "{# <seed:bos> #}{%- for message in messages %}{%- if message.role in [\"user\", \"system\"] %}{{ bos_token + message.role + \"\\n\" + message.content + eos_token }}{%- elif message.role == \"assistant\" %}{{ bos_token + message.role }}{%- if message.content is defined and message.content is string and message.content|trim|length > 0 %}{{ \"\\n\" + message.content|trim + eos_token }}{%- endif %}{%- else %}{{ bos_token + message.role + \"\\n\" + message.content + eos_token }}{%- endif %}{%- endfor %}{%- if add_generation_prompt %}{{ bos_token + \"assistant\\n\" }}{%- endif %}",
        bosToken: "<seed:bos>", eosToken: "<seed:eos>", foldSystem: false,
        expected: "<seed:bos>system\nYou are a helpful assistant<seed:eos><seed:bos>user\nHello<seed:eos><seed:bos>assistant\nHi there<seed:eos><seed:bos>user\nWho are you<seed:eos><seed:bos>assistant\nI am an assistant<seed:eos><seed:bos>user\nAnother question<seed:eos><seed:bos>assistant\n"
    ),
]

let referenceRenders: [ReferenceRender] = [
    ReferenceRender(
        name: "smolLM2.oneUser.gen", family: "smolLM2",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"What is the capital of France?\"}], \"add_generation_prompt\": true, \"bos_token\": \"\", \"eos_token\": \"\"}",
        foldSystem: false,
        expected: "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n<|im_start|>user\nWhat is the capital of France?<|im_end|>\n<|im_start|>assistant\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "smolLM2.oneUser.noGen", family: "smolLM2",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"What is the capital of France?\"}], \"add_generation_prompt\": false, \"bos_token\": \"\", \"eos_token\": \"\"}",
        foldSystem: false,
        expected: "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n<|im_start|>user\nWhat is the capital of France?<|im_end|>\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "smolLM2.systemUser.gen", family: "smolLM2",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a terse assistant.\"}, {\"role\": \"user\", \"content\": \"Hi!\"}], \"add_generation_prompt\": true, \"bos_token\": \"\", \"eos_token\": \"\"}",
        foldSystem: false,
        expected: "<|im_start|>system\nYou are a terse assistant.<|im_end|>\n<|im_start|>user\nHi!<|im_end|>\n<|im_start|>assistant\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "smolLM2.systemUser.noGen", family: "smolLM2",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a terse assistant.\"}, {\"role\": \"user\", \"content\": \"Hi!\"}], \"add_generation_prompt\": false, \"bos_token\": \"\", \"eos_token\": \"\"}",
        foldSystem: false,
        expected: "<|im_start|>system\nYou are a terse assistant.<|im_end|>\n<|im_start|>user\nHi!<|im_end|>\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "smolLM2.systemThreeTurns.gen", family: "smolLM2",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", \"content\": \"Hi there\"}, {\"role\": \"user\", \"content\": \"Who are you?\"}], \"add_generation_prompt\": true, \"bos_token\": \"\", \"eos_token\": \"\"}",
        foldSystem: false,
        expected: "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHello<|im_end|>\n<|im_start|>assistant\nHi there<|im_end|>\n<|im_start|>user\nWho are you?<|im_end|>\n<|im_start|>assistant\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "smolLM2.systemThreeTurns.noGen", family: "smolLM2",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", \"content\": \"Hi there\"}, {\"role\": \"user\", \"content\": \"Who are you?\"}], \"add_generation_prompt\": false, \"bos_token\": \"\", \"eos_token\": \"\"}",
        foldSystem: false,
        expected: "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHello<|im_end|>\n<|im_start|>assistant\nHi there<|im_end|>\n<|im_start|>user\nWho are you?<|im_end|>\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "smolLM2.threeTurnsNoSystem.gen", family: "smolLM2",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"  Hello  \"}, {\"role\": \"assistant\", \"content\": \"  Hi!  \"}, {\"role\": \"user\", \"content\": \"Bye\"}], \"add_generation_prompt\": true, \"bos_token\": \"\", \"eos_token\": \"\"}",
        foldSystem: false,
        expected: "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n<|im_start|>user\n  Hello  <|im_end|>\n<|im_start|>assistant\n  Hi!  <|im_end|>\n<|im_start|>user\nBye<|im_end|>\n<|im_start|>assistant\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "smolLM2.threeTurnsNoSystem.noGen", family: "smolLM2",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"  Hello  \"}, {\"role\": \"assistant\", \"content\": \"  Hi!  \"}, {\"role\": \"user\", \"content\": \"Bye\"}], \"add_generation_prompt\": false, \"bos_token\": \"\", \"eos_token\": \"\"}",
        foldSystem: false,
        expected: "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n<|im_start|>user\n  Hello  <|im_end|>\n<|im_start|>assistant\n  Hi!  <|im_end|>\n<|im_start|>user\nBye<|im_end|>\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "llama3.oneUser.gen", family: "llama3",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"What is the capital of France?\"}], \"add_generation_prompt\": true, \"bos_token\": \"<|begin_of_text|>\", \"eos_token\": \"<|eot_id|>\"}",
        foldSystem: false,
        expected: "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nWhat is the capital of France?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "llama3.oneUser.noGen", family: "llama3",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"What is the capital of France?\"}], \"add_generation_prompt\": false, \"bos_token\": \"<|begin_of_text|>\", \"eos_token\": \"<|eot_id|>\"}",
        foldSystem: false,
        expected: "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nWhat is the capital of France?<|eot_id|>", raisedMessage: nil
    ),
    ReferenceRender(
        name: "llama3.systemUser.gen", family: "llama3",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a terse assistant.\"}, {\"role\": \"user\", \"content\": \"Hi!\"}], \"add_generation_prompt\": true, \"bos_token\": \"<|begin_of_text|>\", \"eos_token\": \"<|eot_id|>\"}",
        foldSystem: false,
        expected: "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nYou are a terse assistant.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHi!<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "llama3.systemUser.noGen", family: "llama3",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a terse assistant.\"}, {\"role\": \"user\", \"content\": \"Hi!\"}], \"add_generation_prompt\": false, \"bos_token\": \"<|begin_of_text|>\", \"eos_token\": \"<|eot_id|>\"}",
        foldSystem: false,
        expected: "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nYou are a terse assistant.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHi!<|eot_id|>", raisedMessage: nil
    ),
    ReferenceRender(
        name: "llama3.systemThreeTurns.gen", family: "llama3",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", \"content\": \"Hi there\"}, {\"role\": \"user\", \"content\": \"Who are you?\"}], \"add_generation_prompt\": true, \"bos_token\": \"<|begin_of_text|>\", \"eos_token\": \"<|eot_id|>\"}",
        foldSystem: false,
        expected: "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHello<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nHi there<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nWho are you?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "llama3.systemThreeTurns.noGen", family: "llama3",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", \"content\": \"Hi there\"}, {\"role\": \"user\", \"content\": \"Who are you?\"}], \"add_generation_prompt\": false, \"bos_token\": \"<|begin_of_text|>\", \"eos_token\": \"<|eot_id|>\"}",
        foldSystem: false,
        expected: "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHello<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nHi there<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nWho are you?<|eot_id|>", raisedMessage: nil
    ),
    ReferenceRender(
        name: "llama3.threeTurnsNoSystem.gen", family: "llama3",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"  Hello  \"}, {\"role\": \"assistant\", \"content\": \"  Hi!  \"}, {\"role\": \"user\", \"content\": \"Bye\"}], \"add_generation_prompt\": true, \"bos_token\": \"<|begin_of_text|>\", \"eos_token\": \"<|eot_id|>\"}",
        foldSystem: false,
        expected: "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHello<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nHi!<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nBye<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "llama3.threeTurnsNoSystem.noGen", family: "llama3",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"  Hello  \"}, {\"role\": \"assistant\", \"content\": \"  Hi!  \"}, {\"role\": \"user\", \"content\": \"Bye\"}], \"add_generation_prompt\": false, \"bos_token\": \"<|begin_of_text|>\", \"eos_token\": \"<|eot_id|>\"}",
        foldSystem: false,
        expected: "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHello<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nHi!<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nBye<|eot_id|>", raisedMessage: nil
    ),
    ReferenceRender(
        name: "llama31.oneUser.gen", family: "llama31",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"What is the capital of France?\"}], \"add_generation_prompt\": true, \"bos_token\": \"<|begin_of_text|>\", \"eos_token\": \"<|eot_id|>\"}",
        foldSystem: false,
        expected: "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nCutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nWhat is the capital of France?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "llama31.oneUser.noGen", family: "llama31",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"What is the capital of France?\"}], \"add_generation_prompt\": false, \"bos_token\": \"<|begin_of_text|>\", \"eos_token\": \"<|eot_id|>\"}",
        foldSystem: false,
        expected: "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nCutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nWhat is the capital of France?<|eot_id|>", raisedMessage: nil
    ),
    ReferenceRender(
        name: "llama31.systemUser.gen", family: "llama31",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a terse assistant.\"}, {\"role\": \"user\", \"content\": \"Hi!\"}], \"add_generation_prompt\": true, \"bos_token\": \"<|begin_of_text|>\", \"eos_token\": \"<|eot_id|>\"}",
        foldSystem: false,
        expected: "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nCutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\nYou are a terse assistant.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHi!<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "llama31.systemUser.noGen", family: "llama31",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a terse assistant.\"}, {\"role\": \"user\", \"content\": \"Hi!\"}], \"add_generation_prompt\": false, \"bos_token\": \"<|begin_of_text|>\", \"eos_token\": \"<|eot_id|>\"}",
        foldSystem: false,
        expected: "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nCutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\nYou are a terse assistant.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHi!<|eot_id|>", raisedMessage: nil
    ),
    ReferenceRender(
        name: "llama31.systemThreeTurns.gen", family: "llama31",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", \"content\": \"Hi there\"}, {\"role\": \"user\", \"content\": \"Who are you?\"}], \"add_generation_prompt\": true, \"bos_token\": \"<|begin_of_text|>\", \"eos_token\": \"<|eot_id|>\"}",
        foldSystem: false,
        expected: "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nCutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\nBe brief.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHello<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nHi there<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nWho are you?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "llama31.systemThreeTurns.noGen", family: "llama31",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", \"content\": \"Hi there\"}, {\"role\": \"user\", \"content\": \"Who are you?\"}], \"add_generation_prompt\": false, \"bos_token\": \"<|begin_of_text|>\", \"eos_token\": \"<|eot_id|>\"}",
        foldSystem: false,
        expected: "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nCutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\nBe brief.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHello<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nHi there<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nWho are you?<|eot_id|>", raisedMessage: nil
    ),
    ReferenceRender(
        name: "llama31.threeTurnsNoSystem.gen", family: "llama31",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"  Hello  \"}, {\"role\": \"assistant\", \"content\": \"  Hi!  \"}, {\"role\": \"user\", \"content\": \"Bye\"}], \"add_generation_prompt\": true, \"bos_token\": \"<|begin_of_text|>\", \"eos_token\": \"<|eot_id|>\"}",
        foldSystem: false,
        expected: "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nCutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHello<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nHi!<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nBye<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "llama31.threeTurnsNoSystem.noGen", family: "llama31",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"  Hello  \"}, {\"role\": \"assistant\", \"content\": \"  Hi!  \"}, {\"role\": \"user\", \"content\": \"Bye\"}], \"add_generation_prompt\": false, \"bos_token\": \"<|begin_of_text|>\", \"eos_token\": \"<|eot_id|>\"}",
        foldSystem: false,
        expected: "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nCutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHello<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nHi!<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nBye<|eot_id|>", raisedMessage: nil
    ),
    ReferenceRender(
        name: "qwen25.oneUser.gen", family: "qwen25",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"What is the capital of France?\"}], \"add_generation_prompt\": true, \"bos_token\": \"\", \"eos_token\": \"<|im_end|>\"}",
        foldSystem: false,
        expected: "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n<|im_start|>user\nWhat is the capital of France?<|im_end|>\n<|im_start|>assistant\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "qwen25.oneUser.noGen", family: "qwen25",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"What is the capital of France?\"}], \"add_generation_prompt\": false, \"bos_token\": \"\", \"eos_token\": \"<|im_end|>\"}",
        foldSystem: false,
        expected: "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n<|im_start|>user\nWhat is the capital of France?<|im_end|>\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "qwen25.systemUser.gen", family: "qwen25",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a terse assistant.\"}, {\"role\": \"user\", \"content\": \"Hi!\"}], \"add_generation_prompt\": true, \"bos_token\": \"\", \"eos_token\": \"<|im_end|>\"}",
        foldSystem: false,
        expected: "<|im_start|>system\nYou are a terse assistant.<|im_end|>\n<|im_start|>user\nHi!<|im_end|>\n<|im_start|>assistant\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "qwen25.systemUser.noGen", family: "qwen25",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a terse assistant.\"}, {\"role\": \"user\", \"content\": \"Hi!\"}], \"add_generation_prompt\": false, \"bos_token\": \"\", \"eos_token\": \"<|im_end|>\"}",
        foldSystem: false,
        expected: "<|im_start|>system\nYou are a terse assistant.<|im_end|>\n<|im_start|>user\nHi!<|im_end|>\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "qwen25.systemThreeTurns.gen", family: "qwen25",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", \"content\": \"Hi there\"}, {\"role\": \"user\", \"content\": \"Who are you?\"}], \"add_generation_prompt\": true, \"bos_token\": \"\", \"eos_token\": \"<|im_end|>\"}",
        foldSystem: false,
        expected: "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHello<|im_end|>\n<|im_start|>assistant\nHi there<|im_end|>\n<|im_start|>user\nWho are you?<|im_end|>\n<|im_start|>assistant\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "qwen25.systemThreeTurns.noGen", family: "qwen25",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", \"content\": \"Hi there\"}, {\"role\": \"user\", \"content\": \"Who are you?\"}], \"add_generation_prompt\": false, \"bos_token\": \"\", \"eos_token\": \"<|im_end|>\"}",
        foldSystem: false,
        expected: "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHello<|im_end|>\n<|im_start|>assistant\nHi there<|im_end|>\n<|im_start|>user\nWho are you?<|im_end|>\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "qwen25.threeTurnsNoSystem.gen", family: "qwen25",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"  Hello  \"}, {\"role\": \"assistant\", \"content\": \"  Hi!  \"}, {\"role\": \"user\", \"content\": \"Bye\"}], \"add_generation_prompt\": true, \"bos_token\": \"\", \"eos_token\": \"<|im_end|>\"}",
        foldSystem: false,
        expected: "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n<|im_start|>user\n  Hello  <|im_end|>\n<|im_start|>assistant\n  Hi!  <|im_end|>\n<|im_start|>user\nBye<|im_end|>\n<|im_start|>assistant\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "qwen25.threeTurnsNoSystem.noGen", family: "qwen25",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"  Hello  \"}, {\"role\": \"assistant\", \"content\": \"  Hi!  \"}, {\"role\": \"user\", \"content\": \"Bye\"}], \"add_generation_prompt\": false, \"bos_token\": \"\", \"eos_token\": \"<|im_end|>\"}",
        foldSystem: false,
        expected: "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n<|im_start|>user\n  Hello  <|im_end|>\n<|im_start|>assistant\n  Hi!  <|im_end|>\n<|im_start|>user\nBye<|im_end|>\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV02.oneUser.gen", family: "mistralV02",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"What is the capital of France?\"}], \"add_generation_prompt\": true, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: "<s>[INST] What is the capital of France? [/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV02.oneUser.noGen", family: "mistralV02",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"What is the capital of France?\"}], \"add_generation_prompt\": false, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: "<s>[INST] What is the capital of France? [/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV02.systemUser.gen", family: "mistralV02",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a terse assistant.\"}, {\"role\": \"user\", \"content\": \"Hi!\"}], \"add_generation_prompt\": true, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: nil, raisedMessage: "Conversation roles must alternate user/assistant/user/assistant/..."
    ),
    ReferenceRender(
        name: "mistralV02.systemUser.gen.folded", family: "mistralV02",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a terse assistant.\"}, {\"role\": \"user\", \"content\": \"Hi!\"}], \"add_generation_prompt\": true, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: true,
        expected: "<s>[INST] You are a terse assistant.\nHi! [/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV02.systemUser.noGen", family: "mistralV02",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a terse assistant.\"}, {\"role\": \"user\", \"content\": \"Hi!\"}], \"add_generation_prompt\": false, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: nil, raisedMessage: "Conversation roles must alternate user/assistant/user/assistant/..."
    ),
    ReferenceRender(
        name: "mistralV02.systemUser.noGen.folded", family: "mistralV02",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a terse assistant.\"}, {\"role\": \"user\", \"content\": \"Hi!\"}], \"add_generation_prompt\": false, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: true,
        expected: "<s>[INST] You are a terse assistant.\nHi! [/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV02.systemThreeTurns.gen", family: "mistralV02",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", \"content\": \"Hi there\"}, {\"role\": \"user\", \"content\": \"Who are you?\"}], \"add_generation_prompt\": true, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: nil, raisedMessage: "Conversation roles must alternate user/assistant/user/assistant/..."
    ),
    ReferenceRender(
        name: "mistralV02.systemThreeTurns.gen.folded", family: "mistralV02",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", \"content\": \"Hi there\"}, {\"role\": \"user\", \"content\": \"Who are you?\"}], \"add_generation_prompt\": true, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: true,
        expected: "<s>[INST] Be brief.\nHello [/INST]Hi there</s>[INST] Who are you? [/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV02.systemThreeTurns.noGen", family: "mistralV02",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", \"content\": \"Hi there\"}, {\"role\": \"user\", \"content\": \"Who are you?\"}], \"add_generation_prompt\": false, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: nil, raisedMessage: "Conversation roles must alternate user/assistant/user/assistant/..."
    ),
    ReferenceRender(
        name: "mistralV02.systemThreeTurns.noGen.folded", family: "mistralV02",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", \"content\": \"Hi there\"}, {\"role\": \"user\", \"content\": \"Who are you?\"}], \"add_generation_prompt\": false, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: true,
        expected: "<s>[INST] Be brief.\nHello [/INST]Hi there</s>[INST] Who are you? [/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV02.threeTurnsNoSystem.gen", family: "mistralV02",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"  Hello  \"}, {\"role\": \"assistant\", \"content\": \"  Hi!  \"}, {\"role\": \"user\", \"content\": \"Bye\"}], \"add_generation_prompt\": true, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: "<s>[INST]   Hello   [/INST]  Hi!  </s>[INST] Bye [/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV02.threeTurnsNoSystem.noGen", family: "mistralV02",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"  Hello  \"}, {\"role\": \"assistant\", \"content\": \"  Hi!  \"}, {\"role\": \"user\", \"content\": \"Bye\"}], \"add_generation_prompt\": false, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: "<s>[INST]   Hello   [/INST]  Hi!  </s>[INST] Bye [/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV1.oneUser.gen", family: "mistralV1",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"What is the capital of France?\"}], \"add_generation_prompt\": true, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: "<s> [INST] What is the capital of France? [/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV1.oneUser.noGen", family: "mistralV1",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"What is the capital of France?\"}], \"add_generation_prompt\": false, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: "<s> [INST] What is the capital of France? [/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV1.systemUser.gen", family: "mistralV1",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a terse assistant.\"}, {\"role\": \"user\", \"content\": \"Hi!\"}], \"add_generation_prompt\": true, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: "<s> [INST] You are a terse assistant.\n\nHi! [/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV1.systemUser.noGen", family: "mistralV1",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a terse assistant.\"}, {\"role\": \"user\", \"content\": \"Hi!\"}], \"add_generation_prompt\": false, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: "<s> [INST] You are a terse assistant.\n\nHi! [/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV1.systemThreeTurns.gen", family: "mistralV1",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", \"content\": \"Hi there\"}, {\"role\": \"user\", \"content\": \"Who are you?\"}], \"add_generation_prompt\": true, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: "<s> [INST] Be brief.\n\nHello [/INST] Hi there</s> [INST] Who are you? [/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV1.systemThreeTurns.noGen", family: "mistralV1",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", \"content\": \"Hi there\"}, {\"role\": \"user\", \"content\": \"Who are you?\"}], \"add_generation_prompt\": false, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: "<s> [INST] Be brief.\n\nHello [/INST] Hi there</s> [INST] Who are you? [/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV1.threeTurnsNoSystem.gen", family: "mistralV1",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"  Hello  \"}, {\"role\": \"assistant\", \"content\": \"  Hi!  \"}, {\"role\": \"user\", \"content\": \"Bye\"}], \"add_generation_prompt\": true, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: "<s> [INST]   Hello   [/INST]   Hi!  </s> [INST] Bye [/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV1.threeTurnsNoSystem.noGen", family: "mistralV1",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"  Hello  \"}, {\"role\": \"assistant\", \"content\": \"  Hi!  \"}, {\"role\": \"user\", \"content\": \"Bye\"}], \"add_generation_prompt\": false, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: "<s> [INST]   Hello   [/INST]   Hi!  </s> [INST] Bye [/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV3.oneUser.gen", family: "mistralV3",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"What is the capital of France?\"}], \"add_generation_prompt\": true, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: "<s>[INST] What is the capital of France?[/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV3.oneUser.noGen", family: "mistralV3",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"What is the capital of France?\"}], \"add_generation_prompt\": false, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: "<s>[INST] What is the capital of France?[/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV3.systemUser.gen", family: "mistralV3",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a terse assistant.\"}, {\"role\": \"user\", \"content\": \"Hi!\"}], \"add_generation_prompt\": true, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: "<s>[INST] You are a terse assistant.\n\nHi![/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV3.systemUser.noGen", family: "mistralV3",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a terse assistant.\"}, {\"role\": \"user\", \"content\": \"Hi!\"}], \"add_generation_prompt\": false, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: "<s>[INST] You are a terse assistant.\n\nHi![/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV3.systemThreeTurns.gen", family: "mistralV3",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", \"content\": \"Hi there\"}, {\"role\": \"user\", \"content\": \"Who are you?\"}], \"add_generation_prompt\": true, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: "<s>[INST] Hello[/INST] Hi there</s>[INST] Be brief.\n\nWho are you?[/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV3.systemThreeTurns.noGen", family: "mistralV3",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", \"content\": \"Hi there\"}, {\"role\": \"user\", \"content\": \"Who are you?\"}], \"add_generation_prompt\": false, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: "<s>[INST] Hello[/INST] Hi there</s>[INST] Be brief.\n\nWho are you?[/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV3.threeTurnsNoSystem.gen", family: "mistralV3",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"  Hello  \"}, {\"role\": \"assistant\", \"content\": \"  Hi!  \"}, {\"role\": \"user\", \"content\": \"Bye\"}], \"add_generation_prompt\": true, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: "<s>[INST]   Hello  [/INST] Hi!</s>[INST] Bye[/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV3.threeTurnsNoSystem.noGen", family: "mistralV3",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"  Hello  \"}, {\"role\": \"assistant\", \"content\": \"  Hi!  \"}, {\"role\": \"user\", \"content\": \"Bye\"}], \"add_generation_prompt\": false, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: "<s>[INST]   Hello  [/INST] Hi!</s>[INST] Bye[/INST]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "gemma2.oneUser.gen", family: "gemma2",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"What is the capital of France?\"}], \"add_generation_prompt\": true, \"bos_token\": \"<bos>\", \"eos_token\": \"<eos>\"}",
        foldSystem: false,
        expected: "<bos><start_of_turn>user\nWhat is the capital of France?<end_of_turn>\n<start_of_turn>model\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "gemma2.oneUser.noGen", family: "gemma2",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"What is the capital of France?\"}], \"add_generation_prompt\": false, \"bos_token\": \"<bos>\", \"eos_token\": \"<eos>\"}",
        foldSystem: false,
        expected: "<bos><start_of_turn>user\nWhat is the capital of France?<end_of_turn>\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "gemma2.systemUser.gen", family: "gemma2",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a terse assistant.\"}, {\"role\": \"user\", \"content\": \"Hi!\"}], \"add_generation_prompt\": true, \"bos_token\": \"<bos>\", \"eos_token\": \"<eos>\"}",
        foldSystem: false,
        expected: nil, raisedMessage: "System role not supported"
    ),
    ReferenceRender(
        name: "gemma2.systemUser.gen.folded", family: "gemma2",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a terse assistant.\"}, {\"role\": \"user\", \"content\": \"Hi!\"}], \"add_generation_prompt\": true, \"bos_token\": \"<bos>\", \"eos_token\": \"<eos>\"}",
        foldSystem: true,
        expected: "<bos><start_of_turn>user\nYou are a terse assistant.\nHi!<end_of_turn>\n<start_of_turn>model\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "gemma2.systemUser.noGen", family: "gemma2",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a terse assistant.\"}, {\"role\": \"user\", \"content\": \"Hi!\"}], \"add_generation_prompt\": false, \"bos_token\": \"<bos>\", \"eos_token\": \"<eos>\"}",
        foldSystem: false,
        expected: nil, raisedMessage: "System role not supported"
    ),
    ReferenceRender(
        name: "gemma2.systemUser.noGen.folded", family: "gemma2",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a terse assistant.\"}, {\"role\": \"user\", \"content\": \"Hi!\"}], \"add_generation_prompt\": false, \"bos_token\": \"<bos>\", \"eos_token\": \"<eos>\"}",
        foldSystem: true,
        expected: "<bos><start_of_turn>user\nYou are a terse assistant.\nHi!<end_of_turn>\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "gemma2.systemThreeTurns.gen", family: "gemma2",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", \"content\": \"Hi there\"}, {\"role\": \"user\", \"content\": \"Who are you?\"}], \"add_generation_prompt\": true, \"bos_token\": \"<bos>\", \"eos_token\": \"<eos>\"}",
        foldSystem: false,
        expected: nil, raisedMessage: "System role not supported"
    ),
    ReferenceRender(
        name: "gemma2.systemThreeTurns.gen.folded", family: "gemma2",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", \"content\": \"Hi there\"}, {\"role\": \"user\", \"content\": \"Who are you?\"}], \"add_generation_prompt\": true, \"bos_token\": \"<bos>\", \"eos_token\": \"<eos>\"}",
        foldSystem: true,
        expected: "<bos><start_of_turn>user\nBe brief.\nHello<end_of_turn>\n<start_of_turn>model\nHi there<end_of_turn>\n<start_of_turn>user\nWho are you?<end_of_turn>\n<start_of_turn>model\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "gemma2.systemThreeTurns.noGen", family: "gemma2",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", \"content\": \"Hi there\"}, {\"role\": \"user\", \"content\": \"Who are you?\"}], \"add_generation_prompt\": false, \"bos_token\": \"<bos>\", \"eos_token\": \"<eos>\"}",
        foldSystem: false,
        expected: nil, raisedMessage: "System role not supported"
    ),
    ReferenceRender(
        name: "gemma2.systemThreeTurns.noGen.folded", family: "gemma2",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", \"content\": \"Hi there\"}, {\"role\": \"user\", \"content\": \"Who are you?\"}], \"add_generation_prompt\": false, \"bos_token\": \"<bos>\", \"eos_token\": \"<eos>\"}",
        foldSystem: true,
        expected: "<bos><start_of_turn>user\nBe brief.\nHello<end_of_turn>\n<start_of_turn>model\nHi there<end_of_turn>\n<start_of_turn>user\nWho are you?<end_of_turn>\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "gemma2.threeTurnsNoSystem.gen", family: "gemma2",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"  Hello  \"}, {\"role\": \"assistant\", \"content\": \"  Hi!  \"}, {\"role\": \"user\", \"content\": \"Bye\"}], \"add_generation_prompt\": true, \"bos_token\": \"<bos>\", \"eos_token\": \"<eos>\"}",
        foldSystem: false,
        expected: "<bos><start_of_turn>user\nHello<end_of_turn>\n<start_of_turn>model\nHi!<end_of_turn>\n<start_of_turn>user\nBye<end_of_turn>\n<start_of_turn>model\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "gemma2.threeTurnsNoSystem.noGen", family: "gemma2",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"  Hello  \"}, {\"role\": \"assistant\", \"content\": \"  Hi!  \"}, {\"role\": \"user\", \"content\": \"Bye\"}], \"add_generation_prompt\": false, \"bos_token\": \"<bos>\", \"eos_token\": \"<eos>\"}",
        foldSystem: false,
        expected: "<bos><start_of_turn>user\nHello<end_of_turn>\n<start_of_turn>model\nHi!<end_of_turn>\n<start_of_turn>user\nBye<end_of_turn>\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "qwen25.tools", family: "qwen25",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"What's the weather in Paris?\"}, {\"role\": \"assistant\", \"content\": \"\", \"tool_calls\": [{\"id\": \"call12345\", \"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\", \"unit\": \"celsius\"}}}]}, {\"role\": \"tool\", \"tool_call_id\": \"call12345\", \"name\": \"get_weather\", \"content\": \"{\\\"temperature\\\": 18, \\\"sky\\\": \\\"cloudy\\\"}\"}], \"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"description\": \"Get the current weather in a city\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\", \"description\": \"City name\"}, \"unit\": {\"type\": \"string\", \"enum\": [\"celsius\", \"fahrenheit\"]}}, \"required\": [\"city\"]}}}], \"add_generation_prompt\": true, \"bos_token\": \"\", \"eos_token\": \"<|im_end|>\"}",
        foldSystem: false,
        expected: "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.\n\n# Tools\n\nYou may call one or more functions to assist with the user query.\n\nYou are provided with function signatures within <tools></tools> XML tags:\n<tools>\n{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"description\": \"Get the current weather in a city\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\", \"description\": \"City name\"}, \"unit\": {\"type\": \"string\", \"enum\": [\"celsius\", \"fahrenheit\"]}}, \"required\": [\"city\"]}}}\n</tools>\n\nFor each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\n</tool_call><|im_end|>\n<|im_start|>user\nWhat's the weather in Paris?<|im_end|>\n<|im_start|>assistant\n<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\", \"unit\": \"celsius\"}}\n</tool_call><|im_end|>\n<|im_start|>user\n<tool_response>\n{\"temperature\": 18, \"sky\": \"cloudy\"}\n</tool_response><|im_end|>\n<|im_start|>assistant\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "qwen25.toolsWithSystem", family: "qwen25",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"Use tools when needed.\"}, {\"role\": \"user\", \"content\": \"What's the weather in Paris?\"}], \"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"description\": \"Get the current weather in a city\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\", \"description\": \"City name\"}, \"unit\": {\"type\": \"string\", \"enum\": [\"celsius\", \"fahrenheit\"]}}, \"required\": [\"city\"]}}}], \"add_generation_prompt\": true, \"bos_token\": \"\", \"eos_token\": \"<|im_end|>\"}",
        foldSystem: false,
        expected: "<|im_start|>system\nUse tools when needed.\n\n# Tools\n\nYou may call one or more functions to assist with the user query.\n\nYou are provided with function signatures within <tools></tools> XML tags:\n<tools>\n{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"description\": \"Get the current weather in a city\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\", \"description\": \"City name\"}, \"unit\": {\"type\": \"string\", \"enum\": [\"celsius\", \"fahrenheit\"]}}, \"required\": [\"city\"]}}}\n</tools>\n\nFor each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\n</tool_call><|im_end|>\n<|im_start|>user\nWhat's the weather in Paris?<|im_end|>\n<|im_start|>assistant\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "llama31.toolsInUserMessage", family: "llama31",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"What's the weather in Paris?\"}, {\"role\": \"assistant\", \"content\": \"\", \"tool_calls\": [{\"id\": \"call12345\", \"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\", \"unit\": \"celsius\"}}}]}, {\"role\": \"tool\", \"tool_call_id\": \"call12345\", \"name\": \"get_weather\", \"content\": \"{\\\"temperature\\\": 18, \\\"sky\\\": \\\"cloudy\\\"}\"}], \"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"description\": \"Get the current weather in a city\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\", \"description\": \"City name\"}, \"unit\": {\"type\": \"string\", \"enum\": [\"celsius\", \"fahrenheit\"]}}, \"required\": [\"city\"]}}}], \"add_generation_prompt\": true, \"bos_token\": \"<|begin_of_text|>\", \"eos_token\": \"<|eot_id|>\"}",
        foldSystem: false,
        expected: "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nEnvironment: ipython\nCutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nGiven the following functions, please respond with a JSON for a function call with its proper arguments that best answers the given prompt.\n\nRespond in the format {\"name\": function name, \"parameters\": dictionary of argument name and its value}.Do not use variables.\n\n{\n    \"type\": \"function\",\n    \"function\": {\n        \"name\": \"get_weather\",\n        \"description\": \"Get the current weather in a city\",\n        \"parameters\": {\n            \"type\": \"object\",\n            \"properties\": {\n                \"city\": {\n                    \"type\": \"string\",\n                    \"description\": \"City name\"\n                },\n                \"unit\": {\n                    \"type\": \"string\",\n                    \"enum\": [\n                        \"celsius\",\n                        \"fahrenheit\"\n                    ]\n                }\n            },\n            \"required\": [\n                \"city\"\n            ]\n        }\n    }\n}\n\nWhat's the weather in Paris?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\", \"unit\": \"celsius\"}}<|eot_id|><|start_header_id|>ipython<|end_header_id|>\n\n\"{\\\"temperature\\\": 18, \\\"sky\\\": \\\"cloudy\\\"}\"<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "llama31.toolsInSystem", family: "llama31",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"  Answer briefly.  \"}, {\"role\": \"user\", \"content\": \"What's the weather in Paris?\"}, {\"role\": \"assistant\", \"content\": \"\", \"tool_calls\": [{\"id\": \"call12345\", \"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\", \"unit\": \"celsius\"}}}]}, {\"role\": \"tool\", \"tool_call_id\": \"call12345\", \"name\": \"get_weather\", \"content\": \"{\\\"temperature\\\": 18, \\\"sky\\\": \\\"cloudy\\\"}\"}], \"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"description\": \"Get the current weather in a city\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\", \"description\": \"City name\"}, \"unit\": {\"type\": \"string\", \"enum\": [\"celsius\", \"fahrenheit\"]}}, \"required\": [\"city\"]}}}], \"tools_in_user_message\": false, \"date_string\": \"01 Jan 2025\", \"add_generation_prompt\": false, \"bos_token\": \"<|begin_of_text|>\", \"eos_token\": \"<|eot_id|>\"}",
        foldSystem: false,
        expected: "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nEnvironment: ipython\nCutting Knowledge Date: December 2023\nToday Date: 01 Jan 2025\n\nYou have access to the following functions. To call a function, please respond with JSON for a function call.Respond in the format {\"name\": function name, \"parameters\": dictionary of argument name and its value}.Do not use variables.\n\n{\n    \"type\": \"function\",\n    \"function\": {\n        \"name\": \"get_weather\",\n        \"description\": \"Get the current weather in a city\",\n        \"parameters\": {\n            \"type\": \"object\",\n            \"properties\": {\n                \"city\": {\n                    \"type\": \"string\",\n                    \"description\": \"City name\"\n                },\n                \"unit\": {\n                    \"type\": \"string\",\n                    \"enum\": [\n                        \"celsius\",\n                        \"fahrenheit\"\n                    ]\n                }\n            },\n            \"required\": [\n                \"city\"\n            ]\n        }\n    }\n}\n\nAnswer briefly.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nWhat's the weather in Paris?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\", \"unit\": \"celsius\"}}<|eot_id|><|start_header_id|>ipython<|end_header_id|>\n\n\"{\\\"temperature\\\": 18, \\\"sky\\\": \\\"cloudy\\\"}\"<|eot_id|>", raisedMessage: nil
    ),
    ReferenceRender(
        name: "llama31.builtinTools", family: "llama31",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"Search the news\"}, {\"role\": \"assistant\", \"tool_calls\": [{\"function\": {\"name\": \"brave_search\", \"arguments\": {\"query\": \"news today\"}}}]}], \"builtin_tools\": [\"brave_search\", \"code_interpreter\", \"wolfram_alpha\"], \"add_generation_prompt\": true, \"bos_token\": \"<|begin_of_text|>\", \"eos_token\": \"<|eot_id|>\"}",
        foldSystem: false,
        expected: "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nEnvironment: ipython\nTools: brave_search, wolfram_alpha\n\nCutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nSearch the news<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n<|python_tag|>brave_search.call(query=\"news today\")<|eom_id|><|start_header_id|>assistant<|end_header_id|>\n\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "llama31.noUserForTools", family: "llama31",
        contextJSON: "{\"messages\": [{\"role\": \"system\", \"content\": \"sys\"}], \"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"description\": \"Get the current weather in a city\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\", \"description\": \"City name\"}, \"unit\": {\"type\": \"string\", \"enum\": [\"celsius\", \"fahrenheit\"]}}, \"required\": [\"city\"]}}}], \"add_generation_prompt\": true, \"bos_token\": \"<|begin_of_text|>\", \"eos_token\": \"<|eot_id|>\"}",
        foldSystem: false,
        expected: nil, raisedMessage: "Cannot put tools in the first user message when there's no first user message!"
    ),
    ReferenceRender(
        name: "llama32.strftimeNow", family: "llama32",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"What is the capital of France?\"}], \"add_generation_prompt\": true, \"bos_token\": \"<|begin_of_text|>\", \"eos_token\": \"<|eot_id|>\"}",
        foldSystem: false,
        expected: "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nCutting Knowledge Date: December 2023\nToday Date: 05 Mar 2025\n\n<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nWhat is the capital of France?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV3.tools", family: "mistralV3",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}, {\"role\": \"assistant\", \"content\": \"Hello!\"}, {\"role\": \"user\", \"content\": \"Weather in Paris?\"}, {\"role\": \"assistant\", \"tool_calls\": [{\"id\": \"abc123def\", \"function\": {\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}}]}, {\"role\": \"tool\", \"tool_call_id\": \"abc123def\", \"content\": \"18C\"}], \"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"description\": \"Get the current weather in a city\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\", \"description\": \"City name\"}, \"unit\": {\"type\": \"string\", \"enum\": [\"celsius\", \"fahrenheit\"]}}, \"required\": [\"city\"]}}}], \"add_generation_prompt\": true, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: "<s>[INST] Hi[/INST] Hello!</s>[AVAILABLE_TOOLS] [{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"description\": \"Get the current weather in a city\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\", \"description\": \"City name\"}, \"unit\": {\"type\": \"string\", \"enum\": [\"celsius\", \"fahrenheit\"]}}, \"required\": [\"city\"]}}}][/AVAILABLE_TOOLS][INST] Weather in Paris?[/INST][TOOL_CALLS] [{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}, \"id\": \"abc123def\"}]</s>[TOOL_RESULTS] {\"content\": 18C, \"call_id\": \"abc123def\"}[/TOOL_RESULTS]", raisedMessage: nil
    ),
    ReferenceRender(
        name: "mistralV3.badToolCallId", family: "mistralV3",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}, {\"role\": \"assistant\", \"tool_calls\": [{\"id\": \"short\", \"function\": {\"name\": \"f\", \"arguments\": {}}}]}], \"add_generation_prompt\": true, \"bos_token\": \"<s>\", \"eos_token\": \"</s>\"}",
        foldSystem: false,
        expected: nil, raisedMessage: "Tool call IDs should be alphanumeric strings with length 9!"
    ),
    ReferenceRender(
        name: "gemma2.badAlternation", family: "gemma2",
        contextJSON: "{\"messages\": [{\"role\": \"user\", \"content\": \"a\"}, {\"role\": \"user\", \"content\": \"b\"}], \"add_generation_prompt\": true, \"bos_token\": \"<bos>\", \"eos_token\": \"<eos>\"}",
        foldSystem: false,
        expected: nil, raisedMessage: "Conversation roles must alternate user/assistant/user/assistant/..."
    ),
]
