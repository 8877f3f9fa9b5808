using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Spells;
using LlmSpell.Values;
using LlmSpell.Workflows;

namespace LlmSpell.Orchestrations.Workflows;

/// <summary>
/// When a durable run starts, each spell its workflow calls as a step (<c>{ spell = "file" }</c>) is
/// found beside the workflow's spell, archived by content hash, and written into the run's spec, so
/// every replay and retry runs the very source the run started with — whatever is deployed later.
/// </summary>
public static class SpellStepPins
{
    public static Task<SpellValue> PinAsync(SpellValue spec, SpellScript script, ISpellLibrary? spells, ISpellArchive archive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(archive);
        return WorkflowSpec.PinSpellsAsync(spec, async name =>
        {
            var library = spells ?? throw new SpellException(SpellErrorCode.WorkflowError,
                $"the workflow calls spell '{name}', but this host has no spell library to find it in");
            var called = await library.LoadAsync(name, script, cancellationToken).ConfigureAwait(false);
            var reference = await archive.SaveAsync(called, cancellationToken).ConfigureAwait(false);
            return new PinnedSpell(reference.Hash, reference.Name, called.Id);
        });
    }
}
