using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Tools;

/// <summary>A tool a spell defines: <c>{ name, description, parameters, handler }</c>, called back on the sandbox thread.</summary>
public sealed class ScriptTool : ISpellTool
{
    private static readonly System.Text.RegularExpressions.Regex ValidName = new("^[A-Za-z0-9_-]{1,64}$", System.Text.RegularExpressions.RegexOptions.Compiled);

    private readonly SpellCallback _handler;

    private ScriptTool(string name, string description, ToolSchema parameters, SpellCallback handler)
    {
        Name = name;
        Description = description;
        Parameters = parameters;
        _handler = handler;
    }

    public string Name { get; }

    public string Description { get; }

    public ToolSchema Parameters { get; }

    public string Source => "spell";

    /// <param name="where">How to name the spec in errors, e.g. "tools.register: argument 1".</param>
    public static ScriptTool FromSpec(SpellValue spec, string where)
    {
        if (spec is not SpellMap map)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"{where} must be {{ name, description, parameters, handler }}");
        }

        var name = map.Get("name") is SpellString n && ValidName.IsMatch(n.Value)
            ? n.Value
            : throw new SpellException(SpellErrorCode.BadArgument, $"{where} field 'name' must be 1 to 64 letters, digits, '_' or '-'");
        var description = map.Get("description") switch
        {
            SpellString d => d.Value,
            SpellNull => "",
            _ => throw new SpellException(SpellErrorCode.BadArgument, $"{where} field 'description' must be a string"),
        };
        var parameters = map.Get("parameters") switch
        {
            SpellMap schema => ToolSchema.Parse(schema, $"{where} field 'parameters'"),
            SpellNull => ToolSchema.Empty,
            _ => throw new SpellException(SpellErrorCode.BadArgument, $"{where} field 'parameters' must be a JSON schema (a map)"),
        };
        var handler = map.Get("handler") as SpellCallback
            ?? throw new SpellException(SpellErrorCode.BadArgument, $"{where} field 'handler' must be a function");
        return new ScriptTool(name, description, parameters, handler);
    }

    public ValueTask<SpellValue> InvokeAsync(SpellMap arguments, SpellContext context) =>
        _handler.InvokeAsync([arguments], context?.CancellationToken ?? default);
}
