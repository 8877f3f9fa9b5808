using System.Net;

namespace LlmSpell.Cli.Serve;

/// <summary>The addresses <c>llmspell serve</c> listens on (ASP.NET Core's <c>--urls</c> form) and whether they are loopback only.</summary>
internal static class ServeUrls
{
    public const string Default = "http://127.0.0.1:7071";

    /// <returns>The URLs, or the problem with them.</returns>
    public static (string[] Urls, string? Problem) Parse(string text)
    {
        var urls = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var url in urls)
        {
            // Kestrel's wildcard hosts are not URIs; give them a host so they parse.
            var parsable = url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal);
            if (!Uri.TryCreate(parsable, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                return ([], $"--urls: '{url}' is not an http:// or https:// address");
            }
        }
        return urls.Length == 0 ? ([], "--urls: no address given") : (urls, null);
    }

    public static bool AllLoopback(IEnumerable<string> urls) => urls.All(url =>
    {
        var host = new Uri(url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal)).Host.Trim('[', ']');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    });
}
