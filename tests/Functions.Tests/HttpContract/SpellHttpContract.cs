using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit;

namespace LlmSpell.Functions.Tests.HttpContract;

/// <summary>
/// The HTTP contract every server face keeps, written once and run against each: listing, running
/// with the JSON body as input, problem documents with statuses by error category, and server-sent
/// events while a spell runs.
/// </summary>
public abstract class SpellHttpContract
{
    protected abstract ISpellServer Server { get; }

    private HttpClient Client => Server.Client;

    [Fact]
    public async Task The_listing_names_every_served_spell_with_its_triggers_and_input_schema()
    {
        using var listing = await GetJsonAsync("/api/spells");
        var spells = listing.RootElement.GetProperty("spells").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(["approval", "digest", "fails", "greet", "helpdesk", "keep", "private", "spin", "story"], spells.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("helpdesk-in", spells["helpdesk"].GetProperty("triggers").GetProperty("queue").GetString());
        Assert.Equal("0 0 7 * * *", spells["digest"].GetProperty("triggers").GetProperty("schedule").GetProperty("cron").GetString());
        var greet = spells["greet"];
        Assert.Equal("lua", greet.GetProperty("engine").GetString());
        Assert.Equal(64, greet.GetProperty("hash").GetString()!.Length);
        Assert.True(greet.GetProperty("triggers").GetProperty("http").GetBoolean());
        Assert.Equal("name", greet.GetProperty("input").GetProperty("required")[0].GetString());
        Assert.False(spells["private"].GetProperty("triggers").GetProperty("http").GetBoolean());
    }

    [Fact]
    public async Task A_run_answers_with_its_result_and_report()
    {
        using var response = await PostAsync("/api/spells/greet", """{ "name": "Ada", "tone": "formal" }""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("greet@", response.Headers.GetValues("X-LlmSpell-Spell").Single(), StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = report.RootElement;
        Assert.True(root.GetProperty("ok").GetBoolean());
        Assert.Equal("Ada", root.GetProperty("result").GetProperty("name").GetString());
        Assert.Equal("formal", root.GetProperty("result").GetProperty("tone").GetString());
        Assert.Contains("Ada", root.GetProperty("result").GetProperty("reply").GetString(), StringComparison.Ordinal);
        Assert.Equal("greeted Ada\n", root.GetProperty("output").GetString());
        Assert.True(root.GetProperty("usage").GetProperty("calls").GetInt32() >= 1, root.GetProperty("usage").ToString());
        Assert.True(root.GetProperty("elapsed_ms").GetDouble() > 0);
    }

    [Theory]
    [InlineData("""{ "name": 5 }""", "bad_argument", "input.name")]
    [InlineData("""{ "name": "Ada", "colour": "red" }""", "bad_argument", "colour")]
    [InlineData("""{ }""", "bad_argument", "name")]
    [InlineData("""{ "name": """, "invalid_json", "not JSON")]
    [InlineData("""[1, 2]""", "bad_argument", "JSON object")]
    public async Task Bad_input_is_a_400_problem_before_the_spell_runs(string body, string code, string names)
    {
        using var response = await PostAsync("/api/spells/greet", body);
        using var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, code);
        Assert.Contains(names, problem.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spell_error_is_a_422_problem_with_its_code_file_and_line()
    {
        using var response = await PostAsync("/api/spells/fails", """{ "item": "tea" }""");
        using var problem = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "out_of_stock");
        var root = problem.RootElement;
        Assert.Equal("no tea left", root.GetProperty("message").GetString());
        Assert.Equal("fails.lua", Path.GetFileName(root.GetProperty("file").GetString()));
        Assert.Equal(2, root.GetProperty("line").GetInt32());
        Assert.Equal("about to fail\n", root.GetProperty("output").GetString());
    }

    [Fact]
    public async Task A_run_out_of_time_is_a_504_problem()
    {
        using var response = await PostAsync("/api/spells/spin", "{}");
        using var _ = await ProblemAsync(response, HttpStatusCode.GatewayTimeout, "timeout");
    }

    [Theory]
    [InlineData("nowhere")]
    [InlineData("private")]
    public async Task A_spell_not_served_over_HTTP_is_a_404_problem(string name)
    {
        using var response = await PostAsync($"/api/spells/{name}", "{}");
        using var _ = await ProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Asking_for_events_streams_chunks_and_output_then_the_result()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/spells/story") { Content = new StringContent("""{ "about": "tides" }""", Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = ParseEvents(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var chunks = events.Where(e => e.Name == "chunk").Select(e => JsonSerializer.Deserialize<string>(e.Data)!).ToList();
        Assert.True(chunks.Count >= 2, $"expected several chunks, got {chunks.Count}");
        Assert.Equal("output", events[^2].Name);
        Assert.Equal($"told a story of {chunks.Count} chunks", events[^2].Data);
        Assert.Equal("result", events[^1].Name);
        using var report = JsonDocument.Parse(events[^1].Data);
        Assert.Equal(string.Concat(chunks), report.RootElement.GetProperty("result").GetProperty("text").GetString());
        Assert.DoesNotContain(events, e => e.Name == "error");
    }

    [Fact]
    public async Task A_failing_run_ends_its_event_stream_with_the_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/spells/fails") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        var events = ParseEvents(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(("output", "about to fail"), events[0]);
        Assert.Equal("error", events[^1].Name);
        using var problem = JsonDocument.Parse(events[^1].Data);
        Assert.Equal("out_of_stock", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(422, problem.RootElement.GetProperty("status").GetInt32());
    }

    protected async Task<HttpResponseMessage> PostAsync(string path, string body) =>
        await Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    protected async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    protected static async Task<JsonDocument> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body);
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.EndsWith("/" + code, problem.RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);
        return problem;
    }

    private static List<(string Name, string Data)> ParseEvents(string stream)
    {
        var events = new List<(string, string)>();
        foreach (var block in stream.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = block.Split('\n');
            var name = lines.Single(l => l.StartsWith("event: ", StringComparison.Ordinal))["event: ".Length..];
            events.Add((name, string.Join('\n', lines.Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).Select(l => l["data: ".Length..]))));
        }
        return events;
    }
}
