using LlmSpell.Running;

namespace LlmSpell.Hosting.Spells;

/// <summary>A served spell: its manifest and its code, read once and pinned by the code's content hash.</summary>
public sealed record DeployedSpell(SpellManifest Manifest, SpellScript Script)
{
    public string Name => Manifest.Name;

    public string ContentHash => Script.ContentHash;
}
