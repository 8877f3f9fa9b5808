using System.Globalization;
using System.Text;
using LlmSpell.Api;
using LlmSpell.Artifacts;
using LlmSpell.Errors;
using LlmSpell.Values;

namespace LlmSpell.Modules;

/// <summary>
/// <c>artifacts.put/get/list/delete/url</c>: files the spell produces for others to fetch, kept under
/// the spell's own prefix (files under <c>.llmspell/artifacts</c> locally, a blob container in Azure).
/// </summary>
public static class ArtifactsModule
{
    private const string DefaultContentType = "application/octet-stream";
    private static readonly TimeSpan DefaultUrlLifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan LongestUrlLifetime = TimeSpan.FromDays(7);

    public static SpellModule Definition { get; } = new("artifacts", "Files this spell produces for others to fetch, under its own prefix.",
    [
        new SpellFunction("put", "Store data (text or bytes) under name; returns { name, size, content_type, modified }. content_type defaults to text/plain for text and application/octet-stream for bytes.",
            [new("name", SpellTypes.String, "a relative path such as reports/today.md"), new("data", SpellTypes.String | SpellTypes.Bytes, "the content"),
             new("content_type", SpellTypes.String, "a media type", IsOptional: true)], SpellTypes.Map,
            PutAsync, isAsync: true),
        new SpellFunction("get", "The artifact's content: text for text types (text/*, JSON, XML), bytes otherwise; null when there is none.",
            [new("name", SpellTypes.String, "the artifact's name")], SpellTypes.String | SpellTypes.Bytes | SpellTypes.Null,
            GetAsync, isAsync: true),
        new SpellFunction("list", "The artifacts whose names start with prefix (all without one), sorted: a list of { name, size, content_type, modified }.",
            [new("prefix", SpellTypes.String, "name prefix", IsOptional: true)], SpellTypes.List,
            async call => new SpellList((await Store(call).ListAsync(call.Context.StateScope, ArtifactNames.Validate(call.GetOptionalString(0) ?? "", "artifacts.list", isPrefix: true), call.CancellationToken).ConfigureAwait(false)).Select(ToValue)),
            isAsync: true),
        new SpellFunction("delete", "Remove the artifact; true when it existed.",
            [new("name", SpellTypes.String, "the artifact's name")], SpellTypes.Bool,
            async call => SpellValue.From(await Store(call).DeleteAsync(call.Context.StateScope, Name(call, "artifacts.delete"), call.CancellationToken).ConfigureAwait(false)),
            isAsync: true),
        new SpellFunction("url", "A URL that reads the artifact: a signed one that expires in Azure (opts.expires_in_s, default 3600, at most 7 days), a file URL locally; null when there is none.",
            [new("name", SpellTypes.String, "the artifact's name"), new("opts", SpellTypes.Map, "{ expires_in_s }", IsOptional: true)], SpellTypes.String | SpellTypes.Null,
            UrlAsync, isAsync: true),
    ]);

    private static IArtifactStore Store(SpellCall call) => call.Context.Host.Artifacts
        ?? throw new SpellException(SpellErrorCode.HostError, "artifacts are not available in this host");

    private static string Name(SpellCall call, string function) => ArtifactNames.Validate(call.GetString(0), function);

    private static async ValueTask<SpellValue> PutAsync(SpellCall call)
    {
        var store = Store(call);
        var name = Name(call, "artifacts.put");
        var (bytes, textual) = call[1] switch
        {
            SpellString text => (Encoding.UTF8.GetBytes(text.Value), true),
            SpellBytes raw => (raw.Value, false),
            _ => throw new SpellException(SpellErrorCode.BadArgument, "artifacts.put: data must be text or bytes"),
        };
        if (bytes.Length > store.MaxBytes)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"artifacts.put: '{name}' is {bytes.Length} bytes; an artifact may be at most {store.MaxBytes}");
        }
        var contentType = call.GetOptionalString(2) ?? (textual ? "text/plain; charset=utf-8" : DefaultContentType);
        if (contentType.Length > 200 || !contentType.Contains('/', StringComparison.Ordinal) || contentType.Any(char.IsControl))
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"artifacts.put: content_type '{contentType}' is not a media type such as text/markdown");
        }
        return ToValue(await store.PutAsync(call.Context.StateScope, name, bytes, contentType, call.CancellationToken).ConfigureAwait(false));
    }

    private static async ValueTask<SpellValue> GetAsync(SpellCall call)
    {
        if (await Store(call).GetAsync(call.Context.StateScope, Name(call, "artifacts.get"), call.CancellationToken).ConfigureAwait(false) is not { } found)
        {
            return SpellValue.Null;
        }
        if (found.Data.Length > call.Context.Limits.MaxMemoryBytes)
        {
            throw call.Context.Trip(new SpellError(SpellErrorCode.MemoryLimit, $"artifacts.get: '{found.Info.Name}' is {found.Data.Length} bytes, more than the spell's memory limit"));
        }
        return IsText(found.Info.ContentType) ? SpellValue.From(Encoding.UTF8.GetString(found.Data.Span)) : new SpellBytes(found.Data);
    }

    private static async ValueTask<SpellValue> UrlAsync(SpellCall call)
    {
        var name = Name(call, "artifacts.url");
        var seconds = call.GetOptions(1).GetInt("expires_in_s", 1, (int)LongestUrlLifetime.TotalSeconds);
        var lifetime = seconds is { } s ? TimeSpan.FromSeconds(s) : DefaultUrlLifetime;
        var url = await Store(call).GetUrlAsync(call.Context.StateScope, name, lifetime, call.CancellationToken).ConfigureAwait(false);
        return url is null ? SpellValue.Null : SpellValue.From(url.AbsoluteUri);
    }

    private static bool IsText(string contentType)
    {
        var type = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return type.StartsWith("text/", StringComparison.Ordinal) || type is "application/json" or "application/xml" or "application/javascript"
            || type.EndsWith("+json", StringComparison.Ordinal) || type.EndsWith("+xml", StringComparison.Ordinal);
    }

    private static SpellMap ToValue(ArtifactInfo info) => SpellValue.Map(
    [
        new("name", SpellValue.From(info.Name)),
        new("size", SpellValue.From(info.Size)),
        new("content_type", SpellValue.From(info.ContentType)),
        new("modified", SpellValue.From(info.Modified.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))),
    ]);
}
