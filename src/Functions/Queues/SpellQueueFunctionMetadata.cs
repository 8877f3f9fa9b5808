using System.Text.Json.Nodes;
using LlmSpell.Hosting.Spells;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;

namespace LlmSpell.Functions.Queues;

/// <summary>
/// Turns the <see cref="SpellQueueFunction"/> template into one queue-triggered function per spell
/// that declares a queue, as the worker reports its functions to the host at start-up (worker
/// indexing). Each copy keeps the template's entry point, so the generated executor dispatches it to
/// the same method, and gets the spell's queue, so the host listens to — and the scale controller
/// scales on — that queue.
/// </summary>
public sealed class SpellQueueFunctionMetadata(SpellCatalog catalog) : IFunctionMetadataTransformer
{
    public string Name => nameof(SpellQueueFunctionMetadata);

    public void Transform(IList<IFunctionMetadata> original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var template = original.FirstOrDefault(f => f.Name == SpellQueueFunction.Template);
        if (template is null)
        {
            return;
        }
        original.Remove(template);
        // The host asks once, at start-up, before any invocation; the catalog reads its folder and
        // container here for the first time.
        var spells = catalog.ListAsync(CancellationToken.None).GetAwaiter().GetResult();
        foreach (var spell in spells.Where(s => s.Manifest.Triggers.Queue is not null).OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            original.Add(new DefaultFunctionMetadata
            {
                Language = template.Language,
                Name = SpellQueueFunction.NamePrefix + spell.Name,
                EntryPoint = template.EntryPoint,
                ScriptFile = template.ScriptFile,
                RawBindings = template.RawBindings!.Select(binding => WithQueue(binding, spell.Manifest.Triggers.Queue!.QueueName)).ToList(),
            });
        }
    }

    private static string WithQueue(string binding, string queue)
    {
        var node = JsonNode.Parse(binding)!.AsObject();
        if (node["type"]?.GetValue<string>() == "queueTrigger")
        {
            node["queueName"] = queue;
        }
        return node.ToJsonString();
    }
}
