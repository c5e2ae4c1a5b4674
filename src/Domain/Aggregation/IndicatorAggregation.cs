using GovReport.Domain.Catalogue;

namespace GovReport.Domain.Aggregation;

/// <summary>How one unit's monthly figures combine over a longer period.</summary>
public static class IndicatorAggregation
{
    /// <summary>
    /// Sum adds the months (a flow); PerDay weights each month's daily rate by its days, so a
    /// 31-day month counts more than February; Average is the plain mean of the reported months;
    /// Last is the latest reported month (a level). Null when no month was reported; a result too
    /// large to hold is <see cref="Saturating"/>'s marker, never an exception.
    /// </summary>
    public static decimal? Aggregate(Catalogue.Aggregation aggregation, IEnumerable<MonthlyFigure> figures)
    {
        var list = figures.ToList();
        if (list.Count == 0) return null;
        return aggregation switch
        {
            Catalogue.Aggregation.Sum => Saturating.Sum(list.Select(f => f.Value)),
            Catalogue.Aggregation.PerDay => Saturating.Divide(Saturating.Sum(list.Select(f => Saturating.Multiply(f.Value, f.Month.Days))), list.Sum(f => f.Month.Days)),
            Catalogue.Aggregation.Average => Saturating.Divide(Saturating.Sum(list.Select(f => f.Value)), list.Count),
            Catalogue.Aggregation.Last => list.MaxBy(f => f.Month)!.Value,
            // A ratio is computed from its parts (RatioAggregation), never from figures of its own.
            Catalogue.Aggregation.Ratio => null,
            _ => throw new ArgumentOutOfRangeException(nameof(aggregation)),
        };
    }
}
