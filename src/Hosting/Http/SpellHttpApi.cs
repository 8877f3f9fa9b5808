using System.Text.Json;
using LlmSpell.Errors;
using LlmSpell.Hosting.Application;
using LlmSpell.Hosting.Spells;
using LlmSpell.Values;
using LlmSpell.Workflows;
using Microsoft.AspNetCore.Http;

namespace LlmSpell.Hosting.Http;

/// <summary>
/// The HTTP contract of every server face, written once on ASP.NET Core types: <c>GET /api/spells</c>,
/// <c>POST /api/spells/{name}</c> (JSON, or server-sent events with <c>Accept: text/event-stream</c>)
/// and the start of <c>POST /api/workflows/{name}</c>. <c>llmspell serve</c> maps it to routes;
/// the Functions app's HTTP functions call it with their request.
/// </summary>
public sealed class SpellHttpApi(SpellCatalog catalog, SpellRunService runs)
{
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary><c>GET /api/spells</c>: the served spells with their triggers and input schemas.</summary>
    public async Task ListAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var spells = await catalog.ListAsync(http.RequestAborted).ConfigureAwait(false);
        http.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(http.Response.Body);
        writer.WriteStartObject();
        writer.WriteStartArray("spells");
        foreach (var spell in spells)
        {
            SpellListing.Write(writer, spell, runs.Runner.ResolveEngine(spell.Script).Name);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary><c>POST /api/spells/{name}</c>: runs the spell with the JSON body as its input.</summary>
    /// <param name="workflows">Where the spell's <c>workflow.start</c> goes, if not the host's.</param>
    public async Task RunAsync(HttpContext http, string name, IWorkflowService? workflows = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (await PrepareAsync(http, name, requireHttp: true).ConfigureAwait(false) is not var (spell, input))
        {
            return;
        }
        var options = spell.RunOptions(input, workflows);
        http.Response.Headers["X-LlmSpell-Spell"] = $"{spell.Name}@{spell.ContentHash[..12]}";
        if (WantsEvents(http.Request))
        {
            await SpellEventStream.RunAsync(http, runs, spell.Script, options).ConfigureAwait(false);
            return;
        }
        var report = await runs.RunAsync(spell.Script, options, http.RequestAborted).ConfigureAwait(false);
        if (report.Result.Error is { } error)
        {
            await SpellProblem.WriteAsync(http.Response, error, report: report).ConfigureAwait(false);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(http.Response.Body);
        report.WriteTo(writer);
    }

    /// <summary>
    /// The first half of <c>POST /api/workflows/{name}</c>: runs the spell until it declares its
    /// workflow and starts that durably. Returns the run id; on failure the problem is already written.
    /// The face answers 202 with its management URLs.
    /// </summary>
    public async Task<string?> StartWorkflowAsync(HttpContext http, string name, IWorkflowService? workflows = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (await PrepareAsync(http, name, requireHttp: false).ConfigureAwait(false) is not var (spell, input))
        {
            return null;
        }
        var runId = http.Request.Query["id"].FirstOrDefault();
        var started = await runs.StartWorkflowAsync(spell.Script,
            spell.RunOptions(input, workflows), runId, http.RequestAborted).ConfigureAwait(false);
        if (started.Error is { } error)
        {
            await SpellProblem.WriteAsync(http.Response, error, started.RunIdInUse ? StatusCodes.Status409Conflict : null).ConfigureAwait(false);
            return null;
        }
        return started.RunId;
    }

    private async Task<(DeployedSpell Spell, SpellMap Input)?> PrepareAsync(HttpContext http, string name, bool requireHttp)
    {
        var spell = await catalog.FindAsync(name, http.RequestAborted).ConfigureAwait(false);
        if (spell is null || (requireHttp && !spell.Manifest.Triggers.Http))
        {
            await SpellProblem.WriteAsync(http.Response, new SpellError(SpellErrorCode.NotFound,
                spell is null ? $"no spell named '{name}' is served here (GET /api/spells lists them)" : $"spell '{name}' is not served over HTTP (its manifest sets triggers.http to false)"),
                StatusCodes.Status404NotFound).ConfigureAwait(false);
            return null;
        }
        var input = await ReadInputAsync(http.Request).ConfigureAwait(false);
        if (input.Error is { } bad)
        {
            await SpellProblem.WriteAsync(http.Response, bad, StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return null;
        }
        try
        {
            spell.Manifest.Input?.Check(spell.Name, input.Value!);
        }
        catch (SpellException e)
        {
            await SpellProblem.WriteAsync(http.Response, e.Error, StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return null;
        }
        return (spell, input.Value!);
    }

    private static async Task<(SpellMap? Value, SpellError? Error)> ReadInputAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, new SpellError(SpellErrorCode.BadArgument, $"the request body is {request.ContentLength} bytes; at most {MaxBodyBytes} are accepted"));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return (null, new SpellError(SpellErrorCode.BadArgument, $"the request body is over {MaxBodyBytes} bytes"));
            }
        }
        if (buffer.Length == 0)
        {
            return (SpellMap.Empty, null);
        }
        try
        {
            return SpellJson.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is SpellMap map
                ? (map, null)
                : (null, new SpellError(SpellErrorCode.BadArgument, "the request body must be a JSON object: it is the spell's input"));
        }
        catch (SpellException e)
        {
            return (null, new SpellError(SpellErrorCode.InvalidJson, $"the request body is not JSON: {e.Error.Message}"));
        }
    }

    private static bool WantsEvents(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase));
}
