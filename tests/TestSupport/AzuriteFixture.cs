using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LlmSpell.Testing;

/// <summary>
/// The real Azure Storage emulator, installed by scripts/test (npm ci in tests/azurite) and run
/// here on free loopback ports with its data in a temp folder. It can be restarted on the same
/// ports and data, which is how a test simulates the storage service going away for a while.
/// </summary>
public sealed class AzuriteFixture : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string _location = Directory.CreateTempSubdirectory("llmspell-azurite-").FullName;
    private readonly int _blobPort = FreePort();
    private readonly int _queuePort = FreePort();
    private readonly int _tablePort = FreePort();
    private static readonly string[] Services = ["Blob", "Queue", "Table"];
    private readonly TcpProxy[] _proxies;
    private Process? _process;
    private readonly StringBuilder _log = new();

    public AzuriteFixture()
    {
        StartAsync().GetAwaiter().GetResult();
        _proxies = [new TcpProxy(_blobPort), new TcpProxy(_queuePort), new TcpProxy(_tablePort)];
    }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{_proxies[0].Port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_proxies[1].Port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{_proxies[2].Port}/devstoreaccount1;";

    public static string Executable
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LlmSpell.sln")))
            {
                directory = directory.Parent;
            }
            var path = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("repository root not found"), "tests", "azurite", "node_modules", ".bin", "azurite");
            return File.Exists(path) ? path : throw new InvalidOperationException($"Azurite is not installed at {path}; run 'npm ci --prefix tests/azurite' (scripts/test does).");
        }
    }

    /// <summary>
    /// Restarts the emulator mid-run: clients are cut off first (their connections reset, new ones
    /// refused), then Azurite is stopped, saving its data as it does on exit, and started again on
    /// the same data; clients get through again <paramref name="downtime"/> after the cut.
    /// </summary>
    public async Task RestartAsync(TimeSpan downtime)
    {
        var cut = Stopwatch.StartNew();
        foreach (var proxy in _proxies)
        {
            proxy.Down();
        }
        if (_process is { HasExited: false } running)
        {
            using (var terminate = Process.Start("kill", ["-TERM", running.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await terminate.WaitForExitAsync();
            }
            // Azurite saves and closes its three services but may linger after; it is killed once they are closed.
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (!running.HasExited && !AllClosed())
            {
                await Task.Delay(100, patience.Token);
            }
        }
        Stop();
        lock (_log)
        {
            _log.Clear();
        }
        await StartAsync();
        if (downtime > cut.Elapsed)
        {
            await Task.Delay(downtime - cut.Elapsed);
        }
        foreach (var proxy in _proxies)
        {
            proxy.Up();
        }
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var proxy in _proxies)
        {
            await proxy.DisposeAsync();
        }
        Stop();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp sweeper.
        }
    }

    private async Task StartAsync()
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "--location", _location, "--silent", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl",
            "--blobHost", "127.0.0.1", "--blobPort", $"{_blobPort}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{_queuePort}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{_tablePort}",
        })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        foreach (var port in new[] { _blobPort, _queuePort, _tablePort })
        {
            while (!await IsListeningAsync(port))
            {
                if (_process.HasExited || deadline.IsCancellationRequested)
                {
                    lock (_log)
                    {
                        throw new InvalidOperationException($"Azurite did not start listening on port {port}:\n{_log}");
                    }
                }
                await Task.Delay(100);
            }
        }
    }

    private bool AllClosed()
    {
        lock (_log)
        {
            var log = _log.ToString();
            return Services.All(service => log.Contains($"Azurite {service} service successfully closed", StringComparison.Ordinal));
        }
    }

    private static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort() => LoopbackPorts.Free();
}
