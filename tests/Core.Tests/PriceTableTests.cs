using LlmSpell.Llm;
using Microsoft.Extensions.AI;
using Xunit;

namespace LlmSpell.Core.Tests;

public sealed class PriceTableTests
{
    [Theory]
    [InlineData("openai", "gpt-4o", 2.50, 10)]
    [InlineData("openai", "gpt-4o-2024-08-06", 2.50, 10)]      // a dated release takes its family's price
    [InlineData("azure-openai", "gpt-4o-mini", 0.15, 0.60)]   // the longest key wins, whoever serves it
    [InlineData("anthropic", "claude-sonnet-4-5-20250929", 3, 15)]
    [InlineData("ollama", "llama3.2", 0, 0)]                  // a provider-wide price
    public void A_model_takes_its_own_price_or_its_familys(string provider, string model, double input, double output)
    {
        Assert.Equal(new ModelPrice((decimal)input, (decimal)output), PriceTable.Default.Find(provider, model));
    }

    [Fact]
    public void An_unknown_model_has_no_price_rather_than_a_free_one()
    {
        Assert.Null(PriceTable.Default.Find("groq", "llama-3.3-70b-versatile"));
        Assert.Null(PriceTable.Default.Find("openai", "gpt"));
    }

    [Fact]
    public void Overrides_win_key_by_key_and_provider_keys_win_over_bare_models()
    {
        var table = PriceTable.Default.With([new("groq/*", new ModelPrice(0.59m, 0.79m)), new("openai/gpt-4o", new ModelPrice(1m, 1m))]);

        Assert.Equal(new ModelPrice(0.59m, 0.79m), table.Find("groq", "llama-3.3-70b-versatile"));
        Assert.Equal(new ModelPrice(1m, 1m), table.Find("openai", "gpt-4o-2024-08-06"));
        Assert.Equal(new ModelPrice(2.50m, 10m), table.Find("azure-openai", "gpt-4o"));
    }

    [Fact]
    public void Usage_adds_the_cost_of_priced_turns_and_counts_the_unpriced()
    {
        var usage = new LlmUsage();
        var priced = LlmTurn.Of(new UsageDetails { InputTokenCount = 1_000, OutputTokenCount = 500 }, new ModelPrice(3m, 15m));
        usage.Add(priced);
        usage.Add(LlmTurn.Of(new UsageDetails { InputTokenCount = 10, OutputTokenCount = 10 }, price: null));

        Assert.Equal(0.0105m, priced.CostUsd);
        Assert.Equal(0.0105m, usage.CostUsd);
        Assert.Equal(1, usage.UnpricedCalls);
        Assert.Equal(1_520, usage.TotalTokens);
    }
}
