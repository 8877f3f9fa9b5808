using LlmSpell.Running;

namespace LlmSpell.Api;

/// <summary>
/// The host's side of the run behind an API call. A call carries the run as engines see it
/// (<see cref="ISpellRun"/>); host modules, which run in Core, reach its state, tools, agents,
/// workflows and usage through <c>call.Context</c>.
/// </summary>
public static class SpellCallContext
{
    extension(SpellCall call)
    {
        /// <summary>The host's side of the run the call belongs to: state, tools, agents, workflows, usage.</summary>
        public SpellContext Context => (SpellContext)call.Run;
    }
}
