using System.Security.Cryptography;
using System.Text;
using LlmSpell.Errors;
using LlmSpell.Hosting.Http;
using Microsoft.AspNetCore.Http;

namespace LlmSpell.Cli.Serve;

/// <summary>
/// <c>llmspell serve</c>'s stand-in for Functions' function keys: with a key set, every request but
/// <c>/healthz</c> must carry it as <c>x-functions-key</c>, <c>code=</c> or <c>Authorization: Bearer</c>,
/// so a client written for the Functions app works unchanged.
/// </summary>
internal sealed class ApiKeyGate(byte[] key)
{
    public static ApiKeyGate? For(string? key) => string.IsNullOrEmpty(key) ? null : new ApiKeyGate(Encoding.UTF8.GetBytes(key));

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        // Artifact links carry their own signature instead (ServedArtifactStore).
        if (http.Request.Path == "/healthz" || http.Request.Path.StartsWithSegments(ServedArtifactStore.RoutePrefix.TrimEnd('/'), StringComparison.Ordinal) || Matches(Presented(http.Request)))
        {
            await next(http).ConfigureAwait(false);
            return;
        }
        http.Response.Headers.WWWAuthenticate = "Bearer";
        await SpellProblem.WriteAsync(http.Response, new SpellError(SpellErrorCode.BadArgument,
            "this server needs its API key: send it as the x-functions-key header, the code query parameter or Authorization: Bearer"), StatusCodes.Status401Unauthorized).ConfigureAwait(false);
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers["x-functions-key"].FirstOrDefault() is { Length: > 0 } header)
        {
            return header;
        }
        if (request.Query["code"].FirstOrDefault() is { Length: > 0 } code)
        {
            return code;
        }
        var authorization = request.Headers.Authorization.FirstOrDefault();
        return authorization?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true ? authorization["Bearer ".Length..].Trim() : null;
    }

    private bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), key);
}
