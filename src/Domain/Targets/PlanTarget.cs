using GovReport.Domain.Aggregation;
using GovReport.Domain.Periods;

namespace GovReport.Domain.Targets;

public static class PlanTarget
{
    /// <summary>
    /// The target a comparison is held to: the annual value, or, where the plan phases the year by
    /// month, the sum of the phasing over the view's months.
    /// </summary>
    public static decimal For(TargetLine line, Month month, PerformanceView view)
    {
        if (line.Monthly is null) return line.Value;
        var (from, to) = PerformanceViews.Range(view, month);
        return Phased(line.Monthly, from, to);
    }

    /// <summary>
    /// What the phasing asks for by <paramref name="month"/> within the view: its months up to
    /// and including that one; null when the plan does not phase the year.
    /// </summary>
    public static decimal? PhasedToDate(TargetLine line, Month month, PerformanceView view)
    {
        if (line.Monthly is null) return null;
        var (from, to) = PerformanceViews.Range(view, month);
        return from > month ? 0m : Phased(line.Monthly, from, to < month ? to : month);
    }

    /// <summary>
    /// What the plan asks for by the period's month within the view, the bar for "on track": the
    /// phasing where given, else the annual value pro rata for flows (levels and rates are held
    /// to it throughout).
    /// </summary>
    public static decimal ExpectedToDate(TargetLine line, Catalogue.Aggregation aggregation, Month month, PerformanceView view) =>
        PhasedToDate(line, month, view)
        ?? PerformanceRules.ExpectedToDate(aggregation, line.Value, ElapsedMonths(month, view));

    /// <summary>The view's months up to and including <paramref name="month"/>: how many reports it expects by then.</summary>
    public static int ElapsedMonths(Month month, PerformanceView view)
    {
        var (from, to) = PerformanceViews.Range(view, month);
        return from > month ? 0 : from.MonthsUntil(to < month ? to : month) + 1;
    }

    private static decimal Phased(IReadOnlyList<decimal> monthly, Month from, Month to)
    {
        var sum = 0m;
        for (var m = from.Number; m <= to.Number; m++) sum = Saturating.Add(sum, monthly[m - 1]);
        return sum;
    }
}
