namespace LlmSpell.Engines.Tengo.Language;

/// <summary>The lexical tokens of Tengo, as in its reference implementation.</summary>
internal enum Token
{
    Illegal, Eof, Comment,
    Ident, Int, Float, Char, String,
    Add, Sub, Mul, Quo, Rem, And, Or, Xor, Shl, Shr, AndNot,
    AddAssign, SubAssign, MulAssign, QuoAssign, RemAssign, AndAssign, OrAssign, XorAssign, ShlAssign, ShrAssign, AndNotAssign,
    LAnd, LOr, Inc, Dec, Equal, Less, Greater, Assign, Not, NotEqual, LessEq, GreaterEq, Define, Ellipsis,
    LParen, LBrack, LBrace, Comma, Period, RParen, RBrack, RBrace, Semicolon, Colon, Question,
    Break, Continue, Else, For, Func, Error, Immutable, If, Return, Export, True, False, In, Undefined, Import,
}

internal static class TokenExtensions
{
    private static readonly Dictionary<string, Token> KeywordTable = new(StringComparer.Ordinal)
    {
        ["break"] = Token.Break, ["continue"] = Token.Continue, ["else"] = Token.Else, ["for"] = Token.For,
        ["func"] = Token.Func, ["error"] = Token.Error, ["immutable"] = Token.Immutable, ["if"] = Token.If,
        ["return"] = Token.Return, ["export"] = Token.Export, ["true"] = Token.True, ["false"] = Token.False,
        ["in"] = Token.In, ["undefined"] = Token.Undefined, ["import"] = Token.Import,
    };

    public static Token LookupIdent(string text) => KeywordTable.TryGetValue(text, out var keyword) ? keyword : Token.Ident;

    public static bool IsKeyword(string text) => KeywordTable.ContainsKey(text);

    /// <summary>Binary operator precedence; 0 for tokens that are not binary operators.</summary>
    public static int Precedence(this Token token) => token switch
    {
        Token.LOr => 1,
        Token.LAnd => 2,
        Token.Equal or Token.NotEqual or Token.Less or Token.LessEq or Token.Greater or Token.GreaterEq => 3,
        Token.Add or Token.Sub or Token.Or or Token.Xor => 4,
        Token.Mul or Token.Quo or Token.Rem or Token.Shl or Token.Shr or Token.And or Token.AndNot => 5,
        _ => 0,
    };

    /// <summary>The operator an assignment like <c>+=</c> applies.</summary>
    public static Token CompoundOperator(this Token token) => token switch
    {
        Token.AddAssign => Token.Add, Token.SubAssign => Token.Sub, Token.MulAssign => Token.Mul,
        Token.QuoAssign => Token.Quo, Token.RemAssign => Token.Rem, Token.AndAssign => Token.And,
        Token.OrAssign => Token.Or, Token.XorAssign => Token.Xor, Token.ShlAssign => Token.Shl,
        Token.ShrAssign => Token.Shr, Token.AndNotAssign => Token.AndNot,
        _ => Token.Illegal,
    };

    /// <summary>How the token is written, for error messages ("int + string").</summary>
    public static string Text(this Token token) => token switch
    {
        Token.Eof => "EOF", Token.Ident => "IDENT", Token.Int => "INT", Token.Float => "FLOAT", Token.Char => "CHAR", Token.String => "STRING",
        Token.Add => "+", Token.Sub => "-", Token.Mul => "*", Token.Quo => "/", Token.Rem => "%", Token.And => "&", Token.Or => "|",
        Token.Xor => "^", Token.Shl => "<<", Token.Shr => ">>", Token.AndNot => "&^",
        Token.AddAssign => "+=", Token.SubAssign => "-=", Token.MulAssign => "*=", Token.QuoAssign => "/=", Token.RemAssign => "%=",
        Token.AndAssign => "&=", Token.OrAssign => "|=", Token.XorAssign => "^=", Token.ShlAssign => "<<=", Token.ShrAssign => ">>=", Token.AndNotAssign => "&^=",
        Token.LAnd => "&&", Token.LOr => "||", Token.Inc => "++", Token.Dec => "--", Token.Equal => "==", Token.Less => "<", Token.Greater => ">",
        Token.Assign => "=", Token.Not => "!", Token.NotEqual => "!=", Token.LessEq => "<=", Token.GreaterEq => ">=", Token.Define => ":=", Token.Ellipsis => "...",
        Token.LParen => "(", Token.LBrack => "[", Token.LBrace => "{", Token.Comma => ",", Token.Period => ".", Token.RParen => ")", Token.RBrack => "]",
        Token.RBrace => "}", Token.Semicolon => ";", Token.Colon => ":", Token.Question => "?",
        _ when token >= Token.Break => token.ToString().ToLowerInvariant(),
        _ => token.ToString().ToUpperInvariant(),
    };
}
