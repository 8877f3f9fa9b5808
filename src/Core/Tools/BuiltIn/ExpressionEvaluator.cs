using System.Globalization;
using LlmSpell.Errors;

namespace LlmSpell.Tools.BuiltIn;

/// <summary>
/// Arithmetic for the calculator tool: numbers, + - * / % ^, parentheses, unary minus, the
/// constants pi and e, and a fixed set of functions. It parses and evaluates; it never runs code.
/// </summary>
internal sealed class ExpressionEvaluator
{
    private const int MaxLength = 2000;
    private const int MaxDepth = 64;

    private static readonly Dictionary<string, Func<double[], double>> Functions = new(StringComparer.Ordinal)
    {
        ["sqrt"] = a => Math.Sqrt(One(a)), ["abs"] = a => Math.Abs(One(a)), ["round"] = a => Math.Round(One(a), MidpointRounding.AwayFromZero),
        ["floor"] = a => Math.Floor(One(a)), ["ceil"] = a => Math.Ceiling(One(a)), ["exp"] = a => Math.Exp(One(a)),
        ["ln"] = a => Math.Log(One(a)), ["log10"] = a => Math.Log10(One(a)), ["log2"] = a => Math.Log2(One(a)),
        ["sin"] = a => Math.Sin(One(a)), ["cos"] = a => Math.Cos(One(a)), ["tan"] = a => Math.Tan(One(a)),
        ["min"] = a => a.Length > 0 ? a.Min() : throw new FormatException("min needs at least one argument"),
        ["max"] = a => a.Length > 0 ? a.Max() : throw new FormatException("max needs at least one argument"),
    };

    private readonly string _text;
    private int _position;
    private int _depth;

    private ExpressionEvaluator(string text) => _text = text;

    /// <exception cref="SpellException">With code <c>bad_argument</c> naming the position of the fault.</exception>
    public static double Evaluate(string expression)
    {
        if (expression.Length > MaxLength)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"calculator: the expression is longer than {MaxLength} characters");
        }

        var evaluator = new ExpressionEvaluator(expression);
        try
        {
            var value = evaluator.Sum();
            evaluator.SkipSpaces();
            if (evaluator._position < expression.Length)
            {
                throw new FormatException($"unexpected '{expression[evaluator._position]}'");
            }

            return double.IsFinite(value) ? value : throw new FormatException("the result is not a finite number (division by zero?)");
        }
        catch (FormatException ex)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"calculator: {ex.Message} at position {evaluator._position + 1} of \"{expression}\"");
        }
    }

    private static double One(double[] arguments) => arguments.Length == 1 ? arguments[0] : throw new FormatException("this function takes one argument");

    private double Sum()
    {
        var value = Product();
        while (true)
        {
            if (Accept('+')) value += Product();
            else if (Accept('-')) value -= Product();
            else return value;
        }
    }

    private double Product()
    {
        var value = Power();
        while (true)
        {
            if (Accept('*')) value *= Power();
            else if (Accept('/')) value /= Power();
            else if (Accept('%')) value %= Power();
            else return value;
        }
    }

    private double Power()
    {
        var value = Unary();
        // Right-associative: 2^3^2 is 2^9.
        return Accept('^') ? Math.Pow(value, Power()) : value;
    }

    private double Unary()
    {
        if (Accept('-')) return -Unary();
        if (Accept('+')) return Unary();
        return Atom();
    }

    private double Atom()
    {
        if (++_depth > MaxDepth) throw new FormatException($"nesting deeper than {MaxDepth}");
        try
        {
            SkipSpaces();
            if (Accept('('))
            {
                var inner = Sum();
                return Accept(')') ? inner : throw new FormatException("missing ')'");
            }

            if (_position < _text.Length && (char.IsAsciiDigit(_text[_position]) || _text[_position] == '.'))
            {
                return Number();
            }

            var name = Name();
            if (name.Length == 0) throw new FormatException(_position < _text.Length ? $"unexpected '{_text[_position]}'" : "the expression ends too soon");
            if (name == "pi") return Math.PI;
            if (name == "e") return Math.E;
            if (!Functions.TryGetValue(name, out var function)) throw new FormatException($"unknown name '{name}' (functions: {string.Join(", ", Functions.Keys)}; constants: pi, e)");
            if (!Accept('(')) throw new FormatException($"'{name}' must be followed by '('");
            var arguments = new List<double>();
            if (!Accept(')'))
            {
                do { arguments.Add(Sum()); } while (Accept(','));
                if (!Accept(')')) throw new FormatException("missing ')'");
            }

            return function([.. arguments]);
        }
        finally
        {
            _depth--;
        }
    }

    private double Number()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsAsciiDigit(_text[_position]) || _text[_position] == '.')) _position++;
        if (_position < _text.Length && _text[_position] is 'e' or 'E' && _position + 1 < _text.Length && (char.IsAsciiDigit(_text[_position + 1]) || _text[_position + 1] is '-' or '+'))
        {
            _position += 2;
            while (_position < _text.Length && char.IsAsciiDigit(_text[_position])) _position++;
        }

        var text = _text[start.._position];
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException($"'{text}' is not a number");
    }

    private string Name()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsAsciiLetterLower(_text[_position]) || char.IsAsciiDigit(_text[_position]))) _position++;
        return _text[start.._position];
    }

    private bool Peek(char c)
    {
        SkipSpaces();
        return _position < _text.Length && _text[_position] == c;
    }

    private bool Accept(char c)
    {
        if (!Peek(c)) return false;
        _position++;
        return true;
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position])) _position++;
    }
}
