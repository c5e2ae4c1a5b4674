using GovReport.Domain.Catalogue;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Authorization;

namespace GovReport.Host.Features.Web.Pages.KeHoach;

/// <summary>The indicator catalogue (danh mục chỉ tiêu) as GET /api/indicators reads it, for planners and admins.</summary>
[Authorize(Policy = Policies.ManageCatalogue)]
public sealed class ChiTieuModel(CatalogueReader catalogue) : WebPage
{
    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];
    public bool Done { get; private set; }

    public async Task OnGetAsync(string? da, CancellationToken ct)
    {
        Done = da == "luu";
        Indicators = (await catalogue.IndicatorsAsync(ct))
            .OrderBy(i => WebText.Sector(i.Sector), StringComparer.Ordinal).ThenBy(i => i.Code).ToList();
    }
}
