using GovReport.Domain.Summaries;
using GovReport.Host.Features.Summaries;
using GovReport.Projections.Queries;
using GovReport.Projections.Queries.Performance;

namespace GovReport.Host.Features.Web.Dashboard;

/// <summary>What the pickers asked for, as typed (so a refused value is shown back to be fixed).</summary>
public sealed record DashboardQuery(string Period, string View, string? AsOf, string? Plan, string? Indicator);

/// <summary>
/// Everything the leaders' dashboard shows for a unit or a block (khối): the comparison, the
/// months of this year against last year for one indicator, who reported, and the period's
/// published summary. <see cref="Errors"/> non-empty means the query was refused and nothing else is filled.
/// </summary>
public sealed record DashboardData(string Path, string ScopeName, bool IsBlock, DashboardQuery Query)
{
    public IReadOnlyList<string> Errors { get; init; } = [];
    /// <summary>The months the period picker offers, newest first.</summary>
    public IReadOnlyList<GovReport.Domain.Periods.Month> MonthChoices { get; init; } = [];
    public PerformanceReport? Report { get; init; }
    /// <summary>The plan baselines this unit has a plan under for the year (empty for a block).</summary>
    public IReadOnlyList<string> Baselines { get; init; } = [];
    public string OfficialBaseline { get; init; } = "assigned";
    public YearSeries? Series { get; init; }
    public IReadOnlyList<PerformanceRow> Indicators { get; init; } = [];
    public ReportingTotals? Reporting { get; init; }
    public IReadOnlyList<ChildReporting> Children { get; init; } = [];
    public IReadOnlyList<SummaryListItem> Summaries { get; init; } = [];
    public SummaryPublished? LatestSummary { get; init; }
    public bool CaughtUp { get; init; } = true;
}

/// <summary>One indicator's monthly figures this year and the same months last year, up to the period's month.</summary>
public sealed record YearSeries(string Indicator, string Name, string Measure, int Year, IReadOnlyList<MonthPoint> Points);

public sealed record MonthPoint(int Month, decimal? ThisYear, decimal? LastYear);

public sealed record ReportingTotals(int Expected, int Submitted, int OnTime, int Late, int Missing);

/// <summary>
/// One child of the scope (or a block's member) and the reports of its subtree for the period:
/// a unit that reports itself has its own state; one above others has counts.
/// </summary>
public sealed record ChildReporting(string Unit, string Name, int OnTime, int Late, int Missing, string? OwnState)
{
    public int Expected => OnTime + Late + Missing;

    /// <summary>The worst of its subtree's states, so the table can lead with who has not reported.</summary>
    public string State => Missing > 0 ? "missing" : Late > 0 ? "late" : "on-time";

    public static IReadOnlyList<ChildReporting> Group(
        IEnumerable<UnitReportState> states, Func<string, string?> childOf, IReadOnlyDictionary<string, string> names)
    {
        var rows = new Dictionary<string, (int OnTime, int Late, int Missing, List<string> States)>(StringComparer.Ordinal);
        foreach (var state in states)
        {
            if (childOf(state.Unit) is not { } child) continue;
            var row = rows.TryGetValue(child, out var found) ? found : (OnTime: 0, Late: 0, Missing: 0, States: new List<string>());
            row = state.State switch
            {
                "on-time" => row with { OnTime = row.OnTime + 1 },
                "late" => row with { Late = row.Late + 1 },
                _ => row with { Missing = row.Missing + 1 },
            };
            if (state.Unit == child) row.States.Add(state.State);
            rows[child] = row;
        }
        return rows.Select(r => new ChildReporting(r.Key, names.GetValueOrDefault(r.Key, r.Key), r.Value.OnTime, r.Value.Late, r.Value.Missing,
                r.Value.States.Count == 1 && r.Value.OnTime + r.Value.Late + r.Value.Missing == 1 ? r.Value.States[0] : null))
            .OrderBy(r => r.State switch { "missing" => 0, "late" => 1, _ => 2 })
            .ThenBy(r => r.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
            .ToList();
    }
}
