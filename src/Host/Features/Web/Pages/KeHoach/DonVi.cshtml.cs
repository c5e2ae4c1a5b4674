using GovReport.Domain.Periods;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Authorization;

namespace GovReport.Host.Features.Web.Pages.KeHoach;

/// <summary>
/// The unit tree (cây đơn vị), as GET /api/units reads it, for planners and admins (the policy of
/// the catalogue's writes): each unit links to its reports, its dashboard and its plan.
/// </summary>
[Authorize(Policy = Policies.ManageCatalogue)]
public sealed class DonViModel(CatalogueReader catalogue, TimeProvider clock) : WebPage
{
    // A deeper tree is a cycle in bad data, not a hierarchy (as UnitAccess reads it).
    public const int MaxDepth = 64;

    private ILookup<string, UnitRow> _children = Array.Empty<UnitRow>().ToLookup(u => "");

    public IReadOnlyList<UnitRow> Units { get; private set; } = [];
    public IReadOnlyList<UnitRow> Roots { get; private set; } = [];
    public int Year { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = clock.GetUtcNow().ToOffset(ReportingCalendar.VietnamOffset).Year;
        Units = await catalogue.UnitsAsync(ct);
        var known = Units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        // A parent that is not registered cannot be walked to, so its child is where a walk starts (as the API's roots).
        Roots = Units.Where(u => u.ParentId is null || !known.Contains(u.ParentId)).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
        _children = Units.Where(u => u.ParentId is not null).OrderBy(u => u.Name, StringComparer.Ordinal).ToLookup(u => u.ParentId!, StringComparer.Ordinal);
    }

    public IReadOnlyList<UnitRow> ChildrenOf(string unit) => _children[unit].ToList();
}
