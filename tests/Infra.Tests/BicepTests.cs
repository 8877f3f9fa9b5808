using Xunit;

namespace LlmSpell.Infra.Tests;

/// <summary>The templates compile and pass Bicep's linter with no warning at all, as CI requires.</summary>
public sealed class BicepTests
{
    [Fact]
    public async Task Build_compiles_with_no_diagnostics()
    {
        var (exitCode, output, diagnostics) = await BicepCli.RunAsync("build", BicepCli.MainFile, "--stdout");

        Assert.True(exitCode == 0, diagnostics);
        Assert.Equal("", diagnostics.Trim());
        Assert.StartsWith("{", output.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_reports_no_warnings()
    {
        foreach (var file in Directory.EnumerateFiles(BicepCli.InfraFolder, "*.bicep", SearchOption.AllDirectories))
        {
            var (exitCode, output, diagnostics) = await BicepCli.RunAsync("lint", file);

            Assert.True(exitCode == 0, $"{file}: {diagnostics}");
            Assert.Equal("", (output + diagnostics).Trim());
        }
    }
}
