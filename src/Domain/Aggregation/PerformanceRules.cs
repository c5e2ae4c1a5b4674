using GovReport.Domain.Catalogue;

namespace GovReport.Domain.Aggregation;

public enum PerformanceStatus { Achieved, OnTrack, Behind, NoTarget }

public static class PerformanceRules
{
    public static string ToApiString(this PerformanceStatus status) => status switch
    {
        PerformanceStatus.Achieved => "achieved",
        PerformanceStatus.OnTrack => "on-track",
        PerformanceStatus.Behind => "behind",
        _ => "no-target",
    };

    /// <summary>Actual as a percentage of target, to 2 decimals ("bằng 113% kế hoạch"); null without a usable target.</summary>
    public static decimal? PercentOf(decimal? actual, decimal? target) =>
        actual is { } a && target is { } t && t != 0 ? Percent(a, t) : null;

    /// <summary>Growth against the same period last year ("tăng 9,34%"), to 2 decimals; negative is a fall.</summary>
    public static decimal? ChangePercent(decimal? actual, decimal? lastYear) =>
        actual is { } a && lastYear is { } l && l != 0 && !Saturating.IsOverflow(l) ? Percent(Saturating.Add(a, -l), Math.Abs(l)) : null;

    /// <summary>
    /// What the annual target asks for by the end of the elapsed months. Only flows accrue through
    /// the year; a rate, average or level is held to the full target from the start.
    /// </summary>
    public static decimal ExpectedToDate(Catalogue.Aggregation aggregation, decimal target, int elapsedMonths) =>
        aggregation == Catalogue.Aggregation.Sum ? Saturating.Divide(Saturating.Multiply(target, Math.Clamp(elapsedMonths, 0, 12)), 12m) : target;

    /// <summary>
    /// Achieved when the target is met; on track when the figure meets what is expected so far
    /// (the phased or pro-rata target); otherwise behind. Lower-is-better mirrors the comparisons.
    /// </summary>
    public static PerformanceStatus StatusOf(Direction direction, decimal? actual, decimal? target, decimal? expectedToDate)
    {
        if (target is not { } t) return PerformanceStatus.NoTarget;
        if (actual is not { } a) return PerformanceStatus.Behind;

        bool Meets(decimal goal) => direction == Direction.HigherIsBetter ? a >= goal : a <= goal;

        if (Meets(t)) return PerformanceStatus.Achieved;
        if (expectedToDate is { } e && Meets(e)) return PerformanceStatus.OnTrack;
        return PerformanceStatus.Behind;
    }

    /// <summary>Null when either side is too large to hold, or the ratio is: no percentage beats a wrong one.</summary>
    private static decimal? Percent(decimal part, decimal whole)
    {
        if (Saturating.IsOverflow(part) || Saturating.IsOverflow(whole)) return null;
        var percent = Saturating.Multiply(Saturating.Divide(part, whole), 100m);
        return Saturating.IsOverflow(percent) ? null : Round(percent);
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
