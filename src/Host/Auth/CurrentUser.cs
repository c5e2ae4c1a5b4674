using System.Security.Claims;

namespace GovReport.Host.Auth;

/// <summary>
/// The authenticated caller as feature handlers see it. Unit ids are plain strings so this does
/// not depend on the domain's identifier types.
/// </summary>
public sealed record CurrentUser(string Subject, IReadOnlySet<string> Roles, IReadOnlySet<string> Units)
{
    public const string SubjectClaim = "sub";
    public const string RoleClaim = "role";
    public const string UnitClaim = "unit";

    private const int MaxUnitDepth = 64;

    public static CurrentUser? FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true) return null;
        var subject = principal.FindFirst(SubjectClaim)?.Value;
        if (string.IsNullOrEmpty(subject)) return null;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Where(Auth.Roles.IsKnown);
        var units = principal.FindAll(UnitClaim).Select(c => c.Value);
        return new CurrentUser(subject, roles.ToHashSet(StringComparer.Ordinal), units.ToHashSet(StringComparer.Ordinal));
    }

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsAdmin => IsInRole(Auth.Roles.Admin);

    /// <summary>Auditors read everything and write nothing, whatever other roles they hold.</summary>
    public bool IsReadOnly => IsInRole(Auth.Roles.Auditor) && !IsAdmin;

    public bool CanRead() => Roles.Count > 0;

    /// <summary>Any role reads any unit's figures; the parameter keeps call sites explicit.</summary>
    public bool CanRead(string unit) => CanRead();

    public bool CanReportFor(string unit)
    {
        if (IsAdmin) return true;
        if (IsReadOnly) return false;
        return (IsInRole(Auth.Roles.Reporter) || IsInRole(Auth.Roles.Approver)) && Units.Contains(unit);
    }

    /// <summary>An approver's unit covers its whole subtree: walk from <paramref name="unit"/> up through <paramref name="parentOf"/>.</summary>
    public bool CanApproveFor(string unit, Func<string, string?> parentOf)
    {
        if (IsAdmin) return true;
        if (IsReadOnly || !IsInRole(Auth.Roles.Approver)) return false;
        string? current = unit;
        for (var depth = 0; current is not null && depth < MaxUnitDepth; depth++)
        {
            if (Units.Contains(current)) return true;
            current = parentOf(current);
        }
        return false;
    }

    public bool CanManageCatalogue => !IsReadOnly && (IsAdmin || IsInRole(Auth.Roles.Planner));

    public bool CanAudit => IsAdmin || IsInRole(Auth.Roles.Auditor);
}
