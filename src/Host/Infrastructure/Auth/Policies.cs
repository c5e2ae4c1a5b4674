using Microsoft.AspNetCore.Authorization;

namespace GovReport.Host.Infrastructure.Auth;

/// <summary>
/// Authorization policy names for <c>RequireAuthorization(Policies.X)</c>. They check roles only;
/// which units a caller may act for is decided by <see cref="UnitAccess"/>, which handlers ask.
/// </summary>
public static class Policies
{
    public const string ReadFigures = "read-figures";
    public const string WriteReports = "write-reports";
    public const string ApproveReports = "approve-reports";
    public const string ManageCatalogue = "manage-catalogue";
    public const string Audit = "audit";

    internal static AuthorizationBuilder AddGovReportPolicies(this AuthorizationBuilder auth) => auth
        .AddPolicy(ReadFigures, p => p.RequireRole(Roles.All))
        .AddPolicy(WriteReports, p => p.RequireRole(Roles.Reporter, Roles.Approver, Roles.Admin).RequireAssertion(NotAReadOnlyAuditor))
        .AddPolicy(ApproveReports, p => p.RequireRole(Roles.Approver, Roles.Admin).RequireAssertion(NotAReadOnlyAuditor))
        .AddPolicy(ManageCatalogue, p => p.RequireRole(Roles.Planner, Roles.Admin).RequireAssertion(NotAReadOnlyAuditor))
        .AddPolicy(Audit, p => p.RequireRole(Roles.Auditor, Roles.Admin));

    // Separation of duties: a token that carries the auditor role never writes, whatever else it holds.
    private static bool NotAReadOnlyAuditor(AuthorizationHandlerContext context) =>
        !context.User.IsInRole(Roles.Auditor) || context.User.IsInRole(Roles.Admin);
}
