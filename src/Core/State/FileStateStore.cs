using System.Text;
using LlmSpell.Errors;
using LlmSpell.Values;

namespace LlmSpell.State;

/// <summary>
/// State on the local disk: <c>ROOT/SCOPE/KEY.json</c>, one file per key. A write goes to a temporary
/// file that then replaces the old one, so a crash mid-write never loses the previous value. Writers
/// of a scope, in any process, take the scope's lock file (<see cref="ScopeLock"/>) for the moment of
/// writing, which makes <see cref="TryReplaceAsync"/> a true compare-and-swap; a version is the
/// SHA-256 of the stored bytes.
/// </summary>
public sealed class FileStateStore : IStateStore
{
    private const string Extension = ".json";
    private readonly string _root;

    public FileStateStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
    }

    public string Root => _root;

    public async ValueTask<SpellValue?> GetAsync(string scope, string key, CancellationToken cancellationToken = default) =>
        (await ReadAsync(scope, key, cancellationToken).ConfigureAwait(false)).Value;

    public async ValueTask<StateEntry> ReadAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(scope, key);
        if (await ReadBytesAsync(path, key, cancellationToken).ConfigureAwait(false) is not { } bytes)
        {
            return StateEntry.Absent;
        }

        try
        {
            return new StateEntry(SpellJson.Parse(bytes), VersionOf(bytes));
        }
        catch (SpellException ex)
        {
            throw new SpellException(SpellErrorCode.StateError, $"state key '{key}' is corrupt ({path}): {ex.Message}", ex);
        }
    }

    public async ValueTask SetAsync(string scope, string key, SpellValue value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        StateKeys.RejectFunctions(value);
        var path = PathOf(scope, key);
        await using var held = await ScopeLock.AcquireAsync(Path.GetDirectoryName(path)!, key, cancellationToken).ConfigureAwait(false);
        await WriteAsync(path, key, value, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> DeleteAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(scope, key);
        if (!File.Exists(path))
        {
            return false;
        }

        await using var held = await ScopeLock.AcquireAsync(Path.GetDirectoryName(path)!, key, cancellationToken).ConfigureAwait(false);
        return Remove(path, key);
    }

    public async ValueTask<bool> TryReplaceAsync(string scope, string key, StateEntry expected, SpellValue? value, CancellationToken cancellationToken = default)
    {
        if (value is not null)
        {
            StateKeys.RejectFunctions(value);
        }

        var path = PathOf(scope, key);
        // The lock covers only compare-and-write, never the caller's computation, so a slow update
        // cannot stall other writers; every writer of the scope (Set and Delete too) takes it.
        await using var held = await ScopeLock.AcquireAsync(Path.GetDirectoryName(path)!, key, cancellationToken).ConfigureAwait(false);
        var current = await ReadBytesAsync(path, key, cancellationToken).ConfigureAwait(false);
        if ((current is null ? null : VersionOf(current)) != expected.Version)
        {
            return false;
        }

        if (value is null)
        {
            Remove(path, key);
        }
        else
        {
            await WriteAsync(path, key, value, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static async ValueTask<byte[]?> ReadBytesAsync(string path, string key, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A folder where the value's file should be reads as "access denied" on Linux.
            var why = Directory.Exists(path) ? "a folder stands where its file should be" : ex.Message;
            throw new SpellException(SpellErrorCode.StateError, $"cannot read state key '{key}': {why} ({path})", ex);
        }
    }

    private static async ValueTask WriteAsync(string path, string key, SpellValue value, CancellationToken cancellationToken)
    {
        var json = Encoding.UTF8.GetBytes(SpellJson.Serialize(value));
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(json, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new SpellException(SpellErrorCode.StateError, $"cannot write state key '{key}': {ex.Message}", ex);
        }
    }

    private static bool Remove(string path, string key)
    {
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SpellException(SpellErrorCode.StateError, $"cannot delete state key '{key}': {ex.Message}", ex);
        }
    }

    private static string VersionOf(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    public ValueTask<IReadOnlyList<string>> KeysAsync(string scope, string prefix, CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(_root, FolderName(scope));
        IReadOnlyList<string> keys = !Directory.Exists(directory)
            ? []
            : [.. Directory.EnumerateFiles(directory, "*" + Extension)
                .Select(f => Unescape(Path.GetFileNameWithoutExtension(f)))
                .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)];
        return ValueTask.FromResult(keys);
    }

    private string PathOf(string scope, string key)
    {
        StateKeys.Validate(scope, key);
        var file = Escape(key) + Extension;
        if (file.Length > MaxFileName)
        {
            throw new SpellException(SpellErrorCode.BadArgument,
                $"state key '{key[..Math.Min(key.Length, 40)]}…' is {file.Length} bytes as a file name (letters, digits, '-' and '_' take one; other characters three per UTF-8 byte); the file state store allows {MaxFileName}");
        }
        return Path.Combine(_root, FolderName(scope), file);
    }

    private const int MaxFileName = 255;

    /// <summary>
    /// A scope's folder: its escaped name, or — when that is longer than a file name may be (a long
    /// spell name in other letters than a-z) — the start of it and a hash of the whole. Folders are
    /// never read back into names, so nothing depends on reversing this.
    /// </summary>
    internal static string FolderName(string scope)
    {
        var escaped = Escape(scope);
        if (escaped.Length <= 200)
        {
            return escaped;
        }
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(scope)))[..16];
        var prefix = escaped[..180];
        // Never cut inside a %XX escape.
        var cut = prefix.LastIndexOf('%');
        if (cut >= 178)
        {
            prefix = prefix[..cut];
        }
        return prefix + "~" + hash;
    }

    /// <summary>
    /// Keys become file names: everything but ASCII letters, digits, '-' and '_' is written as %XX of
    /// its UTF-8 bytes, so no key can climb out of its folder ('..', '/') or collide on a
    /// case-insensitive disk (upper-case letters are escaped too).
    /// </summary>
    internal static string Escape(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    internal static string Unescape(string fileName)
    {
        var bytes = new List<byte>(fileName.Length);
        for (var i = 0; i < fileName.Length; i++)
        {
            if (fileName[i] == '%' && i + 2 < fileName.Length)
            {
                bytes.Add(Convert.ToByte(fileName.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)fileName[i]);
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a stray temporary file is harmless and never read as state.
        }
    }
}
