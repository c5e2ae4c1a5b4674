using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Auth;

namespace GovReport.Host.Features.Audit;

/// <summary>
/// <c>/api/audit/…</c>: the recorded events, a figure's history and the integrity check. Auditors
/// and admins only; every endpoint here reads, none writes.
/// </summary>
public sealed class AuditEndpoints : IApiModule
{
    public void Map(RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").RequireAuthorization(Policies.Audit).WithTags("Audit");
        AuditEventsEndpoint.Map(audit);
        FigureHistoryEndpoint.Map(audit);
        VerifyEndpoint.Map(audit);
    }
}
