using GovReport.Host.Infrastructure.Http;

namespace GovReport.Host.Features.Targets;

/// <summary>Annual plans (kế hoạch) per unit and year, with every revision kept beside the original.</summary>
public sealed class TargetsEndpoints : IApiModule
{
    public void Map(RouteGroupBuilder api)
    {
        var targets = api.MapGroup("/units/{unitId}/targets").WithTags("Targets");
        targets.MapPutTargets();
        targets.MapGetTargets();
    }
}
