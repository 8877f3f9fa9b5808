using LlmSpell.Engines.JavaScript;
using LlmSpell.State;
using LlmSpell.Testing;
using LlmSpell.Values;
using Xunit;

namespace LlmSpell.Integration;

/// <summary>Spells on the file store, whose calls really are asynchronous, unlike the memory store's.</summary>
public sealed class FileStateSpellTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("llmspell-filestate-").FullName;

    [Fact]
    public async Task Sequential_updates_with_async_functions_all_complete()
    {
        // Regression: an update of a key not yet stored completes its read at once, so its async
        // function used to be started inside Jint's own job and never settled.
        var host = new SpellTestHost([new JavaScriptEngine()], state: new FileStateStore(_root));
        var outcome = await host.RunAsync("updates.js", """
            const results = [];
            for (let i = 0; i < 5; i++) {
              results.push(await state.update("counter" + i, async (old) => { await null; return (old ?? i) + 1; }));
            }
            return results;
            """, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(SpellJson.Parse("[1,2,3,4,5]"), outcome.Value);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
