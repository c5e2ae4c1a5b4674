using GovReport.Host.Api;
using GovReport.Host.Auth;

namespace GovReport.Host.Audit;

/// <summary>
/// <c>/api/audit/…</c>: the recorded events, a figure's history and the integrity check. Auditors
/// and admins only; every endpoint here reads, none writes.
/// </summary>
public sealed class AuditModule : IApiModule
{
    public void Map(RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").RequireAuthorization(Policies.Audit).WithTags("Audit");
        AuditEventsEndpoint.Map(audit);
        FigureHistoryEndpoint.Map(audit);
        VerifyEndpoint.Map(audit);
    }
}
