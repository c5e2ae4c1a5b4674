using GovReport.Domain.Restructurings;
using GovReport.Host.Features.Reports;
using GovReport.Projections.Queries;

namespace GovReport.Host.Features.Restructurings;

/// <summary>
/// A merged, split or dissolved unit files nothing from its restructuring's effective month on,
/// however the figures arrive (the report API, a workbook, a DHIS2 payload): one check and one
/// wording for every write path, so none lets a predecessor's month slip past.
/// </summary>
internal static class RetiredUnit
{
    /// <summary>The restructuring under which the target's unit no longer reports for the target's month; null while it does.</summary>
    public static async Task<Restructuring?> RetiringAsync(RestructuringQueries restructurings, ReportTarget target, CancellationToken ct) =>
        await restructurings.RetirementAsync(target.Unit.Value, ct) is { } r && r.EffectiveMonth <= target.Month ? r : null;

    /// <summary>As <see cref="RetiringAsync"/>, from a lineage already read for many targets at once (an import).</summary>
    public static Restructuring? Retiring(Lineage retirements, ReportTarget target) =>
        retirements.RetiredBy(target.Unit.Value, target.Month);

    /// <summary>What the refusal says: since when, under which decision, and who reports the month instead.</summary>
    public static string Message(Restructuring r, ReportTarget target)
    {
        var successors = r.Successors.Select(s => s.Unit.Value).ToList();
        return r.Kind == RestructuringKind.Dissolve
            ? $"{target.Unit} was dissolved from {r.EffectiveMonth} ({r.Decision}); it reports nothing for {target.Month}."
            : $"{target.Unit} was {RestructuringDecider.Verb(r.Kind)} into {string.Join(", ", successors)} from {r.EffectiveMonth} ({r.Decision}); "
              + $"report {target.Month} as {string.Join(" or ", successors)}.";
    }
}
