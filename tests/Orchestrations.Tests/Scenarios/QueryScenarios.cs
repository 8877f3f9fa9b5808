using Xunit;
using LlmSpell.Orchestrations.Storage;

namespace LlmSpell.Orchestrations.Tests.Scenarios;

public abstract partial class OrchestrationScenarios
{
    [Fact]
    public async Task Queries_filter_by_status()
    {
        await using var hub = await StartAsync(r =>
        {
            Approval(r);
            r.AddOrchestrator<object, int>("Quick", (_, _) => Task.FromResult(1));
        });
        var waiting = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Approval", null, new("q-waiting"));
        await hub.RunAsync("Quick", instanceId: "q-done");
        await WaitingAsync(hub, waiting);
        var running = await hub.Client.QueryInstancesAsync(new InstanceQuery { Statuses = [OrchestrationStatus.Running] });
        Assert.Equal(["q-waiting"], running.Instances.Select(i => i.InstanceId));
        var finished = await hub.Client.QueryInstancesAsync(new InstanceQuery { Statuses = [OrchestrationStatus.Completed, OrchestrationStatus.Failed] });
        Assert.Equal(["q-done"], finished.Instances.Select(i => i.InstanceId));
    }

    [Fact]
    public async Task Queries_filter_by_instance_id_prefix()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, int>("Quick", (_, _) => Task.FromResult(1)));
        foreach (var id in new[] { "alpha-1", "alpha-2", "beta-1", "alphabet" })
        {
            await hub.RunAsync("Quick", instanceId: id);
        }
        var page = await hub.Client.QueryInstancesAsync(new InstanceQuery { InstanceIdPrefix = "alpha-" });
        Assert.Equal(["alpha-1", "alpha-2"], page.Instances.Select(i => i.InstanceId).Order());
    }

    [Fact]
    public async Task Queries_filter_by_creation_time()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, int>("Quick", (_, _) => Task.FromResult(1)));
        await hub.RunAsync("Quick", instanceId: "old");
        await Task.Delay(50);
        var cut = DateTime.UtcNow;
        await Task.Delay(50);
        await hub.RunAsync("Quick", instanceId: "new");
        Assert.Equal(["new"], (await hub.Client.QueryInstancesAsync(new InstanceQuery { CreatedFrom = cut })).Instances.Select(i => i.InstanceId));
        Assert.Equal(["old"], (await hub.Client.QueryInstancesAsync(new InstanceQuery { CreatedTo = cut })).Instances.Select(i => i.InstanceId));
    }

    [Fact]
    public async Task Query_pages_cover_every_instance_once()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, int>("Quick", (_, _) => Task.FromResult(1)));
        var ids = new List<string>();
        for (var i = 0; i < 250; i++)
        {
            ids.Add(await hub.Client.ScheduleNewOrchestrationInstanceAsync("Quick", null, new($"page-{i:D3}")));
        }
        var first = await hub.Client.QueryInstancesAsync(new InstanceQuery { PageSize = 100, FetchPayloads = false });
        Assert.Equal(100, first.Instances.Count);
        Assert.NotNull(first.ContinuationToken);
        var all = await hub.Client.QueryAllInstancesAsync(new InstanceQuery { PageSize = 100 }).ToListAsync();
        Assert.Equal(ids.Order(), all.Select(i => i.InstanceId).Order());
    }

    [Fact]
    public async Task Query_can_leave_payloads_out()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<string, string>("Echo", (_, s) => Task.FromResult(s!)));
        await hub.RunAsync("Echo", "payload");
        var page = await hub.Client.QueryInstancesAsync(new InstanceQuery { FetchPayloads = false });
        Assert.Null(page.Instances.Single().SerializedInput);
        Assert.Equal("payload", (await hub.Client.QueryInstancesAsync(new InstanceQuery())).Instances.Single().ReadInputAs<string>());
    }

    [Fact]
    public async Task A_bad_continuation_token_is_refused_clearly()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, int>("Quick", (_, _) => Task.FromResult(1)));
        await Assert.ThrowsAsync<ArgumentException>(() => hub.Client.QueryInstancesAsync(new InstanceQuery { ContinuationToken = "garbage" }));
    }
}
