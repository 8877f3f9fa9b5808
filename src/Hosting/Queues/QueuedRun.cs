using System.Text.Json;
using LlmSpell.Errors;
using LlmSpell.Values;

namespace LlmSpell.Hosting.Queues;

/// <summary>
/// One message on a spell's queue: <c>{ "id": "...", "input": { ... }, "thread": "...", "reply_to": "queue" }</c>.
/// The id names the run, its result blob and its reply, and is what makes a redelivered message run
/// once; without one the queue's own message id is used. <c>thread</c> reaches the spell as
/// <c>input.thread</c> (for <c>agent.run(text, { thread = input.thread })</c>) unless the input has one.
/// </summary>
public sealed record QueuedRun(string Id, SpellMap Input, string? Thread, string? ReplyTo)
{
    /// <summary>Reads a message; a malformed one is a <c>bad_argument</c> naming what is wrong.</summary>
    public static QueuedRun Parse(string text, string queueMessageId)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw Bad($"the message is not JSON ({e.Message})");
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Bad("the message must be a JSON object { id, input, thread?, reply_to? }");
        }
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name is not ("id" or "input" or "thread" or "reply_to"))
            {
                throw Bad($"unknown key '{property.Name}' (a message has id, input, thread and reply_to)");
            }
        }
        var id = Text(root, "id") ?? queueMessageId;
        if (!IsName(id, 128))
        {
            throw Bad($"id '{id}' must be 1-128 letters, digits, '-', '_' or '.'");
        }
        var input = SpellMap.Empty;
        if (root.TryGetProperty("input", out var inputElement) && inputElement.ValueKind != JsonValueKind.Null)
        {
            input = SpellJson.Parse(inputElement.GetRawText()) as SpellMap ?? throw Bad("input must be a JSON object: it is the spell's input");
        }
        var thread = Text(root, "thread");
        if (thread is not null && !IsName(thread, 128))
        {
            throw Bad($"thread '{thread}' must be 1-128 letters, digits, '-', '_' or '.'");
        }
        var replyTo = Text(root, "reply_to");
        if (replyTo is not null && !Spells.SpellManifestReader.IsQueueName(replyTo))
        {
            throw Bad($"reply_to '{replyTo}' is not a storage queue name (3-63 lower-case letters, digits and single dashes)");
        }
        if (thread is not null && input.Get("thread") is SpellNull)
        {
            input = new SpellMap(input.Append(new("thread", SpellValue.From(thread))));
        }
        return new QueuedRun(id, input, thread, replyTo);
    }

    private static string? Text(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString() : throw Bad($"{name} must be a string");

    private static bool IsName(string text, int max) =>
        text.Length is > 0 && text.Length <= max && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && text is not ("." or "..");

    private static SpellException Bad(string message) => new(SpellErrorCode.BadArgument, "malformed queue message: " + message);
}
