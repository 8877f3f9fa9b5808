using LlmSpell.Api;
using LlmSpell.Errors;
using LlmSpell.Tools;
using LlmSpell.Values;

namespace LlmSpell.Modules;

/// <summary><c>tools.register/call/list/describe/serve</c>: the run's tools, built-in and spell-defined alike.</summary>
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
        new SpellFunction("describe", "A tool's name, description, source and parameter schema.",
            [new("name", SpellTypes.String, "the tool's name")], SpellTypes.Map,
            call =>
            {
                var tool = call.Context.Tools.Get(call.GetString(0));
                return ValueTask.FromResult<SpellValue>(SpellValue.Map(
                [
                    new("name", SpellValue.From(tool.Name)),
                    new("description", SpellValue.From(tool.Description)),
                    new("source", SpellValue.From(tool.Source)),
                    new("parameters", tool.Parameters.Definition),
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
}
