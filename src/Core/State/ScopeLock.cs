using LlmSpell.Errors;

namespace LlmSpell.State;

/// <summary>
/// An exclusive lock on one state scope folder, shared by every process on the machine (and by
/// hosts on a network share that honours locks): the file <c>.lock</c> opened with
/// <see cref="FileShare.None"/>, which .NET takes as an OS lock that dies with its process, so a
/// crashed writer never leaves the scope locked. The file itself stays: deleting it would let two
/// writers lock two different files of the same name. No escaped key can be named ".lock".
/// </summary>
internal sealed class ScopeLock : IAsyncDisposable
{
    public const string FileName = ".lock";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly FileStream _file;

    private ScopeLock(FileStream file) => _file = file;

    public static async ValueTask<ScopeLock> AcquireAsync(string folder, string key, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, FileName);
        var deadline = DateTime.UtcNow + Patience;
        var wait = 1;
        while (true)
        {
            try
            {
                Directory.CreateDirectory(folder);
                return new ScopeLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (IOException ex) when (ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
            {
                // Held by another writer: writes are short, so wait a little, growing, with jitter.
                if (DateTime.UtcNow > deadline)
                {
                    throw new SpellException(SpellErrorCode.StateError, $"cannot write state key '{key}': its folder stayed locked by another writer for {Patience.TotalSeconds:0} s ({path})", ex);
                }

                await Task.Delay(Random.Shared.Next(wait, wait * 2 + 1), cancellationToken).ConfigureAwait(false);
                wait = Math.Min(wait * 2, 50);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new SpellException(SpellErrorCode.StateError, $"cannot write state key '{key}': {ex.Message}", ex);
            }
        }
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
