using System.Globalization;

namespace LlmSpell.Engines.Tengo.Language;

/// <summary>
/// Recursive-descent parser for Tengo. It stops at the first error: one precise message with its
/// position helps a script author more than a cascade of follow-on errors.
/// </summary>
internal sealed class Parser
{
    /// <summary>Nesting beyond this is refused rather than risking the host's stack.</summary>
    public const int MaxNesting = 200;
    
    /// <summary>How many selectors, indexes and calls one expression may chain (<c>a.b(c)[d]…</c>).</summary>
    public const int MaxChain = 2_000;

    private readonly string _file;
    private readonly string[] _lines;
    private readonly List<Lexeme> _tokens = [];
    private int _index;
    private int _depth;
    private int _functionDepth;

    // In an if or for header a '{' opens the body, never a map literal (as in Go); brackets,
    // parentheses and function bodies lift this again.
    private bool _inControlClause;

    private Parser(string file, string source)
    {
        _file = file;
        _lines = source.Split('\n');
        var errors = new List<TengoSyntaxError>();
        var scanner = new Scanner(source, errors);
        while (true)
        {
            var lexeme = scanner.Next();
            if (errors.Count > 0)
            {
                throw new TengoCompileException(file, errors);
            }

            _tokens.Add(lexeme);
            if (lexeme.Token == Token.Eof)
            {
                break;
            }
        }
    }

