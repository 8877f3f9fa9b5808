using System.Text.Json.Nodes;
using Xunit;

namespace LlmSpell.Infra.Tests;

/// <summary>
/// The ARM JSON that <c>bicep build</c> makes of <c>infra/main.bicep</c>, with the resources of
/// every module (nested deployments) gathered into one list.
/// </summary>
public sealed class ArmTemplate : IAsyncLifetime
{
    public JsonObject Root { get; private set; } = [];

    public IReadOnlyList<JsonObject> Resources { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var (exitCode, output, diagnostics) = await BicepCli.RunAsync("build", BicepCli.MainFile, "--stdout");
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed: {diagnostics}");
        }

        Root = JsonNode.Parse(output)!.AsObject();
        var all = new List<JsonObject>();
        Gather(Root, all);
        Resources = all;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    public JsonObject Single(string type) => Assert.Single(OfType(type));

    private static void Gather(JsonObject template, List<JsonObject> into)
    {
        // Bicep writes resources as an array, or as an object keyed by symbolic name (language v2).
        IEnumerable<JsonNode?> resources = template["resources"] switch
        {
            JsonArray array => array,
            JsonObject named => named.Select(p => p.Value),
            _ => [],
        };
        foreach (var resource in resources.OfType<JsonObject>())
        {
            into.Add(resource);
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                Gather(nested, into);
            }
        }
    }
}
