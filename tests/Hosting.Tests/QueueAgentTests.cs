using System.Text.Json;
using Azure.Storage.Queues;
using LlmSpell.Hosting.Queues;
using LlmSpell.Hosting.Spells;
using LlmSpell.State;
using LlmSpell.Testing;
using LlmSpell.Values;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace LlmSpell.Hosting.Tests;

/// <summary>Queue-triggered spells on Azurite: once per message id, replies, poison, retries, and threads across instances.</summary>
public sealed class QueueAgentTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("llmspell-queues-").FullName;
    private readonly string _hub = "q" + Guid.NewGuid().ToString("N")[..12];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private ServiceProvider Instance(string? spellsFolder = null)
    {
        Spell("echo", """{ "triggers": { "queue": "echo-in" } }""", "echo.lua", """
            local runs = state.update("runs", function(n) return (n or 0) + 1 end)
            return { echo = input.text, runs = runs }
            """);
        Spell("flaky", """{ "triggers": { "queue": { "name": "flaky-in", "max_dequeue_count": 3 } } }""", "flaky.js", """
            const attempt = await state.update("attempts", (n) => (n ?? 0) + 1);
            if (!input.heals || attempt < 2) { throw { code: "upstream_down", message: `attempt ${attempt} failed` }; }
            return attempt;
            """);
        Spell("strict", """{ "triggers": { "queue": "strict-in" }, "input": { "type": "object", "properties": { "n": { "type": "integer" } }, "required": ["n"] } }""", "strict.tengo", "export input.n * 2");
        Spell("scribe", """{ "triggers": { "queue": "scribe-in" } }""", "scribe.lua", """
            local scribe = agent.create({ name = "scribe" })
            local reply = scribe.run(input.text, { thread = input.thread })
            return { reply = reply, turns = #state.get("agent-threads/" .. input.thread) }
            """);
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddLlmSpell(new ConfigurationBuilder().AddInMemoryCollection(
        [
            new(LlmSpellServiceCollectionExtensions.ContentRootKey, _root),
            new("spells:folder", spellsFolder ?? _root),
            new("durable:provider", "azure-storage"),
            new("durable:connectionString", azurite.ConnectionString),
            new("durable:taskHub", _hub),
        ]).Build(), spell => spell.AddQueueListener());
        return services.BuildServiceProvider();
    }

    private void Spell(string name, string manifest, string file, string source)
    {
        File.WriteAllText(Path.Combine(_root, name + ".spell.json"), manifest);
        File.WriteAllText(Path.Combine(_root, file), source);
    }

    private static async Task<QueueOutcome> ProcessAsync(ServiceProvider instance, string spell, string message, string queueId = "m1", long dequeue = 1)
    {
        var deployed = (await instance.GetRequiredService<SpellCatalog>().FindAsync(spell, Token))!;
        return await instance.GetRequiredService<SpellQueueProcessor>().ProcessAsync(deployed, message, queueId, dequeue, null, Token);
    }

    private async Task<string?> ReceiveAsync(string queue)
    {
        var client = new QueueServiceClient(azurite.ConnectionString).GetQueueClient(queue);
        await client.CreateIfNotExistsAsync(cancellationToken: Token);
        var message = (await client.ReceiveMessageAsync(cancellationToken: Token)).Value;
        return message?.Body.ToString();
    }

    [Fact]
    public async Task A_message_runs_once_per_id_and_its_result_is_kept_and_sent_back()
    {
        await using var instance = Instance();
        var message = """{ "id": "order-7", "input": { "text": "hi" }, "reply_to": "echo-out" }""";
        Assert.Equal(QueueOutcome.Completed, await ProcessAsync(instance, "echo", message));
        // The same message delivered again (say its instance died before deleting it).
        Assert.Equal(QueueOutcome.AlreadyDone, await ProcessAsync(instance, "echo", message, dequeue: 2));

        var stored = await instance.GetRequiredService<QueueRunRecords>().ReadResultAsync("echo", "order-7", Token);
        using var record = JsonDocument.Parse(stored!);
        Assert.Equal("order-7", record.RootElement.GetProperty("id").GetString());
        var result = record.RootElement.GetProperty("report").GetProperty("result");
        Assert.Equal("hi", result.GetProperty("echo").GetString());
        Assert.Equal(1, result.GetProperty("runs").GetInt32());
        Assert.Equal(SpellValue.From(1), await instance.GetRequiredService<IStateStore>().GetAsync("echo", "runs", Token));
        // Replies are at least once and carry the id: the receiver drops the repeat.
        Assert.Contains("\"order-7\"", await ReceiveAsync("echo-out"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("echo", "not json", "not JSON")]
    [InlineData("echo", """{ "id": "a/b" }""", "id 'a/b'")]
    [InlineData("echo", """{ "input": [1] }""", "JSON object")]
    [InlineData("echo", """{ "colour": "red" }""", "unknown key 'colour'")]
    [InlineData("strict", """{ "id": "s1", "input": { "n": "two" } }""", "input.n")]
    public async Task A_message_that_can_never_run_goes_to_poison_at_once_with_its_error(string spell, string message, string problem)
    {
        await using var instance = Instance();
        var outcome = await ProcessAsync(instance, spell, message, queueId: "qid-1");
        Assert.Equal("poisoned", outcome.Status);
        Assert.Contains(problem, outcome.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(message, await ReceiveAsync(spell + "-in-poison"));
        var container = instance.GetRequiredService<QueueRunRecords>().Container;
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, spell + "/poison/", Token))
        {
            names.Add(blob.Name);
        }
        var recorded = (await container.GetBlobClient(Assert.Single(names)).DownloadContentAsync(Token)).Value.Content.ToString();
        Assert.Contains(problem.Replace("'", "\\u0027", StringComparison.Ordinal), recorded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_run_is_retried_to_its_dequeue_count_then_poisoned_with_its_last_error()
    {
        await using var instance = Instance();
        var message = """{ "id": "f1", "input": { "heals": false } }""";
        Assert.Equal("retry", (await ProcessAsync(instance, "flaky", message, dequeue: 1)).Status);
        Assert.Equal("retry", (await ProcessAsync(instance, "flaky", message, dequeue: 2)).Status);
        var last = await ProcessAsync(instance, "flaky", message, dequeue: 3);
        Assert.Equal("poisoned", last.Status);
        Assert.Equal("attempt 3 failed", last.Error!.Message);
        Assert.Equal(message, await ReceiveAsync("flaky-in-poison"));
        Assert.Null(await instance.GetRequiredService<QueueRunRecords>().ReadResultAsync("flaky", "f1", Token));
    }

    [Fact]
    public async Task A_conversation_continues_across_messages_whichever_instance_takes_them()
    {
        await using var first = Instance();
        await using var second = Instance();
        foreach (var instance in new[] { first, second })
        {
            foreach (var hosted in instance.GetServices<IHostedService>())
            {
                await hosted.StartAsync(Token);
            }
        }
        var input = new QueueServiceClient(azurite.ConnectionString).GetQueueClient("scribe-in");
        await input.CreateIfNotExistsAsync(cancellationToken: Token);
        var turns = new List<int>();
        foreach (var (id, text) in new[] { ("c1", "my name is Ada"), ("c2", "what is my name?"), ("c3", "thanks") })
        {
            await input.SendMessageAsync($$"""{ "id": "{{id}}", "thread": "ada", "input": { "text": "{{text}}" }, "reply_to": "scribe-out" }""", Token);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            string? reply;
            while ((reply = await ReceiveAsync("scribe-out")) is null)
            {
                Assert.True(DateTime.UtcNow < deadline, $"no reply to {id}");
                await Task.Delay(100, Token);
            }
            using var record = JsonDocument.Parse(reply);
            Assert.Equal(id, record.RootElement.GetProperty("id").GetString());
            turns.Add(record.RootElement.GetProperty("report").GetProperty("result").GetProperty("turns").GetInt32());
        }
        // Each message adds the user's turn and the agent's to the one thread, kept in blob state.
        Assert.Equal([2, 4, 6], turns);
        foreach (var instance in new[] { first, second })
        {
            foreach (var hosted in instance.GetServices<IHostedService>())
            {
                await hosted.StopAsync(Token);
            }
        }
    }

    [Fact]
    public async Task The_helpdesk_example_answers_in_its_thread_and_keeps_the_conversation()
    {
        await using var instance = Instance(Path.Combine(LlmSpellProcess.Examples, "serverless"));
        var turns = new List<int>();
        foreach (var (id, question) in new[] { ("h1", "my order is 42"), ("h2", "where is my order?") })
        {
            var outcome = await ProcessAsync(instance, "helpdesk", $$"""{ "id": "{{id}}", "thread": "customer-42", "input": { "question": "{{question}}" } }""");
            Assert.True(outcome == QueueOutcome.Completed, $"{outcome.Status}: {outcome.Error}");
            using var record = JsonDocument.Parse((await instance.GetRequiredService<QueueRunRecords>().ReadResultAsync("helpdesk", id, Token))!);
            var result = record.RootElement.GetProperty("report").GetProperty("result");
            Assert.Equal("customer-42", result.GetProperty("thread").GetString());
            Assert.Contains(question, result.GetProperty("answer").GetString(), StringComparison.Ordinal);
            turns.Add(result.GetProperty("turns").GetInt32());
        }
        Assert.Equal([2, 4], turns);
        // Its manifest asks for a question: a message without one never runs.
        Assert.Equal("poisoned", (await ProcessAsync(instance, "helpdesk", """{ "id": "h3", "input": { } }""")).Status);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
