using GovReport.Domain.Periods;
using GovReport.Domain.Restructurings;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Authorization;

namespace GovReport.Host.Features.Web.Pages.KeHoach;

/// <summary>A unit's place in a restructuring, in the tree's words: what became of it, or what it carries on.</summary>
/// <param name="Text">The words before the names, e.g. "đã sắp xếp lại từ tháng 7/2025 theo …; đơn vị kế thừa:".</param>
/// <param name="Units">The units named after <paramref name="Text"/> (successors or predecessors), each a link into the tree.</param>
public sealed record UnitRestructuringNote(string Text, IReadOnlyList<UnitRow> Units, bool Retired);

/// <summary>
/// The unit tree (cây đơn vị), as GET /api/units reads it, for planners and admins (the policy of
/// the catalogue's writes): each unit links to its reports, its dashboard and its plan. A unit
/// merged, split or dissolved stays in the tree (its months are history) but says so, since when
/// and who carries its figures on, so a retired unit is not read as one still reporting.
/// </summary>
[Authorize(Policy = Policies.ManageCatalogue)]
public sealed class DonViModel(CatalogueReader catalogue, RestructuringQueries restructurings, TimeProvider clock) : WebPage
{
    // A deeper tree is a cycle in bad data, not a hierarchy (as UnitAccess reads it).
    public const int MaxDepth = 64;

    private ILookup<string, UnitRow> _children = Array.Empty<UnitRow>().ToLookup(u => "");
    private Dictionary<string, UnitRow> _byId = new(StringComparer.Ordinal);
    private Lineage _lineage = Lineage.Empty;
    private Month _month;

    public IReadOnlyList<UnitRow> Units { get; private set; } = [];
    public IReadOnlyList<UnitRow> Roots { get; private set; } = [];
    public int Year { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToOffset(ReportingCalendar.VietnamOffset);
        Year = now.Year;
        _month = new Month(now.Year, now.Month);
        Units = await catalogue.UnitsAsync(ct);
        _lineage = await restructurings.RetirementsAsync(units: null, ct);
        _byId = Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        // A parent that is not registered cannot be walked to, so its child is where a walk starts (as the API's roots).
        Roots = Units.Where(u => u.ParentId is null || !_byId.ContainsKey(u.ParentId)).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
        _children = Units.Where(u => u.ParentId is not null).OrderBy(u => u.Name, StringComparer.Ordinal).ToLookup(u => u.ParentId!, StringComparer.Ordinal);
    }

    public IReadOnlyList<UnitRow> ChildrenOf(string unit) => _children[unit].ToList();

    /// <summary>The anchor of a unit's item, so a successor's name can link to it.</summary>
    public static string Anchor(string unit) => "don-vi-" + unit;

    /// <summary>
    /// What the tree says beside the unit: that it was (or will be) merged, split or dissolved and
    /// its successors; else, for a successor, whom it succeeds; null for a unit untouched.
    /// </summary>
    public UnitRestructuringNote? NoteFor(string unit)
    {
        if (_lineage.RetirementOf(unit) is { } retired)
        {
            var since = retired.EffectiveMonth.Label.ToLowerInvariant();
            var done = retired.EffectiveMonth <= _month;
            var successors = Known(retired.Successors.Select(s => s.Unit.Value));
            var what = retired.Kind == RestructuringKind.Dissolve
                ? (done ? "đã giải thể từ " : "sẽ giải thể từ ")
                : (done ? "đã sắp xếp lại từ " : "sẽ sắp xếp lại từ ");
            var text = $"{what}{since} theo {retired.Decision}";
            return new(successors.Count == 0 ? text : text + "; đơn vị kế thừa:", successors, Retired: done);
        }
        var predecessors = Known(_lineage.SuccessionsOf(unit).SelectMany(r => r.Predecessors.Select(p => p.Value)));
        if (predecessors.Count == 0) return null;
        var first = _lineage.SuccessionsOf(unit).Min(r => r.EffectiveMonth);
        return new($"kế thừa từ {first.Label.ToLowerInvariant()}:", predecessors, Retired: false);
    }

    // A unit named by a restructuring but not registered (it cannot be: the decider checks) would have no item to link to.
    private List<UnitRow> Known(IEnumerable<string> ids) =>
        ids.Distinct(StringComparer.Ordinal).Select(id => _byId.GetValueOrDefault(id)).OfType<UnitRow>().ToList();
}
