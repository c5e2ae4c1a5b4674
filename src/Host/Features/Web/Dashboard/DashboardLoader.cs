using GovReport.Domain.Summaries;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Targets;
using GovReport.Host.Features.Performance;
using GovReport.Host.Features.Summaries;
using GovReport.Host.Features.Targets;
using GovReport.Host.Infrastructure.Daemon;
using GovReport.Host.Infrastructure.Http;
using GovReport.Projections;
using GovReport.Projections.Queries;
using GovReport.Projections.Queries.Performance;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GovReport.Host.Features.Web.Dashboard;

/// <summary>
/// Reads a dashboard the way the API reads its parts: the query parsed by <see cref="PerformanceRequest"/>,
/// the comparison from <see cref="PerformanceQuery"/> (units and blocks alike), reporting status from
/// <see cref="ReportingStatusQuery"/> and the published summaries from <see cref="SummaryStore"/>.
/// Access is the caller's business (the pages check it before calling).
/// </summary>
public sealed class DashboardLoader(
    CatalogueReader catalogue, PerformanceQuery performance, ReportingStatusQuery reporting, SummaryStore summaries,
    ProjectionFreshness freshness, IOptions<ProjectionOptions> options, IOptions<PlanOptions> plans,
    NpgsqlDataSource dataSource, TimeProvider clock, DashboardTimings timings)
{
    /// <summary>Without a period, the month whose reports fell due last; without a view, the year so far.</summary>
    public DashboardQuery Defaults(string? period, string? view, string? asOf, string? plan, string? indicator) => new(
        string.IsNullOrWhiteSpace(period) ? Month.Of(Periods.PeriodInput.Today(clock)).Previous().ToString() : period.Trim(),
        string.IsNullOrWhiteSpace(view) ? "ytd" : view.Trim(),
        Blank(asOf), Blank(plan), Blank(indicator));

    /// <summary>How long each part of the last load took (sent only when configured).</summary>
    public DashboardTimings Timings => timings;

    public Task<DashboardData> ForUnitAsync(UnitRow unit, DashboardQuery query, CancellationToken ct) =>
        timings.TimeAsync("dashboard", () => LoadAsync(new DashboardData($"/tong-hop/{unit.Id}", unit.Name, false, query), unit.Id, ct));

    public Task<DashboardData> ForBlockAsync(string block, DashboardQuery query, CancellationToken ct) =>
        timings.TimeAsync("dashboard", () => LoadAsync(new DashboardData($"/tong-hop/khoi/{block}", BlockScope.NameOf(block), true, query), block, ct));

    private async Task<DashboardData> LoadAsync(DashboardData data, string scope, CancellationToken ct)
    {
        var query = data.Query;
        var current = Month.Of(Periods.PeriodInput.Today(clock));
        // Six years of months are what a briefing looks back on; older ones are typed into the address.
        data = data with { MonthChoices = Enumerable.Range(0, 72).Select(i => current.AddMonths(-i)).ToList() };
        var errors = new InputErrors();
        var request = await PerformanceRequest.ParseAsync(query.Period, query.View, query.AsOf, null, Periods.PeriodInput.Today(clock), catalogue, errors, ct);
        var baseline = data.IsBlock ? PlanBaseline.Assigned : errors.Baseline(query.Plan, plans.Value);
        IndicatorCode? charted = null;
        if (query.Indicator is not null)
        {
            if (!IndicatorCode.TryParse(query.Indicator, out var code, out _) || (await catalogue.IndicatorsAsync([code], ct)).Count == 0)
                errors.Add("indicator", "unknown");
            else charted = code;
        }
        if (request is null || baseline is null || errors.Any) return data with { Errors = Messages(errors) };

        var month = request.Period.LastMonth;
        var caughtUp = request.AsOf is not null || (await timings.TimeAsync("freshness", () => FreshnessView.AfterWaitAsync(freshness, options.Value.ReadWait, clock, ct))).CaughtUp;
        // The parts need nothing from one another (only the chart waits for the comparison, which
        // names its indicator), and each query takes its own pooled connection: they run at once,
        // so the page takes as long as its slowest part, not their sum.
        var reportingPart = timings.TimeAsync("reporting", () => data.IsBlock
            ? BlockReportingAsync(scope, request.Period, request.AsOf, ct)
            : UnitReportingAsync(scope, request.Period, request.AsOf, ct));
        var summaryScope = data.IsBlock ? BlockScope.Of(scope) : scope;
        var summariesPart = timings.TimeAsync("summaries", () => PublishedAsync(summaryScope, month, request.AsOf, ct));
        var baselinesPart = data.IsBlock
            ? Task.FromResult<IReadOnlyList<string>>([])
            : timings.TimeAsync("baselines", () => BaselinesAsync(scope, month.Year, request.AsOf, ct));
        var report = await timings.TimeAsync("comparison", () => data.IsBlock
            ? performance.RunForBlockAsync(scope, month, request.View, request.AsOf, null, ct)
            : performance.RunAsync(UnitId.Parse(scope), month, request.View, request.AsOf, null, ct, baseline.Value));
        // The chart follows the indicator asked for, else the first with a figure this year.
        var chartedRow = report.Rows.FirstOrDefault(r => r.Indicator == charted?.Value)
            ?? report.Rows.FirstOrDefault(r => r.Actual is not null) ?? report.Rows.FirstOrDefault();
        var series = chartedRow is null ? null : await timings.TimeAsync("series", () => SeriesAsync(data.IsBlock, scope, month, request.AsOf, chartedRow, ct));
        await Task.WhenAll(reportingPart, summariesPart, baselinesPart);
        var (totals, children) = await reportingPart;
        var (published, latest) = await summariesPart;
        return data with
        {
            Report = report,
            Baselines = await baselinesPart,
            OfficialBaseline = plans.Value.Official,
            Series = series,
            Indicators = report.Rows,
            Reporting = totals,
            Children = children,
            Summaries = published,
            LatestSummary = latest,
            CaughtUp = caughtUp,
        };
    }

    /// <summary>The summaries published for the scope's month (as of an instant, only those published by then) and the latest one whole.</summary>
    private async Task<(IReadOnlyList<SummaryListItem>, SummaryPublished?)> PublishedAsync(string scope, Month month, DateTimeOffset? asOf, CancellationToken ct)
    {
        var published = await summaries.ListAsync(scope, month.ToString(), ct);
        if (asOf is { } instant) published = published.Where(s => s.PublishedAt <= instant).ToList();
        var latest = published.OrderBy(s => s.PublishedAt).LastOrDefault();
        return (published, latest is null ? null : await summaries.GetAsync(latest.Id, ct));
    }

    /// <summary>
    /// One indicator's months this year and the same months last year, each as the API's month
    /// comparison gives it, read in one pass (<see cref="PerformanceQuery.MonthByMonthAsync"/>).
    /// </summary>
    private async Task<YearSeries> SeriesAsync(bool block, string scope, Month month, DateTimeOffset? asOf, PerformanceRow row, CancellationToken ct)
    {
        var code = IndicatorCode.Parse(row.Indicator);
        var months = Enumerable.Range(1, month.Number).Select(n => new Month(month.Year, n)).ToList();
        var figures = block
            ? await performance.BlockMonthByMonthAsync(scope, months, asOf, code, ct)
            : await performance.MonthByMonthAsync(UnitId.Parse(scope), months, asOf, code, ct);
        var points = figures.Select(f => new MonthPoint(f.Month.Number, f.Actual, f.SamePeriodLastYear)).ToList();
        return new YearSeries(row.Indicator, row.Name, row.Measure, month.Year, points);
    }

    private async Task<(ReportingTotals, IReadOnlyList<ChildReporting>)> UnitReportingAsync(string unit, Period period, DateTimeOffset? asOf, CancellationToken ct)
    {
        // Live, the status comes with the catalogue's tree it was read with; as of an instant, the
        // branches are still today's (as before), read for the units that reported.
        var (status, treeParents) = await reporting.RunWithParentsAsync(unit, period, ct, asOf);
        var parents = treeParents ?? await catalogue.AncestryAsync(status.Units.Select(u => u.Unit).Distinct().ToList(), ct);
        // Each report counts towards the child of the scope it lies under (the scope's own, to the scope).
        string? ChildOf(string reporter)
        {
            for (var (at, depth) = (reporter, 0); depth < 64; depth++)
            {
                if (at == unit) return unit;
                if (parents.GetValueOrDefault(at) is not { } parent) return null;
                if (parent == unit) return at;
                at = parent;
            }
            return null;
        }
        var names = status.Units.GroupBy(u => u.Unit).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        // The children the reports fall under (as many as the scope has branches, not its thousands of units).
        await NameMissingAsync(names, status.Units.Select(u => u.Unit).Distinct().Select(ChildOf).OfType<string>().Where(c => c != unit).Distinct(), ct);
        return (new ReportingTotals(status.Expected, status.Submitted, status.OnTime, status.Late, status.Missing),
            ChildReporting.Group(status.Units, ChildOf, names));
    }

    private async Task<(ReportingTotals, IReadOnlyList<ChildReporting>)> BlockReportingAsync(string block, Period period, DateTimeOffset? asOf, CancellationToken ct)
    {
        var units = await catalogue.UnitsAsync(ct);
        var names = units.ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
        var rows = new List<ChildReporting>();
        var totals = new ReportingTotals(0, 0, 0, 0, 0);
        foreach (var member in BlockFigures.TopMembers(units, block))
        {
            var status = await reporting.RunAsync(member, period, ct, asOf);
            totals = new ReportingTotals(totals.Expected + status.Expected, totals.Submitted + status.Submitted,
                totals.OnTime + status.OnTime, totals.Late + status.Late, totals.Missing + status.Missing);
            rows.AddRange(ChildReporting.Group(status.Units, _ => member, names));
        }
        return (totals, rows.OrderBy(r => r.State switch { "missing" => 0, "late" => 1, _ => 2 }).ThenBy(r => r.Name, StringComparer.Ordinal).ToList());
    }

    /// <summary>A child above the units that report (a province over its communes) is named from the catalogue, in one statement.</summary>
    private async Task NameMissingAsync(Dictionary<string, string> names, IEnumerable<string> children, CancellationToken ct)
    {
        var missing = children.Where(c => !names.ContainsKey(c)).ToArray();
        if (missing.Length == 0) return;
        await using var command = dataSource.CreateCommand("SELECT unit_id, name FROM rm.units WHERE unit_id = ANY($1)");
        command.Parameters.Add(new() { Value = missing });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) names[reader.GetString(0)] = reader.GetString(1);
    }

    /// <summary>The baselines (assigned, council, stretch) the unit has a plan under for the year, as recorded by the instant.</summary>
    private async Task<IReadOnlyList<string>> BaselinesAsync(string unit, int year, DateTimeOffset? asOf, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT DISTINCT plan FROM rm.plan_revisions
            WHERE unit_id = $1 AND year = $2 AND ($3::timestamptz IS NULL OR recorded_at <= $3::timestamptz)
            """);
        command.Parameters.Add(new() { Value = unit });
        command.Parameters.Add(new() { Value = year });
        command.Parameters.Add(new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz, Value = (object?)asOf?.ToUniversalTime() ?? DBNull.Value });
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add(reader.GetString(0));
        return PlanBaselines.All.Select(b => b.ToApiString()).Where(found.Contains).ToList();
    }

    private static IReadOnlyList<string> Messages(InputErrors errors) => errors.All.Select(e => e.Field switch
    {
        "period" => "Kỳ báo cáo không hợp lệ: viết như 2022-08, 2022Q3, 2022S1 hoặc 2022.",
        "view" => "Cách xem không hợp lệ.",
        "asOf" => "Thời điểm không hợp lệ: viết như 2022-09-10T00:00:00Z.",
        "plan" => "Kế hoạch không hợp lệ: chọn kế hoạch giao, kế hoạch HĐND hoặc kế hoạch phấn đấu.",
        "indicator" => "Không có chỉ tiêu này trong danh mục.",
        _ => "Yêu cầu không hợp lệ.",
    }).Distinct().ToList();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
