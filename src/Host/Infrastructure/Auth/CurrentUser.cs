using System.Security.Claims;

namespace GovReport.Host.Infrastructure.Auth;

/// <summary>
/// The authenticated caller as feature handlers see it. Unit ids are plain strings so this does
/// not depend on the domain's identifier types. What the caller may do to which unit is
/// <see cref="UnitAccess"/>'s to say.
/// </summary>
public sealed record CurrentUser(string Subject, IReadOnlySet<string> Roles, IReadOnlySet<string> Units)
{
    public const string SubjectClaim = "sub";
    public const string RoleClaim = "role";
    public const string UnitClaim = "unit";

    public static CurrentUser? FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true) return null;
        var subject = principal.FindFirst(SubjectClaim)?.Value;
        if (string.IsNullOrWhiteSpace(subject)) return null;
        // The identity names its role claim type: "role" from a bearer token, ClaimTypes.Role elsewhere.
        var roleType = (principal.Identity as ClaimsIdentity)?.RoleClaimType ?? ClaimTypes.Role;
        var roles = principal.FindAll(roleType).Select(c => c.Value).Where(Auth.Roles.IsKnown);
        var units = principal.FindAll(UnitClaim).Select(c => c.Value);
        return new CurrentUser(subject, roles.ToHashSet(StringComparer.Ordinal), units.ToHashSet(StringComparer.Ordinal));
    }

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsAdmin => IsInRole(Auth.Roles.Admin);

    /// <summary>Auditors read everything and write nothing, whatever other roles they hold.</summary>
    public bool IsReadOnly => IsInRole(Auth.Roles.Auditor) && !IsAdmin;

    public bool CanManageCatalogue => !IsReadOnly && (IsAdmin || IsInRole(Auth.Roles.Planner));

    public bool CanAudit => IsAdmin || IsInRole(Auth.Roles.Auditor);
}
