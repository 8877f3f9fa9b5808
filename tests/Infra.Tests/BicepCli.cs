using System.Diagnostics;
using System.Reflection;
using Xunit;

namespace LlmSpell.Infra.Tests;

/// <summary>The Bicep CLI restored from its NuGet package, run on the repository's <c>infra/</c>.</summary>
internal static class BicepCli
{
    public static string InfraFolder { get; } = Metadata("InfraFolder");

    public static string MainFile => Path.Combine(InfraFolder, "main.bicep");

    public static async Task<(int ExitCode, string Output, string Diagnostics)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Metadata("BicepPath"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = InfraFolder,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The CLI would otherwise look for a newer version online; there is no network here.
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the Bicep CLI did not start");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var diagnostics = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await diagnostics);
    }

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"the test assembly has no {key}");
}
