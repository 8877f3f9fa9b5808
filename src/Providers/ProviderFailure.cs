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

        return response;
    }
}
