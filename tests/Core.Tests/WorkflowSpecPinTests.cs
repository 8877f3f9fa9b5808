using LlmSpell.Workflows;
using Xunit;

namespace LlmSpell.Tests;

/// <summary>A durable run pins every spell it will call, wherever in the workflow the spell step stands.</summary>
public sealed class WorkflowSpecPinTests
{
    private static StepNode SpellStep(string name) => new(name, StepTarget.Spell, name + ".lua", null, null);

    [Fact]
    public async Task Every_spell_step_is_pinned_including_a_condition_and_a_loops_until_test()
    {
        var loop = new LoopNode("again", SpellStep("body"), 3, SpellStep("until"));
        var conditional = new ConditionalNode("choose", SpellStep("condition"), null,
            new Dictionary<string, WorkflowNode> { ["yes"] = SpellStep("yes") }, SpellStep("otherwise"));
        var root = new SequentialNode("root", [new ParallelNode("fan", [SpellStep("branch"), loop], 2, ParallelMerge.List), conditional]);

        var pinned = WorkflowSpec.FromValue(await WorkflowSpec.PinSpellsAsync(WorkflowSpec.ToValue(root), file => Task.FromResult(new PinnedSpell(new string('a', 64), file, file))));

        // Walk reaches conditions and until tests as well as steps.
        var reached = WorkflowPaths.Walk(pinned, pinned.Name).Select(n => n.Node).OfType<StepNode>().ToList();

        Assert.Equal(["body.lua", "branch.lua", "condition.lua", "otherwise.lua", "until.lua", "yes.lua"], reached.Select(s => s.TargetName!).Order(StringComparer.Ordinal));
        Assert.All(reached, step => Assert.Equal(step.TargetName, step.Pinned?.File));
    }
}
