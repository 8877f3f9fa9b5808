using System.Text.RegularExpressions;
using LlmSpell.Testing;

namespace LlmSpell.Functions.Tests.HttpContract;

/// <summary><c>llmspell serve</c> as a process on a free loopback port, with the embedded engine and worker.</summary>
public sealed partial class ServeServer : ISpellServer
{
    private readonly LlmSpellProcess _cli = new();
    private BackgroundProcess? _process;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The process's folder: its content root, with the embedded stores under <c>.llmspell</c>.</summary>
    public string WorkingDirectory => _cli.WorkingDirectory;

    public static Task<ServeServer> StartAsync(params string[] extraArguments) =>
        StartInAsync(Path.Combine(AppContext.BaseDirectory, "contract"), extraArguments);

    /// <summary>Serves the spells of <paramref name="spells"/>.</summary>
    public static Task<ServeServer> StartInAsync(string spells, params string[] extraArguments) =>
        StartWithAsync(spells, _ => { }, extraArguments);

    /// <summary>Serves the spells of <paramref name="spells"/> from a working folder <paramref name="prepare"/> sets up (settings files, environment).</summary>
    public static async Task<ServeServer> StartWithAsync(string spells, Action<LlmSpellProcess> prepare, params string[] extraArguments)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        var server = new ServeServer();
        prepare(server._cli);
        server._process = server._cli.StartBackground(["serve", "--urls", "http://127.0.0.1:0", "--spells", spells, .. extraArguments]);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (Listening().Match(server._process.Output) is not { Success: true } match)
        {
            if (server._process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"llmspell serve did not start:\n{server._process.Output}");
            }
            await Task.Delay(50);
        }
        server.Client = new HttpClient { BaseAddress = new Uri(Listening().Match(server._process.Output).Groups[1].Value) };
        return server;
    }

    public ValueTask DisposeAsync()
    {
        Client?.Dispose();
        _process?.Dispose();
        _cli.Dispose();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"llmspell serve: \d+ spell\(s\) on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
