using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Tests;

internal static class TestContexts
{
    public static SpellContext Create(SpellHost? host = null, CancellationToken cancellationToken = default) =>
        new(host ?? new Testing.SpellTestHost([]).Host, new SpellScript("test.lua", ""), SpellMap.Empty, SandboxLimits.Default, new SpellOutput(TextWriter.Null, 1024), "test", cancellationToken, cancellationToken);
}
