using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LlmSpell.Hosting.Http;

/// <summary>
/// The management URLs of a durable run, in the shape Durable Functions'
/// <c>CreateCheckStatusResponseAsync</c> answers with, so a client written for one face works on the other.
/// </summary>
public static class DurableManagementUrls
{
    public const string BasePath = "/runtime/webhooks/durabletask/instances";

    /// <summary>Answers 202 with <c>Location</c> and the body of management URLs for run <paramref name="id"/>.</summary>
    public static async Task WriteAcceptedAsync(HttpContext http, string id)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = http.Request;
        var instance = $"{request.Scheme}://{request.Host}{request.PathBase}{BasePath}/{Uri.EscapeDataString(id)}";
        var key = request.Query["code"].FirstOrDefault() ?? request.Headers["x-functions-key"].FirstOrDefault();
        var code = key is null ? "" : $"code={Uri.EscapeDataString(key)}";
        string With(string path, string? query = null) =>
            instance + path + (query is null && code.Length == 0 ? "" : "?" + string.Join('&', new[] { query, code.Length == 0 ? null : code }.Where(q => q is not null)));
        http.Response.StatusCode = StatusCodes.Status202Accepted;
        http.Response.Headers.Location = With("");
        http.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(http.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("statusQueryGetUri", With(""));
        writer.WriteString("sendEventPostUri", With("/raiseEvent/{eventName}"));
        writer.WriteString("terminatePostUri", With("/terminate", "reason={text}"));
        writer.WriteString("purgeHistoryDeleteUri", With(""));
        writer.WriteString("suspendPostUri", With("/suspend", "reason={text}"));
        writer.WriteString("resumePostUri", With("/resume", "reason={text}"));
        writer.WriteEndObject();
    }
}
