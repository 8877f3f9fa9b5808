using System.Buffers.Text;
using System.Text;

namespace LlmSpell.Orchestrations.DurableTaskFramework;

/// <summary>
/// DTFx's query continuation tokens, wrapped so a token this client did not hand out is refused
/// clearly (DTFx itself reads any text as a token and answers with the first page).
/// </summary>
internal static class ContinuationTokens
{
    private const string Mark = "dtfx:";

    public static string? Write(string? token) =>
        string.IsNullOrEmpty(token) ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Mark + token));

    public static string? Read(string? token)
    {
        if (token is null)
        {
            return null;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            if (text.StartsWith(Mark, StringComparison.Ordinal))
            {
                return text[Mark.Length..];
            }
        }
        catch (FormatException)
        {
            // Not ours: refused below.
        }
        throw new ArgumentException($"'{token}' is not a continuation token returned by this task hub.", nameof(token));
    }
}
