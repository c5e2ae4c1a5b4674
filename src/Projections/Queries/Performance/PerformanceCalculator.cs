using GovReport.Domain.Aggregation;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Targets;

namespace GovReport.Projections.Queries.Performance;

/// <summary>
/// Turns one unit's monthly figures and its plan into comparison rows. Pure: the live and the
/// "as of" paths differ only in where the figures and the plan come from.
/// </summary>
public static class PerformanceCalculator
{
    public static IReadOnlyList<PerformanceRow> Rows(
        IReadOnlyList<Indicator> indicators,
        IReadOnlyDictionary<(string Indicator, Month Month), decimal> figures,
        PlanInForce? plan,
        Month month,
        PerformanceView view,
        IReadOnlyList<Indicator>? catalogue = null,
        IReadOnlyDictionary<(string Indicator, Month Month), FigureNote>? notes = null)
    {
        // A ratio's parts may lie outside the indicators asked for (indicator=…): the catalogue holds them.
        var definitions = (catalogue ?? indicators).ToDictionary(i => i.Code);
        var months = PerformanceViews.Months(view, month);
        var lastYear = months.Select(m => m.SameMonthLastYear).ToList();
        var expectedMonths = PlanTarget.ElapsedMonths(month, view);
        var rows = new List<PerformanceRow>();
        foreach (var indicator in indicators)
        {
            var code = indicator.Code.Value;
            var line = plan?.Revision.For(indicator.Code);
            var current = IndicatorSpan.Over(indicator, figures, months, definitions.GetValueOrDefault);
            var previous = IndicatorSpan.Over(indicator, figures, lastYear, definitions.GetValueOrDefault);
            if (current.Months == 0 && previous.Months == 0 && line is null) continue;

            var actual = current.Value;
            var target = line is null ? (decimal?)null : PlanTarget.For(line, month, view);
            var expected = line is null ? (decimal?)null : PlanTarget.ExpectedToDate(line, indicator.Aggregation, month, view);
            var sameLastYear = previous.Value;
            rows.Add(new PerformanceRow(
                code, indicator.Name, indicator.Measure, indicator.Aggregation.ToApiString(), indicator.Direction.ToApiString(),
                Presentable(actual), Saturating.Shown(target), PerformanceRules.PercentOf(actual, target), Presentable(sameLastYear), PerformanceRules.ChangePercent(actual, sameLastYear),
                PerformanceRules.StatusOf(indicator.Direction, Saturating.Shown(actual), Saturating.Shown(target), expected).ToApiString(),
                current.Months, expectedMonths,
                line is null || plan is null ? null : new PlanUsed(plan.Revision.Number, plan.Revision.Decision, plan.SetAt) { Derived = plan.Derived })
            {
                Overflow = Overflowed(actual, target, sameLastYear),
                Estimated = notes is not null && NotesOf(indicator, notes, months.Concat(lastYear)).Any(n => n.Estimated),
                Comparable = notes is null || !NotesOf(indicator, notes, months.Concat(lastYear)).Any(n => n.NotComparable),
            });
        }
        return rows;
    }

    /// <summary>
    /// What is known of the figures behind the row's months. A ratio is computed from its parts,
    /// never combined across units itself, so its notes are its numerator's and denominator's: a
    /// split's share of them is an estimate, and so is the rate they give.
    /// </summary>
    private static IEnumerable<FigureNote> NotesOf(
        Indicator indicator, IReadOnlyDictionary<(string Indicator, Month Month), FigureNote> notes, IEnumerable<Month> months)
    {
        string[] codes = indicator.Ratio is { } ratio ? [indicator.Code.Value, ratio.Numerator.Value, ratio.Denominator.Value] : [indicator.Code.Value];
        foreach (var month in months)
            foreach (var code in codes)
                if (notes.TryGetValue((code, month), out var note)) yield return note;
    }

    /// <summary>
    /// Means (per-day, average) divide into endless decimals; a figure is shown to four places,
    /// finer than any report writes. Percentages are computed from the unrounded value.
    /// </summary>
    private static decimal? Presentable(decimal? value) =>
        Saturating.Shown(value) is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null;

    private static bool Overflowed(params decimal?[] values) => values.Any(v => v is { } x && Saturating.IsOverflow(x));
}

/// <summary>The plan revision a comparison uses (<see cref="AnnualPlan.InForceFor"/>), and when it was set.</summary>
public sealed record PlanInForce(PlanRevision Revision, DateTimeOffset SetAt)
{
    /// <summary>Combined from the predecessors' plans (<see cref="Domain.Restructurings.DerivedTargets"/>).</summary>
    public bool Derived { get; init; }
}
