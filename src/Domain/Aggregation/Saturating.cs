namespace GovReport.Domain.Aggregation;

/// <summary>
/// Arithmetic on figures that cannot throw. The log may hold any value a decimal can, including
/// figures recorded before plausible ranges were enforced; one of them must not stop a projection
/// or a read. A result too large to hold becomes <see cref="decimal.MaxValue"/> (or MinValue) and
/// stays there through every later step, so "too large" reaches the reader as a marker, never a number.
/// </summary>
public static class Saturating
{
    public static bool IsOverflow(decimal value) => value == decimal.MaxValue || value == decimal.MinValue;

    public static decimal Add(decimal a, decimal b)
    {
        if (IsOverflow(a)) return a;
        if (IsOverflow(b)) return b;
        try { return a + b; }
        catch (OverflowException) { return a > 0 ? decimal.MaxValue : decimal.MinValue; }
    }

    public static decimal Multiply(decimal a, decimal b)
    {
        if (IsOverflow(a)) return Math.Sign(b) >= 0 ? a : -a;
        if (IsOverflow(b)) return Math.Sign(a) >= 0 ? b : -b;
        try { return a * b; }
        catch (OverflowException) { return Math.Sign(a) == Math.Sign(b) ? decimal.MaxValue : decimal.MinValue; }
    }

    /// <remarks>A zero divisor is the caller's to rule out; a marker divided stays a marker.</remarks>
    public static decimal Divide(decimal a, decimal b)
    {
        if (IsOverflow(a)) return Math.Sign(b) >= 0 ? a : -a;
        try { return a / b; }
        catch (OverflowException) { return Math.Sign(a) == Math.Sign(b) ? decimal.MaxValue : decimal.MinValue; }
    }

    public static decimal Sum(IEnumerable<decimal> values)
    {
        var sum = 0m;
        foreach (var value in values) sum = Add(sum, value);
        return sum;
    }

    /// <summary>A figure fit to show: null for the marker, which stands for no number at all.</summary>
    public static decimal? Shown(decimal? value) => value is { } v && IsOverflow(v) ? null : value;
}
