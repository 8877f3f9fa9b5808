using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LlmSpell.Hosting.Http;

/// <summary>
/// The management URLs of a durable run, in the shape Durable Functions'
/// <c>CreateCheckStatusResponseAsync</c> answers with, so a client written for one face works on the other.
/// </summary>
public sealed record DurableManagementUrls(string Id, string StatusQueryGetUri, string SendEventPostUri, string TerminatePostUri,
    string PurgeHistoryDeleteUri, string SuspendPostUri, string ResumePostUri)
{
    /// <summary>Where <c>llmspell serve</c> maps them, as the Durable Functions host does.</summary>
    public const string BasePath = "/runtime/webhooks/durabletask/instances";

    /// <summary>The URLs of run <paramref name="id"/> on this server, carrying the caller's key as Durable Functions does.</summary>
    public static DurableManagementUrls For(HttpRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var instance = $"{request.Scheme}://{request.Host}{request.PathBase}{BasePath}/{Uri.EscapeDataString(id)}";
        var key = request.Query["code"].FirstOrDefault() ?? request.Headers["x-functions-key"].FirstOrDefault();
        var code = key is null ? null : $"code={Uri.EscapeDataString(key)}";
        string With(string path, string? query = null)
        {
            var parts = new[] { query, code }.Where(q => q is not null).ToArray();
            return instance + path + (parts.Length == 0 ? "" : "?" + string.Join('&', parts));
        }
        return new DurableManagementUrls(id, With(""), With("/raiseEvent/{eventName}"), With("/terminate", "reason={text}"),
            With(""), With("/suspend", "reason={text}"), With("/resume", "reason={text}"));
    }

    /// <summary>Answers 202 with <c>Location</c> and the body of management URLs.</summary>
    public async Task WriteAcceptedAsync(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCodes.Status202Accepted;
        response.Headers.Location = StatusQueryGetUri;
        response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteString("id", Id);
        writer.WriteString("statusQueryGetUri", StatusQueryGetUri);
        writer.WriteString("sendEventPostUri", SendEventPostUri);
        writer.WriteString("terminatePostUri", TerminatePostUri);
        writer.WriteString("purgeHistoryDeleteUri", PurgeHistoryDeleteUri);
        writer.WriteString("suspendPostUri", SuspendPostUri);
        writer.WriteString("resumePostUri", ResumePostUri);
        writer.WriteEndObject();
    }
}
