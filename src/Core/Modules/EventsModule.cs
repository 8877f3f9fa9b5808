using LlmSpell.Api;
using LlmSpell.Errors;
using LlmSpell.Events;
using LlmSpell.Values;

namespace LlmSpell.Modules;

/// <summary>
/// <c>events.emit(name, data, opts)</c>, <c>events.on(pattern, fn)</c>, <c>events.off(id)</c> and
/// <c>events.wait(pattern, timeout_ms)</c>: pub/sub among the pieces of one run (its tasks, branches
/// and workflow steps), every event kept in the run's report; with <c>{ run = id }</c> an event goes
/// to a durable run instead, where an event step waits for it.
/// </summary>
public static class EventsModule
{
    /// <summary>An event name's longest form.</summary>
    public const int MaxNameLength = 256;

    public static SpellModule Definition { get; } = new("events", "Events within a run, and to durable runs.",
    [
        new SpellFunction("emit", "Emit an event: handlers whose pattern matches run (side by side; the call waits for them) and waiters wake. With { run = id } it goes to that durable run instead. Returns how many handlers ran.",
            [new("name", SpellTypes.String, "the event's name, e.g. order.paid"), new("data", SpellTypes.Any, "its data", IsOptional: true),
             new("opts", SpellTypes.Map, "{ run = durable run id }", IsOptional: true)], SpellTypes.Int, EmitAsync, isAsync: true),
        new SpellFunction("on", "Call fn({ name, data, at }) for every later event whose name matches the pattern (* is any text, ? one character). Returns the subscription's id.",
            [new("pattern", SpellTypes.String, "a name or a glob such as order.*"), new("fn", SpellTypes.Function, "the handler")], SpellTypes.Int,
            call => ValueTask.FromResult(SpellValue.From(call.Context.Events.Subscribe(Pattern(call, 0), call.GetCallback(1))))),
        new SpellFunction("off", "End a subscription from events.on. True if it was active.",
            [new("id", SpellTypes.Int, "the id events.on returned")], SpellTypes.Bool,
            call => ValueTask.FromResult(SpellValue.From(call.Context.Events.Unsubscribe(call.GetInt(0))))),
        new SpellFunction("wait", "Wait for the next event whose name matches the pattern: { name, data, at }, or null when timeout_ms passes first.",
            [new("pattern", SpellTypes.String, "a name or a glob such as order.*"), new("timeout_ms", SpellTypes.Number, "0 to 600000; none waits as long as the run may", IsOptional: true)],
            SpellTypes.Map | SpellTypes.Null, WaitAsync, isAsync: true),
    ]);

    private static async ValueTask<SpellValue> EmitAsync(SpellCall call)
    {
        var name = call.GetString(0);
        if (name.Length is 0 or > MaxNameLength || name.AsSpan().IndexOfAny('*', '?') >= 0)
        {
            throw call.BadArgument(0, $"must be 1 to {MaxNameLength} characters without * or ? (those are for patterns), got '{Shorten(name)}'");
        }

        var data = call.Arguments.Count > 1 ? call[1] : SpellValue.Null;
        var options = call.GetOptions(2);
        var context = call.Context;
        var spellEvent = new SpellEvent(name, data, context.Host.Time.GetUtcNow().ToUnixTimeMilliseconds());
        options.RejectUnknown("run");
        if (options.GetString("run") is { } runId)
        {
            var workflows = context.WorkflowService
                ?? throw new SpellException(SpellErrorCode.WorkflowError, "events.emit: durable runs are not available here: this host has no orchestration store (llmspell run and llmspell worker provide one)");
            await workflows.RaiseAsync(runId, name, data, call.CancellationToken).ConfigureAwait(false);
            context.Events.Record(spellEvent);
            return SpellValue.From(0);
        }

        return SpellValue.From(await context.Events.EmitAsync(spellEvent, call.CancellationToken).ConfigureAwait(false));
    }

    private static async ValueTask<SpellValue> WaitAsync(SpellCall call)
    {
        var pattern = Pattern(call, 0);
        TimeSpan? timeout = null;
        if (call.Arguments.Count > 1 && !call[1].IsNull)
        {
            var milliseconds = call.GetInt(1);
            if (milliseconds is < 0 or > TimeModule.MaxSleepMilliseconds)
            {
                throw call.BadArgument(1, $"must be between 0 and {TimeModule.MaxSleepMilliseconds}, got {milliseconds}");
            }

            timeout = TimeSpan.FromMilliseconds(milliseconds);
        }

        var context = call.Context;
        var arrived = await context.Events.WaitAsync(pattern, timeout, context.Host.Time, call.CancellationToken).ConfigureAwait(false);
        return arrived?.ToValue() ?? SpellValue.Null;
    }

    private static string Pattern(SpellCall call, int index)
    {
        var pattern = call.GetString(index);
        return pattern.Length is 0 or > MaxNameLength
            ? throw call.BadArgument(index, $"must be 1 to {MaxNameLength} characters, got '{Shorten(pattern)}'")
            : pattern;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
