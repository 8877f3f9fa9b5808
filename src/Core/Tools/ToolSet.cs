using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Tools;

/// <summary>
/// The tools one run can call: the host's (built-in, MCP) plus those the spell registered. A spell
/// cannot replace a host tool, so a name always means the same tool to the model and the spell.
/// </summary>
public sealed class ToolSet(IReadOnlyList<ISpellTool> hostTools)
{
    private readonly Dictionary<string, ISpellTool> _spellTools = new(StringComparer.Ordinal);

    public IEnumerable<ISpellTool> All => hostTools.Concat(_spellTools.Values);

    public void Register(ISpellTool tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        if (Find(tool.Name) is { } existing)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"a tool named '{tool.Name}' already exists ({existing.Source})");
        }

        _spellTools[tool.Name] = tool;
    }

    /// <summary>Removes a tool the spell registered; false when there is none of that name. The host's tools stay.</summary>
    public bool Remove(string name)
    {
        if (hostTools.FirstOrDefault(t => t.Name == name) is { } host)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"tool '{name}' comes from the host ({host.Source}); a spell can remove only the tools it registered");
        }

        return _spellTools.Remove(name);
    }

    public ISpellTool? Find(string name) =>
        hostTools.FirstOrDefault(t => t.Name == name) ?? _spellTools.GetValueOrDefault(name);

    public ISpellTool Get(string name) =>
        Find(name) ?? throw new SpellException(SpellErrorCode.NotFound, $"no tool named '{name}' (tools: {string.Join(", ", All.Select(t => t.Name))})");

    /// <summary>Checks the arguments against the tool's schema, then calls it.</summary>
    public async ValueTask<SpellValue> CallAsync(string name, SpellMap arguments, SpellContext context)
    {
        var tool = Get(name);
        tool.Parameters.Check(name, arguments);
        using var activity = Telemetry.SpellTelemetry.Source.StartActivity($"execute_tool {name}");
        activity?.SetTag(Telemetry.SpellTelemetry.Attributes.GenAiOperation, "execute_tool");
        activity?.SetTag(Telemetry.SpellTelemetry.Attributes.GenAiToolName, name);
        try
        {
            return await tool.InvokeAsync(arguments, context).ConfigureAwait(false);
        }
        catch (SpellException e)
        {
            Telemetry.SpellTelemetry.SetError(activity, e.Error);
            throw;
        }
    }
}
