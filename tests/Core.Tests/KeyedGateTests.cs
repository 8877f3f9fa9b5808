using LlmSpell.State;
using Xunit;

namespace LlmSpell.Tests;

public sealed class KeyedGateTests
{
    [Fact]
    public async Task One_key_is_held_by_one_caller_at_a_time_and_idle_keys_are_forgotten()
    {
        var gate = new KeyedGate<string>();
        var inside = 0;
        var most = 0;
        await Parallel.ForAsync(0, 50, TestContext.Current.CancellationToken, async (i, token) =>
        {
            using (await gate.EnterAsync(i % 2 == 0 ? "a" : "b", token))
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                await Task.Delay(1, token);
                Interlocked.Decrement(ref inside);
            }
        });

        Assert.True(most <= 2, $"{most} callers were inside at once; one per key allows 2");
        Assert.Equal(0, gate.Count);
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_nothing_behind()
    {
        var gate = new KeyedGate<string>();
        var held = await gate.EnterAsync("k", TestContext.Current.CancellationToken);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.EnterAsync("k", cancel.Token));
        held.Dispose();
        Assert.Equal(0, gate.Count);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
