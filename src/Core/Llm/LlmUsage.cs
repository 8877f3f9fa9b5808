using LlmSpell.Values;
using Microsoft.Extensions.AI;

namespace LlmSpell.Llm;

/// <summary>
/// Tokens and cost of one run (or one agent, one budget), summed over its model turns. Thread-safe:
/// streams and parallel branches report from pool threads.
/// </summary>
public sealed class LlmUsage
{
    private readonly Lock _gate = new();
    private long _calls;
    private long _inputTokens;
    private long _outputTokens;
    private long _unpricedCalls;
    private decimal _cost;

    public long Calls { get { lock (_gate) { return _calls; } } }

    public long InputTokens { get { lock (_gate) { return _inputTokens; } } }

    public long OutputTokens { get { lock (_gate) { return _outputTokens; } } }

    public long TotalTokens { get { lock (_gate) { return _inputTokens + _outputTokens; } } }

    /// <summary>US dollars, by the price table; a lower bound when <see cref="UnpricedCalls"/> is not zero.</summary>
    public decimal CostUsd { get { lock (_gate) { return _cost; } } }

    /// <summary>Model turns whose model has no price in the table, so their cost is not in <see cref="CostUsd"/>.</summary>
    public long UnpricedCalls { get { lock (_gate) { return _unpricedCalls; } } }

    /// <summary>Counts a turn (or a whole run's usage, for a budget that spans runs).</summary>
    public void Add(LlmTurn turn, long calls = 1)
    {
        lock (_gate)
        {
            _calls += calls;
            _inputTokens += turn.InputTokens;
            _outputTokens += turn.OutputTokens;
            if (turn.CostUsd is { } cost)
            {
                _cost += cost;
            }
            else
            {
                _unpricedCalls += calls;
            }
        }
    }

    /// <summary>Counts everything another run used (a spell this one called).</summary>
    public void Add(LlmUsage other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (calls, input, output, cost, unpriced) = (other.Calls, other.InputTokens, other.OutputTokens, other.CostUsd, other.UnpricedCalls);
        lock (_gate)
        {
            _calls += calls;
            _inputTokens += input;
            _outputTokens += output;
            _cost += cost;
            _unpricedCalls += unpriced;
        }
    }

    public SpellMap ToValue()
    {
        lock (_gate)
        {
            return SpellValue.Map(
            [
                new("calls", SpellValue.From(_calls)),
                new("input_tokens", SpellValue.From(_inputTokens)),
                new("output_tokens", SpellValue.From(_outputTokens)),
                new("total_tokens", SpellValue.From(_inputTokens + _outputTokens)),
                new("cost_usd", SpellValue.From((double)_cost)),
                new("unpriced_calls", SpellValue.From(_unpricedCalls)),
            ]);
        }
    }
}

/// <summary>The tokens of one model turn and what it cost (null when the model is unpriced).</summary>
public readonly record struct LlmTurn(long InputTokens, long OutputTokens, decimal? CostUsd)
{
    /// <summary>A turn as the provider reported it, priced by <paramref name="price"/> (null: the model is not priced).</summary>
    public static LlmTurn Of(UsageDetails? usage, ModelPrice? price)
    {
        var input = usage?.InputTokenCount ?? 0;
        var output = usage?.OutputTokenCount ?? 0;
        return new LlmTurn(input, output, price?.CostOf(input, output));
    }
}
