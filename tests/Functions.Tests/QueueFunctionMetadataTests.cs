using System.Text.Json;
using LlmSpell.Functions.Queues;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace LlmSpell.Functions.Tests;

/// <summary>
/// What the worker reports to the host at start-up (worker indexing), read through the worker's own
/// metadata manager: the built functions with the queue template replaced by one queue trigger per
/// queue-triggered spell.
/// </summary>
public sealed class QueueFunctionMetadataTests
{
    [Fact]
    public async Task Each_queue_triggered_spell_gets_a_queue_trigger_on_its_own_queue()
    {
        var root = Directory.CreateTempSubdirectory("llmspell-functions-index-");
        try
        {
            using var host = new HostBuilder()
                .ConfigureFunctionsWebApplication()
                .ConfigureServices(services => services.AddLlmSpellFunctions(new ConfigurationBuilder().AddInMemoryCollection(
                [
                    new(LlmSpellServiceCollectionExtensions.ContentRootKey, root.FullName),
                    new("spells:folder", Path.Combine(AppContext.BaseDirectory, "queued")),
                ]).Build()))
                .Build();
            var functions = (await host.Services.GetRequiredService<IFunctionMetadataManager>().GetFunctionMetadataAsync(AppContext.BaseDirectory)).ToDictionary(f => f.Name!);

            Assert.DoesNotContain(SpellQueueFunction.Template, functions.Keys);
            Assert.Equal(["SpellQueue-scribe", "SpellQueue-tally"], functions.Keys.Where(k => k.StartsWith("SpellQueue", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            foreach (var (name, queue) in new[] { ("SpellQueue-scribe", "scribe-in"), ("SpellQueue-tally", "tally-jobs") })
            {
                var function = functions[name];
                Assert.Equal("LlmSpell.Functions.Queues.SpellQueueFunction.RunQueued", function.EntryPoint);
                Assert.Equal("LlmSpell.Functions.dll", function.ScriptFile);
                var bindings = function.RawBindings!.Select(b => JsonDocument.Parse(b).RootElement).ToList();
                var trigger = Assert.Single(bindings, b => b.GetProperty("type").GetString() == "queueTrigger");
                Assert.Equal(queue, trigger.GetProperty("queueName").GetString());
                Assert.Contains(bindings, b => b.GetProperty("type").GetString() == "durableClient");
                Assert.False(string.IsNullOrEmpty(function.FunctionId));
            }
            Assert.NotEqual(functions["SpellQueue-scribe"].FunctionId, functions["SpellQueue-tally"].FunctionId);
            // The other functions are reported as built.
            Assert.Contains("RunSpell", functions.Keys);
            Assert.Contains("LlmSpellWorkflow", functions.Keys);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
