using LlmSpell.Api;
using LlmSpell.Errors;
using LlmSpell.Tools;
using LlmSpell.Values;

namespace LlmSpell.Modules;

/// <summary><c>tools.register/call/list/describe/get/remove/validate/serve</c>: the run's tools, built-in and spell-defined alike.</summary>
public static class ToolsModule
{
    public static SpellModule Definition { get; } = new("tools", "Define tools and call them; models can call them too (llm opts.tools).",
    [
        new SpellFunction("register", "Add a tool for this run: { name, description, parameters (JSON schema), handler(args) }.",
            [new("spec", SpellTypes.Map, "{ name, description, parameters, handler }")], SpellTypes.Null,
            call =>
            {
                call.Context.Tools.Register(ScriptTool.FromSpec(call[0], "tools.register: argument 1 (spec)"));
                return ValueTask.FromResult(SpellValue.Null);
            }),
        new SpellFunction("call", "Call a tool by name; its arguments are checked against its schema first.",
            [new("name", SpellTypes.String, "the tool's name"), new("args", SpellTypes.Map, "its arguments", IsOptional: true)], SpellTypes.Any,
            call => call.Context.Tools.CallAsync(call.GetString(0), call[1] as SpellMap ?? SpellMap.Empty, call.Context),
            isAsync: true),
        new SpellFunction("list", "The tools this run can call: list of { name, description, source }.",
            [], SpellTypes.List,
            call => ValueTask.FromResult<SpellValue>(new SpellList(call.Context.Tools.All.Select(t => (SpellValue)SpellValue.Map(
            [
                new("name", SpellValue.From(t.Name)),
                new("description", SpellValue.From(t.Description)),
                new("source", SpellValue.From(t.Source)),
            ]))))),
        new SpellFunction("describe", "A tool's name, description, source and parameter schema; an unknown name is an error (tools.get answers nil).",
            [new("name", SpellTypes.String, "the tool's name")], SpellTypes.Map,
            call => ValueTask.FromResult<SpellValue>(Describe(call.Context.Tools.Get(call.GetString(0))))),
        new SpellFunction("get", "A tool's name, description, source and parameter schema, or nil when there is no tool of that name.",
            [new("name", SpellTypes.String, "the tool's name")], SpellTypes.Map | SpellTypes.Null,
            call => ValueTask.FromResult(call.Context.Tools.Find(call.GetString(0)) is { } tool ? Describe(tool) : SpellValue.Null)),
        new SpellFunction("remove", "Remove a tool this spell registered; true if it was there, false if not. The host's tools cannot be removed.",
            [new("name", SpellTypes.String, "the tool's name")], SpellTypes.Bool,
            call => ValueTask.FromResult<SpellValue>(SpellValue.From(call.Context.Tools.Remove(call.GetString(0))))),
        new SpellFunction("validate", "Check arguments against a tool's schema without calling it: { valid, errors = { \"argument 'x' is required\", ... } }.",
            [new("name", SpellTypes.String, "the tool's name"), new("args", SpellTypes.Map, "the arguments to check", IsOptional: true)], SpellTypes.Map,
            call =>
            {
                var name = call.GetString(0);
                var problems = call.Context.Tools.Get(name).Parameters.Problems(name, call[1] as SpellMap ?? SpellMap.Empty);
                return ValueTask.FromResult<SpellValue>(SpellValue.Map(
                [
                    new("valid", SpellValue.From(problems.Count == 0)),
                    new("errors", new SpellList([.. problems.Select(p => (SpellValue)SpellValue.From(p))])),
                ]));
            }),
        new SpellFunction("serve", "Offer this run's tools to an outside client (MCP on stdio under `llmspell mcp serve --spell`) until it disconnects; handlers run in this spell.",
            [], SpellTypes.Null,
            async call =>
            {
                var server = call.Context.Host.ToolServer
                    ?? throw new SpellException(SpellErrorCode.NotFound, "no tool server here: run the spell with `llmspell mcp serve --spell <file>` to serve its tools over MCP");
                await server.ServeAsync(call.Context, call.CancellationToken).ConfigureAwait(false);
                return SpellValue.Null;
            },
            isAsync: true),
    ]);

    private static SpellMap Describe(ISpellTool tool) => SpellValue.Map(
    [
        new("name", SpellValue.From(tool.Name)),
        new("description", SpellValue.From(tool.Description)),
        new("source", SpellValue.From(tool.Source)),
        new("parameters", tool.Parameters.Definition),
    ]);
}
