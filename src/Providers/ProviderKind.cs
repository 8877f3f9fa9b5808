namespace LlmSpell.Providers;

/// <summary>The wire format a provider speaks; several vendors share the OpenAI one.</summary>
public enum ProviderKind
{
    /// <summary>api.openai.com, or any server with the OpenAI Chat Completions API (vLLM, LM Studio, OpenRouter, Groq).</summary>
    OpenAICompatible,

    /// <summary>Azure OpenAI through its v1 API (<c>{endpoint}/openai/v1/</c>), which the OpenAI SDK speaks directly.</summary>
    AzureOpenAI,

    /// <summary>Anthropic Messages API, through Anthropic's own SDK.</summary>
    Anthropic,

    /// <summary>
    /// Gemini through Google's OpenAI-compatible endpoint. Chosen over the native REST API because no
    /// maintained Google .NET SDK is in our registry and the compatible endpoint carries everything the
    /// spell API uses (chat, streaming, tool calls, JSON schema, model listing) through the OpenAI SDK.
    /// </summary>
    Gemini,

    /// <summary>Ollama's native API, through OllamaSharp.</summary>
    Ollama,
}
