using GovReport.Host.Features.Summaries;
using GovReport.Host.Features.Web.Dashboard;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Mvc;

namespace GovReport.Host.Features.Web.Pages;

/// <summary>
/// The leaders' dashboard of a block (khối): its members' figures added up as GET
/// /api/blocks/{block}/performance adds them, for a caller who may read every member.
/// </summary>
public sealed class TongHopKhoiModel(CatalogueReader catalogue, CallerAccess access, DashboardLoader loader, SummaryStore summaries) : WebPage
{
    public DashboardData Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string blockId, string? period, string? view, string? asOf, string? indicator, CancellationToken ct)
    {
        if (!BlockScope.IsSummarisable(blockId) || (await catalogue.UnitsAsync(ct)).All(u => u.Block != blockId))
            return Missing($"Không có khối '{blockId}'.");
        if (!await access.CanReadBlockAsync(blockId, ct)) return Refuse("Khối có đơn vị ngoài phạm vi của bạn; chỉ người đọc được mọi đơn vị của khối mới xem được khối.");

        Data = await loader.ForBlockAsync(blockId, loader.Defaults(period, view, asOf, null, indicator), ct);
        loader.Timings.WriteTo(Response);
        if (Data.Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public Task<IActionResult> OnGetTaiVeAsync(string blockId, string? id, string? format, CancellationToken ct) =>
        TongHopModel.Download(this, summaries, access, BlockScope.Of(blockId), id, format, ct);
}
