using LlmSpell.Tools.BuiltIn;
using Xunit;

namespace LlmSpell.Tests;

/// <summary>Built-in tools' schemas are parsed only when first used, so each is proved good here.</summary>
public sealed class BuiltInToolSchemaTests
{
    [Fact]
    public void Every_built_in_tool_schema_parses()
    {
        var tools = BuiltInTools.Create(new BuiltInToolOptions { WorkspaceRoot = Path.GetTempPath() });

        Assert.NotEmpty(tools);
        foreach (var tool in tools)
        {
            tool.Parameters.EnsureParsed();
        }

        LlmSpell.Tools.ToolSchema.Empty.EnsureParsed();
    }
}
