namespace LlmSpell.Engines.Tengo.Language.Stdlib;

/// <summary>math: Go's math constants and functions over floats (ints are accepted where a float is).</summary>
internal static class MathModule
{
    public static TengoMap Create()
    {
        var builder = new ModuleBuilder("math")
            .Float("e", Math.E).Float("pi", Math.PI).Float("phi", (1 + Math.Sqrt(5)) / 2)
            .Float("sqrt2", Math.Sqrt(2)).Float("sqrtE", Math.Sqrt(Math.E)).Float("sqrtPi", Math.Sqrt(Math.PI)).Float("sqrtPhi", Math.Sqrt((1 + Math.Sqrt(5)) / 2))
            .Float("ln2", Math.Log(2)).Float("log2E", 1 / Math.Log(2)).Float("ln10", Math.Log(10)).Float("log10E", 1 / Math.Log(10))
            .Float("maxFloat32", float.MaxValue).Float("smallestNonzeroFloat32", float.Epsilon)
            .Float("maxFloat64", double.MaxValue).Float("smallestNonzeroFloat64", double.Epsilon)
            .Int("maxInt", long.MaxValue).Int("minInt", long.MinValue)
            .Int("maxInt8", sbyte.MaxValue).Int("minInt8", sbyte.MinValue).Int("maxInt16", short.MaxValue).Int("minInt16", short.MinValue)
            .Int("maxInt32", int.MaxValue).Int("minInt32", int.MinValue).Int("maxInt64", long.MaxValue).Int("minInt64", long.MinValue)
            .Int("maxUint8", byte.MaxValue).Int("maxUint16", ushort.MaxValue).Int("maxUint32", uint.MaxValue);

        foreach (var (name, function) in new (string, Func<double, double>)[]
        {
            ("abs", Math.Abs), ("acos", Math.Acos), ("acosh", Math.Acosh), ("asin", Math.Asin), ("asinh", Math.Asinh),
            ("atan", Math.Atan), ("atanh", Math.Atanh), ("cbrt", Cbrt), ("ceil", Math.Ceiling), ("cos", Math.Cos),
            ("cosh", Math.Cosh), ("exp", Math.Exp), ("exp2", x => Math.Pow(2, x)), ("expm1", x => Math.Abs(x) < 1e-5 ? x + x * x / 2 : Math.Exp(x) - 1),
            ("floor", Math.Floor), ("log", Math.Log), ("log10", Math.Log10), ("log1p", x => Math.Abs(x) < 1e-5 ? x - x * x / 2 : Math.Log(1 + x)),
            ("log2", Math.Log2), ("logb", x => Math.Floor(Math.Log2(Math.Abs(x)))), ("round", x => Math.Round(x, MidpointRounding.AwayFromZero)),
            ("round_to_even", x => Math.Round(x, MidpointRounding.ToEven)), ("sin", Math.Sin), ("sinh", Math.Sinh), ("sqrt", Math.Sqrt),
            ("tan", Math.Tan), ("tanh", Math.Tanh), ("trunc", Math.Truncate), ("gamma", Gamma), ("erf", Erf), ("erfc", x => 1 - Erf(x)),
        })
        {
            builder.Function(name, (_, a) => { Arguments.Count(a, 1); return new TengoFloat(function(Arguments.Float(a, 0))); });
        }

        foreach (var (name, function) in new (string, Func<double, double, double>)[]
        {
            ("atan2", Math.Atan2), ("copysign", Math.CopySign), ("dim", (x, y) => Math.Max(x - y, 0)), ("hypot", (x, y) => Math.Sqrt(x * x + y * y)),
            ("max", Math.Max), ("min", Math.Min), ("mod", (x, y) => x % y), ("nextafter", NextAfter),
            ("pow", Math.Pow), ("remainder", Math.IEEERemainder),
        })
        {
            builder.Function(name, (_, a) => { Arguments.Count(a, 2); return new TengoFloat(function(Arguments.Float(a, 0), Arguments.Float(a, 1))); });
        }

        return builder
            .Function("inf", (_, a) => { Arguments.Count(a, 1); return new TengoFloat(Arguments.Int(a, 0) >= 0 ? double.PositiveInfinity : double.NegativeInfinity); })
            .Function("nan", (_, a) => { Arguments.Count(a, 0); return new TengoFloat(double.NaN); })
            .Function("is_nan", (_, a) => { Arguments.Count(a, 1); return TengoBool.From(double.IsNaN(Arguments.Float(a, 0))); })
            .Function("is_inf", (_, a) =>
            {
                Arguments.Count(a, 2);
                var x = Arguments.Float(a, 0);
                var sign = Arguments.Int(a, 1);
                return TengoBool.From(sign >= 0 && double.IsPositiveInfinity(x) || sign <= 0 && double.IsNegativeInfinity(x));
            })
            .Function("signbit", (_, a) => { Arguments.Count(a, 1); return TengoBool.From(double.IsNegative(Arguments.Float(a, 0))); })
            .Function("ilogb", (_, a) => { Arguments.Count(a, 1); return TengoInt.From(Math.ILogB(Arguments.Float(a, 0))); })
            .Function("ldexp", (_, a) => { Arguments.Count(a, 2); return new TengoFloat(Math.ScaleB(Arguments.Float(a, 0), (int)Arguments.Int(a, 1))); })
            .Function("pow10", (_, a) => { Arguments.Count(a, 1); return new TengoFloat(Math.Pow(10, Arguments.Int(a, 0))); })
            .Function("j0", (_, a) => { Arguments.Count(a, 1); return new TengoFloat(Bessel.J(0, Arguments.Float(a, 0))); })
            .Function("j1", (_, a) => { Arguments.Count(a, 1); return new TengoFloat(Bessel.J(1, Arguments.Float(a, 0))); })
            .Function("jn", (_, a) => { Arguments.Count(a, 2); return new TengoFloat(Bessel.J(Order(a), Arguments.Float(a, 1))); })
            .Function("y0", (_, a) => { Arguments.Count(a, 1); return new TengoFloat(Bessel.Y(0, Arguments.Float(a, 0))); })
            .Function("y1", (_, a) => { Arguments.Count(a, 1); return new TengoFloat(Bessel.Y(1, Arguments.Float(a, 0))); })
            .Function("yn", (_, a) => { Arguments.Count(a, 2); return new TengoFloat(Bessel.Y(Order(a), Arguments.Float(a, 1))); })
            .Build();
    }

