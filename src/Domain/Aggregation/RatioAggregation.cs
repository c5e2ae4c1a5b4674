using GovReport.Domain.Catalogue;

namespace GovReport.Domain.Aggregation;

/// <summary>
/// A ratio's figure over a span: scale × numerator / denominator, each part aggregated the way it
/// is on its own. Across units the parts were already added up (a city's poor households are its
/// communes' poor households), so a city's rate is Σ numerators / Σ denominators, never the mean
/// of its communes' rates; over months a flow's parts are summed the same way (dossiers resolved
/// on time in the quarter over dossiers resolved in the quarter), a level's parts taken at the
/// latest month. Only months where both parts were reported count, so a month with one half
/// missing never skews the quotient.
/// </summary>
public static class RatioAggregation
{
    /// <returns>The figure (null without a reported month or with a zero denominator) and how many months it covers.</returns>
    public static SpanFigure Over(
        RatioDefinition ratio, Catalogue.Aggregation numeratorAggregation, IReadOnlyList<MonthlyFigure> numerators,
        Catalogue.Aggregation denominatorAggregation, IReadOnlyList<MonthlyFigure> denominators)
    {
        var denominatorMonths = denominators.Select(d => d.Month).ToHashSet();
        var numeratorMonths = numerators.Select(n => n.Month).ToHashSet();
        var pairedNumerators = numerators.Where(n => denominatorMonths.Contains(n.Month)).ToList();
        var pairedDenominators = denominators.Where(d => numeratorMonths.Contains(d.Month)).ToList();
        return new SpanFigure(Quotient(ratio.Scale,
            IndicatorAggregation.Aggregate(numeratorAggregation, pairedNumerators),
            IndicatorAggregation.Aggregate(denominatorAggregation, pairedDenominators)), pairedNumerators.Count);
    }

    /// <summary>scale × numerator / denominator; null when either is missing, the denominator is 0, or a part is too large to hold.</summary>
    public static decimal? Quotient(decimal scale, decimal? numerator, decimal? denominator)
    {
        if (numerator is not { } n || denominator is not { } d || d == 0) return null;
        if (Saturating.IsOverflow(n) || Saturating.IsOverflow(d)) return decimal.MaxValue;
        return Saturating.Divide(Saturating.Multiply(n, scale), d);
    }
}

/// <summary>An indicator's figure over a span of months, and how many of them were reported.</summary>
public readonly record struct SpanFigure(decimal? Value, int Months);
