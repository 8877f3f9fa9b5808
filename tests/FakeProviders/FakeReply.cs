namespace LlmSpell.FakeProviders;

/// <summary>What a fake vendor server answers to one request; rendered in that vendor's wire format.</summary>
public abstract record FakeReply
{
    /// <summary>A text answer; streamed as one chunk per word when the client asked for a stream.</summary>
    public static FakeReply Answer(string text, int inputTokens = 10, int outputTokens = 5, string finish = "stop") => new TextReply(text, inputTokens, outputTokens, finish);

    /// <summary>The model asks for tools to be called (several at once when more than one).</summary>
    public static FakeReply CallTools(params (string Id, string Name, string ArgumentsJson)[] calls) => new ToolCallReply(calls);

    /// <summary>An HTTP error with the vendor's error body; <paramref name="retryAfterSeconds"/> adds Retry-After.</summary>
    public static FakeReply Fail(int status, string type, string message, int? retryAfterSeconds = null) => new ErrorReply(status, type, message, retryAfterSeconds);

    /// <summary>Exactly this body, whatever the vendor's format: a proxy's HTML page, an empty object.</summary>
    public static FakeReply Raw(int status, string contentType, string body) => new RawReply(status, contentType, body);
}

public sealed record TextReply(string Text, int InputTokens, int OutputTokens, string Finish) : FakeReply
{
    public IReadOnlyList<string> Chunks => Text.Split(' ').Select((word, i) => i == 0 ? word : " " + word).ToList();
}

public sealed record ToolCallReply(IReadOnlyList<(string Id, string Name, string ArgumentsJson)> Calls) : FakeReply;

public sealed record ErrorReply(int Status, string Type, string Message, int? RetryAfterSeconds) : FakeReply;

public sealed record RawReply(int Status, string ContentType, string Body) : FakeReply;
