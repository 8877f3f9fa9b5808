using System.Text;
using Acornima;
using Acornima.Ast;

namespace LlmSpell.Engines.JavaScript;

/// <summary>
/// Works around a Jint defect (4.18.0, upstream: <c>DestructuringPatternAssignmentExpression</c>
/// goes on after its right side suspends). In <c>[a, b] = await p</c> the suspended await hands back a
/// placeholder, the pattern destructures it and throws, and that throw clears the statement list's
/// resume position: when the promise settles the async function runs again from the top, skipping
/// only the awaits it had finished, so every statement since the previous await — an LLM call, a
/// tool call, a state write — happens twice (in a generator, <c>[a] = yield x</c> fails instead).
/// Jint carries a sequence and a plain assignment across a suspension correctly, so each such
/// assignment is rewritten to <c>(t = (RIGHT), LEFT = t)</c>, with <c>t</c> a <c>var</c> of the
/// enclosing function declared at the end of its body: no line moves, only later columns of the
/// rewritten line.
/// </summary>
internal static class SuspendingDestructuring
{
    private const string TempPrefix = "__llmspell_destructured";

    /// <summary>The source with every affected assignment rewritten, or null when it has none (the usual case).</summary>
    public static string? Rewrite(string source, Script program)
    {
        var finder = new Finder();
        finder.Visit(program, enclosing: null);
        if (finder.Targets.Count == 0)
        {
            return null;
        }

        var edits = new List<Edit>();
        var temps = new Dictionary<Node, string>();
        foreach (var (assignment, function) in finder.Targets)
        {
            var temp = TempPrefix + temps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            temps[assignment] = temp;
            edits.Add(new Edit(assignment.Start, assignment.End, 0, text => $"({temp} = ({text(assignment.Right)}), {text(assignment.Left)} = {temp})"));
        }

        foreach (var group in finder.Targets.GroupBy(t => t.Function))
        {
            var declaration = "var " + string.Join(", ", group.Select(t => temps[t.Assignment])) + ";";
            if (group.Key.Body is FunctionBody body)
            {
                // Replaces the body's closing brace: `var` is hoisted, so the end of the body declares for all of it.
                edits.Add(new Edit(body.End - 1, body.End, 1, _ => " " + declaration + "}"));
            }
            else
            {
                // An arrow with an expression body gets a block to declare in.
                var expression = (Expression)group.Key.Body;
                edits.Add(new Edit(expression.Start, expression.End, 1, text => $"{{ {declaration} return ({text(expression)}); }}"));
            }
        }

        return new Emitter(source, edits).Text(0, source.Length);
    }

    /// <summary>Replaces the source from Start to End; Outer orders edits of the same range (a block made for an arrow's body holds the assignment that is that body).</summary>
    private sealed record Edit(int Start, int End, int Outer, Func<Func<Node, string>, string> Render);

    /// <summary>Writes the source with the edits applied; an edit renders its parts with the edits inside them applied too.</summary>
    private sealed class Emitter(string source, List<Edit> edits)
    {
        private readonly List<Edit> _edits = [.. edits.OrderBy(e => e.Start).ThenByDescending(e => e.End).ThenByDescending(e => e.Outer)];

        public string Text(int start, int end, Edit? rendering = null)
        {
            var text = new StringBuilder();
            var at = start;
            foreach (var edit in _edits)
            {
                if (edit.Start >= end)
                {
                    break;
                }

                // Before this range, inside an edit already written, or the edit being rendered.
                if (edit.Start < at || edit.End > end || ReferenceEquals(edit, rendering))
                {
                    continue;
                }

                text.Append(source, at, edit.Start - at);
                text.Append(edit.Render(node => Text(node.Start, node.End, edit)));
                at = edit.End;
            }

            text.Append(source, at, end - at);
            return text.ToString();
        }
    }

    /// <summary>Finds destructuring assignments whose right side awaits or yields in their own function.</summary>
    private sealed class Finder
    {
        public List<(AssignmentExpression Assignment, IFunction Function)> Targets { get; } = [];

        public void Visit(Node node, IFunction? enclosing)
        {
            if (node is IFunction function)
            {
                enclosing = function;
            }
            else if (node is AssignmentExpression { Operator: Operator.Assignment, Left: ArrayPattern or ObjectPattern } assignment
                && enclosing is not null && Suspends(assignment.Right))
            {
                Targets.Add((assignment, enclosing));
            }

            foreach (var child in node.ChildNodes)
            {
                Visit(child, enclosing);
            }
        }

        // Within the same function only: an await inside a nested function suspends that function.
        private static bool Suspends(Node node) => node switch
        {
            AwaitExpression or YieldExpression => true,
            IFunction => false,
            _ => node.ChildNodes.Any(Suspends),
        };
    }
}
