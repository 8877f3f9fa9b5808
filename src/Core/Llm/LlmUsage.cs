using LlmSpell.Values;
using Microsoft.Extensions.AI;

namespace LlmSpell.Llm;

/// <summary>Tokens used by one run, summed over its LLM calls. Thread-safe: streams report from pool threads.</summary>
public sealed class LlmUsage
{
    private long _calls;
    private long _inputTokens;
    private long _outputTokens;

    public long Calls => Interlocked.Read(ref _calls);

    public long InputTokens => Interlocked.Read(ref _inputTokens);

    public long OutputTokens => Interlocked.Read(ref _outputTokens);

    public long TotalTokens => InputTokens + OutputTokens;

    public void Add(UsageDetails? usage)
    {
        Interlocked.Increment(ref _calls);
        if (usage is null)
        {
            return;
        }

        Interlocked.Add(ref _inputTokens, usage.InputTokenCount ?? 0);
        Interlocked.Add(ref _outputTokens, usage.OutputTokenCount ?? 0);
    }

    public SpellMap ToValue() => SpellValue.Map(
    [
        new("calls", SpellValue.From(Calls)),
        new("input_tokens", SpellValue.From(InputTokens)),
        new("output_tokens", SpellValue.From(OutputTokens)),
        new("total_tokens", SpellValue.From(TotalTokens)),
    ]);
}
