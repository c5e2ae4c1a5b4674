using GovReport.Domain.Catalogue;
using GovReport.Host.Features.Performance;
using GovReport.Host.Features.Summaries;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Daemon;
using GovReport.Host.Infrastructure.Http;
using GovReport.Projections;
using GovReport.Projections.Queries;
using GovReport.Projections.Queries.Performance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace GovReport.Host.Features.Web.Pages;

/// <summary>
/// The leaders' dashboard: the API's comparison (<see cref="PerformanceQuery"/>) and reporting
/// status (<see cref="ReportingStatusQuery"/>) for a unit, a period and a view, read the way the
/// performance endpoint reads them, with the period's published summaries to download.
/// </summary>
public sealed class TongHopModel(
    CatalogueReader catalogue, CallerAccess access, PerformanceQuery performance, ReportingStatusQuery reporting,
    ProjectionFreshness freshness, IOptions<ProjectionOptions> options, SummaryStore summaries, TimeProvider clock,
    IOptions<Targets.PlanOptions> plans) : WebPage
{
    public string UnitId { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public string Period { get; private set; } = "";
    public string View { get; private set; } = "";
    public string? AsOf { get; private set; }
    public PerformanceReport Report { get; private set; } = null!;
    public ReportingStatus Status { get; private set; } = null!;
    public IReadOnlyList<SummaryListItem> Summaries { get; private set; } = [];
    public bool CaughtUp { get; private set; } = true;
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string unitId, string? period, string? view, string? asOf, CancellationToken ct)
    {
        var today = Periods.PeriodInput.Today(clock);
        if (!Domain.Catalogue.UnitId.TryParse(unitId, out var unit, out _)) return Missing($"Không có đơn vị '{unitId}'.");
        var row = await catalogue.UnitAsync(unit.Value, ct);
        if (row is null) return Missing($"Không có đơn vị '{unitId}'.");
        if (!await access.CanReadAsync(unit.Value, ct)) return Refuse();

        // Without a period, the month whose reports fell due last; without a view, the year so far.
        Period = string.IsNullOrWhiteSpace(period) ? Domain.Periods.Month.Of(today).Previous().ToString() : period.Trim();
        View = string.IsNullOrWhiteSpace(view) ? "ytd" : view.Trim();
        AsOf = string.IsNullOrWhiteSpace(asOf) ? null : asOf.Trim();
        (UnitId, UnitName) = (unit.Value, row.Name);

        var errors = new InputErrors();
        var request = await PerformanceRequest.ParseAsync(Period, View, AsOf, null, today, catalogue, errors, ct);
        if (request is null)
        {
            Errors = errors.All.Select(e => e.Field switch
            {
                "period" => "Kỳ báo cáo không hợp lệ: viết như 2022-08, 2022Q3, 2022S1 hoặc 2022.",
                "view" => "Cách xem không hợp lệ.",
                "asOf" => "Thời điểm không hợp lệ: viết như 2022-09-10T00:00:00Z.",
                _ => "Yêu cầu không hợp lệ.",
            }).Distinct().ToList();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (request.AsOf is null)
            CaughtUp = (await FreshnessView.AfterWaitAsync(freshness, options.Value.ReadWait, clock, ct)).CaughtUp;
        // Against the deployment's official plan, as the API's comparison without plan= is.
        Report = await performance.RunAsync(unit, request.Period.LastMonth, request.View, request.AsOf, null, ct, plans.Value.OfficialBaseline);
        Status = await reporting.RunAsync(unit.Value, request.Period, ct, request.AsOf);
        Summaries = await summaries.ListAsync(unit.Value, request.Period.Id, ct);
        return Page();
    }

    /// <summary>A published summary of this unit as CSV or XLSX: the API's files, for a signed-in browser that holds no token.</summary>
    public async Task<IActionResult> OnGetTaiVeAsync(string unitId, string? id, string? format, CancellationToken ct)
    {
        if (!SummaryStore.IsValidId(id) || await summaries.GetAsync(id!, ct) is not { } summary) return Missing("Không có bản tổng hợp này.");
        if (summary.Scope != unitId || !await access.CanReadScopeAsync(summary.Scope, ct)) return Refuse();
        return format == "csv"
            ? File(SummaryCsv.Write(summary), SummaryFormats.Csv + "; charset=utf-8", $"{id}.csv")
            : File(SummaryXlsx.Write(summary), SummaryFormats.Xlsx, $"{id}.xlsx");
    }

    public static string StatusClass(string status) => "status-" + status;

    /// <summary>The bar's width: percent of plan, capped so a row far over plan still fits.</summary>
    public static decimal BarWidth(decimal? percent) => Math.Clamp(percent ?? 0m, 0m, 150m) / 150m * 100m;
}
