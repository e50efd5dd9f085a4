/// The environment variables the remote backends read. Keys are only ever taken from the environment.
public enum BackendEnvironment {
    public static let openAIKey = "OPENAI_API_KEY"
    public static let openAIBaseURL = "OPENAI_BASE_URL"
    public static let openAICompatibleKey = "OPENAI_COMPATIBLE_API_KEY"
    public static let anthropicKey = "ANTHROPIC_API_KEY"
    public static let anthropicBaseURL = "ANTHROPIC_BASE_URL"
    public static let geminiKey = "GEMINI_API_KEY"
    public static let googleKey = "GOOGLE_API_KEY"
    public static let geminiBaseURL = "GEMINI_BASE_URL"
    public static let ollamaHost = "OLLAMA_HOST"
}
