using GovReport.Domain.Periods;

namespace GovReport.Domain.Targets;

public static class PlanTarget
{
    /// <summary>
    /// The target a comparison is held to: the annual value, or, where the plan phases the year by
    /// month, the sum of the phasing over the view's months.
    /// </summary>
    public static decimal For(TargetLine line, Month month, ComparisonView view)
    {
        if (line.Monthly is null) return line.Value;
        var (from, to) = ComparisonViews.Range(view, month);
        return Phased(line.Monthly, from, to);
    }

    /// <summary>What the plan expects by the end of <paramref name="to"/>: the phasing from January, when given.</summary>
    public static decimal? PhasedToDate(TargetLine line, Month to) =>
        line.Monthly is null ? null : Phased(line.Monthly, new Month(to.Year, 1), to);

    private static decimal Phased(IReadOnlyList<decimal> monthly, Month from, Month to)
    {
        var sum = 0m;
        for (var m = from.Number; m <= to.Number; m++) sum = Aggregation.Saturating.Add(sum, monthly[m - 1]);
        return sum;
    }
}
