namespace LlmSpell.Providers;

/// <summary>
/// The last error response a provider sent during one call. SDKs each throw their own exception
/// types; the HTTP status and the vendor's error body are what they all have in common, so the
/// pipeline keeps them here for <see cref="ProviderErrors"/>.
/// </summary>
internal sealed class ProviderFailure
{
    private static readonly AsyncLocal<ProviderFailure?> Current = new();

    public int? Status { get; private set; }

    public string? Body { get; private set; }

    /// <summary>The media type of the last successful response: what came back when an SDK could not read a 200.</summary>
    public string? SuccessMediaType { get; private set; }

    /// <summary>Whether a response with a success status came back during the call.</summary>
    public bool Answered { get; private set; }

    /// <summary>Starts collecting for the calls made from here down.</summary>
    public static ProviderFailure Begin()
    {
        var failure = new ProviderFailure();
        Current.Value = failure;
        return failure;
    }

    public static void Capture(int status, string body)
    {
        if (Current.Value is { } failure)
        {
            (failure.Status, failure.Body) = (status, body);
        }
    }

    public static void CaptureSuccess(string? mediaType)
    {
        if (Current.Value is { } failure)
        {
            (failure.Answered, failure.SuccessMediaType) = (true, mediaType);
        }
    }
}

/// <summary>Innermost handler: keeps the body of every error response (it is small) for error mapping.</summary>
internal sealed class FailureCaptureHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            ProviderFailure.Capture((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        else
        {
            // Not the body: a success may be a long stream. Its type is enough to explain an unreadable one.
            ProviderFailure.CaptureSuccess(response.Content.Headers.ContentType?.MediaType);
        }

        return response;
    }
}
