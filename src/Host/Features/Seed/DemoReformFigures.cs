using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using static GovReport.Host.Features.Seed.DemoUnits;

namespace GovReport.Host.Features.Seed;

/// <summary>
/// The demo's figures from January 2024 on, derived from its 2021–2022 figures so they need no
/// source of their own: flows (sums, daily rates) are the base year's month grown 5 % a year;
/// levels and percentages hold the last value of 2022. Đôn Phong, outside the city, reports four
/// fifths of Dương Quang. A successor reports what its predecessors would have reported together,
/// so its first months compare with last year as the predecessors' own figures would.
/// </summary>
internal static class DemoReformFigures
{
    private const decimal GrowthPerYear = 0.05m;
    private const decimal DonPhongShare = 0.8m;

    private static readonly IReadOnlyDictionary<string, Aggregation> Aggregations =
        DemoIndicators.All.ToDictionary(i => i.Code.Value, i => i.Aggregation);

    /// <summary>Each unit's base series by indicator: 2021 where it has a whole year, else 2022.</summary>
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, Series>> Bases =
        DemoFigures.All.GroupBy(s => s.Unit).ToDictionary(
            u => u.Key,
            u => (IReadOnlyDictionary<string, Series>)u.GroupBy(s => s.Indicator)
                .ToDictionary(i => i.Key, i => i.OrderBy(s => s.Months.Count == 12 ? 0 : 1).ThenBy(s => s.Year).First()));

    private static readonly IReadOnlyDictionary<(string, string), decimal> Last2022 =
        DemoFigures.All.Where(s => s.Year == 2022).ToDictionary(s => (s.Unit, s.Indicator), s => s.Months[^1]);

    /// <summary>What <paramref name="unit"/> reports for <paramref name="month"/>: every indicator it has a base for.</summary>
    public static IReadOnlyList<FigureValue> Of(string unit, Month month)
    {
        if (DemoReform.PredecessorsOf(unit) is { } predecessors)
            return Combined(predecessors, month);
        if (unit == DonPhong)
            return [.. Of(DuongQuang, month).Select(v => v with { Value = Math.Round(v.Value * DonPhongShare, Scale(v.Value)) })];
        if (!Bases.TryGetValue(unit, out var series)) return [];
        return [.. series.Values.Select(s => new FigureValue(new IndicatorCode(s.Indicator), Value(s, month)))];
    }

    /// <summary>The predecessors' figures added up: the demo's successors report only sums and levels of counts.</summary>
    private static List<FigureValue> Combined(IReadOnlyList<string> predecessors, Month month) =>
        predecessors.SelectMany(p => Of(p, month))
            .GroupBy(v => v.Indicator)
            .Select(g => new FigureValue(g.Key, g.Sum(v => v.Value)))
            .ToList();

    private static decimal Value(Series series, Month month)
    {
        var aggregation = Aggregations[series.Indicator];
        if (aggregation is not (Aggregation.Sum or Aggregation.PerDay))
            return Last2022.TryGetValue((series.Unit, series.Indicator), out var level) ? level : series.Months[^1];
        // A base year short of twelve months (forest: January–August 2022) plants nothing after it.
        if (month.Number > series.Months.Count) return 0m;
        var monthValue = series.Months[month.Number - 1];
        var growth = 1m + GrowthPerYear * (month.Year - series.Year);
        return Math.Round(monthValue * growth, Math.Max(Scale(monthValue), 0));
    }

    private static int Scale(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;
}
