using LlmSpell.Api;
using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Modules;

/// <summary>
/// <c>async.all(fns)</c>, <c>async.spawn(fn)</c>, <c>async.await(task)</c> and <c>async.cancel(task)</c>:
/// calls side by side, in every engine alike. The functions run where the spell's functions always
/// run — Lua and Tengo on fibers of the one sandbox, JavaScript as promises — so they overlap while
/// they wait for the host (a model, a tool, a sleep); each runs in a <see cref="SpellBranch"/>, which
/// is how one failure cancels the rest.
/// </summary>
public static class AsyncModule
{
    private const string FunctionsHelp = "a list (or map) of functions that take no arguments";

    public static SpellModule Definition { get; } = new("async", "Run functions side by side and wait for them.",
    [
        new SpellFunction("all", "Call every function at once and wait for all; their results in the same shape (list or map). The first failure cancels the others and is this call's error.",
            [new("fns", SpellTypes.List | SpellTypes.Map, FunctionsHelp)], SpellTypes.List | SpellTypes.Map, AllAsync, isAsync: true),
        new SpellFunction("spawn", "Start a function now and go on; returns a task to pass to async.await or async.cancel. A task still running when the spell ends is cancelled.",
            [new("fn", SpellTypes.Function, "a function that takes no arguments")], SpellTypes.Map,
            call => ValueTask.FromResult<SpellValue>(call.Context.Tasks.Spawn(call.GetCallback(0), call.CancellationToken))),
        new SpellFunction("await", "Wait for a task from async.spawn: its result, or its error.",
            [new("task", SpellTypes.Map, "a task from async.spawn")], SpellTypes.Any,
            async call => await call.Context.Tasks.Completion(call[0], call.Function.QualifiedName).ConfigureAwait(false), isAsync: true),
        new SpellFunction("cancel", "Cancel a task from async.spawn: the call it waits in fails with code cancelled and it makes no more. True if it was still running.",
            [new("task", SpellTypes.Map, "a task from async.spawn")], SpellTypes.Bool,
            call => ValueTask.FromResult(SpellValue.From(call.Context.Tasks.Cancel(call[0], call.Function.QualifiedName)))),
    ]);

    private static async ValueTask<SpellValue> AllAsync(SpellCall call)
    {
        var (names, functions) = Functions(call);
        using var branch = new SpellBranch(call.CancellationToken);
        var running = new Task<SpellValue>[functions.Count];
        for (var i = 0; i < functions.Count; i++)
        {
            var function = functions[i];
            running[i] = branch.Enter(() => function.InvokeAsync([], branch.Token).AsTask());
        }

        // Wait for every function, even after one fails: the others are cancelled, and end at the
        // call they wait in, so nothing they do outlives this call.
        SpellException? failure = null;
        var pending = running.ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending).ConfigureAwait(false);
            pending.Remove(done);
            if (!done.IsCompletedSuccessfully && failure is null)
            {
                var which = Array.IndexOf(running, done);
                failure = done.Exception?.InnerException as SpellException ?? call.Run.ToSpellException(done.Exception?.InnerException ?? new OperationCanceledException());
                branch.Cancel($"async.all: cancelled because function {(names is null ? (which + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : $"'{names[which]}'")} failed ({failure.Error.Code}: {failure.Error.Message})");
            }
        }

        if (failure is not null)
        {
            throw failure;
        }

        return names is null
            ? new SpellList(running.Select(t => t.Result))
            : SpellValue.Map(names.Select((name, i) => new KeyValuePair<string, SpellValue>(name, running[i].Result)));
    }

    /// <summary>The functions to run, with their names when they came as a map.</summary>
    private static (IReadOnlyList<string>? Names, IReadOnlyList<SpellCallback> Functions) Functions(SpellCall call)
    {
        IReadOnlyList<string>? names = null;
        IEnumerable<SpellValue> values;
        if (call[0] is SpellMap map && map.Count > 0)
        {
            names = [.. map.Keys];
            values = names.Select(n => map[n]);
        }
        else
        {
            values = call[0] as SpellList ?? SpellList.Empty;
        }

        var functions = new List<SpellCallback>();
        var index = 0;
        foreach (var value in values)
        {
            var where = names is null ? $"item {index + 1}" : $"'{names[index]}'";
            functions.Add(value as SpellCallback ?? throw call.BadArgument(0, $"must hold only functions; {where} is not a function but {Article(SpellValue.TypeName(value.Kind))}"));
            index++;
        }

        return (names, functions);
    }

    private static string Article(string noun) => ("aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun;
}
