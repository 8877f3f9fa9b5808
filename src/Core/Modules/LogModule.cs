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
            var fields = call[1] as SpellMap ?? SpellMap.Empty;
            // Counted whether or not this level is logged, so a spell's budget does not depend on the host's log level.
            call.Context.Output.Charge(System.Text.Encoding.UTF8.GetByteCount(call.GetString(0)) + SpellValueSize.AtMost(fields, call.Context.Limits.MaxOutputBytes + 1), "logs");
            if (logger.IsEnabled(level))
            {
                if (fields.Count == 0)
                {
                    logger.Log(level, "{Message}", call.GetString(0));
                }
                else
                {
                    using var scope = logger.BeginScope(fields.ToDictionary(f => f.Key, f => (object?)f.Value.ToString()));
                    logger.Log(level, "{Message} {Fields}", call.GetString(0), fields.ToString());
                }
            }

            return ValueTask.FromResult(SpellValue.Null);
        });
}
