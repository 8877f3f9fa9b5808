using System.Globalization;
using System.Text;

namespace LlmSpell.Engines.Tengo.Language;

/// <summary>One scanned token: its kind, where it starts and its literal text (decoded for strings and chars).</summary>
internal readonly record struct Lexeme(Token Token, SourcePos Pos, string Literal);

/// <summary>
/// Turns source text into tokens. Like Go's scanner it inserts a semicolon at a line end that follows
/// a token able to end a statement, so statements need no terminator.
/// </summary>
internal sealed class Scanner
{
    private readonly string _src;
    private readonly List<TengoSyntaxError> _errors;
    private int _offset;
    private int _line = 1;
    private int _lineStart;
    private bool _insertSemicolon;

    public Scanner(string source, List<TengoSyntaxError> errors)
    {
        _src = source ?? throw new ArgumentNullException(nameof(source));
        _errors = errors;
    }

    private char Current => _offset < _src.Length ? _src[_offset] : '\0';

    private char Peek(int ahead = 1) => _offset + ahead < _src.Length ? _src[_offset + ahead] : '\0';

    private bool AtEnd => _offset >= _src.Length;

    private SourcePos Pos => new(_line, _offset - _lineStart + 1);

    public Lexeme Next()
    {
        while (true)
        {
            SkipSpaceExceptNewline();
            var pos = Pos;
            if (AtEnd)
            {
                if (_insertSemicolon)
                {
                    _insertSemicolon = false;
                    return new Lexeme(Token.Semicolon, pos, "\n");
                }

                return new Lexeme(Token.Eof, pos, "");
            }

            var c = Current;
            if (c == '\n')
            {
                Advance();
                if (_insertSemicolon)
                {
                    _insertSemicolon = false;
                    return new Lexeme(Token.Semicolon, pos, "\n");
                }

                continue;
            }

            if (c == '/' && Peek() == '/')
            {
                while (!AtEnd && Current != '\n') Advance();
                continue;
            }

            if (c == '/' && Peek() == '*')
            {
                var hadNewline = SkipBlockComment(pos);
                if (hadNewline && _insertSemicolon)
                {
                    _insertSemicolon = false;
                    return new Lexeme(Token.Semicolon, pos, "\n");
                }

                continue;
            }

            var lexeme = ScanToken(pos, c);
            _insertSemicolon = lexeme.Token is Token.Ident or Token.Int or Token.Float or Token.Char or Token.String
                or Token.Break or Token.Continue or Token.Return or Token.True or Token.False or Token.Undefined
                or Token.RParen or Token.RBrack or Token.RBrace or Token.Inc or Token.Dec;
            return lexeme;
        }
    }

    private void Advance()
    {
        if (Current == '\n')
        {
            _line++;
            _lineStart = _offset + 1;
        }

        _offset++;
    }

    private void SkipSpaceExceptNewline()
    {
        while (!AtEnd && Current is ' ' or '\t' or '\r')
        {
            _offset++;
        }
    }

    private bool SkipBlockComment(SourcePos start)
    {
        var hadNewline = false;
        _offset += 2;
        while (!AtEnd && !(Current == '*' && Peek() == '/'))
        {
            hadNewline |= Current == '\n';
            Advance();
        }

        if (AtEnd)
        {
            Error(start, "comment not terminated");
            return hadNewline;
        }

        _offset += 2;
        return hadNewline;
    }

    private void Error(SourcePos pos, string message) => _errors.Add(new TengoSyntaxError(pos, message));

