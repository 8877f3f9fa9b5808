using System.Security.Cryptography;
using System.Text;
using LlmSpell.Errors;

namespace LlmSpell.Running;

/// <summary>The source of one spell. Its content hash identifies it (runs are pinned to it).</summary>
public sealed class SpellScript
{
    /// <param name="id">The spell's identity (see <see cref="Id"/>); by default its name without the extension.</param>
    public SpellScript(string name, string source, string? path = null, string? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(source);
        Name = name;
        Source = source;
        Path = path;
        Id = string.IsNullOrWhiteSpace(id) ? System.IO.Path.GetFileNameWithoutExtension(name) : id;
        ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)));
    }

    /// <summary>The name used in error locations (<c>hello.lua:3</c>): the file name as the user gave it.</summary>
    public string Name { get; }

    /// <summary>
    /// Who the spell is, unique in its project: its state, workspace and durable runs are kept under
    /// this. A file's path relative to the content root, without the extension and with '/' between
    /// folders (<c>a/main.lua</c> is <c>a/main</c>, so it never shares state with <c>b/main.lua</c>);
    /// a file outside the content root is known by its full path. See README, "How a spell is named".
    /// </summary>
    public string Id { get; }

    public string Source { get; }

    public string? Path { get; }

    public string ContentHash { get; }

    /// <summary>The language named by a <c>#!llmspell lua</c> first line, if any.</summary>
    public string? ShebangLanguage
    {
        get
        {
            if (!Source.StartsWith("#!", StringComparison.Ordinal)) return null;
            var end = Source.IndexOf('\n', StringComparison.Ordinal);
            var words = (end < 0 ? Source[2..] : Source[2..end]).Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            // Both "#!llmspell lua" and "#!/usr/bin/env llmspell lua".
            var start = words.Length > 0 && System.IO.Path.GetFileName(words[0]) == "env" ? 1 : 0;
            return words.Length >= start + 2 && System.IO.Path.GetFileName(words[start]) == "llmspell" ? words[start + 1] : null;
        }
    }

    /// <summary>
    /// The source with a shebang line blanked out (not removed, so line numbers stay true). Engines
    /// call this; neither Lua's nor JavaScript's parser accepts <c>#!</c> in every position we allow it.
    /// </summary>
    public string SourceWithoutShebang
    {
        get
        {
            if (!Source.StartsWith("#!", StringComparison.Ordinal)) return Source;
            var end = Source.IndexOf('\n', StringComparison.Ordinal);
            return end < 0 ? "" : Source[end..];
        }
    }

    /// <param name="contentRoot">The project's folder, which the spell's <see cref="Id"/> is relative to.</param>
    public static async Task<SpellScript> LoadAsync(string path, SandboxLimits limits, string contentRoot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new SpellException(SpellErrorCode.NotFound, $"spell file not found: {path}");
        }

        // Devices (/dev/zero), FIFOs and sockets report a length of 0 and may never end, or block
        // the reader for ever: .NET cannot tell them from an empty file without opening them, and an
        // empty file is no spell either. No more than the source limit is ever read, whatever the
        // file claims.
        if (RegularLength(info) is not > 0)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"{path}: empty, or not a regular file (a device, FIFO or socket); a spell is a file of source text");
        }

        if (info.Length > limits.MaxSourceBytes)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"{path}: the spell is {info.Length} bytes; the limit is {limits.MaxSourceBytes}");
        }

        var source = await ReadAtMostAsync(path, limits.MaxSourceBytes, cancellationToken).ConfigureAwait(false);
        var fullPath = System.IO.Path.GetFullPath(path);
        return new SpellScript(System.IO.Path.GetFileName(path), source, fullPath, IdOf(fullPath, contentRoot));
    }

    /// <summary>The length of the file, or of the file a link leads to; null when the link leads nowhere real (/dev/stdin → pipe:[…]).</summary>
    private static long? RegularLength(FileInfo info)
    {
        try
        {
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
            return target is { Exists: true } ? target.Length : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static async Task<string> ReadAtMostAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, Options = FileOptions.Asynchronous });
        var buffer = new byte[Math.Min(maxBytes + 1, 1 << 20)];
        using var collected = new MemoryStream();
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            collected.Write(buffer, 0, read);
            if (collected.Length > maxBytes)
            {
                throw new SpellException(SpellErrorCode.BadArgument, $"{path}: the spell is more than {maxBytes} bytes, the limit");
            }
        }
        collected.Position = 0;
        using var reader = new StreamReader(collected, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The <see cref="Id"/> of the spell file at <paramref name="fullPath"/> in a project at <paramref name="contentRoot"/>.</summary>
    public static string IdOf(string fullPath, string contentRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        var relative = System.IO.Path.GetRelativePath(System.IO.Path.GetFullPath(contentRoot), fullPath);
        var id = System.IO.Path.ChangeExtension(IsInside(relative) ? relative : fullPath, null);
        return id.Replace(System.IO.Path.DirectorySeparatorChar, '/');
    }

    /// <summary>Whether <paramref name="fullPath"/> lies in the project at <paramref name="contentRoot"/>.</summary>
    public static bool IsInProject(string fullPath, string contentRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        return IsInside(System.IO.Path.GetRelativePath(System.IO.Path.GetFullPath(contentRoot), fullPath));
    }

    private static bool IsInside(string relativePath) =>
        !relativePath.StartsWith("..", StringComparison.Ordinal) && !System.IO.Path.IsPathRooted(relativePath);
}
