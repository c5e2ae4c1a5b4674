using System.Globalization;
using GovReport.Domain.Aggregation;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;

namespace GovReport.Domain.Reports;

/// <summary>A data-quality doubt about a figure: shown to the approver, never a reason to refuse the report.</summary>
public sealed record FigureWarning(IndicatorCode Indicator, string Code, string Message);

/// <summary>What the quality checks need besides the report: the catalogue and the unit's own earlier official figures.</summary>
/// <param name="History">The unit's official figures of the months before the report's (24 are enough), by indicator code and month.</param>
public sealed record QualityContext(
    IReadOnlyDictionary<IndicatorCode, Indicator> Catalogue,
    IReadOnlyDictionary<(string Indicator, Month Month), decimal> History);

/// <summary>
/// Data-quality checks at entry (issue 13). Each is a warning recorded with the submission:
/// a value far outside the unit's own history (robust z-score over the last 24 months, from the
/// median and the median absolute deviation, so one earlier outlier cannot hide the next; with
/// too little history, ± 100 % against the same month last year), a month missing from a flow's
/// series this year (its year to date would understate), and a ratio's numerator above its
/// denominator in the same report, and a breach of a cross-indicator rule the catalogue declares
/// (<see cref="CrossIndicatorRules"/>: hồ sơ giải quyết ≤ hồ sơ tiếp nhận).
/// </summary>
public static class FigureWarnings
{
    public const string Outlier = "outlier";
    public const string MissingMonth = "missing-month";
    public const string NumeratorAboveDenominator = "numerator-above-denominator";
    public const string AboveBound = "above-related-indicator";

    public const int HistoryMonths = 24;
    public const int MinimumHistory = 6;
    public const decimal ZThreshold = 3.5m;
    public const decimal LastYearThreshold = 1m;

    public static IReadOnlyList<FigureWarning> Check(IReadOnlyList<FigureValue> values, Month month, QualityContext context)
    {
        var warnings = new List<FigureWarning>();
        foreach (var (code, value) in values)
        {
            if (!context.Catalogue.TryGetValue(code, out var indicator)) continue;
            var history = History(code, month, context.History);
            if (OutlierWarning(indicator, value, month, history) is { } outlier) warnings.Add(outlier);
            if (indicator.Aggregation == Catalogue.Aggregation.Sum && MissingMonthWarning(indicator, month, history) is { } missing) warnings.Add(missing);
        }

        var reported = values.ToDictionary(v => v.Indicator, v => v.Value);
        foreach (var ratio in context.Catalogue.Values.Where(i => i.Ratio is not null))
            if (reported.TryGetValue(ratio.Ratio!.Numerator, out var n) && reported.TryGetValue(ratio.Ratio.Denominator, out var d) && n > d)
                warnings.Add(new FigureWarning(ratio.Ratio.Numerator, NumeratorAboveDenominator,
                    $"{Show(n)} is more than {Show(d)} ({ratio.Ratio.Denominator}), the denominator of {ratio.Name}."));
        foreach (var (indicator, value, bound, boundValue) in CrossIndicatorRules.Breaches(reported, context.Catalogue))
            warnings.Add(new FigureWarning(indicator.Code, AboveBound,
                $"{Show(value)} is more than {Show(boundValue)} ({bound}); the catalogue holds {indicator.Name} at most {Name(bound, context.Catalogue)}."));
        return warnings;
    }

    /// <summary>Robust z = 0.6745 (x − median) / MAD; above 3.5 is an outlier (Iglewicz and Hoaglin).</summary>
    public static decimal? RobustZ(decimal value, IReadOnlyList<decimal> history)
    {
        if (history.Count < MinimumHistory) return null;
        var median = Median(history);
        var mad = Median(history.Select(h => Math.Abs(h - median)).ToList());
        if (mad == 0) return value == median ? 0m : null;
        return 0.6745m * (value - median) / mad;
    }

    private static FigureWarning? OutlierWarning(Indicator indicator, decimal value, Month month, IReadOnlyList<MonthlyFigure> history)
    {
        if (Saturating.IsOverflow(value) || history.Any(h => Saturating.IsOverflow(h.Value))) return null;
        if (RobustZ(value, history.Select(h => h.Value).ToList()) is { } z)
            return Math.Abs(z) > ZThreshold
                ? new FigureWarning(indicator.Code, Outlier,
                    $"{Show(value)} is far from {indicator.Name}'s usual {Show(Median(history.Select(h => h.Value).ToList()))} over the last {history.Count} months (robust z {Show(Math.Round(z, 1))}).")
                : null;
        var lastYear = history.FirstOrDefault(h => h.Month == month.SameMonthLastYear);
        if (history.Count >= MinimumHistory || lastYear is null || lastYear.Value == 0) return null;
        var change = (value - lastYear.Value) / Math.Abs(lastYear.Value);
        return Math.Abs(change) > LastYearThreshold
            ? new FigureWarning(indicator.Code, Outlier,
                $"{Show(value)} differs from {month.SameMonthLastYear}'s {Show(lastYear.Value)} by more than {LastYearThreshold:P0}.")
            : null;
    }

    /// <summary>A flow reported earlier this year but not in a month since: its year to date has a hole.</summary>
    private static FigureWarning? MissingMonthWarning(Indicator indicator, Month month, IReadOnlyList<MonthlyFigure> history)
    {
        var thisYear = history.Where(h => h.Month.Year == month.Year).Select(h => h.Month).ToHashSet();
        if (thisYear.Count == 0) return null;
        var missing = new List<Month>();
        for (var m = thisYear.Min(); m < month; m = m.Next())
            if (!thisYear.Contains(m)) missing.Add(m);
        return missing.Count == 0 ? null
            : new FigureWarning(indicator.Code, MissingMonth,
                $"{indicator.Name} has no figure for {string.Join(", ", missing)}: the year to date leaves those months out.");
    }

    private static List<MonthlyFigure> History(IndicatorCode code, Month month, IReadOnlyDictionary<(string, Month), decimal> history)
    {
        var list = new List<MonthlyFigure>(HistoryMonths);
        for (var m = month.AddMonths(-HistoryMonths); m < month; m = m.Next())
            if (history.TryGetValue((code.Value, m), out var v)) list.Add(new MonthlyFigure(m, v));
        return list;
    }

    private static decimal Median(IReadOnlyList<decimal> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string Name(IndicatorCode code, IReadOnlyDictionary<IndicatorCode, Indicator> catalogue) =>
        catalogue.TryGetValue(code, out var indicator) ? indicator.Name : code.Value;

    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
