using LlmSpell.Errors;

namespace LlmSpell.Running;

/// <summary>
/// Script code that runs beside other code of the same run (a function of <c>async.all</c>, a task
/// of <c>async.spawn</c>) and can be cancelled on its own. The host calls it makes observe the
/// branch's token instead of the run's, so cancelling it ends the call it waits in (an LLM request,
/// a sleep) and refuses any later one — while the run and the other branches go on.
/// </summary>
/// <remarks>
/// The branch travels in the execution context: the dispatcher runs posted work in its poster's
/// context, so the script code a branch starts, and every piece of it resumed later (a fiber, a
/// promise continuation), runs inside it.
/// </remarks>
public sealed class SpellBranch : IDisposable
{
    private static readonly AsyncLocal<SpellBranch?> Current = new();

    private readonly CancellationTokenSource _source;
    private volatile string? _reason;

    /// <summary>A branch ended by <paramref name="parent"/> (the run's or an enclosing branch's token) or by <see cref="Cancel"/>.</summary>
    public SpellBranch(CancellationToken parent) => _source = CancellationTokenSource.CreateLinkedTokenSource(parent);

    public CancellationToken Token => _source.Token;

    /// <summary>Why <see cref="Cancel"/> ended the branch, once it has.</summary>
    public string? Reason => _reason;

    /// <summary>Cancels the branch; the first reason stands.</summary>
    public void Cancel(string reason)
    {
        if (Interlocked.CompareExchange(ref _reason, reason, null) is null)
        {
            _source.Cancel();
        }
    }

    /// <summary>Runs <paramref name="start"/> inside the branch: what it starts, and whatever that posts, belongs to it.</summary>
    public T Enter<T>(Func<T> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var outer = Current.Value;
        Current.Value = this;
        try
        {
            return start();
        }
        finally
        {
            Current.Value = outer;
        }
    }

    /// <summary>The token host calls made here observe: the innermost branch's, else the run's.</summary>
    public static CancellationToken TokenFor(ISpellRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Current.Value?.Token ?? run.CancellationToken;
    }

    /// <summary>The error of a call made in a branch that was cancelled (by <see cref="Cancel"/>), or null.</summary>
    public static SpellException? CancelledCall() =>
        Current.Value is { Reason: { } reason } ? new SpellException(SpellErrorCode.Cancelled, reason) : null;

    public void Dispose() => _source.Dispose();
}
