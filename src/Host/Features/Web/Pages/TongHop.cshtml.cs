using GovReport.Host.Features.Summaries;
using GovReport.Host.Features.Web.Dashboard;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Mvc;

namespace GovReport.Host.Features.Web.Pages;

/// <summary>
/// The leaders' dashboard of a unit: the API's comparison, reporting status and published
/// summaries (<see cref="DashboardLoader"/>), for whoever may read the unit.
/// </summary>
public sealed class TongHopModel(CatalogueReader catalogue, CallerAccess access, DashboardLoader loader, SummaryStore summaries) : WebPage
{
    public DashboardData Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string unitId, string? period, string? view, string? asOf, string? plan, string? indicator, CancellationToken ct)
    {
        if (!Domain.Catalogue.UnitId.TryParse(unitId, out var unit, out _) || await catalogue.UnitAsync(unit.Value, ct) is not { } row)
            return Missing($"Không có đơn vị '{unitId}'.");
        if (!await access.CanReadAsync(unit.Value, ct)) return Refuse();

        Data = await loader.ForUnitAsync(row, loader.Defaults(period, view, asOf, plan, indicator), ct);
        loader.Timings.WriteTo(Response);
        if (Data.Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>A published summary of this unit as CSV or XLSX: the API's files, for a signed-in browser that holds no token.</summary>
    public Task<IActionResult> OnGetTaiVeAsync(string unitId, string? id, string? format, CancellationToken ct) =>
        Download(this, summaries, access, unitId, id, format, ct);

    internal static async Task<IActionResult> Download(WebPage page, SummaryStore summaries, CallerAccess access, string scope, string? id, string? format, CancellationToken ct)
    {
        if (!SummaryStore.IsValidId(id) || await summaries.GetAsync(id!, ct) is not { } summary) return page.NotPublished();
        if (summary.Scope != scope || !await access.CanReadScopeAsync(summary.Scope, ct)) return page.Refused();
        return format == "csv"
            ? page.File(SummaryCsv.Write(summary), SummaryFormats.Csv + "; charset=utf-8", $"{id}.csv")
            : page.File(SummaryXlsx.Write(summary), SummaryFormats.Xlsx, $"{id}.xlsx");
    }

    public static string StatusClass(string status) => "status-" + status;

    /// <summary>A mark beside the status words, so the status never rests on colour alone.</summary>
    public static string StatusMark(string status) => status switch
    {
        "achieved" => "✔",
        "on-track" => "●",
        "behind" => "▼",
        _ => "○",
    };

    /// <summary>The bar's width: percent of plan, capped so a row far over plan still fits.</summary>
    public static decimal BarWidth(decimal? percent) => Math.Clamp(percent ?? 0m, 0m, 150m) / 150m * 100m;
}
