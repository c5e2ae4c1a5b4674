using GovReport.Domain.Catalogue;

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
        var (sum, count) = (0m, 0);
        foreach (var value in values) (sum, count) = (Saturating.Add(sum, value), count + 1);
        return FromTotal(aggregation, sum, count);
    }

    /// <summary>The figure of units whose values add up to <paramref name="sum"/>: for callers that total as they go.</summary>
    public static decimal? FromTotal(Catalogue.Aggregation aggregation, decimal sum, int count) =>
        count == 0 ? null : aggregation == Catalogue.Aggregation.Average ? Saturating.Divide(sum, count) : sum;

    public static decimal? FigureFor(decimal? own, Catalogue.Aggregation aggregation, IEnumerable<decimal?> children) =>
        own ?? AcrossUnits(aggregation, children.OfType<decimal>());

    /// <summary>Walks the tree below <paramref name="unit"/>; <paramref name="reported"/> gives a unit's own value for the month.</summary>
    public static decimal? FigureFor(
        UnitId unit,
        Catalogue.Aggregation aggregation,
        Func<UnitId, decimal?> reported,
        Func<UnitId, IEnumerable<UnitId>> childrenOf) =>
        FigureFor(unit, aggregation, reported, childrenOf, []);

    private static decimal? FigureFor(
        UnitId unit, Catalogue.Aggregation aggregation, Func<UnitId, decimal?> reported,
        Func<UnitId, IEnumerable<UnitId>> childrenOf, HashSet<UnitId> visiting)
    {
        // A corrupt tree with a loop must end the walk, not the process.
        if (!visiting.Add(unit)) return null;
        var figure = reported(unit)
            ?? AcrossUnits(aggregation, childrenOf(unit)
                .Select(child => FigureFor(child, aggregation, reported, childrenOf, visiting))
                .OfType<decimal>());
        visiting.Remove(unit);
        return figure;
    }
}
