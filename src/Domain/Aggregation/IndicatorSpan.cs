using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;

namespace GovReport.Domain.Aggregation;

/// <summary>
/// One indicator's figure for a unit over a span of months, from the unit's effective monthly
/// figures: a reported indicator aggregated its own way (<see cref="IndicatorAggregation"/>), a
/// ratio from its parts (<see cref="RatioAggregation"/>).
/// </summary>
public static class IndicatorSpan
{
    /// <param name="figures">The unit's effective figure per indicator code and month.</param>
    /// <param name="catalogue">Definitions by code, for a ratio's parts; a ratio whose part is not there has no figure.</param>
    public static SpanFigure Over(
        Indicator indicator, IReadOnlyDictionary<(string Indicator, Month Month), decimal> figures,
        IReadOnlyList<Month> months, Func<IndicatorCode, Indicator?> catalogue)
    {
        if (indicator.Ratio is not { } ratio)
        {
            var reported = Reported(indicator.Code, figures, months);
            return new SpanFigure(IndicatorAggregation.Aggregate(indicator.Aggregation, reported), reported.Count);
        }

        if (catalogue(ratio.Numerator) is not { IsRatio: false } numerator || catalogue(ratio.Denominator) is not { IsRatio: false } denominator)
            return new SpanFigure(null, 0);
        return RatioAggregation.Over(ratio, numerator.Aggregation, Reported(numerator.Code, figures, months),
            denominator.Aggregation, Reported(denominator.Code, figures, months));
    }

    private static List<MonthlyFigure> Reported(
        IndicatorCode code, IReadOnlyDictionary<(string Indicator, Month Month), decimal> figures, IReadOnlyList<Month> months)
    {
        var list = new List<MonthlyFigure>(months.Count);
        foreach (var month in months)
            if (figures.TryGetValue((code.Value, month), out var value)) list.Add(new MonthlyFigure(month, value));
        return list;
    }
}
