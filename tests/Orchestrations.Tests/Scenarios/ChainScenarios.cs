using Xunit;
using System.Text.Json;
using LlmSpell.Orchestrations.History;

namespace LlmSpell.Orchestrations.Tests.Scenarios;

public abstract partial class OrchestrationScenarios
{
    [Fact]
    public async Task Hello_cities_runs_five_activities_in_order()
    {
        await using var hub = await StartAsync(HelloCities);
        var done = await hub.RunAsync("HelloCities");
        Assert.Equal(OrchestrationStatus.Completed, done.Status);
        Assert.Equal(Cities.Select(c => $"Hello {c}!"), done.ReadOutputAs<List<string>>());
        var history = await hub.Client.GetHistoryAsync(done.InstanceId);
        Assert.Equal(5, history.OfType<TaskScheduled>().Count());
        if (HistoryKeepsTaskInputs)
        {
            Assert.Equal(Cities, history.OfType<TaskScheduled>().Select(t => JsonSerializer.Deserialize<string>(t.Input!)));
        }
        AssertNoDuplicateEvents(history);
    }

    [Fact]
    public async Task A_chain_of_one_hundred_activities_passes_each_result_on()
    {
        await using var hub = await StartAsync(r => r
            .AddActivity<int, int>("Increment", n => n + 1)
            .AddOrchestrator<int, int>("Chain", async (context, start) =>
            {
                var value = start;
                for (var i = 0; i < 100; i++)
                {
                    value = await context.CallActivityAsync<int>("Increment", value);
                }
                return value;
            }));
        var done = await hub.RunAsync("Chain", 5);
        Assert.Equal(105, done.ReadOutputAs<int>());
        Assert.Equal(100, (await hub.Client.GetHistoryAsync(done.InstanceId)).OfType<TaskCompleted>().Count());
    }

    public sealed record Order(string Id, List<string> Items, decimal Total);

    [Fact]
    public async Task Structured_inputs_and_outputs_round_trip()
    {
        await using var hub = await StartAsync(r => r
            .AddActivity<Order, Order>("AddTax", o => o! with { Total = o.Total * 1.2m })
            .AddOrchestrator<Order, Order>("Tax", async (context, order) => (await context.CallActivityAsync<Order>("AddTax", order))!));
        var done = await hub.RunAsync("Tax", new Order("o-1", ["a", "b"], 10m));
        var output = done.ReadOutputAs<Order>()!;
        Assert.Equal(12m, output.Total);
        Assert.Equal(["a", "b"], output.Items);
        Assert.Equal("o-1", done.ReadInputAs<Order>()!.Id);
    }

    [Fact]
    public async Task An_activity_may_return_nothing()
    {
        await using var hub = await StartAsync(r => r
            .AddActivity<string, string?>("Nothing", _ => null)
            .AddOrchestrator<object, string>("CallsNothing", async (context, _) =>
                (await context.CallActivityAsync<string>("Nothing")) is null ? "was null" : "was not null"));
        Assert.Equal("was null", (await hub.RunAsync("CallsNothing")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_orchestrator_without_activities_completes_in_one_episode()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<string, string>("Echo", (_, input) => Task.FromResult($"echo {input}")));
        var done = await hub.RunAsync("Echo", "x");
        Assert.Equal("echo x", done.ReadOutputAs<string>());
        Assert.NotNull(done.CompletedAt);
        var history = await hub.Client.GetHistoryAsync(done.InstanceId);
        Assert.Equal([typeof(OrchestratorStarted), typeof(ExecutionStarted), typeof(ExecutionCompleted)], history.Select(e => e.GetType()));
    }

    [Fact]
    public async Task An_orchestrator_that_returns_nothing_completes_with_no_output()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator("Quiet", _ => Task.FromResult<string?>(null)));
        var done = await hub.RunAsync("Quiet");
        Assert.Equal(OrchestrationStatus.Completed, done.Status);
        Assert.Null(done.SerializedOutput);
    }

    [Fact]
    public async Task Activities_know_which_instance_and_task_they_serve()
    {
        await using var hub = await StartAsync(r => r
            .AddActivity("WhoAmI", (context, _) => Task.FromResult(DataConverter.Serialize($"{context.InstanceId}/{context.TaskId}/{context.Name}")))
            .AddOrchestrator<object, string>("Ask", async (context, _) =>
            {
                await context.CallActivityAsync("WhoAmI");
                return (await context.CallActivityAsync<string>("WhoAmI"))!;
            }));
        var done = await hub.RunAsync("Ask", instanceId: "who-1");
        Assert.Equal("who-1/1/WhoAmI", done.ReadOutputAs<string>());
    }
}
