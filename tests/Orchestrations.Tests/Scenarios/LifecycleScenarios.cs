using Xunit;
using LlmSpell.Orchestrations.Client;
using LlmSpell.Orchestrations.History;

namespace LlmSpell.Orchestrations.Tests.Scenarios;

public abstract partial class OrchestrationScenarios
{
    [Fact]
    public async Task Terminating_a_waiting_instance_ends_it_with_the_reason()
    {
        await using var hub = await StartAsync(Approval);
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Approval");
        await WaitingAsync(hub, id);
        await hub.Client.TerminateInstanceAsync(id, "no longer needed");
        var done = await hub.WaitAsync(id);
        Assert.Equal(OrchestrationStatus.Terminated, done.Status);
        Assert.Equal("no longer needed", done.ReadOutputAs<string>());
        Assert.IsType<ExecutionCompleted>((await hub.Client.GetHistoryAsync(id))[^1]);
    }

    [Fact]
    public async Task Terminating_an_instance_scheduled_for_later_ends_it_before_it_starts()
    {
        OnlyOnTheEmbeddedEngine("DTFx starts the code once when the delayed start message arrives and then applies the termination, so nothing it asks for is carried out but it is called");
        var runs = 0;
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, int>("Later", (_, _) => Task.FromResult(Interlocked.Increment(ref runs))));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Later", null, new StartOrchestrationOptions(StartAt: DateTimeOffset.UtcNow.AddSeconds(2)));
        await hub.Client.TerminateInstanceAsync(id, "cancelled");
        Assert.Equal(OrchestrationStatus.Terminated, (await hub.WaitAsync(id)).Status);
        await Task.Delay(2500);
        Assert.Equal(0, runs);
        Assert.Equal(OrchestrationStatus.Terminated, (await hub.Client.GetInstanceAsync(id))!.Status);
    }

    [Fact]
    public async Task A_suspended_instance_holds_events_until_resumed()
    {
        await using var hub = await StartAsync(Approval);
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Approval");
        await WaitingAsync(hub, id);
        await hub.Client.SuspendInstanceAsync(id, "maintenance");
        await hub.WaitForAsync(id, s => s.Status == OrchestrationStatus.Suspended);
        await hub.Client.RaiseEventAsync(id, "Approve", "held");
        await Task.Delay(300);
        Assert.Equal(OrchestrationStatus.Suspended, (await hub.Client.GetInstanceAsync(id))!.Status);
        await hub.Client.ResumeInstanceAsync(id);
        var done = await hub.WaitAsync(id);
        Assert.Equal("approved by held", done.ReadOutputAs<string>());
        var types = (await hub.Client.GetHistoryAsync(id)).Select(e => e.GetType()).ToList();
        Assert.True(types.IndexOf(typeof(ExecutionSuspended)) < types.IndexOf(typeof(EventRaised)));
        Assert.True(types.IndexOf(typeof(EventRaised)) < types.IndexOf(typeof(ExecutionResumed)));
    }

    [Fact]
    public async Task A_suspended_instance_can_be_terminated()
    {
        await using var hub = await StartAsync(Approval);
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Approval");
        await WaitingAsync(hub, id);
        await hub.Client.SuspendInstanceAsync(id);
        await hub.WaitForAsync(id, s => s.Status == OrchestrationStatus.Suspended);
        await hub.Client.TerminateInstanceAsync(id, "stop");
        Assert.Equal(OrchestrationStatus.Terminated, (await hub.WaitAsync(id)).Status);
    }

    [Fact]
    public async Task A_stopping_worker_hands_its_running_activity_to_another()
    {
        var running = new TaskCompletionSource();
        var calls = 0;
        var registry = new OrchestrationRegistry()
            .AddActivity("Patient", async (context, _) =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    running.TrySetResult();
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                }
                return DataConverter.Serialize("finished by the second worker");
            })
            .AddOrchestrator<object, string>("HandsOver", async (context, _) => (await context.CallActivityAsync<string>("Patient"))!);
        await using var hub = await DurableHarness.StartAsync(CreateBackend(), registry, workers: 0);
        var first = await hub.StartWorkerAsync(registry);
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("HandsOver");
        await running.Task.WaitAsync(DurableHarness.DefaultTimeout);

        await first.StopAsync(CancellationToken.None);
        await hub.StartWorkerAsync(registry);

        var done = await hub.WaitAsync(id);
        Assert.Equal("finished by the second worker", done.ReadOutputAs<string>());
        Assert.Equal(2, calls);
        Assert.DoesNotContain(await hub.Client.GetHistoryAsync(id), e => e is TaskFailed);
    }

    [Fact]
    public async Task Terminating_a_finished_instance_changes_nothing()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, int>("Quick", (_, _) => Task.FromResult(42)));
        var done = await hub.RunAsync("Quick");
        await hub.Client.TerminateInstanceAsync(done.InstanceId, "too late");
        await Task.Delay(300);
        var after = (await hub.Client.GetInstanceAsync(done.InstanceId))!;
        Assert.Equal((OrchestrationStatus.Completed, 42), (after.Status, after.ReadOutputAs<int>()));
    }

    [Fact]
    public async Task Purging_removes_a_finished_instance_and_its_history()
    {
        await using var hub = await StartAsync(HelloCities);
        var done = await hub.RunAsync("HelloCities");
        Assert.True(await hub.Client.PurgeInstanceAsync(done.InstanceId));
        Assert.Null(await hub.Client.GetInstanceAsync(done.InstanceId));
        Assert.Empty(await hub.Client.GetHistoryAsync(done.InstanceId));
        Assert.False(await hub.Client.PurgeInstanceAsync(done.InstanceId));
    }

    [Fact]
    public async Task Purging_a_running_instance_is_refused_with_a_reason()
    {
        await using var hub = await StartAsync(Approval);
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Approval");
        await WaitingAsync(hub, id);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => hub.Client.PurgeInstanceAsync(id));
        Assert.Contains("is Running", error.Message, StringComparison.Ordinal);
        Assert.NotNull(await hub.Client.GetInstanceAsync(id));
    }

    [Fact]
    public async Task An_instance_scheduled_for_later_stays_pending_until_then()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, DateTime>("Scheduled", (context, _) => Task.FromResult(context.CurrentUtcDateTime)));
        var startAt = DateTimeOffset.UtcNow.AddMilliseconds(800);
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Scheduled", null, new StartOrchestrationOptions(StartAt: startAt));
        await Task.Delay(200);
        Assert.Equal(OrchestrationStatus.Pending, (await hub.Client.GetInstanceAsync(id))!.Status);
        var done = await hub.WaitAsync(id);
        Assert.True(done.ReadOutputAs<DateTime>() >= startAt.UtcDateTime.AddMilliseconds(-1));
    }

    [Fact]
    public async Task An_event_raised_before_a_scheduled_start_waits_for_it()
    {
        OnlyOnTheEmbeddedEngine("DTFx's Azure Storage backend drops an event that reaches an instance before its delayed start message does");
        await using var hub = await StartAsync(Approval);
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Approval", null, new StartOrchestrationOptions(StartAt: DateTimeOffset.UtcNow.AddMilliseconds(500)));
        await hub.Client.RaiseEventAsync(id, "Approve", "early bird");
        Assert.Equal("approved by early bird", (await hub.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Scheduling_a_running_instance_id_again_is_refused()
    {
        await using var hub = await StartAsync(Approval);
        await hub.Client.ScheduleNewOrchestrationInstanceAsync("Approval", null, new StartOrchestrationOptions("only-one"));
        var error = await Assert.ThrowsAsync<OrchestrationInstanceExistsException>(() =>
            hub.Client.ScheduleNewOrchestrationInstanceAsync("Approval", null, new StartOrchestrationOptions("only-one")));
        Assert.Contains("'only-one' already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_id_of_a_finished_instance_can_be_reused_for_a_new_run()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<int, int>("Square", (_, n) => Task.FromResult(n * n)));
        Assert.Equal(4, (await hub.RunAsync("Square", 2, "reused")).ReadOutputAs<int>());
        Assert.Equal(9, (await hub.RunAsync("Square", 3, "reused")).ReadOutputAs<int>());
        Assert.Single((await hub.Client.GetHistoryAsync("reused")).OfType<ExecutionStarted>());
    }

    [Fact]
    public async Task Status_carries_name_input_output_and_times()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<string, string>("Upper", (_, s) => Task.FromResult(s!.ToUpperInvariant())));
        var before = DateTime.UtcNow.AddSeconds(-1);
        var done = await hub.RunAsync("Upper", "abc");
        Assert.Equal(("Upper", "abc", "ABC"), (done.Name, done.ReadInputAs<string>(), done.ReadOutputAs<string>()));
        Assert.InRange(done.CreatedAt, before, DateTime.UtcNow);
        Assert.True(done.CompletedAt >= done.CreatedAt);
        var slim = await hub.Client.GetInstanceAsync(done.InstanceId, getInputsAndOutputs: false);
        Assert.Null(slim!.SerializedInput);
        Assert.Null(slim.SerializedOutput);
    }

    [Fact]
    public async Task A_custom_status_is_visible_while_the_instance_runs()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, string>("Progress", async (context, _) =>
        {
            context.SetCustomStatus(new { step = 1, of = 2 });
            await context.WaitForExternalEvent<string>("Next");
            context.SetCustomStatus(new { step = 2, of = 2 });
            return "done";
        }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Progress");
        var running = await hub.WaitForAsync(id, s => s.SerializedCustomStatus is not null);
        Assert.Equal("""{"step":1,"of":2}""", running.SerializedCustomStatus);
        await hub.Client.RaiseEventAsync(id, "Next");
        Assert.Equal("""{"step":2,"of":2}""", (await hub.WaitAsync(id)).SerializedCustomStatus);
    }

    [Fact]
    public async Task A_custom_status_over_16_KB_fails_the_orchestrator_with_the_size()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, string>("Chatty", (context, _) =>
        {
            context.SetCustomStatus(new string('x', 20_000));
            return Task.FromResult("unreachable");
        }));
        var done = await hub.RunAsync("Chatty");
        Assert.Equal(OrchestrationStatus.Failed, done.Status);
        Assert.Contains("20002 bytes", done.Failure!.Message, StringComparison.Ordinal);
    }
}
