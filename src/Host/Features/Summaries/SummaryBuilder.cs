using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Summaries;
using GovReport.Projections.Queries;
using GovReport.Projections.Queries.Performance;

namespace GovReport.Host.Features.Summaries;

/// <summary>
/// Gathers what a summary shows, from the read models as they stand, into the event that keeps it.
/// Its comparisons are against the deployment's official plan (<c>Plans:Official</c>), as a
/// comparison without <c>plan=</c> is, so the published summary and the dashboard agree.
/// </summary>
public sealed class SummaryBuilder(
    PerformanceQuery performance, ReportingStatusQuery reporting, SummarySources sources, BlockSummarySources blocks,
    Microsoft.Extensions.Options.IOptions<Targets.PlanOptions> plans)
{
    /// <summary>The briefing's slices: month, quarter so far, year so far, and any longer period the month closes.</summary>
    public static IReadOnlyList<PerformanceView> ViewsFor(Month month)
    {
        var views = new List<PerformanceView> { PerformanceView.Month, PerformanceView.QuarterToDate, PerformanceView.Ytd };
        if (month.Number is 6 or 12) views.Add(PerformanceView.Half);
        if (month.Number == 9) views.Add(PerformanceView.NineMonths);
        if (month.Number == 12) views.Add(PerformanceView.Year);
        return views;
    }

    public async Task<SummaryPublished> BuildAsync(
        string id, UnitRow scope, Month month, DateTimeOffset now, bool onDemand, SummaryListItem? previous, CancellationToken ct)
    {
        if (BlockScope.IsBlock(scope.Id)) return await BuildForBlockAsync(id, scope, month, now, onDemand, previous, ct);
        var unit = UnitId.Parse(scope.Id);
        var views = new List<SummaryView>();
        foreach (var view in ViewsFor(month))
        {
            var report = await performance.RunAsync(unit, month, view, asOf: null, only: null, ct, plans.Value.OfficialBaseline);
            views.Add(new SummaryView(report.View, report.Label, Month.Parse(report.From), Month.Parse(report.To),
                report.Rows.Select(ToRow).ToList()));
        }

        var status = await reporting.RunAsync(scope.Id, Period.OfMonth(month), ct);
        var reportingStatus = new SummaryReportingStatus(status.Expected, status.Submitted, status.OnTime, status.Late,
            status.Missing, status.Units.Select(u => new UnitReporting(u.Unit, u.Name, u.State, u.SubmittedAt)).ToList());
        var narratives = await sources.NarrativesAsync(scope.Id, month, ct);
        var corrected = previous is null ? [] : await sources.CorrectedSinceAsync(scope.Id, previous.PublishedAt, ct);
        var ytd = views.Single(v => v.View == PerformanceView.Ytd.ToApiString());
        return new SummaryPublished(id, scope.Id, scope.Name, month, month.Label, now, onDemand, views, reportingStatus,
            narratives, SummaryLines.Build(ytd.Rows, reportingStatus), corrected, previous?.Id);
    }

    /// <summary>A block's summary: its comparisons (no plan), and its top members' reporting, narratives and corrections.</summary>
    private async Task<SummaryPublished> BuildForBlockAsync(
        string id, UnitRow scope, Month month, DateTimeOffset now, bool onDemand, SummaryListItem? previous, CancellationToken ct)
    {
        var block = BlockScope.BlockOf(scope.Id);
        var views = new List<SummaryView>();
        foreach (var view in ViewsFor(month))
        {
            var report = await performance.RunForBlockAsync(block, month, view, asOf: null, only: null, ct);
            views.Add(new SummaryView(report.View, report.Label, Month.Parse(report.From), Month.Parse(report.To),
                report.Rows.Select(ToRow).ToList()));
        }
        var members = await blocks.MembersAsync(block, ct);
        var reportingStatus = await blocks.ReportingAsync(members, month, ct);
        var narratives = await blocks.NarrativesAsync(members, month, ct);
        var corrected = previous is null ? [] : await blocks.CorrectedSinceAsync(members, previous.PublishedAt, ct);
        var ytd = views.Single(v => v.View == PerformanceView.Ytd.ToApiString());
        return new SummaryPublished(id, scope.Id, scope.Name, month, month.Label, now, onDemand, views, reportingStatus,
            narratives, SummaryLines.Build(ytd.Rows, reportingStatus), corrected, previous?.Id);
    }

    private static SummaryRow ToRow(PerformanceRow r) => new(r.Indicator, r.Name, r.Measure, r.Aggregation, r.Direction,
        r.Actual, r.Target, r.PercentOfTarget, r.SamePeriodLastYear, r.ChangePercent, r.Status, r.ReportedMonths, r.ExpectedMonths,
        r.Estimated, r.Comparable);
}
