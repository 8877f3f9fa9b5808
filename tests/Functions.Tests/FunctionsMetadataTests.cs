using System.Text.Json;
using Xunit;

namespace LlmSpell.Functions.Tests;

/// <summary>
/// The Functions host cannot run here, so the app is checked by what the host reads from its
/// build output: <c>functions.metadata</c> (every function, its trigger and bindings),
/// <c>extensions.json</c> and <c>host.json</c>.
/// </summary>
public sealed class FunctionsMetadataTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static readonly string Output = Path.Combine(RepositoryRoot(), "src", "Functions", "bin", Configuration, "net10.0");

    [Fact]
    public void Every_function_has_the_trigger_and_bindings_the_host_expects()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "functions.metadata")));
        var functions = metadata.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
        Assert.Equal(
            ["ListSpells", "LlmSpellReadState", "LlmSpellRunStep", "LlmSpellWorkflow", "LlmSpellWorkflowLoop", "RunSpell", "SpellQueue", "SpellSchedules", "StartWorkflow"],
            functions.Keys.Order(StringComparer.Ordinal));
        foreach (var function in functions.Values)
        {
            Assert.Equal("dotnet-isolated", function.GetProperty("language").GetString());
            Assert.Equal("LlmSpell.Functions.dll", function.GetProperty("scriptFile").GetString());
        }

        AssertHttp(functions["ListSpells"], "get", "spells", durableClient: false);
        AssertHttp(functions["RunSpell"], "post", "spells/{name}", durableClient: true);
        AssertHttp(functions["StartWorkflow"], "post", "workflows/{name}", durableClient: true);
        Assert.Equal(["orchestrationTrigger"], Types(functions["LlmSpellWorkflow"]));
        Assert.Equal(["orchestrationTrigger"], Types(functions["LlmSpellWorkflowLoop"]));
        Assert.Equal(["activityTrigger"], Types(functions["LlmSpellRunStep"]));
        Assert.Equal(["activityTrigger"], Types(functions["LlmSpellReadState"]));

        // The queue template, replaced at start-up by one trigger per queue-triggered spell (QueueFunctionMetadataTests).
        Assert.Equal(["queueTrigger", "durableClient"], Types(functions["SpellQueue"]));

        // One timer for every scheduled spell, each minute, with the task hub to start runs on.
        Assert.Equal(["timerTrigger", "durableClient"], Types(functions["SpellSchedules"]));
        var timer = functions["SpellSchedules"].GetProperty("bindings")[0];
        Assert.Equal("0 * * * * *", timer.GetProperty("schedule").GetString());
    }

    [Fact]
    public void The_output_carries_the_host_settings_and_the_Durable_Functions_extension()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "host.json")));
        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        var extensions = host.RootElement.GetProperty("extensions");
        Assert.Equal("api", extensions.GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.Equal("llmspell", extensions.GetProperty("durableTask").GetProperty("hubName").GetString());

        using var bundle = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "extensions.json")));
        Assert.Contains(bundle.RootElement.GetProperty("extensions").EnumerateArray(), e => e.GetProperty("name").GetString() == "DurableTask");
        Assert.True(File.Exists(Path.Combine(Output, ".azurefunctions", "DurableTask.Core.dll")), "the host's extension assemblies are missing from .azurefunctions");
        // The spells published with the app (LlmSpellSpells, the serverless examples by default).
        Assert.True(File.Exists(Path.Combine(Output, "spells", "greet.spell.json")), "the published spells are missing from spells/");
        using var worker = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "worker.config.json")));
        Assert.Equal("LlmSpell.Functions.dll", worker.RootElement.GetProperty("description").GetProperty("defaultWorkerPath").GetString());
    }

    private static void AssertHttp(JsonElement function, string method, string route, bool durableClient)
    {
        var bindings = function.GetProperty("bindings").EnumerateArray().ToList();
        var trigger = Assert.Single(bindings, b => b.GetProperty("type").GetString() == "httpTrigger");
        Assert.Equal("In", trigger.GetProperty("direction").GetString());
        // Function keys in Azure: code= or x-functions-key.
        Assert.Equal("Function", trigger.GetProperty("authLevel").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Single(bindings, b => b.GetProperty("type").GetString() == "http" && b.GetProperty("direction").GetString() == "Out");
        Assert.Equal(durableClient, bindings.Any(b => b.GetProperty("type").GetString() == "durableClient"));
    }

    private static string[] Types(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray().Select(b => b.GetProperty("type").GetString()!).ToArray();

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LlmSpell.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"no LlmSpell.sln above {AppContext.BaseDirectory}");
    }
}
