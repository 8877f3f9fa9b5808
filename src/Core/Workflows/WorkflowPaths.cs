namespace LlmSpell.Workflows;

/// <summary>
/// The one place that says how nodes are addressed. The in-process run, the durable run and the
/// step lookup in a fresh sandbox all name steps through these, so they always agree.
/// </summary>
public static class WorkflowPaths
{
    public static string Child(string parentPath, string segment) => parentPath + WorkflowNode.PathSeparator + segment;

    public static string Condition(string conditionalPath) => Child(conditionalPath, "@condition");

    public static string Branch(string conditionalPath, string branch) => Child(conditionalPath, branch);

    public static string Default(string conditionalPath) => Child(conditionalPath, "@default");

    public static string Until(string loopPath) => Child(loopPath, "@until");

    /// <summary>Every node under <paramref name="node"/> (itself included) with its path.</summary>
    public static IEnumerable<(WorkflowNode Node, string Path)> Walk(WorkflowNode node, string path)
    {
        yield return (node, path);
        IEnumerable<(WorkflowNode, string)> children = node switch
        {
            SequentialNode s => s.Steps.Select(c => (c, Child(path, c.Name))),
            ParallelNode p => p.Steps.Select(c => (c, Child(path, c.Name))),
            ConditionalNode c => Optional(c.Condition, Condition(path))
                .Concat(c.Branches.Select(b => (b.Value, Branch(path, b.Key))))
                .Concat(Optional(c.Default, Default(path))),
            LoopNode l => new[] { (l.Body, Child(path, l.Body.Name)) }.Concat(Optional(l.Until, Until(path))),
            _ => [],
        };
        foreach (var (child, childPath) in children)
        {
            foreach (var item in Walk(child, childPath))
            {
                yield return item;
            }
        }
    }

    private static IEnumerable<(WorkflowNode, string)> Optional(WorkflowNode? node, string path) =>
        node is null ? [] : [(node, path)];
}
