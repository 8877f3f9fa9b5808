using System.Net;
using System.Text.Json;
using Xunit;

namespace LlmSpell.Functions.Tests.HttpContract;

public sealed class ServeFixture : IAsyncLifetime
{
    public ServeServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await ServeServer.StartAsync();

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

public sealed class FunctionsFixture : IAsyncLifetime
{
    public FunctionsServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await FunctionsServer.StartAsync();

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

/// <summary>The contract on the Functions app's HTTP functions.</summary>
public sealed class FunctionsHttpContractTests(FunctionsFixture fixture) : SpellHttpContract, IClassFixture<FunctionsFixture>
{
    protected override ISpellServer Server => fixture.Server;
}

/// <summary>The contract on <c>llmspell serve</c>, and what only serve does itself: durable runs' management routes.</summary>
public sealed class ServeHttpContractTests(ServeFixture fixture) : SpellHttpContract, IClassFixture<ServeFixture>
{
    protected override ISpellServer Server => fixture.Server;

    [Fact]
    public async Task A_workflow_starts_with_202_and_its_status_URL_reaches_completed()
    {
        var ct = TestContext.Current.CancellationToken;
        using var started = await PostAsync("/api/workflows/digest", """{ "topic": "tides" }""");
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        using var urls = JsonDocument.Parse(await started.Content.ReadAsStringAsync(ct));
        var status = urls.RootElement.GetProperty("statusQueryGetUri").GetString()!;
        Assert.Equal(status, started.Headers.Location?.ToString());
        foreach (var url in new[] { "sendEventPostUri", "terminatePostUri", "purgeHistoryDeleteUri", "suspendPostUri", "resumePostUri" })
        {
            Assert.StartsWith(status, urls.RootElement.GetProperty(url).GetString(), StringComparison.Ordinal);
        }

        using var finished = await FinishedAsync(status);
        Assert.Equal("Completed", finished.RootElement.GetProperty("runtimeStatus").GetString());
        var output = finished.RootElement.GetProperty("output");
        Assert.Equal("tides", output.GetProperty("topic").GetString());
        // Its last step kept the digest as an artifact, in serve's embedded store.
        Assert.Equal("digests/tides.md", output.GetProperty("artifact").GetString());
        var kept = Path.Combine(fixture.Server.WorkingDirectory, ".llmspell", "artifacts", "digest", "data", "digests", "tides.md");
        Assert.StartsWith("# tides", await File.ReadAllTextAsync(kept, ct), StringComparison.Ordinal);

        // An unknown run is a 404.
        using var unknown = await fixture.Server.Client.GetAsync("/runtime/webhooks/durabletask/instances/no-such-run", ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_run_id_in_use_is_a_409_and_the_management_URLs_raise_and_terminate()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = "approval-" + Guid.NewGuid().ToString("N")[..8];
        using var started = await PostAsync($"/api/workflows/approval?id={id}", """{ "who": "ada" }""");
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        using var urls = JsonDocument.Parse(await started.Content.ReadAsStringAsync(ct));
        Assert.Equal(id, urls.RootElement.GetProperty("id").GetString());
        using var again = await PostAsync($"/api/workflows/approval?id={id}", """{ "who": "bob" }""");
        using var conflict = await ProblemAsync(again, HttpStatusCode.Conflict, "workflow_error");

        var raise = urls.RootElement.GetProperty("sendEventPostUri").GetString()!.Replace("{eventName}", "approve", StringComparison.Ordinal);
        using var raised = await fixture.Server.Client.PostAsync(raise, new StringContent("""{ "by": "grace" }"""), ct);
        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        using (var approved = await FinishedAsync(urls.RootElement.GetProperty("statusQueryGetUri").GetString()!))
        {
            Assert.Equal("approved by grace", approved.RootElement.GetProperty("output").GetString());
        }

        // A second run, ended from outside.
        using var other = await PostAsync("/api/workflows/approval", "{}");
        using var otherUrls = JsonDocument.Parse(await other.Content.ReadAsStringAsync(ct));
        var terminate = otherUrls.RootElement.GetProperty("terminatePostUri").GetString()!.Replace("{text}", "no%20longer%20needed", StringComparison.Ordinal);
        using var terminated = await fixture.Server.Client.PostAsync(terminate, null, ct);
        Assert.Equal(HttpStatusCode.Accepted, terminated.StatusCode);
        using var ended = await FinishedAsync(otherUrls.RootElement.GetProperty("statusQueryGetUri").GetString()!);
        Assert.Equal("Terminated", ended.RootElement.GetProperty("runtimeStatus").GetString());
    }

    [Fact]
    public async Task An_artifact_link_serves_that_artifact_without_the_key_until_it_expires()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var keyed = await ServeServer.StartAsync("--api-key", "s3cret");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/spells/keep") { Content = new StringContent("""{ "text": "# kept" }""") };
        request.Headers.Add("x-functions-key", "s3cret");
        using var ran = await keyed.Client.SendAsync(request, ct);
        using var report = JsonDocument.Parse(await ran.Content.ReadAsStringAsync(ct));
        var url = new Uri(report.RootElement.GetProperty("result").GetProperty("url").GetString()!);
        Assert.Equal(keyed.Client.BaseAddress!.Authority, url.Authority);

        using var anonymous = new HttpClient();
        using var fetched = await anonymous.GetAsync(url, ct);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("text/markdown", fetched.Content.Headers.ContentType?.MediaType);
        Assert.Equal("# kept", await fetched.Content.ReadAsStringAsync(ct));

        // A link is good for its own artifact only, and not once tampered with or expired.
        foreach (var forged in new[] { url.AbsoluteUri.Replace("today.md", "other.md", StringComparison.Ordinal), url.AbsoluteUri.Replace("sig=", "sig=x", StringComparison.Ordinal),
                     System.Text.RegularExpressions.Regex.Replace(url.AbsoluteUri, "expires=\\d+", "expires=1") })
        {
            using var refused = await anonymous.GetAsync(forged, ct);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
    }

    /// <summary>Polls a status URL as a Durable Functions client does: 202 while the run goes on, 200 once it has ended.</summary>
    private async Task<JsonDocument> FinishedAsync(string statusUri)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            using var poll = await fixture.Server.Client.GetAsync(statusUri, TestContext.Current.CancellationToken);
            var body = JsonDocument.Parse(await poll.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            if (poll.StatusCode == HttpStatusCode.OK)
            {
                return body;
            }
            using (body)
            {
                Assert.Equal(HttpStatusCode.Accepted, poll.StatusCode);
                Assert.True(DateTime.UtcNow < deadline, $"still {body.RootElement.GetProperty("runtimeStatus")} after 60 s");
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    [Theory]
    [InlineData("hello.lua")]
    [InlineData("hello.js")]
    [InlineData("hello.tengo")]
    public async Task Each_language_s_hello_example_answers_over_HTTP_with_a_manifest_beside_it(string example)
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("llmspell-hello-");
        try
        {
            File.Copy(Path.Combine(Testing.LlmSpellProcess.Examples, example), Path.Combine(folder.FullName, example));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "hello.spell.json"), """{ "name": "hello", "input": { "type": "object", "properties": { "name": { "type": "string" } } } }""", ct);
            await using var server = await ServeServer.StartInAsync(folder.FullName);
            using var response = await server.Client.PostAsync("/api/spells/hello", new StringContent("""{ "name": "Ada" }"""), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            using var report = JsonDocument.Parse(body);
            Assert.Equal(Path.GetExtension(example).TrimStart('.'), report.RootElement.GetProperty("engine").GetString());
            Assert.Contains("Ada", report.RootElement.GetProperty("result").ToString(), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_served_key_is_required_on_every_route_but_healthz()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var keyed = await ServeServer.StartAsync("--api-key", "s3cret");
        using var health = await keyed.Client.GetAsync("/healthz", ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var without = await keyed.Client.GetAsync("/api/spells", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        using var wrong = await keyed.Client.GetAsync("/api/spells?code=nope", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/spells");
        request.Headers.Add("x-functions-key", "s3cret");
        using var with = await keyed.Client.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        using var byCode = await keyed.Client.GetAsync("/api/spells?code=s3cret", ct);
        Assert.Equal(HttpStatusCode.OK, byCode.StatusCode);
    }
}
