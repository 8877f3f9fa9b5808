using System.Text.Json;
using LlmSpell.Errors;
using LlmSpell.Orchestrations;
using LlmSpell.Orchestrations.Client;
using LlmSpell.Orchestrations.Workflows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LlmSpell.Hosting.Http;

/// <summary>
/// The HTTP contract on an ASP.NET Core app (<c>llmspell serve</c>): the spell routes, and for
/// durable runs the management routes Durable Functions offers under
/// <c>/runtime/webhooks/durabletask/instances/{id}</c>, backed by the embedded engine.
/// </summary>
public static class SpellEndpoints
{
    public static IEndpointRouteBuilder MapLlmSpell(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/healthz", () => Results.Text("ok"));
        endpoints.MapGet("/api/spells", (HttpContext http, SpellHttpApi api) => api.ListAsync(http));
        endpoints.MapPost("/api/spells/{name}", (HttpContext http, string name, SpellHttpApi api) => api.RunAsync(http, name));
        endpoints.MapPost("/api/workflows/{name}", async (HttpContext http, string name, SpellHttpApi api) =>
        {
            if (await api.StartWorkflowAsync(http, name).ConfigureAwait(false) is { } id)
            {
                await DurableManagementUrls.For(http.Request, id).WriteAcceptedAsync(http.Response).ConfigureAwait(false);
            }
        });

        endpoints.MapGet(ServedArtifactStore.RoutePrefix + "{spell}/{**name}", ArtifactAsync);

        var instances = endpoints.MapGroup(DurableManagementUrls.BasePath);
        instances.MapGet("/{id}", StatusAsync);
        instances.MapPost("/{id}/raiseEvent/{eventName}", RaiseAsync);
        instances.MapPost("/{id}/terminate", (HttpContext http, string id, string? reason, IDurableClient client) =>
            ControlAsync(http, id, client, c => c.TerminateInstanceAsync(id, reason, http.RequestAborted)));
        instances.MapPost("/{id}/suspend", (HttpContext http, string id, string? reason, IDurableClient client) =>
            ControlAsync(http, id, client, c => c.SuspendInstanceAsync(id, reason, http.RequestAborted)));
        instances.MapPost("/{id}/resume", (HttpContext http, string id, string? reason, IDurableClient client) =>
            ControlAsync(http, id, client, c => c.ResumeInstanceAsync(id, reason, http.RequestAborted)));
        instances.MapDelete("/{id}", async (HttpContext http, string id, IDurableClient client) =>
            await client.PurgeInstanceAsync(id, http.RequestAborted).ConfigureAwait(false)
                ? Results.Ok(new { instancesDeleted = 1 })
                : Results.NotFound());
        return endpoints;
    }

    // The link's signature is its credential (see ServedArtifactStore); no API key is asked for.
    private static async Task ArtifactAsync(HttpContext http, string spell, string name, IServiceProvider services)
    {
        if (services.GetService<LlmSpell.Artifacts.IArtifactStore>() is not ServedArtifactStore served
            || !served.Verify(spell, name, http.Request.Query["expires"].FirstOrDefault(), http.Request.Query["sig"].FirstOrDefault()))
        {
            await SpellProblem.WriteAsync(http.Response, new SpellError(SpellErrorCode.BadArgument,
                "this artifact link is not valid here or has expired; artifacts.url makes a new one"), StatusCodes.Status403Forbidden).ConfigureAwait(false);
            return;
        }
        if (await served.GetAsync(spell, name, http.RequestAborted).ConfigureAwait(false) is not { } found)
        {
            await SpellProblem.WriteAsync(http.Response, new SpellError(SpellErrorCode.NotFound, $"spell '{spell}' has no artifact '{name}'"), StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }
        http.Response.ContentType = found.Info.ContentType;
        http.Response.ContentLength = found.Data.Length;
        http.Response.Headers.CacheControl = "private, no-store";
        await http.Response.Body.WriteAsync(found.Data, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task StatusAsync(HttpContext http, string id, IDurableClient client)
    {
        var instance = await client.GetInstanceAsync(id, true, http.RequestAborted).ConfigureAwait(false);
        if (instance is null)
        {
            await NotFoundAsync(http, id).ConfigureAwait(false);
            return;
        }
        // As Durable Functions: 202 while the run goes on, 200 once it has ended.
        http.Response.StatusCode = instance.Status.IsTerminal() ? StatusCodes.Status200OK : StatusCodes.Status202Accepted;
        http.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(http.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("name", instance.Name);
        writer.WriteString("instanceId", instance.InstanceId);
        writer.WriteString("runtimeStatus", instance.Status.ToString());
        WriteRaw(writer, "input", instance.SerializedInput);
        WriteRaw(writer, "customStatus", instance.SerializedCustomStatus);
        WriteRaw(writer, "output", instance.Failure is { } failure ? JsonSerializer.Serialize(failure.Message) : instance.SerializedOutput);
        writer.WriteString("createdTime", instance.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("lastUpdatedTime", instance.LastUpdatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteEndObject();
    }

    private static async Task RaiseAsync(HttpContext http, string id, string eventName, IDurableClient client)
    {
        if (await client.GetInstanceAsync(id, false, http.RequestAborted).ConfigureAwait(false) is null)
        {
            await NotFoundAsync(http, id).ConfigureAwait(false);
            return;
        }
        JsonElement? data = null;
        if (http.Request.ContentLength is not 0)
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
                data = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                await SpellProblem.WriteAsync(http.Response, new SpellError(SpellErrorCode.InvalidJson, $"the event data is not JSON: {e.Message}"), StatusCodes.Status400BadRequest).ConfigureAwait(false);
                return;
            }
        }
        await client.RaiseEventAsync(id, eventName, data, http.RequestAborted).ConfigureAwait(false);
        http.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private static async Task ControlAsync(HttpContext http, string id, IDurableClient client, Func<IDurableClient, Task> action)
    {
        if (await client.GetInstanceAsync(id, false, http.RequestAborted).ConfigureAwait(false) is null)
        {
            await NotFoundAsync(http, id).ConfigureAwait(false);
            return;
        }
        try
        {
            await action(client).ConfigureAwait(false);
            http.Response.StatusCode = StatusCodes.Status202Accepted;
        }
        catch (InvalidOperationException e)
        {
            // For example terminating a run that has already ended.
            await SpellProblem.WriteAsync(http.Response, new SpellError(SpellErrorCode.WorkflowError, e.Message), StatusCodes.Status410Gone).ConfigureAwait(false);
        }
    }

    private static Task NotFoundAsync(HttpContext http, string id) =>
        SpellProblem.WriteAsync(http.Response, new SpellError(SpellErrorCode.NotFound, $"there is no workflow run with id '{id}'"), StatusCodes.Status404NotFound);

    private static void WriteRaw(Utf8JsonWriter writer, string name, string? json)
    {
        writer.WritePropertyName(name);
        if (json is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(json);
        }
    }
}
