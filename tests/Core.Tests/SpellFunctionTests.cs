using LlmSpell.Api;
using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Values;
using Xunit;

namespace LlmSpell.Tests;

public sealed class SpellFunctionTests
{
    private static readonly SpellFunction Echo = new SpellModule("demo", "", [new SpellFunction("echo", "",
        [new("text", SpellTypes.String, ""), new("times", SpellTypes.Int, "", IsOptional: true)],
        SpellTypes.List,
        call => ValueTask.FromResult<SpellValue>(SpellValue.List(Enumerable.Repeat(call[0], call[1] is SpellInt n ? (int)n.Value : 1))))]).Functions[0];

    private static SpellContext Context { get; } = TestContexts.Create();

    [Fact]
    public async Task Checked_arguments_reach_the_handler_with_optional_ones_as_null()
    {
        Assert.Equal(SpellValue.List([SpellValue.From("a")]), await Echo.InvokeAsync(Context, [SpellValue.From("a")]));
        Assert.Equal(SpellValue.List([SpellValue.From("a"), SpellValue.From("a")]), await Echo.InvokeAsync(Context, [SpellValue.From("a"), SpellValue.From(2)]));
    }

    [Fact]
    public async Task A_wrong_type_names_the_function_the_parameter_and_both_types()
    {
        var error = await Assert.ThrowsAsync<SpellException>(async () => await Echo.InvokeAsync(Context, [SpellValue.From(5)]));
        Assert.Equal(SpellErrorCode.BadArgument, error.Code);
        Assert.Equal("demo.echo: argument 1 (text) must be string, got integer", error.Message);
    }

    [Fact]
    public async Task A_missing_required_argument_says_nothing_was_given()
    {
        var error = await Assert.ThrowsAsync<SpellException>(async () => await Echo.InvokeAsync(Context, []));
        Assert.Equal("demo.echo: argument 1 (text) must be string, got nothing", error.Message);
    }

    [Fact]
    public async Task Extra_arguments_are_an_error_but_trailing_nulls_are_not()
    {
        await Echo.InvokeAsync(Context, [SpellValue.From("a"), SpellValue.Null, SpellValue.Null]);
        var error = await Assert.ThrowsAsync<SpellException>(async () => await Echo.InvokeAsync(Context, [SpellValue.From("a"), SpellValue.From(1), SpellValue.From(2)]));
        Assert.Equal("demo.echo takes at most 2 arguments, got 3", error.Message);
    }

    [Fact]
    public async Task An_empty_map_is_an_empty_list_where_only_a_list_is_accepted()
    {
        var count = new SpellModule("demo", "", [new SpellFunction("count", "", [new("items", SpellTypes.List, "")], SpellTypes.Int,
            call => ValueTask.FromResult(SpellValue.From(call.GetList(0).Count)))]).Functions[0];
        Assert.Equal(SpellValue.From(0), await count.InvokeAsync(Context, [SpellMap.Empty]));
        var error = await Assert.ThrowsAsync<SpellException>(async () => await count.InvokeAsync(Context, [SpellValue.Map([new("a", SpellValue.From(1))])]));
        Assert.Equal("demo.count: argument 1 (items) must be list, got map", error.Message);
    }

    [Fact]
    public void A_required_parameter_after_an_optional_one_is_refused_when_the_contract_is_built()
    {
        Assert.Throws<ArgumentException>(() => new SpellFunction("bad", "", [new("a", SpellTypes.Any, "", IsOptional: true), new("b", SpellTypes.Any, "")], SpellTypes.Null, _ => ValueTask.FromResult(SpellValue.Null)));
    }

    [Fact]
    public void Modules_and_the_api_refuse_duplicate_names()
    {
        var f = new SpellFunction("f", "", [], SpellTypes.Null, _ => ValueTask.FromResult(SpellValue.Null));
        Assert.Throws<ArgumentException>(() => new SpellModule("m", "", [f, f]));
        Assert.Throws<ArgumentException>(() => SpellApi.Standard.With(SpellApi.Standard.Modules[0]));
    }

    [Fact]
    public void Options_reject_unknown_keys_and_out_of_range_values()
    {
        var options = new SpellOptions("llm.complete", (SpellMap)SpellJson.Parse("{\"max_tokens\":0,\"typo\":1}"));
        Assert.Equal("llm.complete: unknown option 'typo' (known: max_tokens)", Assert.Throws<SpellException>(() => options.RejectUnknown("max_tokens")).Message);
        Assert.Equal("llm.complete: option 'max_tokens' must be between 1 and 10, got 0", Assert.Throws<SpellException>(() => options.GetInt("max_tokens", 1, 10)).Message);
        Assert.Equal("llm.complete: option 'typo' must be a string, got integer", Assert.Throws<SpellException>(() => options.GetString("typo")).Message);
    }

    [Fact]
    public void The_standard_api_has_the_modules_of_the_design_with_async_events_spells_and_http()
    {
        Assert.Equal(["json", "log", "state", "artifacts", "time", "async", "events", "llm", "tools", "http", "agent", "workflow", "spells"], SpellApi.Standard.Modules.Select(m => m.Name));
        Assert.All(SpellApi.Standard.Modules.SelectMany(m => m.Functions), f => Assert.Matches("^[a-z][a-z_]*$", f.Name));
    }
}