    private Lexeme ScanToken(SourcePos pos, char c)
    {
        if (IsLetter(c))
        {
            var start = _offset;
            while (!AtEnd && (IsLetter(Current) || char.IsDigit(Current))) _offset++;
            var text = _src[start.._offset];
            return new Lexeme(TokenExtensions.LookupIdent(text), pos, text);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek())))
        {
            return ScanNumber(pos);
        }

        _offset++;
        switch (c)
        {
            case '"': return new Lexeme(Token.String, pos, ScanString(pos));
            case '`': return new Lexeme(Token.String, pos, ScanRawString(pos));
            case '\'': return ScanChar(pos);
            case ':': return Match('=') ? new(Token.Define, pos, ":=") : new(Token.Colon, pos, ":");
            case '.':
                if (Current == '.' && Peek() == '.')
                {
                    _offset += 2;
                    return new(Token.Ellipsis, pos, "...");
                }

                return new(Token.Period, pos, ".");
            case ',': return new(Token.Comma, pos, ",");
            case '?': return new(Token.Question, pos, "?");
            case ';': return new(Token.Semicolon, pos, ";");
            case '(': return new(Token.LParen, pos, "(");
            case ')': return new(Token.RParen, pos, ")");
            case '[': return new(Token.LBrack, pos, "[");
            case ']': return new(Token.RBrack, pos, "]");
            case '{': return new(Token.LBrace, pos, "{");
            case '}': return new(Token.RBrace, pos, "}");
            case '+': return Match('+') ? new(Token.Inc, pos, "++") : Operator(pos, Token.Add, Token.AddAssign);
            case '-': return Match('-') ? new(Token.Dec, pos, "--") : Operator(pos, Token.Sub, Token.SubAssign);
            case '*': return Operator(pos, Token.Mul, Token.MulAssign);
            case '/': return Operator(pos, Token.Quo, Token.QuoAssign);
            case '%': return Operator(pos, Token.Rem, Token.RemAssign);
            case '^': return Operator(pos, Token.Xor, Token.XorAssign);
            case '<': return Match('<') ? Operator(pos, Token.Shl, Token.ShlAssign) : Operator(pos, Token.Less, Token.LessEq);
            case '>': return Match('>') ? Operator(pos, Token.Shr, Token.ShrAssign) : Operator(pos, Token.Greater, Token.GreaterEq);
            case '=': return Operator(pos, Token.Assign, Token.Equal);
            case '!': return Operator(pos, Token.Not, Token.NotEqual);
            case '&':
                if (Match('^')) return Operator(pos, Token.AndNot, Token.AndNotAssign);
                if (Match('&')) return new(Token.LAnd, pos, "&&");
                return Operator(pos, Token.And, Token.AndAssign);
            case '|':
                if (Match('|')) return new(Token.LOr, pos, "||");
                return Operator(pos, Token.Or, Token.OrAssign);
            default:
                Error(pos, $"illegal character {Describe(c)}");
                return new Lexeme(Token.Illegal, pos, c.ToString());
        }
    }

    private static string Describe(char c) => char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : $"'{c}'";

    private bool Match(char expected)
    {
        if (Current != expected) return false;
        _offset++;
        return true;
    }

    private Lexeme Operator(SourcePos pos, Token plain, Token withEquals) =>
        Match('=') ? new(withEquals, pos, withEquals.Text()) : new(plain, pos, plain.Text());

    private static bool IsLetter(char c) => c == '_' || char.IsLetter(c);

    private Lexeme ScanNumber(SourcePos pos)
    {
        var start = _offset;
        var isFloat = false;
        if (Current == '0' && Peek() is 'x' or 'X' or 'b' or 'B' or 'o' or 'O')
        {
            _offset += 2;
            while (!AtEnd && (char.IsAsciiHexDigit(Current) || Current == '_')) _offset++;
        }
        else
        {
            while (!AtEnd && (char.IsAsciiDigit(Current) || Current == '_')) _offset++;
            if (Current == '.' && Peek() != '.')
            {
                isFloat = true;
                _offset++;
                while (!AtEnd && (char.IsAsciiDigit(Current) || Current == '_')) _offset++;
            }

            if (Current is 'e' or 'E')
            {
                isFloat = true;
                _offset++;
                if (Current is '+' or '-') _offset++;
                if (!char.IsAsciiDigit(Current)) Error(Pos, "exponent has no digits");
                while (!AtEnd && char.IsAsciiDigit(Current)) _offset++;
            }
        }

        var text = _src[start.._offset];
        if (!AtEnd && IsLetter(Current))
        {
            Error(Pos, $"invalid character '{Current}' in number {text}");
        }

        return new Lexeme(isFloat ? Token.Float : Token.Int, pos, text);
    }

    private Lexeme ScanChar(SourcePos pos)
    {
        var builder = new StringBuilder();
        var count = 0;
        while (true)
        {
            if (AtEnd || Current == '\n')
            {
                Error(pos, "rune literal not terminated");
                break;
            }

            if (Current == '\'')
            {
                _offset++;
                break;
            }

            if (Current == '\\')
            {
                ScanEscape(builder, '\'');
            }
            else
            {
                AppendRuneAt(builder);
            }

            count++;
        }

        var text = builder.ToString();
        if (count != 1 || text.EnumerateRunes().Count() != 1)
        {
            Error(pos, "illegal rune literal");
        }

        return new Lexeme(Token.Char, pos, text);
    }

    private void AppendRuneAt(StringBuilder builder)
    {
        if (char.IsHighSurrogate(Current) && char.IsLowSurrogate(Peek()))
        {
            builder.Append(Current).Append(Peek());
            _offset += 2;
            return;
        }

        builder.Append(Current);
        _offset++;
    }

    private string ScanString(SourcePos pos)
    {
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd || Current == '\n')
            {
                Error(pos, "string literal not terminated");
                return builder.ToString();
            }

            var c = Current;
            if (c == '"')
            {
                _offset++;
                return builder.ToString();
            }

            if (c == '\\')
            {
                ScanEscape(builder, '"');
            }
            else
            {
                builder.Append(c);
                _offset++;
            }
        }
    }

    private string ScanRawString(SourcePos pos)
    {
        var start = _offset;
        while (!AtEnd && Current != '`') Advance();
        if (AtEnd)
        {
            Error(pos, "raw string literal not terminated");
            return _src[start..];
        }

        var text = _src[start.._offset].Replace("\r", "", StringComparison.Ordinal);
        _offset++;
        return text;
    }

    private void ScanEscape(StringBuilder builder, char quote)
    {
        var pos = Pos;
        _offset++;
        var c = Current;
        _offset++;
        switch (c)
        {
            case 'a': builder.Append('\a'); return;
            case 'b': builder.Append('\b'); return;
            case 'f': builder.Append('\f'); return;
            case 'n': builder.Append('\n'); return;
            case 'r': builder.Append('\r'); return;
            case 't': builder.Append('\t'); return;
            case 'v': builder.Append('\v'); return;
            case '\\': builder.Append('\\'); return;
            case 'x': AppendCode(builder, pos, 2, 16, isByte: true); return;
            case 'u': AppendCode(builder, pos, 4, 16, isByte: false); return;
            case 'U': AppendCode(builder, pos, 8, 16, isByte: false); return;
            case >= '0' and <= '7':
                _offset--;
                AppendCode(builder, pos, 3, 8, isByte: true);
                return;
            default:
                if (c == quote)
                {
                    builder.Append(c);
                    return;
                }

                _offset--;
                Error(pos, "unknown escape sequence");
                return;
        }
    }

    private void AppendCode(StringBuilder builder, SourcePos pos, int digits, int radix, bool isByte)
    {
        var value = 0;
        for (var i = 0; i < digits; i++)
        {
            var digit = radix == 16 && char.IsAsciiHexDigit(Current) ? int.Parse(Current.ToString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                : radix == 8 && Current is >= '0' and <= '7' ? Current - '0'
                : -1;
            if (digit < 0)
            {
                Error(pos, "illegal character in escape sequence");
                return;
            }

            value = value * radix + digit;
            _offset++;
        }

        // A \x or octal escape names one byte; scripts are text, so bytes above 0x7F become the Latin-1 code point.
        if (isByte ? value > 255 : value > 0x10FFFF || (value >= 0xD800 && value < 0xE000))
        {
            Error(pos, "escape sequence is invalid Unicode code point");
            return;
        }

        builder.Append(char.ConvertFromUtf32(value));
    }
}