    public static ParsedFile Parse(string file, string source)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(source);
        return new Parser(file, source).ParseFile();
    }

    private Lexeme Current => _tokens[_index];

    private Token Tok => _tokens[_index].Token;

    private Token PeekToken(int ahead) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)].Token;

    private void Next()
    {
        if (_index < _tokens.Count - 1) _index++;
    }

    private TengoCompileException Error(SourcePos pos, string message) => new(_file, [new TengoSyntaxError(pos, message)]);

    /// <summary>The source of an expression that ends where the current token starts (for messages).</summary>
    private string Text(Expr expression)
    {
        var (line, column) = (expression.Pos.Line, expression.Pos.Column);
        if (line < 1 || line > _lines.Length) return "?";
        var text = _lines[line - 1];
        var end = Current.Pos.Line == line ? Math.Min(Current.Pos.Column - 1, text.Length) : text.Length;
        return column - 1 < end ? text[(column - 1)..end].Trim() : "?";
    }

    private static string Found(Lexeme lexeme) => lexeme.Token switch
    {
        Token.Semicolon when lexeme.Literal == "\n" => "newline",
        Token.Eof => "EOF",
        Token.Ident or Token.Int or Token.Float => lexeme.Literal,
        Token.String => "string literal",
        Token.Char => "char literal",
        _ => lexeme.Token.Text(),
    };

    private SourcePos Expect(Token token)
    {
        var pos = Current.Pos;
        if (Tok != token)
        {
            throw Error(pos, $"expected '{token.Text()}', found '{Found(Current)}'");
        }

        Next();
        return pos;
    }

    private void ExpectSemi()
    {
        if (Tok is Token.RParen or Token.RBrace) return;
        if (Tok is Token.Semicolon)
        {
            Next();
            return;
        }

        if (Tok is Token.Eof) return;
        throw Error(Current.Pos, $"expected ';', found '{Found(Current)}'");
    }

    private void Enter(SourcePos pos)
    {
        if (++_depth > MaxNesting)
        {
            throw Error(pos, $"the script nests deeper than {MaxNesting} levels");
        }
    }

    private void Leave() => _depth--;

    private ParsedFile ParseFile()
    {
        var statements = new List<Stmt>();
        while (Tok != Token.Eof)
        {
            if (Tok == Token.RBrace)
            {
                throw Error(Current.Pos, "unexpected '}'");
            }

            statements.Add(ParseStmt());
        }

        return new ParsedFile(_file, statements);
    }

    // ---- Statements ----

    private Stmt ParseStmt()
    {
        var pos = Current.Pos;
        Enter(pos);
        try
        {
            switch (Tok)
            {
                case Token.Semicolon:
                    Next();
                    return new EmptyStmt(pos);
                case Token.RBrace:
                    return new EmptyStmt(pos);
                case Token.LBrace when !StartsMapLiteral():
                    var block = ParseBlock();
                    ExpectSemi();
                    return block;
                case Token.If:
                    return ParseIf();
                case Token.For:
                    return ParseFor();
                case Token.Break or Token.Continue:
                    var kind = Tok;
                    Next();
                    ExpectSemi();
                    return new BranchStmt(pos, kind);
                case Token.Return:
                    Next();
                    var value = Tok is Token.Semicolon or Token.RBrace or Token.Eof ? null : ParseExpr();
                    ExpectSemi();
                    return new ReturnStmt(pos, value);
                case Token.Export:
                    if (_functionDepth > 0)
                    {
                        throw Error(pos, "export not allowed inside function");
                    }

                    Next();
                    var exported = ParseExpr();
                    ExpectSemi();
                    return new ExportStmt(pos, exported);
                case Token.Ident or Token.Int or Token.Float or Token.Char or Token.String or Token.Func or Token.LParen
                    or Token.LBrack or Token.LBrace or Token.Add or Token.Sub or Token.Not or Token.Xor or Token.True or Token.False
                    or Token.Undefined or Token.Error or Token.Immutable or Token.Import:
                    var simple = ParseSimpleStmt();
                    ExpectSemi();
                    return simple;
                default:
                    throw Error(pos, $"expected statement, found '{Found(Current)}'");
            }
        }
        finally
        {
            Leave();
        }
    }

    /// <summary>
    /// The reference reads every statement that starts with '{' as a map literal (<c>{}[:]</c>,
    /// <c>{a: 1}.a</c>); we also allow bare blocks, so a '{' that opens <c>{}</c> or <c>{key:</c> is a map.
    /// </summary>
    private bool StartsMapLiteral()
    {
        var ahead = 1;
        while (_tokens[Math.Min(_index + ahead, _tokens.Count - 1)] is { Token: Token.Semicolon, Literal: "\n" }) ahead++;
        var first = PeekToken(ahead);
        return first == Token.RBrace || ((first is Token.Ident or Token.String || first >= Token.Break) && PeekToken(ahead + 1) == Token.Colon);
    }

    private Stmt ParseSimpleStmt()
    {
        var pos = Current.Pos;
        var target = ParseExpr();
        if (Tok == Token.Comma)
        {
            // The reference parses `a, b = 1, 2` and its compiler refuses it, at the statement, in these words.
            throw Error(pos, "tuple assignment not allowed");
        }

        var op = Tok;
        switch (op)
        {
            case Token.Define or Token.Assign or Token.AddAssign or Token.SubAssign or Token.MulAssign or Token.QuoAssign or Token.RemAssign
                or Token.AndAssign or Token.OrAssign or Token.XorAssign or Token.ShlAssign or Token.ShrAssign or Token.AndNotAssign:
                if (op == Token.Define && target is not IdentExpr)
                {
                    throw Error(target.Pos, target is IndexExpr ? "operator ':=' not allowed with selector" : "non-name on left side of :=");
                }

                if (target is not (IdentExpr or IndexExpr))
                {
                    throw Error(target.Pos, $"unresolved reference '{Text(target)}'");
                }

                Next();

                var value = ParseExpr();
                return new AssignStmt(target.Pos, target, op, value);
            case Token.Inc or Token.Dec:
                if (target is not (IdentExpr or IndexExpr))
                {
                    throw Error(target.Pos, $"unresolved reference '{Text(target)}'");
                }

                Next();
                return new IncDecStmt(target.Pos, target, op);
            default:
                return new ExprStmt(pos, target);
        }
    }

    private BlockStmt ParseBlock()
    {
        var pos = Expect(Token.LBrace);
        var statements = new List<Stmt>();
        while (Tok is not Token.RBrace and not Token.Eof)
        {
            statements.Add(ParseStmt());
        }

        Expect(Token.RBrace);
        return new BlockStmt(pos, statements);
    }

    private IfStmt ParseIf()
    {
        var pos = Expect(Token.If);
        Stmt? init = null;
        Expr condition;
        if (Tok == Token.LBrace)
        {
            throw Error(Current.Pos, "missing condition in if statement");
        }

        var outer = _inControlClause;
        _inControlClause = true;
        var first = ParseSimpleStmt();
        if (Tok == Token.Semicolon)
        {
            Next();
            init = first;
            condition = ParseExpr();
        }
        else
        {
            condition = first is ExprStmt e ? e.Expr : throw Error(first.Pos, "expected condition, found assignment (missing parentheses around composite literal or ';'?)");
        }

        _inControlClause = outer;
        var then = ParseBlock();
        Stmt? otherwise = null;
        if (Tok == Token.Else)
        {
            Next();
            // Each else-if nests one level deeper in the tree, so a chain counts against the nesting limit.
            Enter(Current.Pos);
            try
            {
                otherwise = Tok switch
                {
                    Token.If => ParseIf(),
                    Token.LBrace => ParseBlockThenSemi(),
                    _ => throw Error(Current.Pos, $"expected if statement or block, found '{Found(Current)}'"),
                };
            }
            finally
            {
                Leave();
            }

            return new IfStmt(pos, init, condition, then, otherwise);
        }

        ExpectSemi();
        return new IfStmt(pos, init, condition, then, otherwise);
    }

    private BlockStmt ParseBlockThenSemi()
    {
        var block = ParseBlock();
        ExpectSemi();
        return block;
    }

    private Stmt ParseFor()
    {
        var pos = Expect(Token.For);
        if (Tok == Token.LBrace)
        {
            return new ForStmt(pos, null, null, null, ParseBlockThenSemi());
        }

        if (Tok == Token.Ident && (PeekToken(1) == Token.In || (PeekToken(1) == Token.Comma && PeekToken(2) == Token.Ident && PeekToken(3) == Token.In)))
        {
            var key = new IdentExpr(Current.Pos, Current.Literal);
            Next();
            IdentExpr? value = null;
            if (Tok == Token.Comma)
            {
                Next();
                value = new IdentExpr(Current.Pos, Current.Literal);
                Next();
            }

            Expect(Token.In);

            // `for k, v in {a: 1} {` is Tengo's own idiom: right after `in`, a brace can only open a map.
            var outerClause = _inControlClause;
            _inControlClause = Tok != Token.LBrace;
            var iterable = ParseExpr();
            _inControlClause = outerClause;
            return new ForInStmt(pos, key, value, iterable, ParseBlockThenSemi());
        }

        Stmt? init = null;
        Expr? condition = null;
        Stmt? post = null;
        var outer = _inControlClause;
        _inControlClause = true;
        var first = Tok == Token.Semicolon ? null : ParseSimpleStmt();
        if (Tok == Token.Semicolon)
        {
            Next();
            init = first;
            if (Tok != Token.Semicolon)
            {
                condition = ParseExpr();
            }

            Expect(Token.Semicolon);
            if (Tok != Token.LBrace)
            {
                post = ParseSimpleStmt();
                if (post is AssignStmt { Op: Token.Define })
                {
                    throw Error(post.Pos, "cannot declare in post statement of for loop");
                }
            }
        }
        else
        {
            condition = first is ExprStmt e ? e.Expr : throw Error(pos, "expected for loop condition");
        }

        _inControlClause = outer;
        return new ForStmt(pos, init, condition, post, ParseBlockThenSemi());
    }

    // ---- Expressions ----

    private Expr ParseExpr()
    {
        var pos = Current.Pos;
        Enter(pos);
        try
        {
            var condition = ParseBinary(1);
            if (Tok != Token.Question)
            {
                return condition;
            }

            Next();
            var then = ParseExpr();
            Expect(Token.Colon);
            var otherwise = ParseExpr();
            return new CondExpr(condition.Pos, condition, then, otherwise);
        }
        finally
        {
            Leave();
        }
    }

    private Expr ParseBinary(int minPrecedence)
    {
        var left = ParseUnary();
        while (true)
        {
            var op = Tok;
            var precedence = op.Precedence();
            if (precedence < minPrecedence || precedence == 0)
            {
                return left;
            }

            var pos = Current.Pos;
            Next();
            var right = ParseBinary(precedence + 1);
            left = new BinaryExpr(left.Pos, op, left, right);
        }
    }

    private Expr ParseUnary()
    {
        if (Tok is Token.Add or Token.Sub or Token.Not or Token.Xor)
        {
            var pos = Current.Pos;
            var op = Tok;
            Next();
            Enter(pos);
            try
            {
                return new UnaryExpr(pos, op, ParseUnary());
            }
            finally
            {
                Leave();
            }
        }

        return ParsePrimary();
    }

    private Expr ParsePrimary()
    {
        var x = ParseOperand();
        // Each selector, index or call nests the tree one level deeper, and the compiler walks it
        // recursively: a chain of hundreds of thousands would overflow the stack.
        for (var links = 0; ; links++)
        {
            var pos = Current.Pos;
            if (links > MaxChain)
            {
                throw Error(pos, $"the expression chains more than {MaxChain} selectors, indexes and calls");
            }
            switch (Tok)
            {
                case Token.Period:
                    Next();
                    // Keywords are fine as selectors: log.error(...) and result.error read naturally.
                    if (Tok != Token.Ident && Tok < Token.Break)
                    {
                        throw Error(Current.Pos, $"expected selector name, found '{Found(Current)}'");
                    }

                    x = new IndexExpr(x.Pos, x, new StringLit(Current.Pos, Current.Literal));
                    Next();
                    break;
                case Token.LBrack:
                    var target = x;
                    x = Lifted(() => ParseIndexOrSlice(target.Pos, target));
                    break;
                case Token.LParen:
                    var callee = x;
                    x = Lifted(() => ParseCall(callee));
                    break;
                default:
                    return x;
            }
        }
    }

    private Expr ParseIndexOrSlice(SourcePos pos, Expr x)
    {
        Next();
        Expr? low = null;
        if (Tok != Token.Colon)
        {
            low = ParseExpr();
        }

        if (Tok == Token.Colon)
        {
            Next();
            var high = Tok == Token.RBrack ? null : ParseExpr();
            Expect(Token.RBrack);
            return new SliceExpr(pos, x, low, high);
        }

        Expect(Token.RBrack);
        return new IndexExpr(pos, x, low!);
    }

    private T Lifted<T>(Func<T> parse)
    {
        var outer = _inControlClause;
        _inControlClause = false;
        try
        {
            return parse();
        }
        finally
        {
            _inControlClause = outer;
        }
    }

    private CallExpr ParseCall(Expr function)
    {
        Expect(Token.LParen);
        var arguments = new List<Expr>();
        var spread = false;
        SkipNewlines();
        while (Tok is not Token.RParen and not Token.Eof)
        {
            if (spread)
            {
                throw Error(Current.Pos, "only the last argument can be spread with '...'");
            }

            arguments.Add(ParseExpr());
            if (Tok == Token.Ellipsis)
            {
                spread = true;
                Next();
            }

            if (!AtListSeparator(Token.RParen, "argument list"))
            {
                break;
            }
        }

        Expect(Token.RParen);
        return new CallExpr(function.Pos, function, arguments, spread);
    }

    /// <summary>Consumes a comma (and line ends around it); false when the list closes here.</summary>
    private bool AtListSeparator(Token close, string context)
    {
        SkipNewlines();
        if (Tok == Token.Comma)
        {
            Next();
            SkipNewlines();
            return true;
        }

        if (Tok == close)
        {
            return false;
        }

        throw Error(Current.Pos, $"expected ',' or '{close.Text()}' in {context}, found '{Found(Current)}'");
    }

    // Line ends inside brackets are layout, not statement ends; the scanner cannot know, the parser can.
    private void SkipNewlines()
    {
        while (Tok == Token.Semicolon && Current.Literal == "\n") Next();
    }

    private Expr ParseOperand()
    {
        var lexeme = Current;
        var pos = lexeme.Pos;
        switch (lexeme.Token)
        {
            case Token.Ident:
                Next();
                return new IdentExpr(pos, lexeme.Literal);
            case Token.Int:
                Next();
                return new IntLit(pos, GoIntegers.Parse(lexeme.Literal) ?? throw Error(pos, $"invalid integer literal {lexeme.Literal}"));
            case Token.Float:
                Next();
                return double.TryParse(lexeme.Literal.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var f)
                    ? new FloatLit(pos, f)
                    : throw Error(pos, $"invalid float literal {lexeme.Literal}");
            case Token.String:
                Next();
                return new StringLit(pos, lexeme.Literal);
            case Token.Char:
                Next();
                return new CharLit(pos, char.ConvertToUtf32(lexeme.Literal, 0));
            case Token.True or Token.False:
                Next();
                return new BoolLit(pos, lexeme.Token == Token.True);
            case Token.Undefined:
                Next();
                return new UndefinedLit(pos);
            case Token.LParen:
                return Lifted(() =>
                {
                    Next();
                    SkipNewlines();
                    var inner = ParseExpr();
                    SkipNewlines();
                    Expect(Token.RParen);
                    return inner;
                });
            case Token.LBrack:
                return Lifted(ParseArray);
            case Token.LBrace when _inControlClause:
                throw Error(pos, "expected operand, found '{' (a map literal in an if or for header needs parentheses)");
            case Token.LBrace:
                return ParseMap();
            case Token.Func:
                return ParseFunc();
            case Token.Error or Token.Immutable:
                Next();
                Expect(Token.LParen);
                var value = Lifted(ParseExpr);
                Expect(Token.RParen);
                return lexeme.Token == Token.Error ? new ErrorExpr(pos, value) : new ImmutableExpr(pos, value);
            case Token.Import:
                Next();
                Expect(Token.LParen);
                if (Tok != Token.String)
                {
                    throw Error(Current.Pos, $"expected module name as a string, found '{Found(Current)}'");
                }

                var name = Current.Literal;
                Next();
                Expect(Token.RParen);
                return new ImportExpr(pos, name);
            default:
                throw Error(pos, $"expected operand, found '{Found(lexeme)}'");
        }
    }

    private ArrayLit ParseArray()
    {
        var pos = Expect(Token.LBrack);
        var elements = new List<Expr>();
        SkipNewlines();
        while (Tok is not Token.RBrack and not Token.Eof)
        {
            elements.Add(ParseExpr());
            if (!AtListSeparator(Token.RBrack, "array literal"))
            {
                break;
            }
        }

        Expect(Token.RBrack);
        return new ArrayLit(pos, elements);
    }

    private MapLit ParseMap()
    {
        var pos = Expect(Token.LBrace);
        var entries = new List<MapEntry>();
        SkipNewlines();
        while (Tok is not Token.RBrace and not Token.Eof)
        {
            var keyPos = Current.Pos;
            string key;
            if (Tok is Token.Ident or Token.String)
            {
                key = Current.Literal;
            }
            else if (Tok >= Token.Break)
            {
                // Keywords are fine as keys: {if: 1} reads naturally in data.
                key = Current.Literal;
            }
            else
            {
                throw Error(keyPos, $"expected map key, found '{Found(Current)}'");
            }

            Next();
            Expect(Token.Colon);
            entries.Add(new MapEntry(keyPos, key, ParseExpr()));
            if (!AtListSeparator(Token.RBrace, "map literal"))
            {
                break;
            }
        }

        Expect(Token.RBrace);
        return new MapLit(pos, entries);
    }

    private FuncLit ParseFunc()
    {
        var pos = Expect(Token.Func);
        Expect(Token.LParen);
        var parameters = new List<IdentExpr>();
        var varArgs = false;
        while (Tok is not Token.RParen and not Token.Eof)
        {
            if (varArgs)
            {
                throw Error(Current.Pos, "can only use ... with final parameter");
            }

            if (Tok == Token.Ellipsis)
            {
                varArgs = true;
                Next();
            }

            if (Tok != Token.Ident)
            {
                throw Error(Current.Pos, $"expected parameter name, found '{Found(Current)}'");
            }

            parameters.Add(new IdentExpr(Current.Pos, Current.Literal));
            Next();
            if (Tok != Token.Comma)
            {
                break;
            }

            Next();
        }

        Expect(Token.RParen);
        _functionDepth++;
        try
        {
            return new FuncLit(pos, parameters, varArgs, Lifted(ParseBlock));
        }
        finally
        {
            _functionDepth--;
        }
    }
}
