using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace LlmSpell.Llm;

/// <summary>
/// Error translation for a streamed answer: a failure can surface at any update, and C# cannot
/// <c>yield</c> inside a <c>try</c> with a <c>catch</c>, so each step is taken in a try of its own.
/// </summary>
public static class ChatStreamErrors
{
    /// <param name="translate">The error to throw instead, or null to let the original pass.</param>
    public static async IAsyncEnumerable<ChatResponseUpdate> TranslateAsync(IAsyncEnumerable<ChatResponseUpdate> updates, Func<Exception, Exception?> translate, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(translate);
        await using var enumerator = updates.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (Exception ex) when (translate(ex) is { } translated)
            {
                throw translated;
            }

            yield return enumerator.Current;
        }
    }
}
