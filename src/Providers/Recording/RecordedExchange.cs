namespace LlmSpell.Providers.Recording;

/// <summary>
/// One HTTP exchange with a provider, as a line of a recording. Only the method, the path, the two
/// bodies and the content type are kept: never headers, so never keys.
/// </summary>
public sealed record RecordedExchange(string Method, string Path, string RequestBody, int Status, string? ContentType, string ResponseBody)
{
    public string Key => $"{Method} {Path}\n{RequestBody}";
}
