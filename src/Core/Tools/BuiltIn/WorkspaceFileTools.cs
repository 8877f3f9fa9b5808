using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Tools.BuiltIn;

/// <summary>
/// <c>file_read</c>, <c>file_write</c>, <c>file_list</c>: files in the spell's own workspace folder
/// (<c>ROOT/&lt;spell&gt;/</c>). No path, link or '..' leads out of it.
/// </summary>
public static class WorkspaceFileTools
{
    public static IEnumerable<ISpellTool> Create(BuiltInToolOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.WorkspaceRoot is not { } root)
        {
            yield break;
        }

        yield return new DelegateTool("file_read", "Read a text file of the spell's workspace.",
            DelegateTool.Schema("""{"type":"object","properties":{"path":{"type":"string"}},"required":["path"],"additionalProperties":false}"""),
            async (args, context) =>
            {
                var path = Resolve(root, context, Path(args));
                if (!File.Exists(path)) throw new SpellException(SpellErrorCode.NotFound, $"tool 'file_read': no file '{Path(args)}' in the workspace");
                RefuseHardLinked("file_read", path, Path(args));
                if (new FileInfo(path).Length > options.MaxFileBytes) throw new SpellException(SpellErrorCode.BadArgument, $"tool 'file_read': '{Path(args)}' is larger than {options.MaxFileBytes} bytes");
                return SpellValue.From(await File.ReadAllTextAsync(path, context.CallCancellation).ConfigureAwait(false));
            });
        yield return new DelegateTool("file_write", "Write (or append) a text file in the spell's workspace; folders are created.",
            DelegateTool.Schema("""{"type":"object","properties":{"path":{"type":"string"},"content":{"type":"string"},"append":{"type":"boolean"}},"required":["path","content"],"additionalProperties":false}"""),
            async (args, context) =>
            {
                var content = ((SpellString)args["content"]).Value;
                if (System.Text.Encoding.UTF8.GetByteCount(content) > options.MaxFileBytes) throw new SpellException(SpellErrorCode.BadArgument, $"tool 'file_write': the content is larger than {options.MaxFileBytes} bytes");
                var path = Resolve(root, context, Path(args));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                var append = args.Get("append") is SpellBool { Value: true } && File.Exists(path);
                if (append)
                {
                    RefuseHardLinked("file_write", path, Path(args));
                }
                var existing = append ? await File.ReadAllTextAsync(path, context.CallCancellation).ConfigureAwait(false) : "";
                var length = (long)System.Text.Encoding.UTF8.GetByteCount(existing) + System.Text.Encoding.UTF8.GetByteCount(content);
                if (length > options.MaxFileBytes)
                {
                    throw new SpellException(SpellErrorCode.BadArgument, $"tool 'file_write': '{Path(args)}' would be larger than {options.MaxFileBytes} bytes");
                }

                CheckQuota(options, Workspace(root, context), path, length);

                // Written beside it and renamed over it: a name in the workspace is replaced, never
                // written through, so a hard link to a file outside cannot carry the write out.
                var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
                try
                {
                    await File.WriteAllTextAsync(temporary, existing + content, context.CallCancellation).ConfigureAwait(false);
                    File.Move(temporary, path, overwrite: true);
                }
                finally
                {
                    File.Delete(temporary);
                }

                return SpellValue.Null;
            });
        yield return new DelegateTool("file_list", "List the files of a workspace folder (relative paths, sorted).",
            DelegateTool.Schema("""{"type":"object","properties":{"path":{"type":"string","description":"a folder; the workspace itself when omitted"}},"additionalProperties":false}"""),
            (args, context) =>
            {
                var workspace = Workspace(root, context);
                var folder = args.Get("path") is SpellString ? Resolve(root, context, Path(args)) : workspace;
                IEnumerable<string> files = Directory.Exists(folder)
                    ? Directory.EnumerateFiles(folder, "*", NoLinks).Select(f => System.IO.Path.GetRelativePath(workspace, f).Replace('\\', '/')).Order(StringComparer.Ordinal)
                    : [];
                return ValueTask.FromResult<SpellValue>(new SpellList(files.Select(SpellValue.From)));
            });
    }

    // Links are neither listed nor entered: a link to a folder outside would list that folder.
    private static readonly EnumerationOptions NoLinks = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.ReparsePoint,
        IgnoreInaccessible = true,
        MaxRecursionDepth = 32,
    };

    private static string Path(SpellMap args) => ((SpellString)args["path"]).Value;

    /// <summary>Refuses a write that would take the workspace past its quota of bytes or files.</summary>
    private static void CheckQuota(BuiltInToolOptions options, string workspace, string path, long newLength)
    {
        long bytes = 0;
        var files = 0;
        var replaced = 0L;
        foreach (var file in new DirectoryInfo(workspace).EnumerateFiles("*", NoLinks))
        {
            files++;
            bytes += file.Length;
            if (file.FullName == path)
            {
                replaced = file.Length;
                files--;
            }
        }
        if (files + 1 > options.MaxWorkspaceFiles)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"tool 'file_write': the workspace holds {files} files, its limit (tools.workspace.maxFiles)");
        }
        if (bytes - replaced + newLength > options.MaxWorkspaceBytes)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"tool 'file_write': the workspace would hold {bytes - replaced + newLength} bytes; its limit is {options.MaxWorkspaceBytes} (tools.workspace.maxBytes)");
        }
    }

    private static void RefuseHardLinked(string tool, string path, string relative)
    {
        if (FileLinks.Count(path) is > 1)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"tool '{tool}': '{relative}' has another name (a hard link), possibly outside the workspace, so it is not read or changed through here");
        }
    }

    private static string Workspace(string root, SpellContext context)
    {
        var workspace = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, State.FileStateStore.FolderName(context.StateScope)));
        Directory.CreateDirectory(workspace);
        return workspace;
    }

    /// <summary>The full path of <paramref name="relative"/> inside the workspace, or an error if it would leave it.</summary>
    internal static string Resolve(string root, SpellContext context, string relative)
    {
        // Names the file system would refuse (or misread) are the spell's bad argument, said plainly.
        const int LongestName = 255, MostFolders = 32;
        if (relative.Contains('\0', StringComparison.Ordinal))
        {
            throw new SpellException(SpellErrorCode.BadArgument, "the path holds a NUL character");
        }
        var names = relative.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        if (names.FirstOrDefault(n => System.Text.Encoding.UTF8.GetByteCount(n) > LongestName) is { } longName)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"a name in the path is longer than {LongestName} bytes ('{longName[..32]}…')");
        }
        if (names.Length > MostFolders)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"the path is {names.Length} names deep; the workspace allows {MostFolders}");
        }
        var workspace = Workspace(root, context);
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(workspace, relative));
        if (!full.StartsWith(workspace + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"path '{relative}' leads out of the spell's workspace");
        }

        // A link inside the workspace could still point out of it.
        for (var current = full; current.Length > workspace.Length; current = System.IO.Path.GetDirectoryName(current)!)
        {
            var info = new FileInfo(current);
            if (info.Exists || Directory.Exists(current))
            {
                FileSystemInfo entry = info.Exists ? info : new DirectoryInfo(current);
                if (entry.LinkTarget is not null)
                {
                    throw new SpellException(SpellErrorCode.BadArgument, $"path '{relative}' goes through a link, which the workspace does not follow");
                }
            }
        }

        return full;
    }
}
