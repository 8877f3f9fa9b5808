namespace LlmSpell.Engines.Tengo.Language.Stdlib;

/// <summary>
/// Bessel functions of integer order for math.j0/j1/jn/y0/y1/yn (.NET has none). They come from
/// Bessel's integrals: J's is periodic, so the trapezoidal rule over a whole period converges
/// geometrically; Y's two integrals are not, so they are summed by Romberg integration (trapezoids
/// refined and extrapolated), the second up to where e^(-x sinh t) no longer counts.
/// </summary>
internal static class Bessel
{
    /// <summary>J_n(x) = 1/π ∫₀^π cos(nτ − x sin τ) dτ.</summary>
    public static double J(int n, double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (double.IsInfinity(x)) return 0;
        var sign = 1.0;
        if (n < 0)
        {
            n = -n;
            sign = n % 2 == 0 ? 1 : -1;
        }

        // The integrand has period 2π; sampling the whole period evenly is exact up to rounding once
        // the points outnumber the frequencies present (about |x| + n).
        var points = 64 + 2 * (int)Math.Min(Math.Abs(x) + n, 1_000_000);
        var sum = 0.0;
        for (var k = 0; k < points; k++)
        {
            var tau = 2 * Math.PI * k / points;
            sum += Math.Cos(n * tau - x * Math.Sin(tau));
        }

        return sign * sum / points;
    }

    /// <summary>Y_n(x) = 1/π ∫₀^π sin(x sin τ − nτ) dτ − 1/π ∫₀^∞ (e^(nt) + (−1)ⁿ e^(−nt)) e^(−x sinh t) dt, for x &gt; 0.</summary>
    public static double Y(int n, double x)
    {
        if (double.IsNaN(x) || x < 0) return double.NaN;
        if (x == 0) return double.NegativeInfinity;
        if (double.IsPositiveInfinity(x)) return 0;
        var sign = 1.0;
        if (n < 0)
        {
            n = -n;
            sign = n % 2 == 0 ? 1 : -1;
        }

        var first = Romberg(t => Math.Sin(x * Math.Sin(t) - n * t), 0, Math.PI, 16 + 4 * (int)Math.Min(x + n, 1_000_000));

        // e^(-x sinh t) has fallen below 1e-18 (times e^(nt)) once x sinh t - n t > 42.
        var end = 0.5;
        while (x * Math.Sinh(end) - n * end < 42 && end < 50) end += 0.5;
        var parity = n % 2 == 0 ? 1 : -1;
        var tail = Romberg(t => (Math.Exp(n * t) + parity * Math.Exp(-n * t)) * Math.Exp(-x * Math.Sinh(t)), 0, end, 64);
        return sign * (first - tail) / Math.PI;
    }

    private static double Romberg(Func<double, double> f, double a, double b, int intervals)
    {
        const int MaxLevels = 14;
        var previous = new double[MaxLevels + 1];
        var current = new double[MaxLevels + 1];
        var h = (b - a) / intervals;
        var sum = (f(a) + f(b)) / 2;
        for (var k = 1; k < intervals; k++) sum += f(a + k * h);
        previous[0] = sum * h;
        for (var level = 1; level <= MaxLevels; level++)
        {
            // Halve the step: the old points are already in the previous estimate, add the midpoints.
            var midpoints = 0.0;
            for (var k = 0; k < intervals; k++) midpoints += f(a + (k + 0.5) * h);
            intervals *= 2;
            h /= 2;
            current[0] = previous[0] / 2 + midpoints * h;
            var factor = 1.0;
            for (var j = 1; j <= level; j++)
            {
                factor *= 4;
                current[j] = current[j - 1] + (current[j - 1] - previous[j - 1]) / (factor - 1);
            }

            if (level >= 3 && Math.Abs(current[level] - previous[level - 1]) <= 1e-15 * Math.Max(1, Math.Abs(current[level])))
            {
                return current[level];
            }

            (previous, current) = (current, previous);
        }

        return previous[MaxLevels];
    }
}
