using GovReport.Host.Api;

namespace GovReport.Host.Targets;

/// <summary>Annual plans (kế hoạch) per unit and year, with every revision kept beside the original.</summary>
public sealed class TargetsModule : IApiModule
{
    public void Map(RouteGroupBuilder api)
    {
        var targets = api.MapGroup("/units/{unitId}/targets").WithTags("Targets");
        targets.MapPutTargets();
        targets.MapGetTargets();
    }
}
