using GovReport.Host.Auth;

namespace GovReport.Host.Reports;

/// <summary>
/// Who may do what to a unit's monthly report, beyond the role policies on the endpoints.
/// Reading: admins, auditors and planners read every unit; reporters and approvers read the
/// units they hold and everything under them (a commune's figures are its district's business,
/// not a neighbouring commune's).
/// </summary>
internal static class ReportAccess
{
    private const int MaxDepth = 64;

    public static bool CanRead(CurrentUser user, string unit, IReadOnlyDictionary<string, string?> parents)
    {
        if (user.IsAdmin || user.IsInRole(Roles.Auditor) || user.IsInRole(Roles.Planner)) return true;
        if (!user.IsInRole(Roles.Reporter) && !user.IsInRole(Roles.Approver)) return false;
        return HoldsUnitOrAncestor(user, unit, parents);
    }

    /// <summary>Drafts and submissions come from the unit itself: its reporter (or an admin).</summary>
    public static bool CanFile(CurrentUser user, string unit) => user.CanReportFor(unit);

    public static bool CanReview(CurrentUser user, string unit, IReadOnlyDictionary<string, string?> parents) =>
        user.CanApproveFor(unit, u => parents.GetValueOrDefault(u));

    /// <summary>A correction may come from the unit that filed it or from whoever reviews it.</summary>
    public static bool CanCorrect(CurrentUser user, string unit, IReadOnlyDictionary<string, string?> parents) =>
        CanFile(user, unit) || CanReview(user, unit, parents);

    private static bool HoldsUnitOrAncestor(CurrentUser user, string unit, IReadOnlyDictionary<string, string?> parents)
    {
        string? current = unit;
        for (var depth = 0; current is not null && depth < MaxDepth; depth++)
        {
            if (user.Units.Contains(current)) return true;
            current = parents.GetValueOrDefault(current);
        }
        return false;
    }
}
