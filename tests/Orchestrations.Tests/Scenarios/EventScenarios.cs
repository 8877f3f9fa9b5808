using Xunit;
using LlmSpell.Orchestrations.Storage;
using LlmSpell.Orchestrations.History;

namespace LlmSpell.Orchestrations.Tests.Scenarios;

public abstract partial class OrchestrationScenarios
{
    private static void Approval(OrchestrationRegistry registry) => registry
        .AddOrchestrator<object, string>("Approval", async (context, _) =>
        {
            context.SetCustomStatus("waiting");
            var answer = await context.WaitForExternalEvent<string>("Approve");
            return $"approved by {answer}";
        });

    private static Task<OrchestrationMetadata> WaitingAsync(DurableHarness hub, string id) =>
        hub.WaitForAsync(id, s => s.ReadCustomStatusAs<string>() == "waiting");

    [Fact]
    public async Task An_event_raised_while_the_orchestrator_waits_completes_the_wait()
    {
        await using var hub = await StartAsync(Approval);
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Approval");
        await WaitingAsync(hub, id);
        await hub.Client.RaiseEventAsync(id, "Approve", "ada");
        Assert.Equal("approved by ada", (await hub.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_event_raised_before_the_wait_is_buffered()
    {
        await using var hub = await StartAsync(r => r
            .AddActivity<string, string>("Slow", s => { Thread.Sleep(300); return s; })
            .AddOrchestrator<object, string>("LateWaiter", async (context, _) =>
            {
                await context.CallActivityAsync<string>("Slow", "x");
                return (await context.WaitForExternalEvent<string>("Early"))!;
            }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("LateWaiter");
        await hub.Client.RaiseEventAsync(id, "Early", "kept");
        Assert.Equal("kept", (await hub.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Event_names_are_case_insensitive()
    {
        await using var hub = await StartAsync(Approval);
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Approval");
        await WaitingAsync(hub, id);
        await hub.Client.RaiseEventAsync(id, "APPROVE", "grace");
        Assert.Equal("approved by grace", (await hub.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Each_event_completes_exactly_one_wait_in_order()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, string>("Collector", async (context, _) =>
        {
            context.SetCustomStatus("waiting");
            var items = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                items.Add((await context.WaitForExternalEvent<string>("Item"))!);
            }
            return string.Join(",", items);
        }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Collector");
        await WaitingAsync(hub, id);
        foreach (var item in new[] { "a", "b", "c" })
        {
            await hub.Client.RaiseEventAsync(id, "Item", item);
        }
        Assert.Equal("a,b,c", (await hub.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Two_waits_on_one_name_both_complete_from_two_events()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, string>("TwoWaits", async (context, _) =>
        {
            context.SetCustomStatus("waiting");
            var first = context.WaitForExternalEvent<string>("Vote");
            var second = context.WaitForExternalEvent<string>("Vote");
            return string.Join("+", await Task.WhenAll(first, second));
        }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("TwoWaits");
        await WaitingAsync(hub, id);
        await hub.Client.RaiseEventAsync(id, "Vote", "yes");
        await hub.Client.RaiseEventAsync(id, "Vote", "no");
        Assert.Equal("yes+no", (await hub.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_wait_with_a_timeout_throws_when_no_event_comes()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, string>("Impatient", async (context, _) =>
        {
            try
            {
                return (await context.WaitForExternalEvent<string>("Never", TimeSpan.FromMilliseconds(200)))!;
            }
            catch (TimeoutException e)
            {
                return e.Message;
            }
        }));
        Assert.Equal("Event 'Never' did not arrive within 00:00:00.2000000.", (await hub.RunAsync("Impatient")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_event_after_a_timed_out_wait_is_kept_for_the_next_wait()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, string>("SecondChance", async (context, _) =>
        {
            try
            {
                await context.WaitForExternalEvent<string>("Reply", TimeSpan.FromMilliseconds(100));
            }
            catch (TimeoutException)
            {
                context.SetCustomStatus("waiting");
            }
            return (await context.WaitForExternalEvent<string>("Reply"))!;
        }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("SecondChance");
        await WaitingAsync(hub, id);
        await hub.Client.RaiseEventAsync(id, "Reply", "second wait got it");
        Assert.Equal("second wait got it", (await hub.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_event_that_arrives_before_the_timeout_wins()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, string>("InTime", async (context, _) =>
        {
            context.SetCustomStatus("waiting");
            return (await context.WaitForExternalEvent<string>("Answer", TimeSpan.FromMinutes(10)))!;
        }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("InTime");
        await WaitingAsync(hub, id);
        await hub.Client.RaiseEventAsync(id, "Answer", "in time");
        Assert.Equal("in time", (await hub.WaitAsync(id, TimeSpan.FromSeconds(20))).ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_event_to_a_finished_instance_is_dropped()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, int>("Done", (_, _) => Task.FromResult(1)));
        var done = await hub.RunAsync("Done");
        await hub.Client.RaiseEventAsync(done.InstanceId, "Late", "ignored");
        await Task.Delay(300);
        var after = await hub.Client.GetInstanceAsync(done.InstanceId);
        Assert.Equal(OrchestrationStatus.Completed, after!.Status);
        Assert.DoesNotContain(await hub.Client.GetHistoryAsync(done.InstanceId), e => e is EventRaised);
    }

    [Fact]
    public async Task Raising_an_event_to_an_unknown_instance_says_so()
    {
        await using var hub = await StartAsync(Approval);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => hub.Client.RaiseEventAsync("nobody", "Approve", "x"));
        Assert.Contains("'nobody'", error.Message, StringComparison.Ordinal);
    }

    public sealed record Payment(string Currency, decimal Amount, Dictionary<string, string> Tags);

    [Fact]
    public async Task Event_payloads_keep_their_structure()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, Payment>("Pay", async (context, _) =>
        {
            context.SetCustomStatus("waiting");
            return (await context.WaitForExternalEvent<Payment>("Paid"))!;
        }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Pay");
        await WaitingAsync(hub, id);
        await hub.Client.RaiseEventAsync(id, "Paid", new Payment("EUR", 12.5m, new() { ["ref"] = "r-1" }));
        var paid = (await hub.WaitAsync(id)).ReadOutputAs<Payment>()!;
        Assert.Equal(("EUR", 12.5m, "r-1"), (paid.Currency, paid.Amount, paid.Tags["ref"]));
    }

    [Fact]
    public async Task Waiting_on_either_of_two_events_takes_the_one_raised()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, string>("Either", async (context, _) =>
        {
            context.SetCustomStatus("waiting");
            var yes = context.WaitForExternalEvent<string>("Yes");
            var no = context.WaitForExternalEvent<string>("No");
            var winner = await Task.WhenAny(yes, no);
            return winner == yes ? "yes" : "no";
        }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Either");
        await WaitingAsync(hub, id);
        await hub.Client.RaiseEventAsync(id, "No");
        Assert.Equal("no", (await hub.WaitAsync(id)).ReadOutputAs<string>());
    }
}
