using LlmSpell.Api;
using LlmSpell.Values;
using Microsoft.Extensions.Logging;

namespace LlmSpell.Modules;

/// <summary><c>log.debug/info/warn/error(message, fields)</c>: structured logs through the host's ILogger.</summary>
public static class LogModule
{
    public static SpellModule Definition { get; } = new("log", "Write structured log entries to the host log (not to the spell's output).",
    [
        Level("debug", LogLevel.Debug),
        Level("info", LogLevel.Information),
        Level("warn", LogLevel.Warning),
        Level("error", LogLevel.Error),
    ]);

    private static SpellFunction Level(string name, LogLevel level) => new(name, $"Log a message at {name} level, with optional fields.",
        [new("message", SpellTypes.String, "the message"), new("fields", SpellTypes.Map, "extra structured fields", IsOptional: true)],
        SpellTypes.Null,
        call =>
        {
            var logger = call.Context.Logger;
            if (logger.IsEnabled(level))
            {
                var fields = call[1] as SpellMap ?? SpellMap.Empty;
                using var scope = fields.Count == 0 ? null : logger.BeginScope(fields.ToDictionary(f => f.Key, f => (object?)f.Value.ToString()));
#pragma warning disable CA2254 // The template is the script's message; its braces are escaped below.
                logger.Log(level, Escape(call.GetString(0)) + (fields.Count == 0 ? "" : " " + Escape(fields.ToString())));
#pragma warning restore CA2254
            }

            return ValueTask.FromResult(SpellValue.Null);
        });

    // A script's braces must not be read as message-template holes.
    private static string Escape(string text) => text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
}
