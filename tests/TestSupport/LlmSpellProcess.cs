using System.Diagnostics;

namespace LlmSpell.Testing;

/// <summary>
/// Runs the real llmspell program in a scratch working directory, as a user would. The test project
/// must reference src/Cli so that llmspell.dll sits beside the tests.
/// </summary>
public sealed class LlmSpellProcess : IDisposable
{
    public LlmSpellProcess() => Directory.CreateDirectory(WorkingDirectory);

    public string WorkingDirectory { get; } = Path.Combine(Path.GetTempPath(), "llmspell-cli-" + Guid.NewGuid().ToString("N"));

    /// <summary>Environment variables for the process; provider keys of the machine are never passed on.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    private static readonly string[] ProviderVariables = ["OPENAI_API_KEY", "OPENAI_BASE_URL", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "GEMINI_API_KEY", "GEMINI_BASE_URL", "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY", "OLLAMA_HOST", "LLMSPELL_MODEL"];

    /// <summary>The repository's examples folder, found from the test binaries.</summary>
    public static string Examples
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LlmSpell.sln")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("repository root not found"), "examples");
        }
    }

    public string Write(string name, string content)
    {
        var path = Path.Combine(WorkingDirectory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public async Task<(int ExitCode, string Out, string Error)> RunWithInputAsync(string stdin, params string[] arguments)
    {
        var start = StartInfo(arguments);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await output).Replace("\r\n", "\n", StringComparison.Ordinal), (await error).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    /// <summary>
    /// Starts a long-running command (a worker) and returns at once; its output is kept in
    /// <see cref="BackgroundProcess.Output"/>. The caller stops or kills it.
    /// </summary>
    public BackgroundProcess StartBackground(params string[] arguments) => new(Process.Start(StartInfo(arguments))!);

    private ProcessStartInfo StartInfo(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "llmspell.dll"));
        foreach (var variable in ProviderVariables)
        {
            start.Environment.Remove(variable);
        }

        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    public Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] arguments) => RunWithInputAsync("", arguments);

    public void Dispose()
    {
        if (Directory.Exists(WorkingDirectory))
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
    }
}
