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
                if (new FileInfo(path).Length > options.MaxFileBytes) throw new SpellException(SpellErrorCode.BadArgument, $"tool 'file_read': '{Path(args)}' is larger than {options.MaxFileBytes} bytes");
                return SpellValue.From(await File.ReadAllTextAsync(path, context.CancellationToken).ConfigureAwait(false));
            });
        yield return new DelegateTool("file_write", "Write (or append) a text file in the spell's workspace; folders are created.",
            DelegateTool.Schema("""{"type":"object","properties":{"path":{"type":"string"},"content":{"type":"string"},"append":{"type":"boolean"}},"required":["path","content"],"additionalProperties":false}"""),
            async (args, context) =>
            {
                var content = ((SpellString)args["content"]).Value;
                if (System.Text.Encoding.UTF8.GetByteCount(content) > options.MaxFileBytes) throw new SpellException(SpellErrorCode.BadArgument, $"tool 'file_write': the content is larger than {options.MaxFileBytes} bytes");
                var path = Resolve(root, context, Path(args));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                if (args.Get("append") is SpellBool { Value: true })
                {
                    await File.AppendAllTextAsync(path, content, context.CancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await File.WriteAllTextAsync(path, content, context.CancellationToken).ConfigureAwait(false);
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
                    ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => System.IO.Path.GetRelativePath(workspace, f).Replace('\\', '/')).Order(StringComparer.Ordinal)
                    : [];
                return ValueTask.FromResult<SpellValue>(new SpellList(files.Select(SpellValue.From)));
            });
    }

    private static string Path(SpellMap args) => ((SpellString)args["path"]).Value;

    private static string Workspace(string root, SpellContext context)
    {
        var workspace = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, State.FileStateStore.Escape(context.StateScope)));
        Directory.CreateDirectory(workspace);
        return workspace;
    }

    /// <summary>The full path of <paramref name="relative"/> inside the workspace, or an error if it would leave it.</summary>
    internal static string Resolve(string root, SpellContext context, string relative)
    {
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
