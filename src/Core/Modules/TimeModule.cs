using LlmSpell.Api;
using LlmSpell.Errors;
using LlmSpell.Values;

namespace LlmSpell.Modules;

/// <summary><c>time.now()</c> and <c>time.sleep(ms)</c>, read from the host's TimeProvider so tests can control the clock.</summary>
public static class TimeModule
{
    /// <summary>A single sleep may not exceed this; longer waits belong in a durable workflow timer.</summary>
    public const long MaxSleepMilliseconds = 10 * 60 * 1000;

    public static SpellModule Definition { get; } = new("time", "The clock and waiting.",
    [
        new SpellFunction("now", "Milliseconds since 1970-01-01T00:00:00Z, as an integer.",
            [], SpellTypes.Int,
            call => ValueTask.FromResult(SpellValue.From(call.Context.Host.Time.GetUtcNow().ToUnixTimeMilliseconds()))),
        new SpellFunction("sleep", "Wait for the given number of milliseconds (counts against the run's time limit).",
            [new("ms", SpellTypes.Number, "milliseconds, 0 to 600000")], SpellTypes.Null, SleepAsync, isAsync: true),
    ]);

    private static async ValueTask<SpellValue> SleepAsync(SpellCall call)
    {
        var milliseconds = call.GetInt(0);
        if (milliseconds is < 0 or > MaxSleepMilliseconds)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"time.sleep: ms must be between 0 and {MaxSleepMilliseconds}, got {milliseconds}");
        }

        var time = call.Context.Host.Time;
        var until = time.GetUtcNow().AddMilliseconds(milliseconds);
        await Task.Delay(TimeSpan.FromMilliseconds(milliseconds), time, call.CancellationToken).ConfigureAwait(false);

        // Timers run on the monotonic clock and can wake a hair before the wall clock agrees; a spell
        // comparing time.now() before and after must see the whole wait.
        while (time.GetUtcNow() < until)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1), time, call.CancellationToken).ConfigureAwait(false);
        }

        return SpellValue.Null;
    }
}
