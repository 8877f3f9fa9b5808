using Xunit;
namespace LlmSpell.Orchestrations.Tests.Scenarios;

public abstract partial class OrchestrationScenarios
{
    private static string Large(int bytes, char fill) => new(fill, bytes);

    [Fact]
    public async Task A_one_megabyte_activity_input_and_output_round_trip()
    {
        await using var hub = await StartAsync(r => r
            .AddActivity<string, string>("Reverse", s => new string(s!.Reverse().ToArray()))
            .AddOrchestrator<int, int>("Big", async (context, size) =>
                (await context.CallActivityAsync<string>("Reverse", Large(size, 'a') + "b"))!.IndexOf('b', StringComparison.Ordinal)));
        Assert.Equal(0, (await hub.RunAsync("Big", 1_000_000)).ReadOutputAs<int>());
    }

    [Fact]
    public async Task A_one_megabyte_orchestration_input_and_output_round_trip()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<string, string>("EchoBig", (_, s) => Task.FromResult(s!)));
        var input = Large(1_000_000, 'z');
        Assert.Equal(input, (await hub.RunAsync("EchoBig", input)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_one_megabyte_event_payload_arrives_whole()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, int>("BigEvent", async (context, _) =>
        {
            context.SetCustomStatus("waiting");
            return (await context.WaitForExternalEvent<string>("Data"))!.Length;
        }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("BigEvent");
        await WaitingAsync(hub, id);
        await hub.Client.RaiseEventAsync(id, "Data", Large(1_000_000, 'e'));
        Assert.Equal(1_000_000, (await hub.WaitAsync(id)).ReadOutputAs<int>());
    }

    [Fact]
    public async Task Unicode_payloads_survive_storage()
    {
        await using var hub = await StartAsync(r => r
            .AddActivity<string, string>("Same", s => s)
            .AddOrchestrator<string, string>("Unicode", async (context, s) => (await context.CallActivityAsync<string>("Same", s))!));
        const string text = "Grüße, 世界 🌍 \"quotes\" \\ and \n newlines";
        Assert.Equal(text, (await hub.RunAsync("Unicode", text)).ReadOutputAs<string>());
    }
}
