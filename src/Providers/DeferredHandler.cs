namespace LlmSpell.Providers;

/// <summary>
/// A provider's HTTP pipeline, built when the provider first sends a request: building it (retry
/// strategy, socket handler) costs tens of milliseconds of start-up, which a run that never calls
/// that provider — most runs call one of several — should not pay.
/// </summary>
internal sealed class DeferredHandler(Func<HttpMessageHandler> create) : HttpMessageHandler
{
    private readonly Lazy<HttpMessageInvoker> _inner = new(() => new HttpMessageInvoker(create(), disposeHandler: true));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _inner.Value.SendAsync(request, cancellationToken);

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _inner.Value.Send(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _inner.IsValueCreated)
        {
            _inner.Value.Dispose();
        }

        base.Dispose(disposing);
    }
}
