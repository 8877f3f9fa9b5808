using System.Text.Json;
using System.Text.RegularExpressions;
using LlmSpell.Errors;

namespace LlmSpell.Providers;

/// <summary>Turns a provider failure into the spell error a script can act on, without ever showing the key.</summary>
internal static partial class ProviderErrors
{
    [GeneratedRegex(@"context[ _](length|window)|too long|maximum context|maximum number of tokens|context_length_exceeded", RegexOptions.IgnoreCase)]
    private static partial Regex ContextTooLong();

    public static SpellException Map(ProviderSettings provider, string model, Exception exception, ProviderFailure failure)
    {
        var status = failure.Status ?? (exception as HttpRequestException)?.StatusCode switch { { } code => (int)code, _ => null };
        var vendorMessage = VendorMessage(failure.Body) ?? exception.Message;
        var text = Redact($"{provider.Name}/{model}: {vendorMessage}", provider.ApiKey);
        var error = status switch
        {
            401 or 403 => new SpellError(SpellErrorCode.LlmAuth, Redact($"{provider.Name}: the provider refused the API key ({vendorMessage}); check {provider.ApiKeyVariable ?? "its apiKey setting"}", provider.ApiKey)),
            429 => new SpellError(SpellErrorCode.LlmRateLimited, $"{text} (still rate limited after retrying)"),
            404 => new SpellError(SpellErrorCode.NotFound, text),
            400 or 413 or 422 when ContextTooLong().IsMatch(vendorMessage) => new SpellError(SpellErrorCode.LlmContextTooLong, text),
            null when exception is HttpRequestException or TaskCanceledException => new SpellError(SpellErrorCode.LlmError, Redact($"{provider.Name}: cannot reach {provider.BaseUrl}: {exception.Message}", provider.ApiKey)),
            // The server said yes, but what it sent is not the vendor's reply (an HTML page from a
            // proxy, an empty object, a different API): say so, not the SDK's parsing exception.
            null when failure.Answered => new SpellError(SpellErrorCode.LlmError, Redact(
                $"{provider.Name}/{model}: the provider answered{(failure.SuccessMediaType is { } type ? $" ({type})" : "")} with something that is not {Wire(provider)} reply ({exception.GetType().Name}: {Shorten(exception.Message)}); check that {provider.BaseUrl?.ToString() ?? "its base URL"} is the API's address",
                provider.ApiKey)),
            _ => new SpellError(SpellErrorCode.LlmError, status is { } s ? $"{text} (HTTP {s})" : text),
        };
        // The SDK exception is not attached: its message quotes the vendor, and vendors quote keys back.
        return new SpellException(error);
    }

    private static string Wire(ProviderSettings provider) => provider.Kind switch
    {
        ProviderKind.Anthropic => "an Anthropic Messages",
        ProviderKind.Ollama => "an Ollama chat",
        _ => "a chat completion",
    };

    private static string Shorten(string text) => text.Length > 120 ? text[..120] + "…" : text;

    /// <summary>The human part of a vendor error body: OpenAI and Anthropic nest it, Ollama does not.</summary>
    private static string? VendorMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String) return error.GetString();
                if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message)) return message.GetString();
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out var topMessage) && topMessage.ValueKind == JsonValueKind.String) return topMessage.GetString();
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): show its start.
        }

        return body.Length > 300 ? body[..300] + "…" : body;
    }

    internal static string Redact(string text, string? key) =>
        string.IsNullOrEmpty(key) || key.Length < 4 ? text : text.Replace(key, "[key]", StringComparison.Ordinal);
}
