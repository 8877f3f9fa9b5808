using LlmSpell.Hosting.Http;
using LlmSpell.Orchestrations.DurableTask;
using LlmSpell.Orchestrations.Workflows;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace LlmSpell.Functions.Http;

/// <summary>
/// The HTTP contract as Functions: each function hands its request to <see cref="SpellHttpApi"/>,
/// the same code <c>llmspell serve</c> maps, with the Durable Functions task hub as the workflow
/// service. Function keys guard every route (<see cref="AuthorizationLevel.Function"/>).
/// </summary>
public sealed class SpellFunctions(SpellHttpApi api, ISpellArchive archive, LlmSpell.Spells.ISpellLibrary spells)
{
    [Function("ListSpells")]
    public async Task<IActionResult> ListSpells([HttpTrigger(AuthorizationLevel.Function, "get", Route = "spells")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await api.ListAsync(request.HttpContext).ConfigureAwait(false);
        return new EmptyResult();
    }

    [Function("RunSpell")]
    public async Task<IActionResult> RunSpell(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "spells/{name}")] HttpRequest request, string name,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        await api.RunAsync(request.HttpContext, name, new DurableTaskWorkflowService(client, archive, spells)).ConfigureAwait(false);
        return new EmptyResult();
    }

    [Function("StartWorkflow")]
    public async Task<IActionResult> StartWorkflow(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "workflows/{name}")] HttpRequest request, string name,
        [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await api.StartWorkflowAsync(request.HttpContext, name, new DurableTaskWorkflowService(client, archive, spells)).ConfigureAwait(false) is { } id)
        {
            // The host's own management URLs, carrying its system key: status, events, terminate,
            // suspend/resume and purge then work through Durable Functions' HTTP API.
            var requestData = await context.GetHttpRequestDataAsync().ConfigureAwait(false)
                ?? throw new InvalidOperationException("the HTTP trigger carried no request data");
            var payload = client.CreateHttpManagementPayload(id, requestData);
            await new DurableManagementUrls(id, Url(payload.StatusQueryGetUri), Url(payload.SendEventPostUri), Url(payload.TerminatePostUri),
                Url(payload.PurgeHistoryDeleteUri), Url(payload.SuspendPostUri), Url(payload.ResumePostUri)).WriteAcceptedAsync(request.HttpContext.Response).ConfigureAwait(false);
        }
        return new EmptyResult();
    }

    private static string Url(string? url) => url ?? throw new InvalidOperationException("the Durable Functions extension gave no management URL; is the durableTask extension configured in host.json?");
}
