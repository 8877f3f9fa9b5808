namespace LlmSpell.Llm;

/// <summary>
/// Prices by model, so every run can say what it cost. Keys are <c>provider/model</c>, a bare model
/// (any provider serving it: OpenAI, Azure OpenAI, a gateway) or <c>provider/*</c>. A model matches
/// its own key or the longest key it extends with a dash, so <c>gpt-4o-2024-08-06</c> takes the price
/// of <c>gpt-4o</c> and <c>gpt-4o-mini</c> keeps its own.
/// </summary>
public sealed class PriceTable
{
    private readonly Dictionary<string, ModelPrice> _prices;

    public PriceTable(IEnumerable<KeyValuePair<string, ModelPrice>> prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        _prices = new Dictionary<string, ModelPrice>(prices, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The shipped list prices (<see cref="ShippedPrices"/>).</summary>
    public static PriceTable Default { get; } = new(ShippedPrices.All);

    public IReadOnlyDictionary<string, ModelPrice> Prices => _prices;

    /// <summary>This table with <paramref name="overrides"/> taking precedence key by key.</summary>
    public PriceTable With(IEnumerable<KeyValuePair<string, ModelPrice>> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var merged = new Dictionary<string, ModelPrice>(_prices, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, price) in overrides)
        {
            merged[key] = price;
        }
        return new PriceTable(merged);
    }

    /// <summary>The price of <paramref name="model"/> at <paramref name="provider"/>, or null when the table has none.</summary>
    public ModelPrice? Find(string provider, string model)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(model);
        return Longest(provider + "/" + model) ?? Longest(model)
            ?? (_prices.TryGetValue(provider + "/*", out var any) ? any : null);
    }

    public ModelPrice? Find(LlmTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Find(target.Provider.Name, target.Model);
    }

    private ModelPrice? Longest(string name)
    {
        for (var candidate = name; ;)
        {
            if (_prices.TryGetValue(candidate, out var price))
            {
                return price;
            }
            var dash = candidate.LastIndexOf('-');
            if (dash <= candidate.IndexOf('/', StringComparison.Ordinal) + 1)
            {
                return null;
            }
            candidate = candidate[..dash];
        }
    }
}