    // Math.Cbrt can be one ulp off (27 gives 3.0000000000000004); one Newton step makes exact cubes exact, as in Go.
    private static double Cbrt(double x)
    {
        var r = Math.Cbrt(x);
        return r == 0 || !double.IsFinite(r) ? r : r - (r * r * r - x) / (3 * r * r);
    }

    private static int Order(ReadOnlySpan<TengoObject> a)
    {
        var n = Arguments.Int(a, 0);
        return n is >= -10_000 and <= 10_000 ? (int)n : throw new TengoRuntimeException($"Bessel order {n} is out of range (-10000 to 10000)");
    }

    private static double NextAfter(double x, double y) =>
        double.IsNaN(x) || double.IsNaN(y) ? double.NaN : x == y ? x : y > x ? Math.BitIncrement(x) : Math.BitDecrement(x);

    // .NET has no erf; this Chebyshev fit of erfc (Numerical Recipes' erfcc) is good to 1.2e-7 everywhere.
    private static double Erf(double x)
    {
        var t = 1.0 / (1.0 + 0.5 * Math.Abs(x));
        var y = 1 - t * Math.Exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? y : -y;
    }

    // Lanczos approximation (g = 7), accurate to ~15 digits for the doubles scripts use.
    private static double Gamma(double x)
    {
        if (x < 0.5) return Math.PI / (Math.Sin(Math.PI * x) * Gamma(1 - x));
        double[] g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
        x -= 1;
        var a = g[0];
        var t = x + 7.5;
        for (var i = 1; i < 9; i++) a += g[i] / (x + i);
        return Math.Sqrt(2 * Math.PI) * Math.Pow(t, x + 0.5) * Math.Exp(-t) * a;
    }
}
