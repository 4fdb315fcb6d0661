using System.Globalization;

namespace GradRepl.Plotting.TickGenerators;

/// <summary>
/// Labels like matplotlib's ScalarFormatter: every label of an axis gets the same number of decimals, the
/// fewest that show each tick exactly (so <c>-7.5 … 0.0 … 2.5</c>, but <c>0 20 40</c>), and the minus sign is
/// U+2212. Very large or very small magnitudes switch to scientific notation per label.
/// </summary>
internal static class TickLabelFormatter
{
    public const char Minus = '\u2212';

    public static string[] Format(double[] positions)
    {
        if (positions.Length == 0)
        {
            return [];
        }

        // a loop, not positions.Max(Math.Abs): LINQ over doubles is JIT-compiled at start-up (bench/README.md)
        var maxAbs = 0.0;
        foreach (var v in positions)
        {
            maxAbs = Math.Max(maxAbs, Math.Abs(v));
        }

        var step = positions.Length > 1 ? Math.Abs(positions[1] - positions[0]) : Math.Max(maxAbs, 1);
        // a narrow range far from zero (1e6 to 1e6 + 10) would give every tick the same scientific label; matplotlib
        // shows an offset there, these labels write the values out in full
        var narrow = positions.Length > 1 && step < maxAbs * 1e-3;
        var scientific = !narrow && (maxAbs >= 1e5 || (maxAbs > 0 && step < 1e-4));
        var decimals = scientific ? 0 : Decimals(positions, step);
        var result = new string[positions.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            var v = positions[i];
            var text = scientific ? Scientific(v) : v.ToString("F" + decimals, CultureInfo.InvariantCulture);
            result[i] = WithUnicodeMinus(text);
        }

        return result;
    }

    /// <summary>Replaces ASCII hyphen-minus signs by U+2212; "-0" style negative zeros become unsigned.</summary>
    public static string WithUnicodeMinus(string text)
    {
        if (!text.StartsWith('-'))
        {
            return text;
        }

        var rest = text[1..];
        return rest.Trim('0', '.').Length == 0 ? rest : Minus + rest.Replace("e-", "e" + Minus, StringComparison.Ordinal);
    }

    private static int Decimals(double[] positions, double step)
    {
        var tolerance = step * 1e-6;
        for (var d = 0; d <= 12; d++)
        {
            var ok = true;
            foreach (var v in positions)
            {
                if (Math.Abs(Math.Round(v, d) - v) > tolerance)
                {
                    ok = false;
                    break;
                }
            }

            if (ok)
            {
                return d;
            }
        }

        return 12;
    }

    private static string Scientific(double v)
    {
        if (v == 0)
        {
            return "0";
        }

        var exponent = (int)Math.Floor(Math.Log10(Math.Abs(v)));
        var mantissa = v / Math.Pow(10, exponent);
        var m = mantissa.ToString("0.###", CultureInfo.InvariantCulture);
        return $"{m}e{exponent.ToString(CultureInfo.InvariantCulture)}";
    }
}
