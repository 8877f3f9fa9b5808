using System.Globalization;
using System.Text.Json;
using Cronos;
using LlmSpell.Errors;
using LlmSpell.Running;

namespace LlmSpell.Hosting.Spells;

/// <summary>
/// Reads <c>&lt;name&gt;.spell.json</c>. Every problem is a <c>bad_argument</c> spell error located at the
/// manifest's file and line, and names the key, so <c>llmspell validate</c> can list them all.
/// </summary>
public static class SpellManifestReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 };
    private static readonly string[] Keys = ["$schema", "name", "description", "script", "input", "limits", "triggers"];

    /// <summary>A served name: a route segment, a queue owner and a blob prefix all at once.</summary>
    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= 63 && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');

    /// <summary>Azure's rule for queue names: 3-63 lower-case letters, digits and single dashes, not at either end.</summary>
    public static bool IsQueueName(string name) =>
        name.Length is >= 3 and <= 63 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && !name.StartsWith('-') && !name.EndsWith('-') && !name.Contains("--", StringComparison.Ordinal);

    /// <param name="path">The manifest's path or blob name, for messages.</param>
    /// <param name="siblings">The names of the files beside the manifest; its script is one of them.</param>
    /// <param name="scriptExtensions">The extensions the engines run (".lua", ".js", ...).</param>
    /// <exception cref="SpellException">With code <c>bad_argument</c>, located at the offending line.</exception>
    public static SpellManifest Parse(string text, string path, IReadOnlyCollection<string> siblings, IReadOnlyCollection<string> scriptExtensions)
    {
        ArgumentNullException.ThrowIfNull(siblings);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new SpellException(new SpellError(SpellErrorCode.BadArgument, $"not valid JSON: {e.Message}", new SpellLocation(path, (int)(e.LineNumber ?? 0) + 1)));
        }
        using (document)
        {
            var lines = JsonLines.Index(text, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return new Reading(path, lines).Manifest(document.RootElement, siblings, scriptExtensions);
        }
    }

    /// <exception cref="SpellException">With code <c>bad_argument</c>, located at the offending line.</exception>
    public static async Task<SpellManifest> LoadAsync(string path, IReadOnlyCollection<string> scriptExtensions, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(full, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpellException(new SpellError(SpellErrorCode.BadArgument, $"cannot read the manifest: {e.Message}", new SpellLocation(full, 0)));
        }
        var siblings = Directory.EnumerateFiles(Path.GetDirectoryName(full)!).Select(Path.GetFileName).ToList();
        return Parse(text, full, siblings!, scriptExtensions);
    }

    private sealed class Reading(string path, JsonLines lines)
    {
        public SpellManifest Manifest(JsonElement root, IReadOnlyCollection<string> siblings, IReadOnlyCollection<string> scriptExtensions)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Bad("", "a spell manifest is a JSON object");
            }
            RejectUnknown(root, "", Keys);
            var baseName = Path.GetFileName(path)[..^SpellManifest.FileSuffix.Length];
            var name = OptionalString(root, "name") ?? baseName;
            if (!IsValidName(name))
            {
                throw Bad("name", $"name '{name}' must be 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit (it is a URL segment and a queue name)");
            }
            return new SpellManifest
            {
                Name = name,
                Description = OptionalString(root, "description"),
                ScriptFile = Script(root, baseName, siblings, scriptExtensions),
                Input = root.TryGetProperty("input", out var input) ? InputSchema(input) : null,
                Limits = root.TryGetProperty("limits", out var limits) ? Limits(limits) : SandboxLimits.Default,
                Triggers = root.TryGetProperty("triggers", out var triggers) ? Triggers(triggers, name) : new SpellTriggers(),
                Source = path,
            };
        }

        private string Script(JsonElement root, string baseName, IReadOnlyCollection<string> siblings, IReadOnlyCollection<string> extensions)
        {
            if (OptionalString(root, "script") is { } named)
            {
                if (named != Path.GetFileName(named) || named is "." or "..")
                {
                    throw Bad("script", $"script '{named}' must be a file beside the manifest");
                }
                return siblings.Contains(named) ? named : throw Bad("script", $"script '{named}' does not exist beside the manifest");
            }
            var candidates = extensions.Select(e => baseName + e).Where(siblings.Contains).ToList();
            return candidates.Count switch
            {
                1 => candidates[0],
                0 => throw Bad("", $"no script beside the manifest: expected {string.Join(" or ", extensions.Select(e => baseName + e))}, or a \"script\" key"),
                _ => throw Bad("", $"several scripts could be this spell's ({string.Join(", ", candidates)}); name one with \"script\""),
            };
        }

        private SpellInputSchema InputSchema(JsonElement input)
        {
            if (input.ValueKind != JsonValueKind.Object)
            {
                throw Bad("input", "input must be a JSON Schema object");
            }
            if (input.TryGetProperty("type", out var type) && !(type.ValueKind == JsonValueKind.String && type.GetString() == "object"))
            {
                throw Bad("input.type", "a spell's input is a map: its schema's type must be \"object\"");
            }
            try
            {
                return SpellInputSchema.Parse(input);
            }
            catch (ArgumentException e)
            {
                throw Bad("input", $"input is not a usable JSON Schema: {e.Message}");
            }
        }

        private SandboxLimits Limits(JsonElement limits)
        {
            if (limits.ValueKind != JsonValueKind.Object)
            {
                throw Bad("limits", "limits must be an object");
            }
            RejectUnknown(limits, "limits", ["timeout_ms", "memory_mb", "instructions", "call_depth", "output_kb"]);
            var defaults = SandboxLimits.Default;
            var chosen = defaults with
            {
                Timeout = Number(limits, "limits", "timeout_ms", 1, 3_600_000) is { } ms ? TimeSpan.FromMilliseconds(ms) : defaults.Timeout,
                MaxMemoryBytes = Number(limits, "limits", "memory_mb", 1, SandboxLimits.MaxMemoryMiBSetting) is { } mb ? mb * 1024 * 1024 : defaults.MaxMemoryBytes,
                MaxInstructions = Number(limits, "limits", "instructions", SandboxLimits.MinInstructionsSetting, long.MaxValue) ?? defaults.MaxInstructions,
                MaxRecursionDepth = (int?)Number(limits, "limits", "call_depth", 1, SandboxLimits.MaxRecursionDepthSetting) ?? defaults.MaxRecursionDepth,
                MaxOutputBytes = Number(limits, "limits", "output_kb", 1, 1024 * 1024) is { } kb ? kb * 1024 : defaults.MaxOutputBytes,
            };
            return chosen;
        }

        private SpellTriggers Triggers(JsonElement triggers, string name)
        {
            if (triggers.ValueKind != JsonValueKind.Object)
            {
                throw Bad("triggers", "triggers must be an object with http, queue and/or schedule");
            }
            RejectUnknown(triggers, "triggers", ["http", "queue", "schedule"]);
            var http = true;
            if (triggers.TryGetProperty("http", out var httpValue))
            {
                http = httpValue.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw Bad("triggers.http", "triggers.http must be true or false"),
                };
            }
            return new SpellTriggers
            {
                Http = http,
                Queue = triggers.TryGetProperty("queue", out var queue) ? Queue(queue, name) : null,
                Schedule = triggers.TryGetProperty("schedule", out var schedule) ? Schedule(schedule) : null,
            };
        }

        private QueueTrigger Queue(JsonElement queue, string name)
        {
            string? queueName;
            long? dequeue = null;
            switch (queue.ValueKind)
            {
                case JsonValueKind.True:
                    queueName = name.Replace('_', '-');
                    break;
                case JsonValueKind.String:
                    queueName = queue.GetString();
                    break;
                case JsonValueKind.Object:
                    RejectUnknown(queue, "triggers.queue", ["name", "max_dequeue_count"]);
                    queueName = OptionalString(queue, "name", "triggers.queue") ?? name.Replace('_', '-');
                    dequeue = Number(queue, "triggers.queue", "max_dequeue_count", 1, 100);
                    break;
                default:
                    throw Bad("triggers.queue", "triggers.queue is true, a queue name, or { name, max_dequeue_count }");
            }
            if (queueName is null || !IsQueueName(queueName))
            {
                throw Bad("triggers.queue", $"queue name '{queueName}' is not a storage queue name (3-63 lower-case letters, digits and single dashes, not at either end)");
            }
            return new QueueTrigger(queueName, (int)(dequeue ?? 5));
        }

        private ScheduleTrigger Schedule(JsonElement schedule)
        {
            string cron;
            var zone = TimeZoneInfo.Utc;
            var catchUp = true;
            switch (schedule.ValueKind)
            {
                case JsonValueKind.String:
                    cron = schedule.GetString()!;
                    break;
                case JsonValueKind.Object:
                    RejectUnknown(schedule, "triggers.schedule", ["cron", "time_zone", "catch_up"]);
                    cron = OptionalString(schedule, "cron", "triggers.schedule") ?? throw Bad("triggers.schedule", "triggers.schedule needs a cron");
                    if (OptionalString(schedule, "time_zone", "triggers.schedule") is { } zoneId)
                    {
                        try
                        {
                            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
                        }
                        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
                        {
                            throw Bad("triggers.schedule.time_zone", $"time zone '{zoneId}' is not known here (use an IANA name such as Europe/Paris)");
                        }
                    }
                    if (schedule.TryGetProperty("catch_up", out var catchUpValue))
                    {
                        catchUp = catchUpValue.ValueKind switch
                        {
                            JsonValueKind.True => true,
                            JsonValueKind.False => false,
                            _ => throw Bad("triggers.schedule.catch_up", "catch_up must be true or false"),
                        };
                    }
                    break;
                default:
                    throw Bad("triggers.schedule", "triggers.schedule is a six-field cron text or { cron, time_zone, catch_up }");
            }
            var at = schedule.ValueKind == JsonValueKind.Object ? "triggers.schedule.cron" : "triggers.schedule";
            if (cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 6)
            {
                throw Bad(at, $"schedule '{cron}' must have six fields, as Azure Functions' NCRONTAB: second minute hour day month day-of-week");
            }
            try
            {
                CronExpression.Parse(cron, CronFormat.IncludeSeconds);
            }
            catch (CronFormatException e)
            {
                throw Bad(at, $"schedule '{cron}' is not a valid cron expression: {e.Message}");
            }
            return new ScheduleTrigger(cron, zone, catchUp);
        }

        private void RejectUnknown(JsonElement element, string at, string[] known)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!known.Contains(property.Name))
                {
                    var key = at.Length == 0 ? property.Name : $"{at}.{property.Name}";
                    throw Bad(key, $"unknown key '{key}' (known: {string.Join(", ", known.Where(k => k != "$schema"))})");
                }
            }
        }

        private string? OptionalString(JsonElement element, string key, string at = "")
        {
            if (!element.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            var full = at.Length == 0 ? key : $"{at}.{key}";
            return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Bad(full, $"{full} must be a string");
        }

        private long? Number(JsonElement element, string at, string key, long min, long max)
        {
            if (!element.TryGetProperty(key, out var value))
            {
                return null;
            }
            var full = $"{at}.{key}";
            return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= min && number <= max
                ? number
                : throw Bad(full, $"{full} must be a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        }

        private SpellException Bad(string key, string message) =>
            new(new SpellError(SpellErrorCode.BadArgument, message, new SpellLocation(path, lines.LineOf(key))));
    }
}
