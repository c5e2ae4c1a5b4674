using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.Host.Features.Reports;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Mvc;

namespace GovReport.Host.Features.Web.Pages;

/// <summary>One figure of a report under review, beside last month's and the same month last year's.</summary>
public sealed record ReviewRow(Indicator Indicator, decimal? Value, decimal? LastMonth, decimal? LastYear)
{
    /// <summary>Changed against last month: a new figure, a dropped one, or a different value.</summary>
    public bool Changed => Value != LastMonth;

    public decimal? ChangeOnLastMonth => Percent(Value, LastMonth);

    public decimal? ChangeOnLastYear => Percent(Value, LastYear);

    private static decimal? Percent(decimal? now, decimal? before) =>
        now is { } n && before is { } b && b != 0 ? Math.Round((n - b) / Math.Abs(b) * 100, 2) : null;
}

/// <summary>
/// A submitted report as its approver reads it before deciding: each figure against last month
/// (changes highlighted) and the same month last year, the narrative, and the data-quality warnings
/// recorded with the submission. Duyệt and Trả lại post to the queue's handlers (<see cref="DuyetModel"/>),
/// so the write path is <see cref="ReportWrites"/>'s; the buttons show only where the caller may review.
/// </summary>
public sealed class DuyetBaoCaoModel(StreamCommands commands, CatalogueReader catalogue, CallerAccess access, TimeProvider clock) : WebPage
{
    public string UnitId { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public Month Month { get; private set; }
    public MonthlyReport Report { get; private set; } = MonthlyReport.Initial;
    public long Version { get; private set; }
    public IReadOnlyList<ReviewRow> Rows { get; private set; } = [];
    public IReadOnlyList<(string Indicator, string Message)> Warnings { get; private set; } = [];
    public bool CanReview { get; private set; }

    public async Task<IActionResult> OnGetAsync(string unitId, string month, CancellationToken ct)
    {
        var errors = new Infrastructure.Http.InputErrors();
        if (!ReportInput.TryParseRoute(unitId, month, Periods.PeriodInput.Today(clock), errors, out var unit, out var parsed))
            return Missing("Không có báo cáo tháng này: hãy kiểm tra mã đơn vị và tháng (ví dụ 2022-08).");
        var row = await catalogue.UnitAsync(unit.Value, ct);
        if (row is null) return Missing($"Không có đơn vị '{unitId}'.");
        if (!await access.CanReadAsync(unit.Value, ct)) return Refuse();

        (UnitId, UnitName, Month) = (unit.Value, row.Name, parsed);
        (Report, Version) = await commands.LoadAsync(StreamIds.Report(unit, parsed), ReportDecider.Decider, null, ct);
        if (Version == 0) return Missing($"{row.Name} chưa có báo cáo {parsed.Label.ToLowerInvariant()}.");
        var (lastMonth, _) = await commands.LoadAsync(StreamIds.Report(unit, parsed.Previous()), ReportDecider.Decider, null, ct);
        var (lastYear, _) = await commands.LoadAsync(StreamIds.Report(unit, parsed.SameMonthLastYear), ReportDecider.Decider, null, ct);

        var indicators = (await catalogue.IndicatorsAsync(ct)).Where(i => !i.IsRatio)
            .OrderBy(i => WebText.Sector(i.Sector), StringComparer.Ordinal).ThenBy(i => i.Code).ToList();
        Rows = indicators
            .Select(i => new ReviewRow(i, Report.ValueOf(i.Code), lastMonth.ValueOf(i.Code), lastYear.ValueOf(i.Code)))
            .Where(r => r.Value is not null || r.LastMonth is not null)
            .ToList();
        var names = indicators.ToDictionary(i => i.Code, i => i.Name);
        Warnings = (Report.Warnings ?? []).Select(w => (names.GetValueOrDefault(w.Indicator) ?? w.Indicator.Value, ReviewText.Warning(w))).ToList();
        CanReview = Report.Status == ReportStatus.Submitted && await access.AllowsAsync(UnitAction.Review, unit.Value, ct);
        return Page();
    }
}
