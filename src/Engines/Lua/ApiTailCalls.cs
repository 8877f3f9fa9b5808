using System.Text;

namespace LlmSpell.Engines.Lua;

/// <summary>
/// Keeps the spell's own frame under a call to the spell API in tail position. Lua reuses the
/// caller's frame for <c>return llm.complete(…)</c>, so when the call fails nothing on the stack
/// still says which line of the spell made it, and the error would name no place. Such a return is
/// rewritten to <c>return __llmspell_keep(llm.complete(…))</c>: the API call is then an ordinary call,
/// and the keep function (which returns what it is given) is the one called in tail position. Only
/// calls through an API module's name are rewritten — a spell's own tail-recursive functions keep
/// running in constant stack — and nothing moves to another line (Lua reports lines, not columns).
/// </summary>
internal static class ApiTailCalls
{
    public const string KeepFunction = "__llmspell_keep";

    private static readonly HashSet<string> BlockEnds = ["end", "else", "elseif", "until", ";"];

    public static string Rewrite(string source, IReadOnlySet<string> modules)
    {
        var tokens = Tokenize(source);
        var inserts = new List<(int At, string Text)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Text != "return" || TailCallEnd(tokens, i + 1, modules) is not { } last)
            {
                continue;
            }

            inserts.Add((tokens[i + 1].Start, KeepFunction + "("));
            inserts.Add((tokens[last].End, ")"));
        }

        if (inserts.Count == 0)
        {
            return source;
        }

        var text = new StringBuilder(source.Length + inserts.Count * 16);
        var at = 0;
        foreach (var (position, insert) in inserts.OrderBy(i => i.At))
        {
            text.Append(source, at, position - at).Append(insert);
            at = position;
        }

        return text.Append(source, at, source.Length - at).ToString();
    }

    /// <summary>
    /// The last token of <c>module.name(args)</c> (or <c>module.a.b:c "text"</c>, <c>module.f { … }</c>)
    /// when that call is the whole returned expression; otherwise null.
    /// </summary>
    private static int? TailCallEnd(List<Token> tokens, int i, IReadOnlySet<string> modules)
    {
        if (i >= tokens.Count || tokens[i].Kind != TokenKind.Name || !modules.Contains(tokens[i].Text))
        {
            return null;
        }

        i++;
        var selectors = 0;
        while (i + 1 < tokens.Count && tokens[i].Text is "." or ":" && tokens[i + 1].Kind == TokenKind.Name)
        {
            i += 2;
            selectors++;
        }

        if (selectors == 0 || i >= tokens.Count)
        {
            return null;
        }

        int last;
        if (tokens[i].Kind == TokenKind.String)
        {
            last = i;
        }
        else if (tokens[i].Text is "(" or "{")
        {
            var (open, close) = tokens[i].Text == "(" ? ("(", ")") : ("{", "}");
            var depth = 0;
            last = -1;
            for (var j = i; j < tokens.Count; j++)
            {
                if (tokens[j].Text == open) depth++;
                else if (tokens[j].Text == close && --depth == 0)
                {
                    last = j;
                    break;
                }
            }

            if (last < 0) return null;
        }
        else
        {
            return null;
        }

        // A tail call only if the return ends here: `return f(x) .. "!"` or `return f(x)(y)` is not one.
        return last + 1 >= tokens.Count || BlockEnds.Contains(tokens[last + 1].Text) ? last : null;
    }

    private enum TokenKind
    {
        Name,
        String,
        Other,
    }

    private readonly record struct Token(TokenKind Kind, string Text, int Start, int End);

    // Lua's lexical grammar, as far as telling names, strings, comments and punctuation apart.
    private static List<Token> Tokenize(string s)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && At(s, i + 1) == '-')
            {
                i = LongBracketLevel(s, i + 2) is { } level ? LongBracketEnd(s, i + 2, level) : LineEnd(s, i);
            }
            else if (c == '[' && LongBracketLevel(s, i) is { } level)
            {
                var end = LongBracketEnd(s, i, level);
                tokens.Add(new Token(TokenKind.String, "", i, end));
                i = end;
            }
            else if (c is '"' or '\'')
            {
                var end = QuotedEnd(s, i);
                tokens.Add(new Token(TokenKind.String, "", i, end));
                i = end;
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var end = i + 1;
                while (end < s.Length && (char.IsAsciiLetterOrDigit(s[end]) || s[end] == '_')) end++;
                tokens.Add(new Token(TokenKind.Name, s[i..end], i, end));
                i = end;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(At(s, i + 1))))
            {
                var end = i + 1;
                while (end < s.Length && (char.IsAsciiLetterOrDigit(s[end]) || s[end] == '.' || (s[end] is '+' or '-' && s[end - 1] is 'e' or 'E' or 'p' or 'P')))
                {
                    end++;
                }

                tokens.Add(new Token(TokenKind.Other, s[i..end], i, end));
                i = end;
            }
            else
            {
                var length = s.AsSpan(i).StartsWith("...") ? 3 : i + 1 < s.Length && IsPair(c, s[i + 1]) ? 2 : 1;
                tokens.Add(new Token(TokenKind.Other, s.Substring(i, length), i, i + length));
                i += length;
            }
        }

        return tokens;
    }

    private static bool IsPair(char a, char b) => (a, b) switch
    {
        ('.', '.') or (':', ':') or ('=', '=') or ('~', '=') or ('<', '=') or ('>', '=') or ('/', '/') or ('<', '<') or ('>', '>') => true,
        _ => false,
    };

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static int LineEnd(string s, int i)
    {
        var end = s.IndexOf('\n', i);
        return end < 0 ? s.Length : end;
    }

    // "[[" or "[==[": the number of '='; null when the bracket opens no long string.
    private static int? LongBracketLevel(string s, int i)
    {
        if (At(s, i) != '[') return null;
        var j = i + 1;
        while (At(s, j) == '=') j++;
        return At(s, j) == '[' ? j - i - 1 : null;
    }

    private static int LongBracketEnd(string s, int i, int level)
    {
        var close = "]" + new string('=', level) + "]";
        var end = s.IndexOf(close, i + level + 2, StringComparison.Ordinal);
        return end < 0 ? s.Length : end + close.Length;
    }

    private static int QuotedEnd(string s, int i)
    {
        var quote = s[i];
        var j = i + 1;
        while (j < s.Length && s[j] != quote && s[j] != '\n')
        {
            j += s[j] == '\\' ? 2 : 1;
        }

        return Math.Min(j + 1, s.Length);
    }
}
