using LlmSpell.Running;
using LlmSpell.Values;
using LlmSpell.Workflows;

namespace LlmSpell.Hosting.Spells;

/// <summary>A served spell: its manifest and its code, read once and pinned by the code's content hash.</summary>
public sealed record DeployedSpell(SpellManifest Manifest, SpellScript Script)
{
    public string Name => Manifest.Name;

    public string ContentHash => Script.ContentHash;

    /// <summary>How every trigger runs it: its manifest's limits, its own state, this input.</summary>
    /// <param name="workflows">Where its <c>workflow.start</c> goes, if not the host's.</param>
    public SpellRunOptions RunOptions(SpellMap input, IWorkflowService? workflows) =>
        new() { Input = input, Limits = Manifest.Limits, StateScope = Name, Workflows = workflows };
}
