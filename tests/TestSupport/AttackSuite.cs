using LlmSpell.Errors;
using LlmSpell.Running;

namespace LlmSpell.Testing;

/// <summary>Runs an engine's attack scripts: one at a time, and all at once under GC pressure.</summary>
public static class AttackSuite
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "attacks");

    public static IEnumerable<string> Names() => AttackScript.Load(Folder).Select(a => a.Name);

    public static async Task<string?> RunOneAsync(ISpellEngine engine, string name, CancellationToken cancellationToken)
    {
        var attack = AttackScript.Parse(Path.Combine(Folder, name));
        var outcome = await new SpellTestHost([engine]).RunAsync(attack.Name, attack.Source, limits: attack.Limits, cancellationToken: cancellationToken);
        return attack.Check(outcome);
    }

    /// <summary>
    /// Every attack, several in flight at once, while another thread allocates and forces full
    /// collections: a sandbox whose native or managed state is not kept alive fails here.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RunAllUnderPressureAsync(ISpellEngine engine, CancellationToken cancellationToken)
    {
        var attacks = AttackScript.Load(Folder).ToList();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pressure = Task.Run(
            () =>
            {
                var keep = new List<byte[]>();
                while (!stop.IsCancellationRequested)
                {
                    keep.Add(new byte[64 * 1024]);
                    if (keep.Count > 256)
                    {
                        keep.Clear();
                        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                        GC.WaitForPendingFinalizers();
                        // Back to back, forced compactions of a heap the attacks keep growing leave
                        // them no time to run at all on two cores, and every run ends in its
                        // wall-clock limit whatever else it hits; a breath keeps collections frequent.
                        Thread.Sleep(5);
                    }
                }
            },
            CancellationToken.None);

        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        try
        {
            await Parallel.ForEachAsync(attacks, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (attack, token) =>
            {
                // Under forced collections and four runs on two cores, beside other test projects, the
                // wall clock is no measure of the spell; the point here is that every other limit
                // still ends it the same way, so only attacks that expect the time limit keep it close.
                var limits = attack.Limits with { Timeout = attack.Limits.Timeout * (attack.Codes.Contains(SpellErrorCode.Timeout) ? 4 : 24) };
                var outcome = await new SpellTestHost([engine]).RunAsync(attack.Name, attack.Source, limits: limits, cancellationToken: token);
                if (attack.Check(outcome) is { } failure)
                {
                    failures.Add(failure);
                }
            });
        }
        finally
        {
            await stop.CancelAsync();
            await pressure;
        }

        return [.. failures];
    }
}
