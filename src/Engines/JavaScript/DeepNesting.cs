namespace LlmSpell.Engines.JavaScript;

/// <summary>
/// Where a script's brackets first nest too deep, to place the syntax error of a script Jint's
/// parser refused as too deeply nested. A plain scan: strings, template literals and comments are
/// skipped; regular expression literals are not told apart from division, which at worst moves the
/// reported place.
/// </summary>
internal static class DeepNesting
{
    /// <summary>Jint's parser limit, less the spell's wrapper.</summary>
    public const int Limit = 250;

    public static (int Line, int Column)? Where(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        int depth = 0, line = 1, column = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            column++;
            switch (c)
            {
                case '\n':
                    line++;
                    column = 0;
                    break;
                case '(' or '[' or '{':
                    if (++depth > Limit)
                    {
                        return (line, column);
                    }
                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '"' or '\'' or '`':
                    i = Skip(source, i, c, ref line, ref column);
                    break;
                case '/' when i + 1 < source.Length && source[i + 1] == '/':
                    while (i + 1 < source.Length && source[i + 1] != '\n')
                    {
                        i++;
                    }
                    break;
                case '/' when i + 1 < source.Length && source[i + 1] == '*':
                    var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    for (var j = i; j < (end < 0 ? source.Length : end + 2); j++)
                    {
                        if (source[j] == '\n')
                        {
                            line++;
                            column = 0;
                        }
                        else
                        {
                            column++;
                        }
                    }
                    i = end < 0 ? source.Length : end + 1;
                    break;
            }
        }
        return null;
    }

    private static int Skip(string source, int start, char quote, ref int line, ref int column)
    {
        for (var i = start + 1; i < source.Length; i++)
        {
            column++;
            switch (source[i])
            {
                case '\\':
                    i++;
                    column++;
                    break;
                case '\n':
                    line++;
                    column = 0;
                    if (quote != '`')
                    {
                        return i;
                    }
                    break;
                case var c when c == quote:
                    return i;
            }
        }
        return source.Length;
    }
}
