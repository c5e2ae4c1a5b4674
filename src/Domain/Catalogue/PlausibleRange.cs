using System.Globalization;
using GovReport.Domain.Errors;

namespace GovReport.Domain.Catalogue;

/// <summary>
/// The values a figure or target for an indicator may take. No governance figure comes near
/// 10^15 (a national budget in đồng is about 2·10^15 a year; in tỷ đồng, 2·10^6), and a bound
/// there keeps every sum and percentage far inside what a decimal holds. A percentage lies in
/// 0–100 unless the indicator says otherwise (an index against last year, 108.5 %, needs more);
/// <see cref="Indicator.MinValue"/> and <see cref="Indicator.MaxValue"/> tighten or widen it.
/// </summary>
public sealed record PlausibleRange(decimal Min, decimal Max)
{
    public const decimal Limit = 1_000_000_000_000_000m;

    public static PlausibleRange Default { get; } = new(-Limit, Limit);

    public static PlausibleRange Of(Indicator indicator)
    {
        var percentage = IsPercentage(indicator.Measure);
        var min = indicator.MinValue ?? (percentage ? (indicator.AllowsNegative ? -100m : 0m) : -Limit);
        var max = indicator.MaxValue ?? (percentage ? 100m : Limit);
        return new PlausibleRange(min, max);
    }

    public static bool IsPercentage(string measure) => measure.Trim().StartsWith('%');

    public bool Contains(decimal value) => value >= Min && value <= Max;

    /// <summary>A value outside the range as an error naming <paramref name="field"/>; null when it lies inside.</summary>
    public DomainError? Check(decimal value, string field, string indicatorName) =>
        Contains(value) ? null : new DomainError(ErrorCodes.ValueOutOfRange,
            $"{Show(value)} is outside the plausible range of {indicatorName}: {Show(Min)} to {Show(Max)}.", field);

    /// <summary>A catalogue's own bounds: each within ±10^15, the lower not above the upper.</summary>
    public static DomainError? CheckBounds(decimal? min, decimal? max)
    {
        if (min is { } lo && Math.Abs(lo) > Limit)
            return new DomainError(ErrorCodes.RangeOutOfBounds, $"minValue must lie within ±{Show(Limit)}.", "minValue");
        if (max is { } hi && Math.Abs(hi) > Limit)
            return new DomainError(ErrorCodes.RangeOutOfBounds, $"maxValue must lie within ±{Show(Limit)}.", "maxValue");
        if (min is { } a && max is { } b && a > b)
            return new DomainError(ErrorCodes.RangeInverted, "minValue cannot be above maxValue.", "minValue");
        return null;
    }

    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
