using Xunit;
namespace LlmSpell.Orchestrations.Tests.Scenarios;

public abstract partial class OrchestrationScenarios
{
    private static void Family(OrchestrationRegistry registry) => registry
        .AddActivity<int, int>("Double", n => n * 2)
        .AddOrchestrator<int, int>("Child", async (context, n) => await context.CallActivityAsync<int>("Double", n))
        .AddOrchestrator<int, int>("Parent", async (context, n) => await context.CallSubOrchestratorAsync<int>("Child", n) + 1)
        .AddOrchestrator<int, int>("Grandparent", async (context, n) => await context.CallSubOrchestratorAsync<int>("Parent", n) * 10);

    [Fact]
    public async Task A_sub_orchestration_returns_its_result_to_the_parent()
    {
        await using var hub = await StartAsync(Family);
        Assert.Equal(7, (await hub.RunAsync("Parent", 3)).ReadOutputAs<int>());
    }

    [Fact]
    public async Task Three_levels_of_sub_orchestrations_nest()
    {
        await using var hub = await StartAsync(Family);
        var done = await hub.RunAsync("Grandparent", 3, instanceId: "gp");
        Assert.Equal(70, done.ReadOutputAs<int>());
        var children = await hub.Client.QueryInstancesAsync(new() { InstanceIdPrefix = "gp:" });
        Assert.Equal(2, children.Instances.Count);
        // An instance's row is written after its history and messages, so a child's row may say it
        // runs a moment after its parent has its result: wait for the row, not only the run.
        foreach (var child in children.Instances)
        {
            Assert.Equal(OrchestrationStatus.Completed, (await hub.WaitAsync(child.InstanceId)).Status);
        }
        Assert.Contains(children.Instances, c => c.ParentInstanceId == "gp");
    }

    [Fact]
    public async Task A_sub_orchestration_can_have_a_chosen_instance_id()
    {
        await using var hub = await StartAsync(r =>
        {
            Family(r);
            r.AddOrchestrator<int, int>("NamedChild", async (context, n) =>
                await context.CallSubOrchestratorAsync<int>("Child", n, new SubOrchestrationOptions("the-child")));
        });
        await hub.RunAsync("NamedChild", 4);
        var child = await hub.Client.GetInstanceAsync("the-child");
        Assert.Equal(8, child!.ReadOutputAs<int>());
    }

    [Fact]
    public async Task A_failing_sub_orchestration_fails_the_parents_task()
    {
        await using var hub = await StartAsync(r => r
            .AddOrchestrator<object, string>("BadChild", (_, _) => throw new InvalidOperationException("child broke"))
            .AddOrchestrator<object, string>("Guardian", async (context, _) =>
            {
                try
                {
                    return (await context.CallSubOrchestratorAsync<string>("BadChild"))!;
                }
                catch (TaskFailedException e)
                {
                    return $"caught: {e.FailureDetails.Message}";
                }
            }));
        Assert.Equal("caught: child broke", (await hub.RunAsync("Guardian")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Twenty_sub_orchestrations_fan_out_and_in()
    {
        await using var hub = await StartAsync(r =>
        {
            Family(r);
            r.AddOrchestrator<object, int>("ManyChildren", async (context, _) =>
                (await Task.WhenAll(Enumerable.Range(1, 20).Select(i => context.CallSubOrchestratorAsync<int>("Child", i)))).Sum());
        });
        Assert.Equal(420, (await hub.RunAsync("ManyChildren")).ReadOutputAs<int>());
    }

    [Fact]
    public async Task Terminating_a_child_fails_the_parents_wait_instead_of_hanging_it()
    {
        await using var hub = await StartAsync(r => r
            .AddOrchestrator<object, string>("Stuck", async (context, _) => (await context.WaitForExternalEvent<string>("Never"))!)
            .AddOrchestrator<object, string>("Waits", async (context, _) =>
            {
                try
                {
                    return (await context.CallSubOrchestratorAsync<string>("Stuck", null, new SubOrchestrationOptions("stuck-child")))!;
                }
                catch (TaskFailedException e)
                {
                    return e.FailureDetails.ErrorType;
                }
            }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Waits");
        await hub.WaitForAsync("stuck-child", s => s.Status == OrchestrationStatus.Running);
        await hub.Client.TerminateInstanceAsync("stuck-child", "operator");
        Assert.Equal("Terminated", (await hub.WaitAsync(id)).ReadOutputAs<string>());
    }
}
