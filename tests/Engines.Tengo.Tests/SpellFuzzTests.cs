using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Testing;
using Xunit;

namespace LlmSpell.Engines.Tengo.Tests;

/// <summary>
/// The whole engine — interpreter, adapter and spell API — on mutated spells. The property: every
/// run ends, in a result or a spell error; never an internal host error (an exception the adapter
/// failed to translate), and a syntax error always says where it is.
/// </summary>
public sealed class SpellFuzzTests
{
    private static readonly SandboxLimits Limits = SandboxLimits.Default with
    {
        Timeout = TimeSpan.FromSeconds(1),
        MaxInstructions = 1_000_000,
        MaxMemoryBytes = 16L * 1024 * 1024,
        MaxRecursionDepth = 100,
        MaxOutputBytes = 16 * 1024,
        AbandonGrace = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public async Task Mutated_conformance_spells_end_in_a_result_or_a_spell_error()
    {
        var spells = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "spells"), "case.tengo", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(spells.Count >= 80, $"only {spells.Count} spells copied");
        var random = new Random(1201);
        var runs = 0;
        foreach (var path in spells)
        {
            var source = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
            for (var m = 0; m < 6; m++)
            {
                var mutant = FuzzTests.Mutate(source, random);
                SpellOutcome outcome;
                try
                {
                    outcome = await new SpellTestHost([new TengoEngine()]).RunAsync("case.tengo", mutant, limits: Limits, cancellationToken: TestContext.Current.CancellationToken);
                }
                catch (SpellException ex) when (ex.Error.Code != SpellErrorCode.HostError)
                {
                    // Refused before running (a mutated '#!llmspell tengo' line names no engine): bad usage, said clearly.
                    runs++;
                    continue;
                }

                runs++;
                if (outcome.Result.Error is { } error)
                {
                    Assert.True(error.Code != SpellErrorCode.HostError, $"{Path.GetFileName(Path.GetDirectoryName(path))} mutant #{m}: {error}\n{mutant}");
                    Assert.True(error.Code != SpellErrorCode.SyntaxError || error.Location is { Line: > 0 }, $"syntax error without a position: {error}\n{mutant}");
                }
            }
        }

        Assert.True(runs >= 480, $"only {runs} runs");
    }
}
