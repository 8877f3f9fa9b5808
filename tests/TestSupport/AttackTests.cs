using LlmSpell.Running;
using Xunit;

namespace LlmSpell.Testing;

/// <summary>
/// The attack suite of one engine: every script in the test project's <c>attacks/</c> folder must end
/// in its documented error with the process alive, alone and all together under GC pressure.
/// </summary>
public abstract class AttackTests
{
    protected abstract ISpellEngine Engine { get; }

    public static TheoryData<string> Attacks() => [.. AttackSuite.Names()];

    [Fact]
    public void There_are_at_least_thirty_attacks() => Assert.True(Attacks().Count >= 30);

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Attack_ends_in_its_documented_error(string name) =>
        Assert.Null(await AttackSuite.RunOneAsync(Engine, name, TestContext.Current.CancellationToken));

    [Fact]
    public async Task All_attacks_hold_in_parallel_under_gc_pressure()
    {
        var failures = await AttackSuite.RunAllUnderPressureAsync(Engine, TestContext.Current.CancellationToken);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
