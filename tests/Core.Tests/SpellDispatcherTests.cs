using LlmSpell.Running;
using Xunit;

namespace LlmSpell.Tests;

public sealed class SpellDispatcherTests
{
    [Fact]
    public async Task Work_from_other_threads_runs_on_the_sandbox_thread_while_it_waits()
    {
        var result = await RunOnOwnThread(() =>
        {
            var dispatcher = new SpellDispatcher();
            var owner = Environment.CurrentManagedThreadId;
            var ranOn = Task.Run(() => dispatcher.InvokeAsync(() => Environment.CurrentManagedThreadId));
            dispatcher.RunUntilComplete(ranOn, CancellationToken.None);
            return (owner, ranOn.Result);
        });

        Assert.Equal(result.owner, result.Result);
    }

    [Fact]
    public async Task On_the_sandbox_thread_invoke_runs_at_once()
    {
        var ran = await RunOnOwnThread(() =>
        {
            var dispatcher = new SpellDispatcher();
            var task = dispatcher.InvokeAsync(() => 42);
            return task.IsCompletedSuccessfully && task.Result == 42;
        });

        Assert.True(ran);
    }

    [Fact]
    public async Task Waiting_stops_when_cancelled()
    {
        var cancelled = await RunOnOwnThread(() =>
        {
            var dispatcher = new SpellDispatcher();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            try
            {
                dispatcher.RunUntilComplete(new TaskCompletionSource().Task, timeout.Token);
                return false;
            }
            catch (OperationCanceledException)
            {
                return true;
            }
        });

        Assert.True(cancelled);
    }

    [Fact]
    public async Task Only_the_sandbox_thread_may_pump()
    {
        var dispatcher = await RunOnOwnThread(() => new SpellDispatcher());
        Assert.Throws<InvalidOperationException>(() => dispatcher.RunUntil(() => true, CancellationToken.None));
    }

    private static Task<T> RunOnOwnThread<T>(Func<T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try
            {
                completion.SetResult(work());
            }
            catch (Exception ex)
            {
                completion.SetException(ex);
            }
        }).Start();
        return completion.Task;
    }
}
