namespace GovReport.Domain.Aggregation;

/// <summary>
/// A unit's figure for one indicator and month: its own reported value where it reported one,
/// otherwise the combination of its children's figures — never both, so nothing is counted twice.
/// Across units, sums, daily rates and levels add up (a district's herd is its communes' herds,
/// its patients per day its communes' patients per day); averages are averaged. Percentages
/// reported as levels do not add up: they need numerator and denominator indicators to roll up.
/// </summary>
public static class UnitRollup
{
    public static decimal? AcrossUnits(Catalogue.Aggregation aggregation, IEnumerable<decimal> values)
    {
        var children = new ChildFigures();
        foreach (var value in values) children.Add(value);
        return FigureFor(own: null, aggregation, children);
    }

    /// <summary>The figure of units whose values add up to <paramref name="sum"/>: for callers that total as they go.</summary>
    public static decimal? FromTotal(Catalogue.Aggregation aggregation, decimal sum, int count) =>
        count == 0 ? null : aggregation == Catalogue.Aggregation.Average ? Saturating.Divide(sum, count) : sum;

    /// <summary>
    /// The roll-up rule itself. Children arrive as a running total, not a list: a rebuild rolls up
    /// thousands of units per page and must not allocate per indicator.
    /// </summary>
    public static decimal? FigureFor(decimal? own, Catalogue.Aggregation aggregation, in ChildFigures children) =>
        own ?? FromTotal(aggregation, children.Sum, children.Count);
}

/// <summary>The children's figures for one indicator and month, totalled as they are read.</summary>
public struct ChildFigures
{
    public decimal Sum { get; private set; }
    public int Count { get; private set; }

    public void Add(decimal value) => (Sum, Count) = (Saturating.Add(Sum, value), Count + 1);
}
