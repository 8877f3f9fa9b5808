using System.Diagnostics;
using System.Globalization;
using System.Text;
using LlmSpell.Telemetry;

namespace LlmSpell.Cli.Tracing;

/// <summary>
/// The spans of a run as a tree on a time line: name, a bar where it ran within the whole, its
/// duration, and the tokens and cost it carries — what a user reads instead of the logs.
/// </summary>
internal static class TraceTimeline
{
    private const int BarWidth = 32;
    private const int NameWidth = 44;

    public static string Render(IReadOnlyList<Activity> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Count == 0)
        {
            return "trace: no spans were recorded\n";
        }

        var ids = spans.Select(s => s.SpanId).ToHashSet();
        var children = spans.Where(s => ids.Contains(s.ParentSpanId)).ToLookup(s => s.ParentSpanId);
        var roots = spans.Where(s => !ids.Contains(s.ParentSpanId)).OrderBy(s => s.StartTimeUtc).ToList();
        var start = spans.Min(s => s.StartTimeUtc);
        var end = spans.Max(s => s.StartTimeUtc + s.Duration);
        var total = Math.Max((end - start).Ticks, 1);

        var text = new StringBuilder();
        var rootRuns = roots.Where(r => r.OperationName.StartsWith("run_spell", StringComparison.Ordinal)).ToList();
        var tokens = rootRuns.Sum(r => Long(r, SpellTelemetry.Attributes.GenAiInputTokens) + Long(r, SpellTelemetry.Attributes.GenAiOutputTokens));
        var cost = rootRuns.Sum(r => Double(r, SpellTelemetry.Attributes.CostUsd));
        text.Append(CultureInfo.InvariantCulture, $"trace {roots[0].TraceId}  {Seconds(end - start)}  {tokens} tokens  {Dollars(cost)}\n");
        foreach (var root in roots)
        {
            Write(root, 0);
        }
        return text.ToString();

        void Write(Activity span, int depth)
        {
            var name = new string(' ', depth * 2) + Label(span);
            if (name.Length > NameWidth)
            {
                name = name[..(NameWidth - 1)] + "…";
            }
            var from = (int)((span.StartTimeUtc - start).Ticks * BarWidth / total);
            var width = Math.Max(1, (int)Math.Round(span.Duration.Ticks * (double)BarWidth / total));
            width = Math.Min(width, BarWidth - Math.Min(from, BarWidth - 1));
            var bar = new string('·', Math.Min(from, BarWidth - 1)) + new string(span.Status == ActivityStatusCode.Error ? '▒' : '█', width);
            text.Append(CultureInfo.InvariantCulture, $"{name.PadRight(NameWidth)} {bar.PadRight(BarWidth)} {Seconds(span.Duration),9}{Usage(span)}{Failure(span)}\n");
            foreach (var child in children[span.SpanId].OrderBy(c => c.StartTimeUtc))
            {
                Write(child, depth + 1);
            }
        }
    }

    private static string Label(Activity span) => span.DisplayName;

    private static string Usage(Activity span)
    {
        if (span.GetTagItem(SpellTelemetry.Attributes.GenAiInputTokens) is null)
        {
            return "";
        }
        var input = Long(span, SpellTelemetry.Attributes.GenAiInputTokens);
        var output = Long(span, SpellTelemetry.Attributes.GenAiOutputTokens);
        var cost = span.GetTagItem(SpellTelemetry.Attributes.CostUsd) is null ? "" : "  " + Dollars(Double(span, SpellTelemetry.Attributes.CostUsd));
        return string.Create(CultureInfo.InvariantCulture, $"  {input}→{output} tok{cost}");
    }

    private static string Failure(Activity span) =>
        span.Status == ActivityStatusCode.Error ? $"  ✗ {span.GetTagItem(SpellTelemetry.Attributes.ErrorType) ?? span.StatusDescription}" : "";

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds >= 1
        ? duration.TotalSeconds.ToString("0.00 's'", CultureInfo.InvariantCulture)
        : duration.TotalMilliseconds.ToString("0.0 'ms'", CultureInfo.InvariantCulture);

    private static string Dollars(double cost) => "$" + cost.ToString(cost >= 0.01 ? "0.00##" : "0.######", CultureInfo.InvariantCulture);

    private static long Long(Activity span, string tag) => span.GetTagItem(tag) switch
    {
        long l => l,
        int i => i,
        _ => 0,
    };

    private static double Double(Activity span, string tag) => span.GetTagItem(tag) switch
    {
        double d => d,
        long l => l,
        int i => i,
        _ => 0,
    };
}
