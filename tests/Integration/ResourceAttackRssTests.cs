using System.Globalization;
using LlmSpell.Testing;
using Xunit;

namespace LlmSpell.Integration;

/// <summary>
/// The engines' resource attacks, each in its own <c>llmspell run</c> process with the default
/// limits: every one ends in its limit, none crashes the process or blames the host, and the
/// process's peak RSS (VmHWM) stays under four times the memory limit — host-side data included.
/// </summary>
public sealed class ResourceAttackRssTests : IDisposable
{
    private const long MemoryLimit = 64L * 1024 * 1024;
    private static readonly string[] Resource = ["memory-", "dag-", "log-flood", "output-flood", "result-", "state-value-"];
    private readonly LlmSpellProcess _llmspell = new();

    public static TheoryData<string> Attacks()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "attacks"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (Resource.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                data.Add(Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "attacks"), file));
            }
        }
        return data;
    }

    public void Dispose() => _llmspell.Dispose();

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task A_resource_attack_ends_in_its_limit_within_four_times_the_memory_limit(string attack)
    {
        using var run = _llmspell.StartBackground("run", Path.Combine(AppContext.BaseDirectory, "attacks", attack), "--json", "--timeout", "30");
        long peak = 0;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!run.HasExited && DateTime.UtcNow < deadline)
        {
            peak = Math.Max(peak, HighWaterMark(run.Id));
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(run.HasExited, $"{attack} was still running after 90 s");
        var output = run.Output;
        Assert.DoesNotContain("host_error", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.True(peak < 4 * MemoryLimit, $"{attack}: peak RSS {peak / (1024 * 1024)} MiB, over {4 * MemoryLimit / (1024 * 1024)} MiB");
    }

    /// <summary>The process's peak resident set so far, from /proc (0 once it has gone).</summary>
    private static long HighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // Gone between the look and the read.
        }
        return 0;
    }
}
