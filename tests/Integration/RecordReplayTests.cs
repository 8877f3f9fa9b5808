using LlmSpell.FakeProviders;
using LlmSpell.Testing;
using Xunit;

namespace LlmSpell.Integration;

/// <summary>--record saves a run's provider exchanges; --replay answers from them with no server at all.</summary>
public sealed class RecordReplayTests : IDisposable
{
    private const string Spell = """
        local chunks = {}
        local streamed = llm.stream("tell a story", nil, function(c) chunks[#chunks + 1] = c end)
        local reply = llm.chat({ { role = "user", content = "and then?" } })
        print(streamed)
        return { streamed = streamed, chunks = #chunks, reply = reply.content, usage = llm.usage() }
        """;

    private readonly LlmSpellProcess _llmspell = new();

    [Fact]
    public async Task A_recorded_run_replays_byte_for_byte_with_no_server_running()
    {
        var spell = _llmspell.Write("story.lua", Spell);
        (int ExitCode, string Out, string Error) recorded;
        await using (var server = await OpenAiCompatibleServer.StartAsync())
        {
            server.Enqueue(FakeReply.Answer("once upon a time there was a spell", 4, 8), FakeReply.Answer("it ran offline forever after", 3, 5));
            _llmspell.Environment["OPENAI_API_KEY"] = "sk-secret-never-recorded";
            _llmspell.Environment["OPENAI_BASE_URL"] = server.BaseUrl.ToString();
            recorded = await _llmspell.RunAsync("run", spell, "--json", "--record", "story.jsonl");
            Assert.True(recorded.ExitCode == 0, recorded.Error);
            Assert.Equal(2, server.Requests.Count);
        }

        // The server is gone: any request that reached the network would fail.
        var replayed = await _llmspell.RunAsync("run", spell, "--json", "--replay", "story.jsonl");

        Assert.True(replayed.ExitCode == 0, replayed.Error);
        Assert.Equal(WithoutTimings(recorded.Out), WithoutTimings(replayed.Out));
        Assert.Contains("once upon a time there was a spell", replayed.Out, StringComparison.Ordinal);
        var recording = await File.ReadAllTextAsync(Path.Combine(_llmspell.WorkingDirectory, "story.jsonl"), TestContext.Current.CancellationToken);
        Assert.Equal(2, recording.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("sk-secret-never-recorded", recording, StringComparison.Ordinal);
        Assert.Contains("text/event-stream", recording, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_was_not_recorded_fails_clearly()
    {
        var spell = _llmspell.Write("story.lua", Spell);
        await using (var server = await OpenAiCompatibleServer.StartAsync())
        {
            _llmspell.Environment["OPENAI_API_KEY"] = "k";
            _llmspell.Environment["OPENAI_BASE_URL"] = server.BaseUrl.ToString();
            var recorded = await _llmspell.RunAsync("run", spell, "--record", "story.jsonl");
            Assert.True(recorded.ExitCode == 0, recorded.Error);
        }

        var changed = _llmspell.Write("changed.lua", Spell.Replace("tell a story", "tell another story", StringComparison.Ordinal));
        var (exit, _, error) = await _llmspell.RunAsync("run", changed, "--replay", "story.jsonl");

        Assert.Equal(4, exit);
        Assert.Contains("has no recorded answer for POST /v1/chat/completions", error, StringComparison.Ordinal);
        Assert.Contains("tell another story", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_and_replay_together_is_bad_usage()
    {
        var (exit, _, error) = await _llmspell.RunAsync("run", _llmspell.Write("x.lua", "return 1"), "--record", "a", "--replay", "b");
        Assert.Equal(2, exit);
        Assert.Contains("--record and --replay cannot be used together", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_recording_is_bad_usage()
    {
        var (exit, _, error) = await _llmspell.RunAsync("run", _llmspell.Write("x.lua", "return 1"), "--replay", "nope.jsonl");
        Assert.Equal(2, exit);
        Assert.Contains("recording not found", error, StringComparison.Ordinal);
    }

    private static string WithoutTimings(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "\"elapsed_ms\": [0-9.]+", "\"elapsed_ms\": 0");

    public void Dispose() => _llmspell.Dispose();
}
