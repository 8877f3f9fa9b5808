using LlmSpell.Threading;
using Xunit;

namespace LlmSpell.Tests;

public sealed class InitializeOnceTests
{
    [Fact]
    public async Task A_failed_attempt_is_tried_again_and_a_success_is_kept()
    {
        var attempts = 0;
        var once = new InitializeOnce(_ => ++attempts == 1 ? Task.FromException(new IOException("storage is down")) : Task.CompletedTask);

        await Assert.ThrowsAsync<IOException>(() => once.EnsureAsync(TestContext.Current.CancellationToken));
        await once.EnsureAsync(TestContext.Current.CancellationToken);
        await once.EnsureAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task Callers_at_the_same_time_share_one_attempt_and_one_callers_cancellation_stops_only_its_wait()
    {
        var attempts = 0;
        var gate = new TaskCompletionSource();
        var once = new InitializeOnce(_ => { attempts++; return gate.Task; });
        using var impatient = new CancellationTokenSource();

        var first = once.EnsureAsync(impatient.Token);
        var second = once.EnsureAsync(TestContext.Current.CancellationToken);
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        gate.SetResult();
        await second;

        Assert.Equal(1, attempts);
    }
}
